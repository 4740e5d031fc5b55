"""Every data set of the playground by key, generated from a seed (or shipped), and a stratified train/test split.

>>> ds = make_dataset("spiral", n_points=200, noise=0.1, seed=0)
>>> ds.X.shape, ds.y.shape, ds.problem
((200, 2), (200,), 'binary')

Arrays: `X` is (n, d) float64, one row per example (notes §5). `y` is (n,) int 0/1 for "binary", (n,) int
0..K-1 for "multiclass", (n, L) int 0/1 for "multilabel", (n,) float for "regression".

Noise (`noise`, a number in [0, 1]; 0 = the clean definition). For TensorFlow Playground's sets it is
Playground's own noise fraction (its slider's 0..50 % is 0..0.5 here; up to 1.0 is allowed):
- circle, xor, plane, gaussian_mix: labels (or targets) are computed at the point moved by
  uniform(-r, r) * noise per axis (r = 5 for circle/xor, 6 for the regression sets), so points near the
  border get the other label; the points themselves stay where they are.
- gaussians: each class is N(centre, variance) with variance = 0.5 + 7 * noise (Playground's scale).
- spiral, multi_spiral: each coordinate moves by uniform(-1, 1) * noise.
- moons: Gaussian jitter of std 2.5 * noise (the moons are drawn 2.5 times larger than scikit-learn's,
  so noise means the same as scikit-learn's `make_moons(noise=...)`).
- blobs: each blob is N(centre, std^2) with std = 10 * noise (noise 0.1 gives the course's std 1.0).
- multilabel, coffee: labels are computed at the point moved by N(0, (noise * spread)^2) per axis, with
  spread = 5 for multilabel and a tenth of each feature's range for coffee.
- line_1d, house_price: Gaussian target noise of std 2 * noise (line) and 1 * noise (price, in $100k).
- tshirt_price: best-seller is Bernoulli(sigmoid(-(price - 20) / s)) with s = 0.5 + 10 * noise dollars.
- tshirt_demand: best-seller iff the story's score + N(0, (8 * noise)^2) > 0 (see below).
Shipped sets (iris, digits) ignore `n_points` and `noise`; the seed only shuffles their rows.

Other controls: `classes` is K for multi_spiral and blobs (3..6 and 2..6) and the number of labels L for
multilabel (2..4). `imbalance` in [0, 0.9] drops that fraction of the minority class: for binary sets class 1
loses round(imbalance * count) points; for K classes class k loses imbalance * k / (K - 1) of its points
(class 0 keeps all, class K-1 loses `imbalance`). `label_noise` in [0, 0.5] changes exactly
round(label_noise * n) labels: flipped (binary), moved to another class chosen uniformly (multiclass), or, for
multilabel, round(label_noise * n * L) single 0/1 entries flipped. Both apply to classification only.

The T-shirt demand story (notes §3): a T-shirt has a price ($5..$40), a shipping cost ($0..$15), a marketing
budget ($0..10k) and a material quality score (1..10). Three hidden factors decide whether it sells well:
    affordability     = sigmoid(-(price + shipping - 30) / 4)        # what the buyer pays in total
    awareness         = sigmoid((marketing - 4) / 1.2)               # only marketing makes it known
    perceived_quality = sigmoid(0.1 * price + 0.8 * material - 6.5)     # well made, and dear looks good
    score             = 5 * affordability + 4 * awareness + 6 * perceived_quality - 8
    best-seller       = score + N(0, (8 * noise)^2) > 0
so a 4-3-1 network has three real quantities its hidden neurons can rediscover; `Dataset.latent` (n, 3)
holds them (names in `Dataset.latent_names`).
"""

import functools
import gzip
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

PROBLEMS = ("binary", "multiclass", "multilabel", "regression")
CLASSIFICATION = ("binary", "multiclass")
DATA_DIR = Path(__file__).parent / "data"


