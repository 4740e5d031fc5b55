"""One training step taken apart, in the notes' notation, for a view that explains it with live numbers.

Weights are (n_in, units): `W[:, i]` is unit i, `z = a_in @ W + b`, `a = g(z)` (notes §6). Every function reads
a built, compiled `Sequential` and never changes it (weights, optimizer state and RNG stay as they were).

The worked example below is the one `tests/engine/test_explain.py` does on paper: a 2-2-1 network, ReLU
hidden layer, sigmoid output, binary cross-entropy, x = (1, 2), y = 1.

>>> from engine import Dense, Sequential
>>> model = Sequential([Dense(2, activation="relu"), Dense(1, activation="sigmoid")], input_dim=2)
>>> model.compile(optimizer="sgd", loss="binary_crossentropy")
>>> model.set_weights([np.array([[0.5, -1.0], [0.25, 0.5]]), np.array([0.0, 0.5]),
...                    np.array([[1.0], [-2.0]]), np.array([0.0])])
>>> [step["z"] for step in forward_example(model, [1.0, 2.0])]  # z1 = (0.5+0.5, -1+1+0.5); z2 = 1 - 2*0.5
[array([1. , 0.5]), array([0.])]
>>> example_loss(model, [1.0, 2.0], 1)["loss"]  # -log sigmoid(0) = log 2
0.6931
>>> backward_pass(model, [[1.0, 2.0]], [1])[0]["dW"]  # x^T dL/dz1, dL/dz1 = (-0.5, 1.0)
array([[-0.5,  1. ],
       [-1. ,  2. ]])
"""

import copy
import math

import numpy as np

from engine import activations, heads
from engine import training_plan as plan

__all__ = ["backward_pass", "example_loss", "example_losses", "forward_example", "gradient_norms",
           "grid_lines", "gradient_health", "optimizer_step", "unit_health"]

SATURATION = 0.98  # sigmoid above 0.98 (or below 0.02), tanh beyond ±0.98: g'(z) < 0.04, learning crawls
SATURATED_SHARE = 0.9  # a unit is called saturated when it is so on at least 90% of the examples
VANISHING_RATIO = 1e-3  # first layer's gradient norm below 1/1000 of the output layer's
EXPLODING_NORM = 1e3


def _rows(model, X) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    return X.reshape(1, -1) if X.ndim == 1 else X


def _targets(model, X: np.ndarray, y) -> np.ndarray:
    """y in the loss's prepared form, (n, output units): one-hot for categorical losses."""
    y = np.atleast_1d(np.asarray(y))
    if y.ndim == 1 and X.shape[0] == 1 and y.size > 1:
        y = y.reshape(1, -1)  # one example's row of targets (one-hot, labels or values)
    return model._check_xy(X, y)[1]


def forward_example(model, x) -> list[dict]:
    """The forward pass of one example x (features,), layer by layer.

    Returns per Dense layer {"activation", "a_in" (n_in,), "W" (n_in, units), "b" (units,), "z" (units,),
    "a" (units,)}. a_in of the first layer is the network's input (after its Normalization, if any). When the
    loss works from logits the output layer is linear; its entry then also has "p", the probabilities the
    loss computes from z (sigmoid or softmax).
    """
    a = model.normalize(_rows(model, x))[0].astype(float)
    steps = []
    for layer in model.layers:
        W, b = np.asarray(layer.W, dtype=float), np.asarray(layer.b, dtype=float)
        z = a @ W + b
        out = activations.forward(layer.activation, z.reshape(1, -1))[0]
        steps.append({"activation": layer.activation, "a_in": a, "W": W.copy(), "b": b.copy(), "z": z, "a": out})
        a = out
    if model.loss is not None and model.loss.from_logits:
        steps[-1]["p"] = activations.forward(model.loss.fused_activation, steps[-1]["z"].reshape(1, -1))[0]
    return steps


def example_losses(model, X, y) -> np.ndarray:
    """Each example's own loss, (n,); the batch loss (without penalty) is their mean.

    >>> from engine import Dense, Sequential
    >>> model = Sequential([Dense(1, activation="linear")], input_dim=1)
    >>> model.compile(loss="mse"); model.set_weights([np.array([[2.0]]), np.array([0.0])])
    >>> example_losses(model, [[1.0], [2.0]], [1.0, 1.0])  # (2-1)^2, (4-1)^2
    array([1., 9.])
    """
    X = _rows(model, X)
    Y = _targets(model, X, y)
    out = model.predict(X)
    return np.array([model.loss(Y[i:i + 1], out[i:i + 1]) for i in range(X.shape[0])])


