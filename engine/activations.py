"""Activation functions looked up by name, each with its forward map and its backward (chain-rule) step.

>>> forward("relu", np.array([[-1.0, 2.0]]))
array([[0., 2.]])
"""

import numpy as np

LEAKY_RELU_SLOPE = 0.2  # Keras 3's default negative_slope


def _sigmoid(z):
    # tanh form: one ufunc call and no overflow warning for large |z|.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _softmax_backward(z, a, da):
    return a * (da - (da * a).sum(axis=-1, keepdims=True))


# name -> (forward(z) -> a, backward(z, a, da) -> dz). Shapes: (n, units) everywhere.
ACTIVATIONS = {
    "linear": (lambda z: z, lambda z, a, da: da),
    "sigmoid": (_sigmoid, lambda z, a, da: da * a * (1.0 - a)),
    "tanh": (np.tanh, lambda z, a, da: da * (1.0 - a * a)),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z, a, da: da * (z > 0)),
    "leaky_relu": (
        lambda z: np.where(z > 0, z, LEAKY_RELU_SLOPE * z),
        lambda z, a, da: np.where(z > 0, da, LEAKY_RELU_SLOPE * da),
    ),
    "elu": (lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0.0))), lambda z, a, da: np.where(z > 0, da, da * (a + 1.0))),
    "softplus": (lambda z: np.logaddexp(0.0, z), lambda z, a, da: da * _sigmoid(z)),
    "softmax": (_softmax, _softmax_backward),
}

# Element-wise activations (every one but softmax) can be plotted as a curve with a derivative.
ELEMENTWISE = tuple(name for name in ACTIVATIONS if name != "softmax")


def check_name(name: str) -> str:
    if name not in ACTIVATIONS:
        raise ValueError(f"Unknown activation {name!r}. Choose one of: {', '.join(ACTIVATIONS)}.")
    return name


def forward(name: str, z: np.ndarray) -> np.ndarray:
    """a = g(z), shape of z."""
    return ACTIVATIONS[check_name(name)][0](z)


def backward(name: str, z: np.ndarray, a: np.ndarray, da: np.ndarray) -> np.ndarray:
    """dL/dz from dL/da (chain rule through g), shape of z."""
    return ACTIVATIONS[check_name(name)][1](z, a, da)


def derivative(name: str, z: np.ndarray) -> np.ndarray:
    """g'(z) of an element-wise activation, for plotting; shape of z."""
    if name == "softmax":
        raise ValueError("softmax is not element-wise: each output depends on every logit.")
    a = forward(name, z)
    return backward(name, z, a, np.ones_like(z))