@dataclass
class Dataset:
    """A data set: `X` (n, d) float64 and `y` shaped by `problem` (see the module docstring)."""

    X: np.ndarray
    y: np.ndarray
    problem: str
    feature_names: list[str]
    target_names: list[str]  # class names (binary: [negative, positive]), label names, or the target's name
    name: str  # key in DATASETS, or e.g. "upload"
    needs_scaling: bool = False  # True when features are far from a ~[-6, 6] scale (prices, °C, pixels 0..16)
    latent: np.ndarray | None = None  # (n, k) hidden factors of a story-generated set, else None
    latent_names: list[str] = field(default_factory=list)
    images: np.ndarray | None = None  # (n, h, w) for image sets (digits: 8x8, 0..16), else None

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise ValueError(f"Unknown problem type {self.problem!r}; use one of {', '.join(PROBLEMS)}.")

    @property
    def n_examples(self) -> int:
        return int(self.X.shape[0])

    @property
    def n_features(self) -> int:
        return int(self.X.shape[1])

    @property
    def n_classes(self) -> int:
        """Classes of a classification set (binary: 2), labels of a multi-label set, 1 for regression."""
        if self.problem == "regression":
            return 1
        return len(self.target_names)

    @property
    def n_outputs(self) -> int:
        """Output units the matching head needs: 1 (binary sigmoid, regression), K (softmax), L (multi-label)."""
        return len(self.target_names) if self.problem in ("multiclass", "multilabel") else 1

    def class_counts(self) -> np.ndarray:
        """Examples per class (binary/multiclass) or per label (multilabel); shape (n_classes,). Not for regression."""
        if self.problem == "regression":
            raise ValueError("A regression data set has no classes.")
        if self.problem == "multilabel":
            return self.y.sum(axis=0).astype(int)
        return np.bincount(self.y, minlength=self.n_classes)

    def subset(self, index: np.ndarray) -> "Dataset":
        """The examples at `index` (integer or boolean array), every per-example array kept in step."""
        return replace(
            self,
            X=self.X[index],
            y=self.y[index],
            latent=None if self.latent is None else self.latent[index],
            images=None if self.images is None else self.images[index],
        )


BLOB_CENTRES_4 = np.array([[-5.0, 2.0], [-2.0, -2.0], [1.0, 2.0], [5.0, -2.0]])  # the course's four blobs
BLOB_RING_RADIUS = 4.0
SPIRAL_TURNS = 1.75  # TensorFlow Playground: angle t = 1.75 * 2π * i / n + arm offset, radius r = 5 * i / n
GAUSSIAN_MIX = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))
IRIS_CLASSES = ["setosa", "versicolor", "virginica"]


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _split_counts(n: int, k: int) -> list[int]:
    """n examples shared by k classes as evenly as possible (the first classes get the remainder)."""
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


# --- generators: each returns (X, y) or a Dataset; rng is a numpy Generator --------------------------------

def _circle(n, noise, rng):
    radius = 5.0
    n_in, n_out = _split_counts(n, 2)[::-1]
    r = np.concatenate([rng.uniform(0, radius * 0.5, n_in), rng.uniform(radius * 0.7, radius, n_out)])
    angle = rng.uniform(0, 2 * np.pi, n)
    X = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    moved = X + rng.uniform(-radius, radius, (n, 2)) * noise
    y = (np.hypot(moved[:, 0], moved[:, 1]) < radius * 0.5).astype(int)
    return X, y


def _xor(n, noise, rng):
    padding = 0.3  # keeps points off the axes, as in Playground
    X = rng.uniform(-5, 5, (n, 2))
    X += np.where(X > 0, padding, -padding)
    moved = X + rng.uniform(-5, 5, (n, 2)) * noise
    y = (moved[:, 0] * moved[:, 1] >= 0).astype(int)
    return X, y


def _gaussians(n, noise, rng):
    variance = 0.5 + 7.0 * noise
    counts = _split_counts(n, 2)
    centres = np.array([[-2.0, -2.0], [2.0, 2.0]])
    X = np.concatenate([rng.normal(centres[c], np.sqrt(variance), (counts[c], 2)) for c in range(2)])
    y = np.repeat([0, 1], counts)
    return X, y


def spiral_arm(n: int, arm: int, arms: int) -> np.ndarray:
    """The noise-free points of one spiral arm, (n, 2): r = 5 i / n, t = 1.75 * 2π i / n + 2π arm / arms."""
    i = np.arange(n)
    r = 5.0 * i / n
    t = SPIRAL_TURNS * 2 * np.pi * i / n + 2 * np.pi * arm / arms
    return np.column_stack([r * np.sin(t), r * np.cos(t)])