def example_loss(model, x, y) -> dict:
    """One example's loss with the pieces of its head's formula.

    Returns {"kind": "binary" | "multilabel" | "softmax" | "regression", "y": target row (units,), "p": the
    outputs the formula uses (probabilities, or the prediction for a regression), "terms": each output's term
    (units,), "loss": float}. binary/multilabel: term_j = -(y_j log p_j + (1-y_j) log(1-p_j)), loss = mean;
    softmax: term_j = -y_j log p_j, loss = sum (= -log p of the true class); regression: term_j = (p_j-y_j)^2,
    loss = mean. Probabilities are clipped to [1e-7, 1-1e-7] as the loss does (except from logits).
    """
    X = _rows(model, x)
    Y = _targets(model, X, y)[0]
    kind = heads.kind_of(model)
    out = model.predict(X)[0]
    p = model.predict_proba(X)[0].astype(float)
    loss = model.loss(Y.reshape(1, -1), out.reshape(1, -1))
    if kind == "regression":
        terms = (p - Y) ** 2
    else:
        clipped = p if model.loss.from_logits else np.clip(p, 1e-7, 1 - 1e-7)
        with np.errstate(divide="ignore"):
            if kind == "softmax":
                terms = np.where(Y > 0, -Y * np.log(clipped), 0.0)
            else:
                terms = -(Y * np.log(clipped) + (1 - Y) * np.log1p(-clipped))
    return {"kind": kind, "y": Y.astype(float), "p": p, "terms": terms, "loss": float(loss)}


