import hashlib
from pathlib import Path

import numpy as np
import pytest

from engine.datasets import (
    BLOB_CENTRES_4,
    DATASETS,
    IRIS_CLASSES,
    Dataset,
    DatasetSpec,
    blob_centres,
    coffee_rule,
    gaussian_mix_target,
    load_digits,
    load_iris,
    make_dataset,
    multilabel_rule,
    spiral_arm,
    train_test_split,
    tshirt_story,
)

GENERATED = [key for key, spec in DATASETS.items() if not spec.shipped]


def _check_shapes(ds: Dataset, n: int | None):
    spec = DATASETS[ds.name]
    assert ds.X.dtype == np.float64 and ds.X.ndim == 2
    assert ds.X.shape[1] == spec.input_dim == len(ds.feature_names)
    if n is not None:
        assert ds.X.shape[0] == n
    assert np.isfinite(ds.X).all() and np.isfinite(ds.y).all()
    assert ds.problem == spec.problem and ds.needs_scaling == spec.needs_scaling
    if ds.problem == "regression":
        assert ds.y.shape == (ds.n_examples,) and ds.y.dtype == np.float64
        assert len(ds.target_names) == 1 and ds.n_outputs == 1
    elif ds.problem == "multilabel":
        assert ds.y.shape == (ds.n_examples, len(ds.target_names))
        assert set(np.unique(ds.y)) <= {0, 1} and ds.n_outputs == len(ds.target_names)
    else:
        assert ds.y.shape == (ds.n_examples,) and np.issubdtype(ds.y.dtype, np.integer)
        assert ds.y.min() >= 0 and ds.y.max() < len(ds.target_names)
        assert ds.n_outputs == (1 if ds.problem == "binary" else len(ds.target_names))
        if ds.problem == "binary":
            assert len(ds.target_names) == 2


@pytest.mark.parametrize("key", GENERATED)
def test_generators_shapes_labels_and_every_class_present(key):
    ds = make_dataset(key, n_points=301, noise=0.1, seed=3)
    _check_shapes(ds, 301)
    if ds.problem in ("binary", "multiclass", "multilabel"):
        assert (ds.class_counts() > 0).all()
    else:
        assert ds.y.std() > 0


@pytest.mark.parametrize("key", list(DATASETS))
def test_same_seed_same_data_other_seed_other_data(key):
    a = make_dataset(key, n_points=200, noise=0.2, seed=7)
    b = make_dataset(key, n_points=200, noise=0.2, seed=7)
    c = make_dataset(key, n_points=200, noise=0.2, seed=8)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.X, c.X)


@pytest.mark.parametrize("key", ["circle", "xor", "spiral", "moons", "multi_spiral", "blobs", "gaussians",
                                 "multilabel", "coffee", "tshirt_price", "tshirt_demand"])
def test_more_noise_means_more_overlap(key):
    """A nearest-neighbour vote agrees with fewer labels as noise grows."""
    def agreement(noise):
        ds = make_dataset(key, n_points=600, noise=noise, seed=1)
        X = (ds.X - ds.X.mean(0)) / ds.X.std(0)
        d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
        np.fill_diagonal(d, np.inf)
        nearest = d.argmin(1)
        return (ds.y[nearest] == ds.y).mean()
    assert agreement(0.0) > agreement(0.5) + 0.03


@pytest.mark.parametrize("key", ["plane", "gaussian_mix", "line_1d", "house_price"])
def test_regression_noise_moves_targets_away_from_the_clean_function(key):
    clean = make_dataset(key, n_points=500, noise=0.0, seed=2)
    noisy = make_dataset(key, n_points=500, noise=0.3, seed=2)
    fits = {}
    for name, ds in (("clean", clean), ("noisy", noisy)):
        if key == "plane":
            truth = ds.X.sum(1) / 10
        elif key == "gaussian_mix":
            truth = gaussian_mix_target(ds.X)
        elif key == "line_1d":
            truth = 0.8 * ds.X[:, 0] + 1
        else:
            truth = np.maximum(0.02 * ds.X[:, 0] - 0.02 * ds.X[:, 1] + 0.5, 0)
        fits[name] = np.abs(ds.y - truth).mean()
    assert fits["clean"] < 1e-12
    assert fits["noisy"] > 0.02


