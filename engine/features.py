"""Input features and the grid a decision-boundary map is drawn on.

TensorFlow Playground's feature toggles turn raw 2-D points (x1, x2) into the network's inputs:

>>> import numpy as np
>>> expand(np.array([[1.0, 2.0]]), ["x1", "x1*x2", "x2^2"])
array([[1., 2., 4.]])

The network's input size is `len(selected)`. Scaling is `engine.preprocessing.Normalization`.
"""

from collections.abc import Sequence

import numpy as np

FEATURES = {
    "x1": lambda X: X[:, 0],
    "x2": lambda X: X[:, 1],
    "x1^2": lambda X: X[:, 0] ** 2,
    "x2^2": lambda X: X[:, 1] ** 2,
    "x1*x2": lambda X: X[:, 0] * X[:, 1],
    "sin_x1": lambda X: np.sin(X[:, 0]),
    "sin_x2": lambda X: np.sin(X[:, 1]),
}
"""name -> function of raw points (n, 2) returning (n,); ordered as Playground shows them."""

DEFAULT_FEATURES = ("x1", "x2")


def expand(X2: np.ndarray, selected: Sequence[str]) -> np.ndarray:
    """The selected features of raw 2-D points: X2 (n, 2) -> (n, len(selected)) float64, in `selected` order."""
    X2 = np.asarray(X2, dtype=np.float64)
    if X2.ndim != 2 or X2.shape[1] != 2:
        raise ValueError(f"Input features are computed from 2-D points of shape (n, 2), not {X2.shape}.")
    if len(selected) == 0:
        raise ValueError("Select at least one input feature.")
    unknown = [name for name in selected if name not in FEATURES]
    if unknown:
        raise ValueError(f"Unknown input feature(s) {', '.join(unknown)}; choose from {', '.join(FEATURES)}.")
    return np.column_stack([FEATURES[name](X2) for name in selected])


def grid_points(x_range: tuple[float, float], y_range: tuple[float, float],
                resolution: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A resolution x resolution grid over the box: (points (r*r, 2), xs (r,), ys (r,)).

    Row-major: points[i * r + j] = (xs[j], ys[i]), so `values.reshape(r, r)[i, j]` is the value at
    (xs[j], ys[i]): row i is one y, ascending from y_range[0]. xs and ys include both ends of the ranges.
    """
    resolution = int(resolution)
    if resolution < 2:
        raise ValueError("A grid needs a resolution of at least 2.")
    xs = np.linspace(x_range[0], x_range[1], resolution)
    ys = np.linspace(y_range[0], y_range[1], resolution)
    gx, gy = np.meshgrid(xs, ys)  # gx[i, j] = xs[j], gy[i, j] = ys[i]
    return np.column_stack([gx.ravel(), gy.ravel()]), xs, ys


def plot_range(X: np.ndarray, margin: float = 0.1) -> tuple[tuple[float, float], ...]:
    """(low, high) per column of X (n, d), widened by `margin` of the span on each side.

    For 2-D data `x_range, y_range = plot_range(X)`. A constant column gets a span of 1 around its value.
    """
    X = np.asarray(X, dtype=np.float64)
    low, high = X.min(axis=0), X.max(axis=0)
    span = np.where(high > low, high - low, 1.0)
    centre = (low + high) / 2
    half = span / 2 * (1 + 2 * margin)
    return tuple((float(c - h), float(c + h)) for c, h in zip(centre, half, strict=True))