def _output_dz(model, Z: np.ndarray, A: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """dL_i/dz_i of each example's own loss at the output layer, (n, units); the head's fused form when the
    engine fuses it (a - y, scaled), else the chain rule through the loss and the output activation."""
    kind, k = plan.head_kind(model), model.output_units
    if kind == "sigmoid":
        return (activations.forward("sigmoid", Z) - Y) / k
    if kind == "softmax":
        return activations.forward("softmax", Z) - Y
    if kind == "mse":
        return 2.0 / k * (Z - Y)
    da = model.loss.gradient(Y, A) * Z.shape[0]  # the loss is a mean over examples: undo the 1/n
    return activations.backward(model.output_activation, Z, A, da)


def backward_pass(model, X, y, include_penalty: bool = True) -> list[dict]:
    """Backpropagation of the batch (X, y), output layer first, reported per layer (first layer first).

    Per Dense layer: "dz" (n, units), each example's dL_i/dz of its own loss L_i; "dW" (n_in, units) and
    "db" (units,), the gradient of the batch loss mean(L_i) (plus the regularization penalty's gradient
    when `include_penalty`): dW = mean_i a_in_i^T dz_i, db = mean_i dz_i. With one row these are that
    example's gradients. They equal what `Sequential.gradients` (the training kernels) returns.
    """
    X = _rows(model, X)
    Y = _targets(model, X, y).astype(float)
    n = X.shape[0]
    with np.errstate(all="ignore"):
        outputs = model.layer_outputs(X)
        inputs = [model.normalize(X).astype(float)] + [o["a"].astype(float) for o in outputs[:-1]]
        dz = _output_dz(model, outputs[-1]["z"].astype(float), outputs[-1]["a"].astype(float), Y)
        result = []
        for j in range(len(model.layers) - 1, -1, -1):
            layer = model.layers[j]
            dW = inputs[j].T @ dz / n
            if include_penalty and layer.kernel_regularizer is not None:
                dW = dW + layer.kernel_regularizer.gradient(np.asarray(layer.W, dtype=float))
            result.append({"dz": dz, "dW": dW, "db": dz.mean(axis=0)})
            if j > 0:
                below = model.layers[j - 1]
                da = dz @ np.asarray(layer.W, dtype=float).T
                dz = activations.backward(below.activation, outputs[j - 1]["z"].astype(float),
                                          outputs[j - 1]["a"].astype(float), da)
    return result[::-1]


def gradient_norms(model, X, y) -> np.ndarray:
    """Per Dense layer, the length of its gradient sqrt(|dW|^2 + |db|^2) on the batch (X, y), (layers,).

    Computed by the training kernels (`Sequential.gradients`), so it costs about one training step.
    """
    _, grads = model.gradients(_rows(model, X), y)
    return np.array([math.sqrt(float(np.sum(grads[2 * i] ** 2) + np.sum(grads[2 * i + 1] ** 2)))
                     for i in range(len(model.layers))])


def optimizer_step(model, X, y) -> dict:
    """What one optimizer step on the batch (X, y) would do, without doing it.

    Returns lists in the order [W1, b1, W2, b2, ...] (the shapes of `get_weights()`): "before", "gradient",
    "step" (the change, after - before), "after"; for Adam also "m", "v" (the moments after the step) and
    "effective_learning_rate" = alpha_t / (sqrt(v) + eps) with alpha_t = lr sqrt(1-b2^t)/(1-b1^t), so
    step = -effective_learning_rate * m. Also "loss" (the batch loss before the step), "optimizer" (its
    name) and "iteration" (t of this step). A copy of the optimizer takes the step; the model keeps its own.
    """
    X = _rows(model, X)
    loss, grads = model.gradients(X, y)
    before = model.flat_weights.copy()
    optimizer = copy.deepcopy(model.optimizer)
    after = before.copy()
    optimizer.apply(after, np.concatenate([g.ravel() for g in grads]))
    result = {"optimizer": optimizer.name, "iteration": optimizer.iterations, "loss": float(loss),
              "before": model.unflatten(before), "gradient": [g.copy() for g in grads],
              "after": model.unflatten(after), "step": model.unflatten(after - before)}
    if optimizer.name == "adam":
        result["m"] = model.unflatten(optimizer.m.copy())
        result["v"] = model.unflatten(optimizer.v.copy())
        result["effective_learning_rate"] = model.unflatten(optimizer.effective_learning_rate())
    return result


def grid_lines(x_range, y_range, lines: int = 9, points: int = 41) -> tuple[np.ndarray, np.ndarray]:
    """Straight grid lines over the input plane, to be mapped through a layer: (points (2*lines*points, 2),
    line id (2*lines*points,)). Lines 0..lines-1 run along x (constant x2), the rest along y (constant x1).

    >>> xy, line = grid_lines((0, 1), (0, 2), lines=2, points=3)
    >>> xy[:3].tolist(), line[:3].tolist()  # the first line: x2 = 0, x1 from 0 to 1
    ([[0.0, 0.0], [0.5, 0.0], [1.0, 0.0]], [0, 0, 0])
    """
    xs, ys = np.linspace(*x_range, lines), np.linspace(*y_range, lines)
    tx, ty = np.linspace(*x_range, points), np.linspace(*y_range, points)
    along_x = np.column_stack([np.tile(tx, lines), np.repeat(ys, points)])
    along_y = np.column_stack([np.repeat(xs, points), np.tile(ty, lines)])
    return np.vstack([along_x, along_y]), np.repeat(np.arange(2 * lines), points)


def unit_health(model, X) -> list[dict]:
    """Per hidden layer: which units are dead or saturated on the examples X.

    {"activation", "dead" (units,) bool: a ReLU whose z <= 0 on every example (its gradient is 0 for all of
    them, so it never learns again), "saturated" (units,) bool: a sigmoid/tanh at its limits (beyond
    SATURATION) on at least SATURATED_SHARE of the examples, "active_share" (units,): share of examples where
    the unit's output is not 0 / not at its limits}.

    >>> from engine import Dense, Sequential
    >>> model = Sequential([Dense(2, activation="relu"), Dense(1)], input_dim=1)
    >>> model.set_weights([np.array([[1.0, -1.0]]), np.array([0.0, -5.0]), np.ones((2, 1)), np.zeros(1)])
    >>> unit_health(model, [[1.0], [2.0]])[0]["dead"]  # unit 2: z = -x - 5 < 0 for both
    array([False,  True])
    """
    outputs = model.layer_outputs(_rows(model, X))
    report = []
    for layer, out in zip(model.layers[:-1], outputs[:-1], strict=False):
        z, a = out["z"], out["a"]
        if layer.activation == "relu":
            active = z > 0
        elif layer.activation == "sigmoid":
            active = (a > 1 - SATURATION) & (a < SATURATION)
        elif layer.activation == "tanh":
            active = np.abs(a) < SATURATION
        else:
            active = np.ones_like(z, dtype=bool)
        share = active.mean(axis=0)
        saturating = layer.activation in ("sigmoid", "tanh")
        report.append({"activation": layer.activation,
                       "dead": (share == 0) if layer.activation == "relu" else np.zeros(layer.units, bool),
                       "saturated": (share <= 1 - SATURATED_SHARE) if saturating else np.zeros(layer.units, bool),
                       "active_share": share})
    return report


def gradient_health(norms) -> str | None:
    """'vanishing', 'exploding' or None from per-layer gradient norms (first layer first).

    Vanishing: the first layer's norm is below VANISHING_RATIO of the output layer's (the early layers barely
    learn). Exploding: any norm above EXPLODING_NORM, or the first layer's 1/VANISHING_RATIO times the output's.

    >>> gradient_health([1e-6, 0.1]), gradient_health([5e3, 1.0]), gradient_health([0.2, 0.1])
    ('vanishing', 'exploding', None)
    """
    norms = np.asarray(norms, dtype=float)
    if norms.size == 0 or not np.isfinite(norms).all():
        return "exploding" if norms.size else None
    first, last = norms[0], norms[-1]
    if norms.max() > EXPLODING_NORM or (last > 0 and first > last / VANISHING_RATIO):
        return "exploding"
    if norms.size > 1 and last > 0 and first < VANISHING_RATIO * last:
        return "vanishing"
    return None
