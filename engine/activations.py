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


# ----- in-place kernels for the engine's training loop --------------------------------------------
# The model keeps activations "units first": arrays of shape (units, n), so the bias rides inside the matmul
# (a ones row) and every buffer is contiguous. Element-wise functions do not care about the layout; softmax
# normalizes over axis 0 here. Each kernel uses as few NumPy calls as it can: at playground sizes the calls,
# not the arithmetic, decide the speed.

def softmax_units_first(z: np.ndarray) -> np.ndarray:
    """softmax over axis 0 of a (units, n) array."""
    return apply_inplace_units_first("softmax", z.copy())


def _softmax_inplace(z):
    z -= np.maximum.reduce(z, axis=0)
    np.exp(z, out=z)
    z /= np.add.reduce(z, axis=0)


_INPLACE = {
    "linear": lambda z: None,
    "tanh": lambda z: np.tanh(z, out=z),
    "relu": lambda z: np.maximum(z, 0.0, out=z),
    "sigmoid": lambda z: _sigmoid_into(z, z),  # same operations, same rounding as _sigmoid
    "softmax": _softmax_inplace,
}


def apply_inplace_units_first(name: str, z: np.ndarray) -> np.ndarray:
    """z <- g(z) for a (units, n) array (softmax over axis 0), without temporaries where possible; returns z."""
    kernel = _INPLACE.get(name)
    if kernel is None:
        z[...] = ACTIVATIONS[check_name(name)][0](z)
    else:
        kernel(z)
    return z


def _sigmoid_into(z, out):
    np.multiply(z, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5  # same rounding as _sigmoid


def _leaky_into(z, out):
    np.multiply(z, LEAKY_RELU_SLOPE, out=out)
    np.maximum(z, out, out=out)


_FORWARD_INTO = {
    "tanh": np.tanh,  # ufuncs take `out` positionally: no wrapper call
    "relu": lambda z, out: np.maximum(z, 0.0, out=out),
    "sigmoid": _sigmoid_into,
    "leaky_relu": _leaky_into,
    "softmax": lambda z, out: np.copyto(out, softmax_units_first(z)),
}


def forward_into(name: str, z: np.ndarray, out: np.ndarray) -> None:
    """out[...] = g(z) for (units, n) arrays (softmax over axis 0); `out` must not be `z`."""
    kernel = _FORWARD_INTO.get(name)
    if kernel is None:
        np.copyto(out, ACTIVATIONS[check_name(name)][0](z))
    else:
        kernel(z, out)


def _tanh_back(z, a, da, scratch):
    np.multiply(a, a, out=scratch)
    np.subtract(1.0, scratch, out=scratch)
    da *= scratch


def _sigmoid_back(z, a, da, scratch):
    np.subtract(1.0, a, out=scratch)
    scratch *= a
    da *= scratch


def _relu_back(z, a, da, scratch):
    np.greater(z, 0.0, out=scratch)
    da *= scratch


def _leaky_back(z, a, da, scratch):
    np.greater(z, 0.0, out=scratch)
    scratch *= 1.0 - LEAKY_RELU_SLOPE
    scratch += LEAKY_RELU_SLOPE
    da *= scratch


def _softmax_back_units_first(z, a, da, scratch):
    np.multiply(da, a, out=scratch)
    da -= np.add.reduce(scratch, axis=0)
    da *= a


_BACKWARD_INPLACE = {
    "linear": lambda z, a, da, scratch: None,
    "tanh": _tanh_back,
    "sigmoid": _sigmoid_back,
    "relu": _relu_back,
    "leaky_relu": _leaky_back,
    "softmax": _softmax_back_units_first,
}


def backward_inplace(name: str, z: np.ndarray, a: np.ndarray, da: np.ndarray, scratch: np.ndarray) -> None:
    """da <- dL/dz, in place, for (units, n) arrays; `scratch` is a spare array of the same shape."""
    kernel = _BACKWARD_INPLACE.get(name)
    if kernel is None:
        np.copyto(da, ACTIVATIONS[check_name(name)][1](z, a, da))
    else:
        kernel(z, a, da, scratch)


def forward_kernel(name: str):
    """A callable (z, out) writing g(z) into out, for (units, n) arrays; None for linear (z is the output)."""
    if check_name(name) == "linear":
        return None
    return _FORWARD_INTO.get(name) or (lambda z, out: np.copyto(out, ACTIVATIONS[name][0](z)))


def backward_kernel(name: str):
    """A callable (z, a, da, scratch) turning da into dL/dz in place, for (units, n) arrays; None for linear."""
    if check_name(name) == "linear":
        return None
    return _BACKWARD_INPLACE.get(name) or (lambda z, a, da, scratch: np.copyto(da, ACTIVATIONS[name][1](z, a, da)))
