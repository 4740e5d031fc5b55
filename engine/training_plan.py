"""The tuned fast path behind `Sequential`: preallocated buffers, fused head gradients, one epoch of steps.

At playground sizes each NumPy call costs more than its arithmetic, so this module counts calls:
- Activations are kept "units first", shape (units, n), each with an extra row of ones; a layer's W and b sit
  one after the other in the flat vector, which is exactly the (n_in + 1, units) matrix [W; b]. So
  `z = [W; b].T @ [a; 1]` is one matmul, and `[dW; db] = [a; 1] @ dz.T` is one more.
- Output activation and loss are fused where the notes fuse them (sigmoid + binary CE, softmax + CE, linear +
  MSE): dL/dz = (a - y) / N with pre-scaled targets.
- The loss is not recomputed per step: each step's output logits are kept and the epoch's loss is computed
  once per epoch from them (in `Sequential.fit`).
- Divergence is checked once per epoch; if the epoch went non-finite, `replay` re-runs it step by step from a
  snapshot to stop exactly before the bad step.

`forward_layers` is the one forward pass: training (`forward_backward`) and prediction (`forward`) both run it.

>>> from engine import Dense, Sequential
>>> model = Sequential([Dense(2, activation="tanh"), Dense(1, activation="sigmoid")], input_dim=3, seed=0)
>>> model.compile(optimizer="sgd", loss="binary_crossentropy")
>>> head_kind(model)
'sigmoid'
"""

import math

import numpy as np

from engine import activations, heads

FORWARD_CHUNK = 2048  # examples per forward chunk: the buffers of a playground-sized net then stay in L2 cache


class TrainingDiverged(ArithmeticError):
    """Raised by `fit` when a step would make the loss or the weights non-finite; the step is not applied.

    Attributes: `epoch` (1-based, counting every epoch the model trained), `step` (1-based within the epoch,
    or None), `loss` (the offending loss value, or the last finite one), `learning_rate`, `reason`
    ("loss", "weights", or "inputs" when the loss is not finite before the model's first step).
    For translation: `code` is "diverged_" + reason ("diverged_loss", "diverged_weights", "diverged_inputs") and
    `params` holds epoch, step, loss, learning_rate and suggested_learning_rate (learning_rate / 10, or None).
    """

    def __init__(self, epoch: int, loss: float, learning_rate: float | None, step: int | None = None,
                 reason: str = "loss"):
        self.epoch, self.loss, self.learning_rate, self.step, self.reason = epoch, loss, learning_rate, step, reason
        self.code = f"diverged_{reason}"
        self.params = {"epoch": epoch, "step": step, "loss": loss, "learning_rate": learning_rate,
                       "suggested_learning_rate": learning_rate / 10 if learning_rate else None}
        where = f"epoch {epoch}" + (f", step {step}" if step else "")
        what = {"loss": f"the loss became {loss} (too large to represent)",
                "weights": "the weights became too large to represent (infinity or NaN)",
                "inputs": f"the loss is {loss} before any training step"}[reason]
        if reason == "inputs":
            advice = ("the input values are too large for the network: standardise the features "
                      "(a Normalization first layer) or scale them down")
        elif learning_rate:
            advice = f"the learning rate ({learning_rate:g}) is probably too high: try {learning_rate / 10:g}"
        else:
            advice = "try a lower learning rate"
        super().__init__(
            f"Training diverged in {where}: {what}. That step was not applied and the model keeps its last "
            f"finite weights. Likely cause: {advice}."
        )


# ----- forward ---------------------------------------------------------------------------------------
def hidden_buffers(model, columns: int) -> list:
    """Per hidden layer: (WbT, z, top, full, kernel) for `columns` examples, units first.

    full is [a; 1] (units + 1, columns) with its ones row set; top = full[:-1] is a; z is the pre-activation
    (top itself for a linear layer); kernel writes g(z) into top (None for linear).
    """
    steps = []
    for i, layer in enumerate(model.layers[:-1]):
        full = np.empty((layer.units + 1, columns), dtype=model.dtype)
        full[-1] = 1.0
        top = full[:-1]
        z = top if layer.activation == "linear" else np.empty((layer.units, columns), dtype=model.dtype)
        steps.append((model._Wb[i].T, z, top, full, activations.forward_kernel(layer.activation)))
    return steps


def forward_layers(steps: list, out_WbT: np.ndarray, a: np.ndarray, zb: np.ndarray) -> None:
    """The forward pass: a = [x; 1] through every hidden layer (`hidden_buffers`), output logits into zb.

    np.dot with `out` is used throughout: at these sizes it costs about 2/3 of np.matmul's call overhead.
    """
    dot = np.dot
    for WbT, z, top, full, kernel in steps:
        dot(WbT, a, z)
        if kernel is not None:
            kernel(z, top)
        a = full
    dot(out_WbT, a, zb)