def _spiral(n, noise, rng, arms=2):
    counts = _split_counts(n, arms)
    X = np.concatenate([spiral_arm(counts[k], k, arms) for k in range(arms)])
    X += rng.uniform(-1, 1, X.shape) * noise
    # Playground's arm 0 is its positive class.
    y = np.repeat(np.arange(arms), counts)
    if arms == 2:
        y = 1 - y
    return X, y


def _moons(n, noise, rng):
    n_outer, n_inner = _split_counts(n, 2)
    t_outer = np.linspace(0, np.pi, n_outer)
    t_inner = np.linspace(0, np.pi, n_inner)
    X = np.concatenate([
        np.column_stack([np.cos(t_outer), np.sin(t_outer)]),
        np.column_stack([1 - np.cos(t_inner), 0.5 - np.sin(t_inner)]),
    ])
    # Centred and drawn 2.5x larger than scikit-learn's so the moons fill Playground's [-6, 6] view.
    X = (X - [0.5, 0.25] + rng.normal(0, noise, X.shape)) * 2.5
    y = np.repeat([0, 1], [n_outer, n_inner])
    return X, y


def blob_centres(k: int) -> np.ndarray:
    """Centres of k blobs, (k, 2): the course's four for k = 4, else evenly on a circle of radius 4."""
    if k == 4:
        return BLOB_CENTRES_4.copy()
    angle = np.pi / 2 + 2 * np.pi * np.arange(k) / k
    return BLOB_RING_RADIUS * np.column_stack([np.cos(angle), np.sin(angle)])


def _blobs(n, noise, rng, k=4):
    counts = _split_counts(n, k)
    centres = blob_centres(k)
    std = 10.0 * noise
    X = np.concatenate([rng.normal(centres[c], std, (counts[c], 2)) for c in range(k)])
    y = np.repeat(np.arange(k), counts)
    return X, y


MULTILABEL_NAMES = ["inside circle A", "right of the line", "in the band", "inside circle B"]


def multilabel_rule(X: np.ndarray, n_labels: int) -> np.ndarray:
    """The multi-label set's labels for points X (n, 2) -> (n, n_labels) int 0/1.

    A: within 3 of (-1.5, 1.5); line: x1 > 0.5 x2 + 1; band: |x2 + 0.5 x1 + 1| < 1.5; B: within 2.5 of (2, -2).
    """
    x1, x2 = X[:, 0], X[:, 1]
    rules = [
        np.hypot(x1 + 1.5, x2 - 1.5) < 3.0,
        x1 > 0.5 * x2 + 1.0,
        np.abs(x2 + 0.5 * x1 + 1.0) < 1.5,
        np.hypot(x1 - 2.0, x2 + 2.0) < 2.5,
    ]
    return np.column_stack(rules[:n_labels]).astype(int)


def _multilabel(n, noise, rng, k=3):
    X = rng.uniform(-5, 5, (n, 2))
    return X, multilabel_rule(X + rng.normal(0, 5.0 * noise, X.shape), k)


def _plane(n, noise, rng):
    X = rng.uniform(-6, 6, (n, 2))
    moved = X + rng.uniform(-6, 6, (n, 2)) * noise
    return X, (moved[:, 0] + moved[:, 1]) / 10.0


def gaussian_mix_target(X: np.ndarray) -> np.ndarray:
    """Sum of six signed Gaussian bumps (std 1) at GAUSSIAN_MIX's centres, for points X (n, 2) -> (n,)."""
    y = np.zeros(len(X))
    for cx, cy, sign in GAUSSIAN_MIX:
        y += sign * np.exp(-((X[:, 0] - cx) ** 2 + (X[:, 1] - cy) ** 2) / 2.0)
    return y


def _gaussian_mix(n, noise, rng):
    X = rng.uniform(-6, 6, (n, 2))
    return X, gaussian_mix_target(X + rng.uniform(-6, 6, (n, 2)) * noise)


def _house_price(n, noise, rng):
    area = rng.uniform(40, 250, n)  # m²
    age = rng.uniform(0, 80, n)  # years
    price = 0.02 * area - 0.02 * age + 0.5 + rng.normal(0, 1.0 * noise, n)  # $100k
    return np.column_stack([area, age]), np.maximum(price, 0.0)


def _line_1d(n, noise, rng):
    x = rng.uniform(-5, 5, n)
    return x[:, None], 0.8 * x + 1.0 + rng.normal(0, 2.0 * noise, n)


