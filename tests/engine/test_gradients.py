"""Finite-difference check of backpropagation for every hidden activation x head/loss x regularizer.

The analytic gradient comes from `Sequential.gradients`, which runs the very kernels `fit` uses (fused heads,
bias-in-the-matmul, in-place activation backward); the numeric one from central differences of `evaluate`.
float64 throughout; inputs are checked to stay away from ReLU kinks and from the 1e-7 probability clip.
"""

import numpy as np
import pytest

from engine import (
    L1,
    L2,
    BinaryCrossentropy,
    CategoricalCrossentropy,
    Dense,
    MeanSquaredError,
    Normalization,
    Sequential,
    SparseCategoricalCrossentropy,
    activations,
)

N, D = 12, 3
STEP = 1e-6

# (output activation, units, loss, target kind)
HEADS = {
    "sigmoid+bce": ("sigmoid", 1, BinaryCrossentropy(), "binary"),
    "linear+bce_logits": ("linear", 1, BinaryCrossentropy(from_logits=True), "binary"),
    "multilabel_sigmoids+bce": ("sigmoid", 3, BinaryCrossentropy(), "multilabel"),
    "multilabel_logits+bce": ("linear", 3, BinaryCrossentropy(from_logits=True), "multilabel"),
    "softmax+cce": ("softmax", 3, CategoricalCrossentropy(), "onehot"),
    "linear+cce_logits": ("linear", 3, CategoricalCrossentropy(from_logits=True), "onehot"),
    "softmax+sparse_ce": ("softmax", 3, SparseCategoricalCrossentropy(), "sparse"),
    "linear+sparse_ce_logits": ("linear", 3, SparseCategoricalCrossentropy(from_logits=True), "sparse"),
    "linear+mse": ("linear", 2, MeanSquaredError(), "real"),
    "relu+mse": ("relu", 1, MeanSquaredError(), "positive"),
    # Mismatched pairs go through the generic chain rule: they must be right too.
    "softmax+mse": ("softmax", 3, MeanSquaredError(), "onehot"),
    "tanh+mse": ("tanh", 2, MeanSquaredError(), "real"),
    "sigmoid+bce_logits(mismatch)": ("sigmoid", 1, BinaryCrossentropy(from_logits=True), "binary"),
}
REGULARIZERS = {"none": None, "l1": L1(0.01), "l2": L2(0.02)}


def _targets(kind: str, rng: np.random.Generator) -> np.ndarray:
    if kind == "binary":
        return rng.integers(0, 2, N).astype(float)
    if kind == "multilabel":
        return rng.integers(0, 2, (N, 3)).astype(float)
    if kind == "onehot":
        return np.eye(3)[rng.integers(0, 3, N)]
    if kind == "sparse":
        return rng.integers(0, 3, N)
    if kind == "positive":
        return rng.uniform(0.5, 2.0, (N, 1))
    return rng.normal(size=(N, 2))


def _numeric_gradient(model, X, y) -> np.ndarray:
    flat = model.flat_weights
    numeric = np.empty_like(flat)
    for i in range(flat.size):
        original = flat[i]
        flat[i] = original + STEP
        plus = model.evaluate(X, y)
        flat[i] = original - STEP
        minus = model.evaluate(X, y)
        flat[i] = original
        numeric[i] = (plus - minus) / (2 * STEP)
    return numeric


def _away_from_kinks(model, X) -> float:
    """Smallest |z| over every layer: finite differences are only valid away from ReLU/leaky kinks."""
    return min(float(np.abs(out["z"]).min()) for out in model.layer_outputs(X))


@pytest.mark.parametrize("regularizer", REGULARIZERS)
@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("hidden", list(activations.ACTIVATIONS))
def test_backprop_matches_finite_differences(hidden, head, regularizer):
    activation, units, loss, kind = HEADS[head]
    rng = np.random.default_rng(7)
    X = rng.normal(size=(N, D))
    y = _targets(kind, rng)
    reg = REGULARIZERS[regularizer]
    model = Sequential([Dense(5, activation=hidden, kernel_regularizer=reg),
                        Dense(4, activation=hidden, kernel_initializer="he_normal"),
                        Dense(units, activation=activation, kernel_regularizer=reg)], input_dim=D, seed=3)
    model.compile(optimizer="sgd", loss=loss)
    assert _away_from_kinks(model, X) > 1e-4
    out = model.predict(X)
    if activation in ("sigmoid", "softmax") and not loss.from_logits:
        assert out.min() > 1e-6 and out.max() < 1 - 1e-6  # inside the probability clip
    loss_value, grads = model.gradients(X, y)
    analytic = np.concatenate([g.ravel() for g in grads])
    numeric = _numeric_gradient(model, X, y)
    assert loss_value == pytest.approx(model.evaluate(X, y), rel=1e-12)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-7)
    # A zero gradient everywhere would pass trivially: make sure the check had something to compare.
    assert np.abs(analytic).max() > 1e-4


def test_gradient_through_normalization_first_layer():
    """The Normalization layer is fixed: gradients are w.r.t. the Dense weights on standardised inputs."""
    rng = np.random.default_rng(2)
    X = rng.normal(size=(N, D)) * [1.0, 100.0, 0.01] + [5.0, -300.0, 0.0]
    y = rng.integers(0, 2, N).astype(float)
    norm = Normalization().adapt(X)
    model = Sequential([norm, Dense(4, activation="tanh"), Dense(1, activation="sigmoid")], seed=1)
    model.compile(optimizer="adam", loss="binary_crossentropy")
    _, grads = model.gradients(X, y)
    np.testing.assert_allclose(np.concatenate([g.ravel() for g in grads]), _numeric_gradient(model, X, y),
                               rtol=1e-5, atol=1e-8)


def test_gradients_in_float32_stay_close_to_float64():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(N, D))
    y = rng.integers(0, 3, N)
    grads = {}
    for dtype in ("float64", "float32"):
        model = Sequential([Dense(6, activation="tanh"), Dense(3, activation="softmax")], input_dim=D, seed=5,
                           dtype=dtype)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        _, g = model.gradients(X, y)
        assert all(array.dtype == np.dtype(dtype) for array in g)
        grads[dtype] = np.concatenate([array.ravel() for array in g])
    np.testing.assert_allclose(grads["float32"], grads["float64"], atol=2e-6)