def fill_input(model, X: np.ndarray, XT: np.ndarray) -> None:
    """XT[:-1] = normalize(X).T and XT[-1] = 1: the network's input with its bias row, (features + 1, n)."""
    if model.normalization is None:
        np.copyto(XT[:-1], X.T)
    else:
        np.subtract(X.T, model.normalization.mean.astype(model.dtype)[:, None], out=XT[:-1])
        XT[:-1] *= model.normalization._inv_std.astype(model.dtype)[:, None]
    XT[-1] = 1.0


def input_units_first(model, X: np.ndarray) -> np.ndarray:
    """[normalize(X).T; 1], shape (features + 1, n)."""
    XT = np.empty((X.shape[1] + 1, X.shape[0]), dtype=model.dtype)
    fill_input(model, X, XT)
    return XT


def forward(model, X: np.ndarray, keep: bool = False):
    """Forward pass over X (n, features) in column chunks small enough to stay in the CPU cache.

    Returns (hidden, ZT): ZT the output logits (units, n); `hidden` the (z, a) of every hidden layer, each
    (units, n), when `keep` (else empty). Same kernels and bias-in-the-matmul as training, so the numbers
    match training's bit for bit.
    """
    n, dtype = X.shape[0], model.dtype
    chunk = min(n, FORWARD_CHUNK)
    buffers = {}
    kept = [(np.empty((layer.units, n), dtype=dtype), np.empty((layer.units, n), dtype=dtype))
            for layer in model.layers[:-1]] if keep else []
    ZT = np.empty((model.output_units, n), dtype=dtype)
    out_WbT = model._Wb[-1].T
    for start in range(0, n, chunk):
        end = min(start + chunk, n)
        columns = end - start
        if columns not in buffers:
            buffers[columns] = (np.empty((model.input_dim + 1, columns), dtype=dtype),
                                hidden_buffers(model, columns), np.empty((model.output_units, columns), dtype=dtype))
        xt, steps, zc = buffers[columns]
        fill_input(model, X[start:end], xt)
        forward_layers(steps, out_WbT, xt, zc)
        if keep:
            for (z_all, a_all), (_, z, top, _, _) in zip(kept, steps, strict=True):
                np.copyto(z_all[:, start:end], z)
                np.copyto(a_all[:, start:end], top)
        np.copyto(ZT[:, start:end], zc)
    return kept, ZT


# ----- the output layer's gradient ------------------------------------------------------------------
def head_kind(model) -> str:
    """Which fused output gradient applies: 'sigmoid', 'softmax', 'mse' or 'generic' (chain rule)."""
    loss, act = model.loss, model.output_activation
    if heads.kind_of(model) == "regression":
        return "mse" if loss.name == "mse" and act == "linear" else "generic"
    own = "linear" if loss.from_logits else loss.fused_activation
    return loss.fused_activation if act == own else "generic"


def targets(model, YT: np.ndarray, column_scale: np.ndarray | None) -> np.ndarray:
    """The targets the head kernel subtracts, pre-scaled per column (by 1/its batch's rows), (units, n)."""
    kind = head_kind(model)
    if kind == "generic":
        return YT
    if kind == "sigmoid":
        return (0.5 - YT) * column_scale
    return YT * column_scale


def column_scale(model, batches) -> np.ndarray | None:
    """Per example: 1/(rows of its batch) times the head's constant (1/k for BCE, 2/k for MSE, 1 for CE)."""
    kind, k = head_kind(model), model.output_units
    if kind == "generic":
        return None
    factor = {"sigmoid": 1.0 / k, "softmax": 1.0, "mse": 2.0 / k}[kind]
    scale = np.empty(batches[-1][1], dtype=model.dtype)
    for start, end in batches:
        scale[start:end] = factor / (end - start)
    return scale