def test_spiral_matches_its_definition():
    ds = make_dataset("multi_spiral", n_points=300, noise=0.0, classes=3, seed=0)
    for arm in range(3):
        points = ds.X[ds.y == arm]
        expected = spiral_arm(100, arm, 3)
        # Same set of points (the rows are shuffled).
        np.testing.assert_allclose(points[np.lexsort(points.T)], expected[np.lexsort(expected.T)], atol=1e-12)
    r = np.hypot(*spiral_arm(100, 1, 3).T)
    np.testing.assert_allclose(r, 5.0 * np.arange(100) / 100)
    t = 1.75 * 2 * np.pi * 10 / 100 + 2 * np.pi / 3
    np.testing.assert_allclose(spiral_arm(100, 1, 3)[10], [0.5 * np.sin(t), 0.5 * np.cos(t)])
    # Noise moves each coordinate by at most `noise`.
    noisy = make_dataset("multi_spiral", n_points=300, noise=0.3, classes=3, seed=0)
    for arm in range(3):
        p = noisy.X[noisy.y == arm]
        clean = spiral_arm(100, arm, 3)
        dist = np.abs(p[:, None, :] - clean[None, :, :]).max(-1).min(1)
        assert dist.max() <= 0.3 + 1e-12


def test_two_arm_spiral_is_playgrounds():
    ds = make_dataset("spiral", n_points=200, noise=0.0, seed=0)
    # Playground's positive arm starts at angle 0: sin(t)=x, cos(t)=y.
    positive = ds.X[ds.y == 1]
    expected = spiral_arm(100, 0, 2)
    np.testing.assert_allclose(positive[np.lexsort(positive.T)], expected[np.lexsort(expected.T)], atol=1e-12)


def test_blobs_default_is_the_courses_four():
    ds = make_dataset("blobs", n_points=4000, noise=0.1, seed=0)
    assert ds.n_classes == 4
    np.testing.assert_array_equal(blob_centres(4), [[-5, 2], [-2, -2], [1, 2], [5, -2]])
    for c in range(4):
        points = ds.X[ds.y == c]
        assert len(points) == 1000
        np.testing.assert_allclose(points.mean(0), BLOB_CENTRES_4[c], atol=0.1)
        np.testing.assert_allclose(points.std(0), [1.0, 1.0], atol=0.06)


@pytest.mark.parametrize("k", [2, 3, 5, 6])
def test_k_blobs_and_k_spirals(k):
    blobs = make_dataset("blobs", n_points=60 * k, noise=0.0, classes=k, seed=0)
    assert blobs.n_classes == k and (blobs.class_counts() == 60).all()
    for c in range(k):
        np.testing.assert_allclose(blobs.X[blobs.y == c], np.tile(blob_centres(k)[c], (60, 1)))
    np.testing.assert_allclose(np.hypot(*blob_centres(k).T), 4.0)
    if k >= 3:
        spiral = make_dataset("multi_spiral", n_points=50 * k, classes=k, seed=0)
        assert spiral.n_classes == k and (spiral.class_counts() == 50).all()


def test_classes_clamped_to_the_sets_range():
    assert make_dataset("multi_spiral", classes=2).n_classes == 3
    assert make_dataset("blobs", classes=9).n_classes == 6
    assert make_dataset("multilabel", classes=7).y.shape[1] == 4
    assert make_dataset("circle", classes=5).n_classes == 2  # not a control of circle: ignored


def test_multilabel_labels_co_occur_and_follow_the_rule():
    ds = make_dataset("multilabel", n_points=2000, noise=0.0, classes=4, seed=0)
    assert ds.y.shape == (2000, 4)
    np.testing.assert_array_equal(ds.y, multilabel_rule(ds.X, 4))
    per_point = ds.y.sum(1)
    assert (per_point >= 2).mean() > 0.1  # labels really overlap
    assert (per_point == 0).any()
    assert 0.1 < ds.y.mean(0).min() and ds.y.mean(0).max() < 0.9


