"""Activation functions, one record each: forward map, backward (chain-rule) step, fast kernels, export text.

Adding an activation is one `Activation(...)` record in `_RECORDS`; every other module (the model, the
serializer, the code export, the UI's choices) reads `ACTIVATIONS`.

>>> forward("relu", np.array([[-1.0, 2.0]]))
array([[0., 2.]])
>>> get("leaky_relu").keras_name
'leaky_relu'
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

LEAKY_RELU_SLOPE = 0.2  # Keras 3's default negative_slope


@dataclass(frozen=True)
class Activation:
    """One activation g and everything each layer of the app needs to know about it.

    forward(z) -> a and backward(z, a, da) -> dz work on (n, units) arrays (softmax over the last axis).
    The fast kernels work on the training plan's "units first" (units, n) arrays (softmax over axis 0):
    `forward_into(z, out)` writes g(z) into out; `inplace(z)` overwrites z with g(z); `backward_inplace(z, a,
    da, scratch)` turns da into dL/dz in place. None means the generic path (forward/backward plus a copy).
    `numpy_source` is the plain NumPy `def` the code export prints (lines of text). `output_range` (low, high)
    bounds what g can output: an output layer cannot reach targets outside it (notes §8).
    """

    name: str
    forward: Callable
    backward: Callable
    numpy_source: tuple[str, ...]
    keras_name: str
    elementwise: bool = True
    forward_into: Callable | None = None
    inplace: Callable | None = None
    backward_inplace: Callable | None = None
    output_range: tuple[float, float] = (-math.inf, math.inf)


def _sigmoid(z):
    # tanh form: one ufunc call and no overflow warning for large |z|.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _softmax_backward(z, a, da):
    return a * (da - (da * a).sum(axis=-1, keepdims=True))


# ----- in-place kernels for the engine's training plan --------------------------------------------
# The plan keeps activations "units first": arrays of shape (units, n), so the bias rides inside the matmul
# (a ones row) and every buffer is contiguous. Element-wise functions do not care about the layout; softmax
# normalizes over axis 0 here. Each kernel uses as few NumPy calls as it can: at playground sizes the calls,
# not the arithmetic, decide the speed.

def _sigmoid_into(z, out):
    np.multiply(z, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5  # same rounding as _sigmoid


def _leaky_into(z, out):
    np.multiply(z, LEAKY_RELU_SLOPE, out=out)
    np.maximum(z, out, out=out)


def _softmax_inplace(z):
    z -= np.maximum.reduce(z, axis=0)
    np.exp(z, out=z)
    z /= np.add.reduce(z, axis=0)


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


_RECORDS = (
    Activation(
        "linear", lambda z: z, lambda z, a, da: da,
        ('def linear(z):', '    """g(z) = z: no activation."""', "    return z"),
        keras_name="linear", inplace=lambda z: None, backward_inplace=lambda z, a, da, scratch: None,
    ),
    Activation(
        "sigmoid", _sigmoid, lambda z, a, da: da * a * (1.0 - a),
        ('def sigmoid(z):',
         '    """g(z) = 1 / (1 + e^-z), written with tanh so a large |z| gives no overflow warning."""',
         "    return 0.5 * (1.0 + np.tanh(0.5 * z))"),
        keras_name="sigmoid", output_range=(0.0, 1.0), forward_into=_sigmoid_into,
        inplace=lambda z: _sigmoid_into(z, z),  # same operations, same rounding as _sigmoid
        backward_inplace=_sigmoid_back,
    ),
    Activation(
        "tanh", np.tanh, lambda z, a, da: da * (1.0 - a * a),
        ('def tanh(z):', '    """g(z) = (e^z - e^-z) / (e^z + e^-z)."""', "    return np.tanh(z)"),
        keras_name="tanh", output_range=(-1.0, 1.0),
        forward_into=np.tanh,  # ufuncs take `out` positionally: no wrapper call
        inplace=lambda z: np.tanh(z, out=z), backward_inplace=_tanh_back,
    ),
    Activation(
        "relu", lambda z: np.maximum(z, 0.0), lambda z, a, da: da * (z > 0),
        ('def relu(z):', '    """g(z) = max(0, z)."""', "    return np.maximum(z, 0.0)"),
        keras_name="relu", output_range=(0.0, math.inf), forward_into=lambda z, out: np.maximum(z, 0.0, out=out),
        inplace=lambda z: np.maximum(z, 0.0, out=z), backward_inplace=_relu_back,
    ),
    Activation(
        "leaky_relu",
        lambda z: np.where(z > 0, z, LEAKY_RELU_SLOPE * z),
        lambda z, a, da: np.where(z > 0, da, LEAKY_RELU_SLOPE * da),
        ('def leaky_relu(z):', '    """g(z) = z for z > 0, else 0.2 z (Keras\'s default slope)."""',
         "    return np.where(z > 0, z, 0.2 * z)"),
        keras_name="leaky_relu", forward_into=_leaky_into, backward_inplace=_leaky_back,
    ),
    Activation(
        "elu",
        lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0.0))),
        lambda z, a, da: np.where(z > 0, da, da * (a + 1.0)),
        ('def elu(z):', '    """g(z) = z for z > 0, else e^z - 1."""',
         "    return np.where(z > 0, z, np.expm1(np.minimum(z, 0.0)))"),
        keras_name="elu", output_range=(-1.0, math.inf),
    ),
    Activation(
        "softplus", lambda z: np.logaddexp(0.0, z), lambda z, a, da: da * _sigmoid(z),
        ('def softplus(z):', '    """g(z) = log(1 + e^z), computed without overflow."""',
         "    return np.logaddexp(0.0, z)"),
        keras_name="softplus", output_range=(0.0, math.inf),
    ),
    Activation(
        "softmax", _softmax, _softmax_backward,
        ('def softmax(z):',
         '    """a_j = e^z_j / sum_k e^z_k over the last axis; subtracting the max avoids overflow."""',
         "    exp_shifted = np.exp(z - z.max(axis=-1, keepdims=True))",
         "    return exp_shifted / exp_shifted.sum(axis=-1, keepdims=True)"),
        keras_name="softmax", output_range=(0.0, 1.0), elementwise=False,
        forward_into=lambda z, out: np.copyto(out, softmax_units_first(z)),
        inplace=_softmax_inplace, backward_inplace=_softmax_back_units_first,
    ),
)