def head_kernel(model, rows: int):
    """A callable (z, t) -> dL/dz for one batch, shapes (units, rows); t are the pre-scaled targets."""
    kind, k, dtype = head_kind(model), model.output_units, model.dtype
    dz = np.empty((k, rows), dtype=dtype)
    if kind == "sigmoid":
        # sigmoid(z) = (1 + tanh(z/2))/2, so (sigmoid(z) - y)/S = tanh(z/2) * (0.5/S) + (0.5 - y)/S.
        scale = 0.5 / (k * rows)

        def head(z, t, dz=dz):
            np.multiply(z, 0.5, out=dz)
            np.tanh(dz, out=dz)
            dz *= scale
            dz += t
            return dz
    elif kind == "softmax":
        column_max, column_sum = np.empty(rows, dtype=dtype), np.empty(rows, dtype=dtype)

        def head(z, t, dz=dz, column_max=column_max, column_sum=column_sum):
            np.maximum.reduce(z, axis=0, out=column_max)
            np.subtract(z, column_max, out=dz)
            np.exp(dz, out=dz)
            np.add.reduce(dz, axis=0, out=column_sum)
            column_sum *= rows
            np.divide(dz, column_sum, out=dz)
            dz -= t
            return dz
    elif kind == "mse":
        scale = 2.0 / (k * rows)

        def head(z, t, dz=dz):
            np.multiply(z, scale, out=dz)
            dz -= t
            return dz
    else:
        loss, name = model.loss, model.output_activation
        backward = activations.backward_kernel(name)
        scratch = np.empty((k, rows), dtype=dtype)

        def head(z, t):
            a = model._output_activation_units_first(z)
            np.copyto(dz, loss.gradient(t.T, a.T).T)
            if backward is not None:
                backward(z, a, dz, scratch)
            return dz
    return head


# ----- training steps -------------------------------------------------------------------------------
class Plan:
    """Preallocated buffers and bound kernels for training steps on batches of `rows` examples (units first)."""

    def __init__(self, model, rows: int):
        dtype, layers = model.dtype, model.layers
        self.rows = rows
        self.forward = hidden_buffers(model, rows)
        self.out_WbT = model._Wb[-1].T
        self.backward = []  # from the output layer down to layer 1
        for j in range(len(layers) - 1, 0, -1):
            below = layers[j - 1]
            _, z, top, full, _ = self.forward[j - 1]
            self.backward.append((model._G[j], full, layers[j].W, np.empty((below.units, rows), dtype=dtype),
                                  activations.backward_kernel(below.activation), z, top,
                                  np.empty((below.units, rows), dtype=dtype)))
        self.G0 = model._G[0]
        self.head = head_kernel(model, rows)


def plan_for(model, rows: int) -> Plan:
    """The model's cached Plan for batches of `rows` (a few sizes are kept)."""
    plan = model._plans.get(rows)
    if plan is None:
        if len(model._plans) > 4:
            model._plans.clear()
        plan = model._plans[rows] = Plan(model, rows)
    return plan


def forward_backward(plan: Plan, xb: np.ndarray, zb: np.ndarray, tb: np.ndarray) -> None:
    """One batch: output logits into zb, the gradient of the mean loss into the flat gradient vector."""
    forward_layers(plan.forward, plan.out_WbT, xb, zb)
    dot = np.dot
    dz = plan.head(zb, tb)
    for G, a_in, W, da, kernel, z, top, scratch in plan.backward:
        dot(a_in, dz.T, G)
        dot(W, dz, da)
        if kernel is not None:
            kernel(z, top, da, scratch)
        dz = da
    dot(xb, dz.T, plan.G0)


def run_epoch(model, XR, targets, outputs, batches, plans) -> float:
    """Every step of one epoch, unchecked; returns the sum of penalty * rows over the batches."""
    params, pair, step = model._params, model._grad_pair, model.optimizer._step
    regularized = any(layer.kernel_regularizer for layer in model.layers)
    penalty_sum = 0.0
    for (start, end), plan, zb in zip(batches, plans, outputs, strict=True):
        forward_backward(plan, XR[start:end].T, zb, targets[:, start:end])
        if regularized:
            penalty_sum += model._regularize() * ((end - start) if len(batches) > 1 else 1)
        step(params, pair)
    return penalty_sum


def replay(model, XR, targets, outputs, batches, plans, y_epoch, epoch) -> None:
    """Re-run a diverged epoch step by step from its snapshot; raise before the first non-finite step."""
    params, pair, optimizer = model._params, model._grad_pair, model.optimizer
    last_finite_loss = float("nan")
    for index, ((start, end), plan, zb) in enumerate(zip(batches, plans, outputs, strict=True), start=1):
        forward_backward(plan, XR[start:end].T, zb, targets[:, start:end])
        penalty = model._regularize()
        loss_value = model.loss(y_epoch[start:end], model._rows(model._output_activation_units_first(zb))) + penalty
        if not math.isfinite(loss_value):
            reason = "inputs" if optimizer.iterations == 0 else "loss"
            raise TrainingDiverged(epoch, loss_value, optimizer.learning_rate, step=index, reason=reason)
        before = (params.copy(), optimizer.get_state())
        optimizer._step(params, pair)
        if not np.isfinite(params).all():
            np.copyto(params, before[0])
            optimizer.set_state(before[1])
            raise TrainingDiverged(epoch, loss_value, optimizer.learning_rate, step=index, reason="weights")
        last_finite_loss = loss_value
    # The epoch's mean loss overflowed although every batch loss was finite.
    raise TrainingDiverged(epoch, last_finite_loss * math.inf, optimizer.learning_rate, reason="loss")