def test_coffee_rule_and_ranges():
    ds = make_dataset("coffee", n_points=2000, noise=0.0, seed=0)
    t, d = ds.X.T
    assert t.min() >= 150 and t.max() <= 285 and d.min() >= 11.5 and d.max() <= 15.5
    expected = (t > 175) & (t < 260) & (d > 12) & (d < 15) & (d <= -(3 / 85) * t + 21)
    np.testing.assert_array_equal(ds.y, expected.astype(int))
    assert 0.1 < ds.y.mean() < 0.5
    # Corners of the rule.
    assert coffee_rule(200, 13) == 1
    assert coffee_rule(175, 13) == 0 and coffee_rule(260, 12.5) == 0
    assert coffee_rule(250, 13) == 0  # above the slanted line: -(3/85)*250 + 21 = 12.18
    assert coffee_rule(200, 15) == 0 and coffee_rule(200, 12) == 0


def test_tshirt_price_cheap_sells_dear_does_not():
    ds = make_dataset("tshirt_price", n_points=1000, noise=0.1, seed=0)
    price = ds.X[:, 0]
    assert price.min() >= 5 and price.max() <= 40 and ds.feature_names == ["price_usd"]
    assert ds.y[price < 15].mean() > 0.9
    assert ds.y[price > 25].mean() < 0.1
    clean = make_dataset("tshirt_price", n_points=1000, noise=0.0, seed=0)
    far = np.abs(clean.X[:, 0] - 20) > 3
    np.testing.assert_array_equal(clean.y[far], (clean.X[far, 0] < 20).astype(int))


def test_tshirt_demand_follows_its_story():
    ds = make_dataset("tshirt_demand", n_points=3000, noise=0.0, seed=0)
    assert ds.X.shape == (3000, 4) and ds.latent.shape == (3000, 3)
    assert ds.latent_names == ["affordability", "awareness", "perceived_quality"]
    latent, score = tshirt_story(ds.X)
    np.testing.assert_allclose(ds.latent, latent)
    np.testing.assert_array_equal(ds.y, (score > 0).astype(int))
    assert 0.3 < ds.y.mean() < 0.7
    price, shipping, marketing, material = ds.X.T
    affordability, awareness, quality = ds.latent.T

    def corr(a, b):
        return np.corrcoef(a, b)[0, 1]
    # Each factor depends on its own inputs only.
    assert corr(affordability, price + shipping) < -0.9
    assert abs(corr(affordability, marketing)) < 0.1
    assert corr(awareness, marketing) > 0.9 and abs(corr(awareness, price)) < 0.1
    assert corr(quality, material) > 0.5 and corr(quality, price) > 0.2
    assert abs(corr(quality, marketing)) < 0.1
    # And each factor moves the chance of a best-seller.
    for factor in ds.latent.T:
        assert corr(factor, ds.y) > 0.2
    # The latent factors travel with their rows through a split.
    train, test = train_test_split(ds, 0.25, seed=0)
    np.testing.assert_allclose(test.latent, tshirt_story(test.X)[0])


def test_iris_and_digits_load_with_their_shapes_and_counts():
    X, y = load_iris()
    assert X.shape == (150, 4) and np.bincount(y).tolist() == [50, 50, 50]
    np.testing.assert_allclose(X[0], [5.1, 3.5, 1.4, 0.2])
    iris = make_dataset("iris", seed=0)
    _check_shapes(iris, 150)
    assert iris.target_names == IRIS_CLASSES and iris.needs_scaling
    X, y = load_digits()
    assert X.shape == (1797, 64) and y.shape == (1797,)
    assert np.bincount(y).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert X.min() == 0 and X.max() == 16
    digits = make_dataset("digits", n_points=10, noise=0.9, seed=4)  # n_points/noise ignored
    _check_shapes(digits, 1797)
    assert digits.images.shape == (1797, 8, 8)
    np.testing.assert_array_equal(digits.images.reshape(1797, 64), digits.X)
    assert digits.target_names == [str(d) for d in range(10)]