# name -> record, in the order the app lists them.
ACTIVATIONS: dict[str, Activation] = {record.name: record for record in _RECORDS}

# Element-wise activations (every one but softmax) can be plotted as a curve with a derivative.
ELEMENTWISE = tuple(name for name, record in ACTIVATIONS.items() if record.elementwise)


def check_name(name: str) -> str:
    if name not in ACTIVATIONS:
        raise ValueError(f"Unknown activation {name!r}. Choose one of: {', '.join(ACTIVATIONS)}.")
    return name


def get(name: str) -> Activation:
    """The record of activation `name` (ValueError naming the choices if there is none)."""
    return ACTIVATIONS[check_name(name)]


def forward(name: str, z: np.ndarray) -> np.ndarray:
    """a = g(z), shape of z."""
    return get(name).forward(z)


def backward(name: str, z: np.ndarray, a: np.ndarray, da: np.ndarray) -> np.ndarray:
    """dL/dz from dL/da (chain rule through g), shape of z."""
    return get(name).backward(z, a, da)


def derivative(name: str, z: np.ndarray) -> np.ndarray:
    """g'(z) of an element-wise activation, for plotting; shape of z.

    >>> derivative("tanh", np.array([0.0]))
    array([1.])
    """
    if not get(name).elementwise:
        raise ValueError(f"{name} is not element-wise: each output depends on every logit.")
    a = forward(name, z)
    return backward(name, z, a, np.ones_like(z))


def softmax_units_first(z: np.ndarray) -> np.ndarray:
    """softmax over axis 0 of a (units, n) array."""
    return apply_inplace_units_first("softmax", z.copy())


def apply_inplace_units_first(name: str, z: np.ndarray) -> np.ndarray:
    """z <- g(z) for a (units, n) array (softmax over axis 0), without temporaries where possible; returns z."""
    record = get(name)
    if record.inplace is None:
        z[...] = record.forward(z)
    else:
        record.inplace(z)
    return z


def forward_kernel(name: str):
    """A callable (z, out) writing g(z) into out, for (units, n) arrays; None for linear (z is the output)."""
    record = get(name)
    if name == "linear":
        return None
    return record.forward_into or (lambda z, out: np.copyto(out, record.forward(z)))


def backward_kernel(name: str):
    """A callable (z, a, da, scratch) turning da into dL/dz in place, for (units, n) arrays; None for linear."""
    record = get(name)
    if name == "linear":
        return None
    return record.backward_inplace or (lambda z, a, da, scratch: np.copyto(da, record.backward(z, a, da)))