def _tshirt_price(n, noise, rng):
    price = rng.uniform(5, 40, n)
    p_best = _sigmoid(-(price - 20.0) / (0.5 + 10.0 * noise))
    return price[:, None], (rng.random(n) < p_best).astype(int)


TSHIRT_LATENT = ["affordability", "awareness", "perceived_quality"]


def tshirt_story(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The T-shirt demand story for X (n, 4) = price, shipping, marketing, material -> (latent (n, 3), score (n,))."""
    price, shipping, marketing, material = X.T
    affordability = _sigmoid(-(price + shipping - 30.0) / 4.0)
    awareness = _sigmoid((marketing - 4.0) / 1.2)
    perceived_quality = _sigmoid(0.1 * price + 0.8 * material - 6.5)
    latent = np.column_stack([affordability, awareness, perceived_quality])
    score = latent @ np.array([5.0, 4.0, 6.0]) - 8.0
    return latent, score


def _tshirt_demand(n, noise, rng):
    X = np.column_stack([
        rng.uniform(5, 40, n),  # price $
        rng.uniform(0, 15, n),  # shipping $
        rng.uniform(0, 10, n),  # marketing $k
        rng.uniform(1, 10, n),  # material quality score
    ])
    latent, score = tshirt_story(X)
    y = (score + rng.normal(0, 8.0 * noise, n) > 0).astype(int)
    return X, y, {"latent": latent, "latent_names": list(TSHIRT_LATENT)}


def coffee_rule(temperature, duration) -> np.ndarray:
    """Good roast (1) iff 175 < t < 260 °C and 12 < d < 15 min and d <= -(3/85) t + 21."""
    t, d = np.asarray(temperature), np.asarray(duration)
    return ((t > 175) & (t < 260) & (d > 12) & (d < 15) & (d <= -3.0 / 85.0 * t + 21.0)).astype(int)


def _coffee(n, noise, rng):
    t = rng.uniform(150, 285, n)
    d = rng.uniform(11.5, 15.5, n)
    # Jitter where the rule is read, a tenth of each range per unit of noise.
    y = coffee_rule(t + rng.normal(0, 13.5 * noise, n), d + rng.normal(0, 0.4 * noise, n))
    return np.column_stack([t, d]), y


@functools.cache
def _read_shipped(name: str) -> np.ndarray:
    """A shipped file's numbers, read once per process (read-only data, the same for every user)."""
    if name.endswith(".gz"):
        with gzip.open(DATA_DIR / name, "rt") as f:
            table = np.loadtxt(f, delimiter=",")
    else:
        table = np.loadtxt(DATA_DIR / name, delimiter=",", skiprows=1)
    table.setflags(write=False)
    return table


def load_iris() -> tuple[np.ndarray, np.ndarray]:
    """Iris from engine/data/iris.csv: X (150, 4) in cm, y (150,) 0..2 (IRIS_CLASSES)."""
    table = _read_shipped("iris.csv")
    return table[:, :4].copy(), table[:, 4].astype(int)


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """The 8x8 digits from engine/data/digits.csv.gz: X (1797, 64) pixels 0..16 row-major, y (1797,) 0..9."""
    table = _read_shipped("digits.csv.gz")
    return table[:, :64].copy(), table[:, 64].astype(int)


# --- the controls shared by every classification set -------------------------------------------------------

def apply_imbalance(ds: Dataset, imbalance: float, rng: np.random.Generator) -> Dataset:
    """Drop round(f_k * count_k) random examples of class k, f_k = imbalance * k / (K - 1) (binary: class 1)."""
    if ds.problem not in CLASSIFICATION or imbalance <= 0:
        return ds
    k = ds.n_classes
    keep = np.ones(ds.n_examples, dtype=bool)
    for c in range(1, k):
        members = np.flatnonzero(ds.y == c)
        n_drop = int(round(imbalance * c / (k - 1) * len(members)))
        n_drop = min(n_drop, len(members) - 1)  # a class never disappears entirely
        if n_drop > 0:
            keep[rng.choice(members, n_drop, replace=False)] = False
    return ds.subset(keep)


def apply_label_noise(ds: Dataset, label_noise: float, rng: np.random.Generator) -> Dataset:
    """Change exactly round(label_noise * n) labels (multilabel: that fraction of all n * L entries)."""
    if ds.problem == "regression" or label_noise <= 0:
        return ds
    y = ds.y.copy()
    if ds.problem == "multilabel":
        flat = y.reshape(-1)
        chosen = rng.choice(flat.size, int(round(label_noise * flat.size)), replace=False)
        flat[chosen] = 1 - flat[chosen]
    else:
        chosen = rng.choice(len(y), int(round(label_noise * len(y))), replace=False)
        k = ds.n_classes
        # Adding 1..K-1 modulo K always lands on another class, each equally likely.
        y[chosen] = (y[chosen] + rng.integers(1, k, len(chosen))) % k
    return replace(ds, y=y)


# --- the registry: one record per data set ---------------------------------------------------------------

Generator = Callable[..., tuple]  # (n, noise, rng[, k]) -> (X, y) or (X, y, extras for Dataset's fields)


@dataclass(frozen=True)
class DatasetSpec:
    """Everything about one data set: how to make it and what the picker needs to know before making it.

    `generate(n, noise, rng)` (with `k` as a fourth argument when "classes" is a control) returns (X, y), or
    (X, y, extras) where extras holds other `Dataset` fields (`latent`, `latent_names`, `images`).
    `target_names` is a tuple, or a function of K (or L) for sets whose classes are a control.

    >>> spec = DATASETS["blobs"]
    >>> spec.problem, spec.input_dim, spec.targets(3), (spec.min_classes, spec.max_classes)
    ('multiclass', 2, ['blob 0', 'blob 1', 'blob 2'], (2, 6))
    """

    problem: str
    generate: Generator
    feature_names: tuple[str, ...] = ("x1", "x2")
    target_names: tuple[str, ...] | Callable[[int], list[str]] = ("class 0", "class 1")
    controls: tuple[str, ...] = ("n_points", "noise")  # of "n_points", "noise", "classes"
    default_classes: int | None = None  # K (multiclass) or L (multilabel) when "classes" applies
    min_classes: int | None = None
    max_classes: int | None = None
    needs_scaling: bool = False
    shipped: bool = False

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise ValueError(f"Unknown problem type {self.problem!r}; use one of {', '.join(PROBLEMS)}.")
        if "classes" in self.controls and None in (self.default_classes, self.min_classes, self.max_classes):
            raise ValueError("A data set with a classes control needs default_classes, min_classes, max_classes.")

    @property
    def input_dim(self) -> int:
        return len(self.feature_names)

    def targets(self, k: int | None) -> list[str]:
        """The target names with K classes (or L labels); `k` is ignored by sets with fixed targets."""
        return list(self.target_names(k) if callable(self.target_names) else self.target_names)


def _iris(n, noise, rng):
    return load_iris()


def _digits(n, noise, rng):
    X, y = load_digits()
    return X, y, {"images": X.reshape(-1, 8, 8)}


_WITH_K = ("n_points", "noise", "classes")
_BEST_SELLER = ("not a best-seller", "best-seller")

DATASETS: dict[str, DatasetSpec] = {
    "circle": DatasetSpec("binary", _circle, target_names=("outside", "inside")),
    "xor": DatasetSpec("binary", _xor, target_names=("different signs", "same sign")),
    "gaussians": DatasetSpec("binary", _gaussians),
    "spiral": DatasetSpec("binary", _spiral),
    "moons": DatasetSpec("binary", _moons),
    "multi_spiral": DatasetSpec("multiclass", _spiral, target_names=lambda k: [f"arm {c}" for c in range(k)],
                                controls=_WITH_K, default_classes=3, min_classes=3, max_classes=6),
    "blobs": DatasetSpec("multiclass", _blobs, target_names=lambda k: [f"blob {c}" for c in range(k)],
                         controls=_WITH_K, default_classes=4, min_classes=2, max_classes=6),
    "multilabel": DatasetSpec("multilabel", _multilabel, target_names=lambda k: MULTILABEL_NAMES[:k],
                              controls=_WITH_K, default_classes=3, min_classes=2, max_classes=4),
    "plane": DatasetSpec("regression", _plane, target_names=("y",)),
    "gaussian_mix": DatasetSpec("regression", _gaussian_mix, target_names=("y",)),
    "house_price": DatasetSpec("regression", _house_price, ("area_m2", "age_years"), ("price_100k_usd",),
                               needs_scaling=True),
    "line_1d": DatasetSpec("regression", _line_1d, ("x",), ("y",)),
    "tshirt_price": DatasetSpec("binary", _tshirt_price, ("price_usd",), _BEST_SELLER, needs_scaling=True),
    "tshirt_demand": DatasetSpec("binary", _tshirt_demand,
                                 ("price_usd", "shipping_usd", "marketing_k_usd", "material_quality"),
                                 _BEST_SELLER, needs_scaling=True),
    "coffee": DatasetSpec("binary", _coffee, ("temperature_c", "duration_min"), ("bad roast", "good roast"),
                          needs_scaling=True),
    "iris": DatasetSpec("multiclass", _iris,
                        ("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"),
                        tuple(IRIS_CLASSES), controls=(), needs_scaling=True, shipped=True),
    "digits": DatasetSpec("multiclass", _digits, tuple(f"pixel_{r}_{c}" for r in range(8) for c in range(8)),
                          tuple(str(d) for d in range(10)), controls=(), needs_scaling=True, shipped=True),
}


def _check_range(name, value, low, high):
    if not (low <= value <= high):
        raise ValueError(f"{name} must be between {low} and {high}, not {value}.")


def make_dataset(key: str, n_points: int = 400, noise: float = 0.1, seed: int = 0, classes: int | None = None,
                 imbalance: float = 0.0, label_noise: float = 0.0) -> Dataset:
    """The data set `key` of DATASETS, made from `seed`; controls that do not apply to it are ignored.

    `classes` None means the set's default (K or L). Raises ValueError for an unknown key or a value out of range.
    """
    if key not in DATASETS:
        raise ValueError(f"Unknown data set {key!r}; choose one of {', '.join(DATASETS)}.")
    spec = DATASETS[key]
    n_points = int(n_points)
    _check_range("n_points", n_points, 4, 100_000)
    _check_range("noise", noise, 0.0, 1.0)
    _check_range("imbalance", imbalance, 0.0, 0.9)
    _check_range("label_noise", label_noise, 0.0, 0.5)
    k = spec.default_classes
    if "classes" in spec.controls and classes is not None:
        k = int(min(max(int(classes), spec.min_classes), spec.max_classes))
    rng = np.random.default_rng(seed)
    if "classes" in spec.controls:
        X, y, *extras = spec.generate(n_points, noise, rng, k)
    else:
        X, y, *extras = spec.generate(n_points, noise, rng)
    ds = Dataset(
        X=np.asarray(X, dtype=np.float64),
        y=np.asarray(y, dtype=np.float64 if spec.problem == "regression" else np.int64),
        problem=spec.problem,
        feature_names=list(spec.feature_names),
        target_names=spec.targets(k),
        name=key,
        needs_scaling=spec.needs_scaling,
        **(extras[0] if extras else {}),
    )
    # Generators emit class by class: shuffle so that mini-batches and splits see every class.
    ds = ds.subset(rng.permutation(ds.n_examples))
    ds = apply_imbalance(ds, imbalance, rng)
    return apply_label_noise(ds, label_noise, rng)


def train_test_split(ds: Dataset, test_fraction: float, seed: int = 0) -> tuple[Dataset, Dataset]:
    """(train, test) with round(test_fraction * n) test examples (at least 1 each side).

    Stratified for binary/multiclass when every class has at least 2 examples: each class contributes
    round(test_fraction * count) test examples (at least 1, never all), so both parts keep the class ratios.
    """
    _check_range("test_fraction", test_fraction, 0.0, 1.0)
    n = ds.n_examples
    if n < 2:
        raise ValueError("Splitting needs at least 2 examples.")
    rng = np.random.default_rng(seed)
    is_test = np.zeros(n, dtype=bool)
    counts = ds.class_counts() if ds.problem in CLASSIFICATION else None
    if counts is not None and counts[counts > 0].min() >= 2:
        for c in np.flatnonzero(counts):
            members = np.flatnonzero(ds.y == c)
            n_test = min(max(int(round(test_fraction * len(members))), 1), len(members) - 1)
            is_test[rng.choice(members, n_test, replace=False)] = True
    else:
        n_test = min(max(int(round(test_fraction * n)), 1), n - 1)
        is_test[rng.choice(n, n_test, replace=False)] = True
    # Keep the original order inside each part (already shuffled by make_dataset).
    return ds.subset(~is_test), ds.subset(is_test)