def test_shipped_sets_are_shuffled_by_the_seed():
    a, b = make_dataset("iris", seed=0), make_dataset("iris", seed=1)
    assert not np.array_equal(a.y, b.y)
    np.testing.assert_array_equal(np.sort(a.X, axis=0), np.sort(b.X, axis=0))


@pytest.mark.parametrize("imbalance", [0.0, 0.5, 0.9])
def test_imbalance_drops_that_fraction_of_the_minority_class(imbalance):
    ds = make_dataset("gaussians", n_points=400, noise=0.1, seed=0, imbalance=imbalance)
    assert ds.class_counts().tolist() == [200, 200 - round(imbalance * 200)]


def test_imbalance_grades_multiclass():
    ds = make_dataset("blobs", n_points=400, classes=4, seed=0, imbalance=0.6)
    # class k loses 0.6 * k / 3 of its 100 points
    assert ds.class_counts().tolist() == [100, 80, 60, 40]
    reg = make_dataset("plane", n_points=100, imbalance=0.9)
    assert reg.n_examples == 100  # ignored for regression


@pytest.mark.parametrize("key,label_noise", [("gaussians", 0.2), ("blobs", 0.3), ("circle", 0.5)])
def test_label_noise_changes_exactly_that_fraction(key, label_noise):
    clean = make_dataset(key, n_points=500, noise=0.0, seed=5)
    noisy = make_dataset(key, n_points=500, noise=0.0, seed=5, label_noise=label_noise)
    np.testing.assert_array_equal(clean.X, noisy.X)
    assert (clean.y != noisy.y).sum() == round(label_noise * 500)
    assert noisy.y.max() < noisy.n_classes


def test_label_noise_multilabel_flips_entries():
    clean = make_dataset("multilabel", n_points=200, noise=0.0, seed=5, classes=3)
    noisy = make_dataset("multilabel", n_points=200, noise=0.0, seed=5, classes=3, label_noise=0.1)
    assert (clean.y != noisy.y).sum() == 60
    assert set(np.unique(noisy.y)) <= {0, 1}


def test_bad_arguments_raise_plain_errors():
    with pytest.raises(ValueError, match="Unknown data set"):
        make_dataset("nope")
    with pytest.raises(ValueError, match="noise"):
        make_dataset("circle", noise=1.5)
    with pytest.raises(ValueError, match="label_noise"):
        make_dataset("circle", label_noise=0.7)
    with pytest.raises(ValueError, match="imbalance"):
        make_dataset("circle", imbalance=0.95)


@pytest.mark.parametrize("key", ["circle", "blobs", "digits", "plane", "multilabel"])
def test_train_test_split_sizes_and_stratification(key):
    ds = make_dataset(key, n_points=500, classes=5 if key == "blobs" else None, seed=0)
    train, test = train_test_split(ds, 0.3, seed=1)
    assert train.n_examples + test.n_examples == ds.n_examples
    assert abs(test.n_examples - 0.3 * ds.n_examples) <= ds.n_classes
    # No example in both parts, none lost.
    both = np.concatenate([train.X, test.X])
    np.testing.assert_array_equal(np.sort(both, axis=0), np.sort(ds.X, axis=0))
    if ds.problem in ("binary", "multiclass"):
        np.testing.assert_array_equal(test.class_counts(), np.round(0.3 * ds.class_counts()).astype(int))
    if ds.images is not None:
        np.testing.assert_array_equal(test.images.reshape(test.n_examples, -1), test.X)
    again = train_test_split(ds, 0.3, seed=1)[1]
    np.testing.assert_array_equal(again.X, test.X)


