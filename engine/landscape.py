"""The real loss landscape around a model's weights: a 2-D slice along two filter-normalised directions.

Li et al., "Visualizing the Loss Landscape of Neural Nets" (NeurIPS 2018): pick two random Gaussian directions
d1, d2 in weight space, rescale each filter of each (here: each unit's incoming weights `W[:, j]`) to the norm
of the same filter of the weights, set the bias part to zero (the paper's "ignore biases"), and plot
`L(w + a d1 + b d2)` over a grid of (a, b). Filter normalisation makes slices of different networks (and of
ReLU networks, whose loss does not change when a unit's weights are scaled) comparable: a = 1 means a step as
large as the weights themselves.

The grid is evaluated in chunks of weight sets at once: each layer is one batched matmul `(n, in) @ (K, in,
units)`, so a 41 x 41 slice costs a few dozen NumPy calls per chunk, not 1,681 model calls. The loss of each
weight set is the model's own loss object (and its kernel regularizers' penalty), so a grid point equals
`model.evaluate` of those weights.

>>> from engine import Dense, Sequential
>>> model = Sequential([Dense(4, activation="tanh"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
>>> model.compile(optimizer="sgd", loss="binary_crossentropy")
>>> X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]); y = np.array([0.0, 1.0, 1.0])
>>> scape = loss_slice(model, X, y, resolution=5, radius=1.0, seed=0)
>>> scape.losses.shape, float(scape.alphas[2]), bool(np.isclose(scape.losses[2, 2], model.evaluate(X, y)))
((5, 5), 0.0, True)
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from engine import activations

__all__ = ["Landscape", "filter_normalize", "loss_slice", "losses_at", "path_directions", "plane_losses",
           "project_path", "random_directions"]

CHUNK_ELEMENTS = 1 << 21  # floats per hidden activation buffer of one chunk (16 MB in float64): stays in memory


@dataclass
class Landscape:
    """One slice. losses[j, i] is the loss at weights + alphas[i] d1 + betas[j] d2 (rows follow the second
    direction, as a surface's z[y][x]); centre_loss that at (0, 0); directions (d1, d2) as weight lists;
    evaluations: weight sets evaluated; seconds: the time it took."""

    alphas: np.ndarray
    betas: np.ndarray
    losses: np.ndarray
    centre_loss: float
    directions: tuple[list[np.ndarray], list[np.ndarray]]
    evaluations: int
    seconds: float


def _flat(weights: list[np.ndarray]) -> np.ndarray:
    return np.concatenate([np.ravel(w) for w in weights]).astype(np.float64)


def _unflat(flat: np.ndarray, like: list[np.ndarray]) -> list[np.ndarray]:
    out, offset = [], 0
    for w in like:
        out.append(flat[offset:offset + w.size].reshape(w.shape))
        offset += w.size
    return out


def filter_normalize(direction: list[np.ndarray], weights: list[np.ndarray]) -> list[np.ndarray]:
    """The direction with each unit's incoming weights `d[:, j]` rescaled to the norm of `W[:, j]`, biases 0.

    `direction` and `weights` are [W1, b1, W2, b2, ...] lists, W of shape (n_in, units); 1-D arrays are biases.
    A unit whose weights are all zero gets a zero direction (its norm is zero).
    """
    out = []
    for d, w in zip(direction, weights, strict=True):
        d = np.asarray(d, dtype=np.float64)
        if d.ndim < 2:
            out.append(np.zeros_like(d))
            continue
        d_norm = np.linalg.norm(d, axis=0)
        scale = np.divide(np.linalg.norm(w, axis=0), d_norm, out=np.zeros_like(d_norm), where=d_norm > 0)
        out.append(d * scale)
    return out


def random_directions(weights: list[np.ndarray], seed: int | None = 0) -> tuple[list, list]:
    """Two filter-normalised Gaussian directions for `weights` (same shapes), from one seeded generator."""
    rng = np.random.default_rng(seed)
    return tuple(filter_normalize([rng.standard_normal(np.shape(w)) for w in weights], weights) for _ in range(2))


def path_directions(path: list[list[np.ndarray]], weights: list[np.ndarray]) -> tuple[list, list]:
    """The two directions the path moved along most: the top principal components of `path[i] - weights`
    (Li et al. section 7; random directions in a space of many weights are nearly orthogonal to the path).

    Each is scaled to the largest distance the path went along it, so a = 1 is the path's own extent.
    ValueError when the path does not span two directions (fewer than 3 distinct points).
    """
    centre = _flat(weights)
    M = np.array([_flat(p) - centre for p in path])
    if M.shape[0] < 2:
        raise ValueError("A path needs at least two weight sets besides the current ones to span a plane.")
    _, s, vt = np.linalg.svd(M, full_matrices=False)
    if s.size < 2 or s[1] <= 1e-12 * max(s[0], 1e-300):
        raise ValueError("The path moves along fewer than two directions: it cannot span a plane.")
    dirs = []
    for v in vt[:2]:
        extent = float(np.max(np.abs(M @ v)))
        dirs.append(_unflat(v * extent, weights))
    return dirs[0], dirs[1]


def _layer_shapes(model) -> list[tuple[int, int]]:
    return [(layer.input_dim, layer.units) for layer in model.layers]


def losses_at(model, X, y, flat_sets: np.ndarray) -> np.ndarray:
    """The model's loss (with its regularizers' penalty) on (X, y) for each row of flat_sets (K, params),
    each row laid out as `_flat(model.get_weights())` ([W1 row-major, b1, W2, ...]); shape (K,)."""
    Xn = model.normalize(X).astype(np.float64)
    yp = model.loss.prepare_targets(np.asarray(y), model.output_units, np.float64)
    return _losses(model, Xn, yp, np.atleast_2d(np.asarray(flat_sets, dtype=np.float64)))


def _losses(model, Xn: np.ndarray, yp: np.ndarray, flat_sets: np.ndarray) -> np.ndarray:
    """losses_at on inputs already normalised and targets already prepared."""
    K = flat_sets.shape[0]
    a = Xn  # (n, in), shared by every weight set; after the first layer (K, n, units)
    kernels = []
    offset = 0
    for layer, (n_in, units) in zip(model.layers, _layer_shapes(model), strict=True):
        W = flat_sets[:, offset:offset + n_in * units].reshape(K, n_in, units)
        b = flat_sets[:, offset + n_in * units:offset + (n_in + 1) * units]
        offset += (n_in + 1) * units
        kernels.append(W)
        z = np.matmul(a, W)
        z += b[:, None, :]
        # Element-wise activations (and softmax over the last axis) work on (K, n, units) as on (n, units).
        a = activations.forward(layer.activation, z)
    loss = model.loss
    penalties = np.zeros(K)
    for layer, W in zip(model.layers, kernels, strict=True):
        reg = layer.kernel_regularizer
        if reg is not None:
            penalties += [reg.penalty(W[k]) for k in range(K)]
    # The model's own loss object per weight set: the same number `evaluate` gives, whatever the loss.
    return np.array([loss(yp, a[k]) for k in range(K)]) + penalties


def loss_slice(model, X, y, resolution: int = 41, radius: float = 1.0, seed: int | None = 0,
               directions: tuple[list, list] | None = None,
               progress: Callable[[float], None] | None = None) -> Landscape:
    """The training loss on the resolution x resolution grid over [-radius, radius]^2 around the model's
    weights, along `directions` (default: `random_directions(weights, seed)`).

    `progress(fraction)` is called after each chunk of weight sets (fraction in (0, 1]). The model is not
    changed. Non-finite losses (an overflow far from the weights) are NaN.
    """
    if isinstance(resolution, bool) or not isinstance(resolution, int | np.integer) or not 2 <= resolution <= 201:
        raise ValueError(f"resolution must be a whole number from 2 to 201, not {resolution!r}.")
    if not (isinstance(radius, int | float | np.floating) and np.isfinite(radius) and radius > 0):
        raise ValueError(f"radius must be a number > 0, not {radius!r}.")
    if model.loss is None:
        raise ValueError("Call compile(optimizer=..., loss=...) before computing a loss landscape.")
    start = time.perf_counter()
    weights = model.get_weights()
    d1, d2 = directions if directions is not None else random_directions(weights, seed)
    centre, f1, f2 = _flat(weights), _flat(d1), _flat(d2)
    if f1.shape != centre.shape or f2.shape != centre.shape:
        raise ValueError("Each direction needs the model's weight shapes [W1, b1, W2, b2, ...].")
    Xn = model.normalize(X).astype(np.float64)
    yp = model.loss.prepare_targets(np.asarray(y), model.output_units, np.float64)
    alphas = np.linspace(-radius, radius, resolution)
    if resolution % 2:
        alphas[resolution // 2] = 0.0  # the centre exactly, not 1e-17
    A, B = np.meshgrid(alphas, alphas)  # A varies along a row (x), B down the rows (y)
    coeffs = np.column_stack([A.ravel(), B.ravel()])
    widest = max(units for _, units in _layer_shapes(model))
    chunk = max(1, CHUNK_ELEMENTS // (Xn.shape[0] * widest))
    values = np.empty(len(coeffs))
    with np.errstate(all="ignore"):
        for lo in range(0, len(coeffs), chunk):
            c = coeffs[lo:lo + chunk]
            sets = centre + c[:, :1] * f1 + c[:, 1:] * f2
            values[lo:lo + len(c)] = _losses(model, Xn, yp, sets)
            if progress is not None:
                progress(min(1.0, (lo + len(c)) / len(coeffs)))
        centre_loss = float(_losses(model, Xn, yp, centre[None])[0])
    values[~np.isfinite(values)] = np.nan
    return Landscape(alphas, alphas.copy(), values.reshape(resolution, resolution), centre_loss, (d1, d2),
                     len(coeffs) + 1, time.perf_counter() - start)


def project_path(path: list[list[np.ndarray]], weights: list[np.ndarray],
                 directions: tuple[list, list]) -> np.ndarray:
    """Each past weight set's coordinates (a, b) in the plane of the directions through `weights`: the least-
    squares solution of a d1 + b d2 = path[i] - weights. Shape (len(path), 2); the current weights give (0, 0).
    """
    centre = _flat(weights)
    D = np.column_stack([_flat(directions[0]), _flat(directions[1])])
    if not len(path):
        return np.zeros((0, 2))
    deltas = np.array([_flat(p) - centre for p in path])
    if deltas.shape[1] != centre.size:
        raise ValueError("Every weight set of the path needs the model's weight shapes.")
    coords, *_ = np.linalg.lstsq(D, deltas.T, rcond=None)
    return coords.T


def plane_losses(model, X, y, coords, weights: list[np.ndarray], directions: tuple[list, list]) -> np.ndarray:
    """The loss at each in-plane point weights + a d1 + b d2 for coords (m, 2): the height of a projected path
    on the slice's surface (the slice's own value wherever a point falls on its grid). Shape (m,)."""
    coords = np.asarray(coords, dtype=np.float64).reshape(-1, 2)
    if not len(coords):
        return np.zeros(0)
    sets = _flat(weights) + coords[:, :1] * _flat(directions[0]) + coords[:, 1:] * _flat(directions[1])
    with np.errstate(all="ignore"):
        values = losses_at(model, X, y, sets)
    values[~np.isfinite(values)] = np.nan
    return values