def test_split_keeps_a_rare_class_on_both_sides():
    ds = make_dataset("gaussians", n_points=200, seed=0, imbalance=0.9)
    assert ds.class_counts()[1] == 10
    train, test = train_test_split(ds, 0.05, seed=0)
    assert train.class_counts()[1] >= 1 and test.class_counts()[1] >= 1


def test_tshirt_demand_hidden_neurons_can_rediscover_the_story():
    """The point of the story: a trained 4-3-1 network's hidden neurons line up with the three factors."""
    from engine import Adam, Dense, Normalization, Sequential

    ds = make_dataset("tshirt_demand", n_points=1000, noise=0.05, seed=0)
    X = Normalization().adapt(ds.X)(ds.X)
    model = Sequential([Dense(3, activation="sigmoid"), Dense(1, activation="sigmoid")], input_dim=4, seed=0)
    model.compile(optimizer=Adam(0.03), loss="binary_crossentropy")
    model.fit(X, ds.y, epochs=200, batch_size=32)
    hidden = model.layer_outputs(X)[0]["a"]
    corr = np.abs(np.corrcoef(np.column_stack([hidden, ds.latent]).T)[:3, 3:])  # neuron x factor
    assert sorted(corr.argmax(0).tolist()) == [0, 1, 2]  # each factor has its own neuron
    assert corr.max(0).min() > 0.75


def test_changing_a_shipped_data_set_does_not_change_the_next_one():
    first = make_dataset("digits", seed=0)
    first.X[:] = -1
    first.images[:] = -1
    again = make_dataset("digits", seed=0)
    assert again.X.min() == 0 and again.images.min() == 0


def _digest(ds: Dataset) -> str:
    """A hash of every array and name of a data set: equal hashes mean equal data, floats to 10 decimals.

    Not bit for bit: NumPy's exp picks a SIMD path by CPU, and its last bit differs between machines (measured:
    gaussian_mix's targets and tshirt_demand's latents hashed differently on two runners of the same code)."""
    h = hashlib.sha256()
    arrays = [ds.X, ds.y] + [a for a in (ds.latent, ds.images) if a is not None]
    for a in arrays:
        a = np.ascontiguousarray(a)
        if a.dtype.kind == "f":
            a = np.round(a, 10) + 0.0  # + 0.0: -0.0 and 0.0 hash alike
        h.update(str(a.dtype).encode())
        h.update(str(a.shape).encode())
        h.update(a.tobytes())
    h.update(repr((ds.feature_names, ds.target_names, ds.latent_names, ds.problem, ds.needs_scaling)).encode())
    return h.hexdigest()[:16]


# Pinned from the code before the registry refactor (issue 10): every set must stay the same arrays (re-pinned
# with the rounding above on 2026-12-02, after checking that every set but the two exp-made ones still hashed
# bit for bit).
PINNED = {
    "circle": "00b86a0bcac4e90c",
    "xor": "14717886c81fed44",
    "gaussians": "ee044c94f8304180",
    "spiral": "9c87b2c83ec1894f",
    "moons": "431c34fc32e7ccfe",
    "multi_spiral": "5524430428ca98db",
    "multi_spiral/k=3": "5524430428ca98db",
    "multi_spiral/k=4": "588a06acb3709e59",
    "multi_spiral/k=5": "8a761bdeabf52320",
    "multi_spiral/k=6": "a0bbf8e541899ef2",
    "blobs": "9c15be5d35b28c3a",
    "blobs/k=2": "503960c9da9af209",
    "blobs/k=3": "dccda475293f0fc2",
    "blobs/k=4": "9c15be5d35b28c3a",
    "blobs/k=5": "6149380eb20eca25",
    "blobs/k=6": "211ce18b1c1efed0",
    "multilabel": "6756371bec73b458",
    "multilabel/k=2": "2b1b4ccbff79ba7b",
    "multilabel/k=3": "6756371bec73b458",
    "multilabel/k=4": "410560c148faa3d4",
    "plane": "4e92eab752d14d7a",
    "gaussian_mix": "eb2c0de98227f10a",
    "house_price": "e39b298dbe643450",
    "line_1d": "309bf7e0aa00a4e6",
    "tshirt_price": "290a04930cd6a577",
    "tshirt_demand": "9acba1a26a9d9cb3",
    "coffee": "693563e1adb83420",
    "iris": "8201cccf467d92e0",
    "digits": "1841970a9c900838",
}


@pytest.mark.parametrize("name", list(PINNED))
def test_every_data_set_is_bit_for_bit_the_pinned_one(name):
    key, _, k = name.partition("/k=")
    ds = make_dataset(key, classes=int(k) if k else None)
    assert _digest(ds) == PINNED[name]


def test_pins_cover_every_key_and_class_count():
    expected = set(DATASETS)
    for key, spec in DATASETS.items():
        if "classes" in spec.controls:
            expected |= {f"{key}/k={k}" for k in range(spec.min_classes, spec.max_classes + 1)}
    assert set(PINNED) == expected


def test_the_classification_controls_are_bit_for_bit_the_pinned_ones():
    ds = make_dataset("blobs", n_points=333, noise=0.3, seed=5, classes=5, imbalance=0.4, label_noise=0.2)
    assert _digest(ds) == "383ebf4816204b24"


def test_a_new_data_set_is_one_record(monkeypatch):
    """Adding a data set is one DatasetSpec in DATASETS: make_dataset and the split work on it unchanged."""
    def rings(n, noise, rng, k):
        ring = np.arange(n) % k
        angle = rng.uniform(0, 2 * np.pi, n)
        radius = ring + 1 + rng.normal(0, noise, n)
        return np.column_stack([radius * np.cos(angle), radius * np.sin(angle), radius]), ring

    spec = DatasetSpec("multiclass", rings, ("x1", "x2", "radius"), lambda k: [f"ring {c}" for c in range(k)],
                       controls=("n_points", "noise", "classes"), default_classes=3, min_classes=2, max_classes=5)
    monkeypatch.setitem(DATASETS, "rings", spec)
    ds = make_dataset("rings", n_points=120, noise=0.05, seed=1, classes=4)
    assert ds.name == "rings" and ds.problem == "multiclass"
    assert ds.X.shape == (120, 3) and ds.feature_names == ["x1", "x2", "radius"]
    assert ds.target_names == ["ring 0", "ring 1", "ring 2", "ring 3"]
    np.testing.assert_array_equal(ds.class_counts(), [30, 30, 30, 30])
    np.testing.assert_allclose(np.hypot(ds.X[:, 0], ds.X[:, 1]), np.abs(ds.X[:, 2]))
    assert make_dataset("rings", classes=99).n_classes == 5  # clamped to the record's range
    assert make_dataset("rings").n_classes == 3
    train, test = train_test_split(ds, 0.25, seed=0)
    assert (train.n_examples, test.n_examples) == (88, 32)
    np.testing.assert_array_equal(test.class_counts(), [8, 8, 8, 8])


def test_a_record_with_a_classes_control_must_give_its_range():
    with pytest.raises(ValueError, match="classes"):
        DatasetSpec("multiclass", lambda n, noise, rng, k: None, controls=("classes",))
    with pytest.raises(ValueError, match="problem"):
        DatasetSpec("ranking", lambda n, noise, rng: None)


def test_the_spec_has_no_english_text_of_its_own():
    """Names and descriptions live in ui/strings/data.py (data.set.<key>, data.desc.<key>), not in the engine."""
    fields = set(DatasetSpec.__dataclass_fields__)
    assert not fields & {"label", "description"}
    assert "description" not in Dataset.__dataclass_fields__


def test_docs_list_every_data_set_with_its_problem():
    """docs/datasets.md has one table row per record, starting with its key and problem."""
    docs = (Path(__file__).parents[2] / "docs" / "datasets.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line.split("|")[2] for line in docs.splitlines()
            if line.startswith("| `")}
    assert set(rows) == set(DATASETS)
    for key, spec in DATASETS.items():
        assert rows[key].strip().replace("-", "").startswith(spec.problem), key
