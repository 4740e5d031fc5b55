"""Sequential networks of Dense layers, trained by backpropagation on one flat parameter vector.

Weights are shaped (n_in, units) so `W[:, i]` is unit i and `z = a_in @ W + b` (notes §6). Every layer's W and b
(and their gradients) are views into one flat array, so an optimizer step is a handful of NumPy calls.

>>> model = Sequential([Dense(3, activation="relu"), Dense(1, activation="sigmoid")], input_dim=4, seed=0)
>>> model.compile(optimizer=Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
>>> [w.shape for w in model.get_weights()]
[(4, 3), (3,), (3, 1), (1,)]

How it is fast (at playground sizes each NumPy call costs more than its arithmetic, so the code counts calls):
- Inside, activations are kept "units first", shape (units, n), each with an extra row of ones; a layer's W and
  b sit one after the other in the flat vector, which is exactly the (n_in + 1, units) matrix [W; b]. So
  `z = [W; b].T @ [a; 1]` is one matmul, and `[dW; db] = [a; 1] @ dz.T` is one more.
- Output activation and loss are fused where the notes fuse them (sigmoid + binary CE, softmax + CE, linear +
  MSE): dL/dz = (a - y) / N with pre-scaled targets.
- The loss is not recomputed per step: each step's output logits are kept and the epoch's loss (the mean of the
  batch losses before each step, as Keras reports it) and metrics are computed once per epoch from them.
- Divergence is checked once per epoch; if the epoch went non-finite, it is replayed step by step from a
  snapshot to stop exactly before the bad step.
"""

import math

import numpy as np

from engine import activations, heads, initializers, losses, optimizers, regularizers
from engine.preprocessing import Normalization

KNOWN_METRICS = ("accuracy", "mae", "mse")
FORWARD_CHUNK = 2048  # examples per forward chunk: the buffers of a playground-sized net then stay in L2 cache


class TrainingDiverged(ArithmeticError):
    """Raised by `fit` when a step would make the loss or the weights non-finite; the step is not applied.

    Attributes: `epoch` (1-based, counting every epoch the model trained), `step` (1-based within the epoch,
    or None), `loss` (the offending loss value, or the last finite one), `learning_rate`, `reason`
    ("loss", "weights", or "inputs" when the loss is not finite before the model's first step).
    """

    def __init__(self, epoch: int, loss: float, learning_rate: float | None, step: int | None = None,
                 reason: str = "loss"):
        self.epoch, self.loss, self.learning_rate, self.step, self.reason = epoch, loss, learning_rate, step, reason
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


class Dense:
    """A fully connected layer: `a = activation(a_in @ W + b)`, W of shape (n_in, units), b of shape (units,)."""

    def __init__(self, units: int, activation: str = "linear", kernel_initializer: str = "glorot_uniform",
                 kernel_regularizer=None, name: str | None = None):
        if isinstance(units, bool) or not isinstance(units, int | np.integer) or units < 1:
            raise ValueError(f"A Dense layer needs a whole number of units >= 1, not {units!r}.")
        if activation is not None and not isinstance(activation, str):
            raise ValueError(f"An activation is given by name (a string), not {activation!r}.")
        if not isinstance(kernel_initializer, str):
            raise ValueError(f"A kernel initializer is given by name (a string), not {kernel_initializer!r}.")
        self.units = int(units)
        self.activation = activations.check_name(activation or "linear")
        self.kernel_initializer = initializers.check_name(kernel_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.name = name
        self.input_dim: int | None = None
        # Views into the model's flat arrays, set by Sequential.build.
        self.W = self.b = self.dW = self.db = None

    def get_config(self) -> dict:
        reg = self.kernel_regularizer
        return {"units": self.units, "activation": self.activation, "kernel_initializer": self.kernel_initializer,
                "kernel_regularizer": reg.get_config() if reg else None, "name": self.name}

    @classmethod
    def from_config(cls, config: dict) -> "Dense":
        return cls(config["units"], activation=config["activation"],
                   kernel_initializer=config.get("kernel_initializer", "glorot_uniform"),
                   kernel_regularizer=regularizers.from_config(config.get("kernel_regularizer")),
                   name=config.get("name"))

    def __repr__(self):
        return f"Dense({self.units}, activation={self.activation!r})"


class History:
    """What `fit` returns: `history` maps 'loss', 'val_loss', 'accuracy', ... to one value per epoch."""

    def __init__(self):
        self.history: dict[str, list[float]] = {}
        self.epoch: list[int] = []

    def _append(self, epoch: int, logs: dict[str, float]) -> None:
        self.epoch.append(epoch)
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)


def _whole_number(value, label: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer | float | np.floating) \
            or not math.isfinite(value) or int(value) != value or value < minimum:
        raise ValueError(f"{label} must be a whole number >= {minimum}, not {value!r}.")
    return int(value)


class _Plan:
    """Preallocated buffers and bound kernels for training steps on batches of `rows` examples (units first)."""

    def __init__(self, model: "Sequential", rows: int):
        dtype, layers = model.dtype, model.layers
        self.rows = rows
        self.forward = []   # per hidden layer: (WbT, Z, top, full, kernel)
        fulls, zs, tops, scratches = [], [], [], []
        for i, layer in enumerate(layers[:-1]):
            full = np.empty((layer.units + 1, rows), dtype=dtype)
            full[-1] = 1.0
            top = full[:-1]
            z = top if layer.activation == "linear" else np.empty((layer.units, rows), dtype=dtype)
            self.forward.append((model._Wb[i].T, z, top, full, activations.forward_kernel(layer.activation)))
            fulls.append(full)
            zs.append(z)
            tops.append(top)
            scratches.append(np.empty((layer.units, rows), dtype=dtype))
        self.out_WbT = model._Wb[-1].T
        self.backward = []  # from the output layer down to layer 1
        for j in range(len(layers) - 1, 0, -1):
            below = layers[j - 1]
            self.backward.append((model._G[j], fulls[j - 1], layers[j].W, np.empty((below.units, rows), dtype=dtype),
                                  activations.backward_kernel(below.activation), zs[j - 1], tops[j - 1],
                                  scratches[j - 1]))
        self.G0 = model._G[0]
        self.head = model._head_kernel(rows)


class Sequential:
    """A stack of Dense layers, optionally after one `Normalization` (first). `seed` drives one
    np.random.Generator for initialization and shuffling; `dtype` is "float64" (default) or "float32".

    `layers` holds the Dense layers only; the Normalization (if any) is `normalization`, is not trained, and
    is not in `get_weights()` (unlike Keras) so the order stays [W1, b1, W2, b2, ...].
    """

    def __init__(self, layers=None, input_dim: int | None = None, seed: int | None = None,
                 dtype: str = "float64", name: str | None = None):
        try:
            resolved = np.dtype(dtype)
        except TypeError as error:
            raise ValueError(f"dtype must be float64 or float32, not {dtype!r}.") from error
        if resolved not in (np.float64, np.float32):
            raise ValueError(f"dtype must be float64 or float32, not {dtype}.")
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0):
            raise ValueError(f"seed must be a whole number >= 0 or None, not {seed!r}.")
        self.dtype = resolved
        self.layers: list[Dense] = []
        self.normalization: Normalization | None = None
        self.seed = None if seed is None else int(seed)
        self.rng = np.random.default_rng(self.seed)
        self.name = name
        self.input_dim: int | None = None
        self.optimizer: optimizers.Optimizer | None = None
        self.loss: losses.Loss | None = None
        self.metrics: list[str] = []
        self.epochs_trained = 0
        self.metadata: dict | None = None
        self._params = self._grads = None
        self._plans: dict[int, _Plan] = {}
        if layers is not None and not isinstance(layers, list | tuple):
            raise ValueError("Sequential takes a list of layers, e.g. Sequential([Dense(8), Dense(1)]).")
        for layer in layers or []:
            self.add(layer)
        if input_dim is not None:
            self.build(input_dim)
        elif self.normalization is not None and self.normalization.is_adapted and self.layers:
            self.build(self.normalization.input_dim)

    # ----- structure -------------------------------------------------------------------------
    def add(self, layer) -> None:
        """Append a Dense layer (or a Normalization, only as the very first layer)."""
        if self.built:
            raise ValueError("Layers cannot be added after the model is built.")
        if isinstance(layer, Normalization):
            if self.layers or self.normalization is not None:
                raise ValueError("A Normalization layer can only be the first layer of the model.")
            self.normalization = layer
            return
        if not isinstance(layer, Dense):
            raise ValueError(f"Only Dense layers (and a first Normalization) can be added, not {type(layer).__name__}.")
        if any(existing is layer for existing in self.layers):
            raise ValueError("The same Dense layer object was added twice: create a new Dense for each layer.")
        self.layers.append(layer)

    @property
    def built(self) -> bool:
        return self._params is not None

    def build(self, input_dim: int) -> None:
        """Allocate and initialize the weights for inputs with `input_dim` features."""
        if not self.layers:
            raise ValueError("The model has no layers: add at least the output layer.")
        if isinstance(input_dim, bool) or not isinstance(input_dim, int | np.integer) or input_dim < 1:
            raise ValueError(f"input_dim must be a whole number >= 1, not {input_dim!r}.")
        norm = self.normalization
        if norm is not None and norm.is_adapted and norm.input_dim != input_dim:
            raise ValueError(f"The Normalization layer was adapted to {norm.input_dim} feature(s) but input_dim "
                             f"is {input_dim}.")
        self.input_dim = int(input_dim)
        sizes = []
        n_in = self.input_dim
        for layer in self.layers:
            layer.input_dim = n_in
            sizes.append((n_in, layer.units))
            n_in = layer.units
        total = sum(n_in * units + units for n_in, units in sizes)
        self._params = np.zeros(total, dtype=self.dtype)
        # Row 0 is the gradient; row 1 is scratch the optimizer may use (so Adam squares g without allocating).
        self._grad_pair = np.zeros((2, total), dtype=self.dtype)
        self._grads = self._grad_pair[0]
        self._bind_views()
        for layer in self.layers:
            layer.W[...] = initializers.initialize(layer.kernel_initializer, self.rng, layer.input_dim, layer.units)
        self._plans = {}
        if self.optimizer is not None:
            self.optimizer.build(self._params.size, self.dtype)

    def _bind_views(self) -> None:
        """Point every layer's W, b, dW, db (and the [W; b] blocks) into the flat parameter and gradient arrays."""
        self._grads = self._grad_pair[0]
        self._Wb, self._G = [], []
        offset = 0
        for layer in self.layers:
            n_in, units = layer.input_dim, layer.units
            block = slice(offset, offset + (n_in + 1) * units)
            # W (row-major) followed by b is the (n_in + 1, units) matrix [W; b].
            self._Wb.append(self._params[block].reshape(n_in + 1, units))
            self._G.append(self._grads[block].reshape(n_in + 1, units))
            layer.W, layer.dW = self._Wb[-1][:-1], self._G[-1][:-1]
            layer.b, layer.db = self._Wb[-1][-1], self._G[-1][-1]
            offset = block.stop

    def __getstate__(self) -> dict:
        # copy.deepcopy/pickle would turn the views into independent arrays: keep only the flat arrays.
        state = self.__dict__.copy()
        state["_plans"] = {}
        for derived in ("_Wb", "_G", "_grads"):
            state.pop(derived, None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        if self._params is not None:
            self._bind_views()
        else:
            self._grads = None

    def count_params(self) -> int:
        """Trainable parameters (every W and b; the Normalization's mean/variance are not counted)."""
        return 0 if self._params is None else int(self._params.size)

    @property
    def output_activation(self) -> str:
        return self.layers[-1].activation

    @property
    def output_units(self) -> int:
        return self.layers[-1].units

    def summary(self) -> str:
        """A Keras-like table of layers, output shapes and parameter counts."""
        lines = [f"{'Layer':<24}{'Output shape':<16}{'Params':>8}"]
        if self.normalization is not None:
            lines.append(f"{'normalization':<24}{f'(None, {self.normalization.input_dim})':<16}{0:>8}")
        for i, layer in enumerate(self.layers):
            n_in = layer.input_dim or 0
            kind = "output" if i == len(self.layers) - 1 else f"hidden {i + 1}"
            lines.append(f"{f'{kind} ({layer.activation})':<24}{f'(None, {layer.units})':<16}{n_in * layer.units + layer.units:>8}")
        lines.append(f"Total params: {self.count_params()}")
        return "\n".join(lines)

    # ----- weights ---------------------------------------------------------------------------
    def get_weights(self) -> list[np.ndarray]:
        """Copies in the order [W1, b1, W2, b2, ...]; W_k has shape (n_in, units). No Normalization arrays."""
        self._require_built()
        return [array.copy() for layer in self.layers for array in (layer.W, layer.b)]

    def set_weights(self, weights) -> None:
        self._require_built()
        expected = [array.shape for layer in self.layers for array in (layer.W, layer.b)]
        if not isinstance(weights, list | tuple) or len(weights) != len(expected):
            count = len(weights) if isinstance(weights, list | tuple) else type(weights).__name__
            raise ValueError(f"Expected a list of {len(expected)} arrays [W1, b1, ...], got {count}.")
        values = []
        for value, shape in zip(weights, expected, strict=True):
            try:
                value = np.asarray(value, dtype=np.float64)
            except (TypeError, ValueError) as error:
                raise ValueError("Weights must be arrays of numbers.") from error
            if value.shape != shape:
                raise ValueError(f"A weight array has shape {value.shape}; this model needs {shape}.")
            if not np.isfinite(value).all():
                raise ValueError("Weights must be finite numbers (no NaN or infinity).")
            values.append(value)
        targets = [array for layer in self.layers for array in (layer.W, layer.b)]
        for target, value in zip(targets, values, strict=True):
            target[...] = value

    @property
    def flat_weights(self) -> np.ndarray:
        """The live flat parameter vector (a view: W1 row-major, b1, W2, b2, ...). Do not resize."""
        self._require_built()
        return self._params

    def unflatten(self, flat: np.ndarray) -> list[np.ndarray]:
        """Split a flat vector (e.g. Adam's per-parameter step sizes) into [W1, b1, W2, b2, ...] shapes."""
        self._require_built()
        flat = np.asarray(flat)
        if flat.shape != self._params.shape:
            raise ValueError(f"Expected a flat vector of {self._params.size} numbers, got shape {flat.shape}.")
        out, offset = [], 0
        for layer in self.layers:
            n_w = layer.W.size
            out.append(flat[offset:offset + n_w].reshape(layer.W.shape))
            out.append(flat[offset + n_w:offset + n_w + layer.units])
            offset += n_w + layer.units
        return out

    # ----- compile / checks ------------------------------------------------------------------
    def compile(self, optimizer="sgd", loss="mse", metrics=None) -> None:
        """Choose the optimizer (name or object), the loss (name or object) and metrics from KNOWN_METRICS."""
        if metrics is not None and not isinstance(metrics, list | tuple):
            raise ValueError("metrics must be a list of names, e.g. ['accuracy'].")
        for metric in metrics or []:
            if metric not in KNOWN_METRICS:
                raise ValueError(f"Unknown metric {metric!r}. Choose from: {', '.join(KNOWN_METRICS)}.")
        self.optimizer = optimizers.get(optimizer)
        self.loss = losses.get(loss)
        self.metrics = list(metrics or [])
        self._plans = {}
        if self.built:
            self.optimizer.build(self._params.size, self.dtype)

    def _require_built(self):
        if not self.built:
            raise ValueError("The model is not built yet: give input_dim, or call fit/predict with data first.")

    def _require_compiled(self):
        if self.loss is None or self.optimizer is None:
            raise ValueError("Call compile(optimizer=..., loss=...) before training or evaluating.")

    def _check_X(self, X) -> np.ndarray:
        try:
            X = np.asarray(X)
        except (TypeError, ValueError) as error:
            raise ValueError("X must be a 2-D table of numbers (rows of equal length).") from error
        if X.ndim != 2:
            raise ValueError(f"X must be a 2-D array (rows = examples, columns = features), not {X.ndim}-D.")
        if X.shape[0] == 0:
            raise ValueError("X has no rows.")
        if X.shape[1] == 0:
            raise ValueError("X has no feature columns.")
        if not (np.issubdtype(X.dtype, np.number) or X.dtype == np.bool_) or np.issubdtype(X.dtype, np.complexfloating):
            raise ValueError("X must hold numbers only.")
        X = X.astype(self.dtype, copy=False)
        if not np.isfinite(X).all():
            raise ValueError("X contains NaN or infinite values: clean or drop those rows first.")
        norm = self.normalization
        if norm is not None:
            norm._require_adapted()
            if X.shape[1] != norm.input_dim:
                raise ValueError(f"X has {X.shape[1]} feature column(s) but the Normalization layer was adapted "
                                 f"to {norm.input_dim}.")
        if not self.built:
            self.build(X.shape[1])
        elif X.shape[1] != self.input_dim:
            raise ValueError(f"X has {X.shape[1]} feature column(s) but the model expects {self.input_dim}.")
        return X

    def _check_xy(self, X, y) -> tuple[np.ndarray, np.ndarray]:
        X = self._check_X(X)
        try:
            y_arr = np.asarray(y)
        except (TypeError, ValueError) as error:
            raise ValueError("y must be an array of numbers (one row per example).") from error
        if y_arr.ndim == 0 or y_arr.ndim > 2:
            raise ValueError(f"y must be 1-D (one label per example) or 2-D (one row per example), not {y_arr.ndim}-D.")
        if y_arr.shape[0] != X.shape[0]:
            raise ValueError(f"X has {X.shape[0]} rows but y has {y_arr.shape[0]}: they must match.")
        if not (np.issubdtype(y_arr.dtype, np.number) or y_arr.dtype == np.bool_) \
                or np.issubdtype(y_arr.dtype, np.complexfloating) or not np.isfinite(y_arr.astype(float)).all():
            raise ValueError("y contains NaN, infinite or non-numeric values.")
        return X, self.loss.prepare_targets(y_arr, self.output_units, self.dtype)

    # ----- forward ---------------------------------------------------------------------------
    def _fill_input(self, X: np.ndarray, XT: np.ndarray) -> None:
        """XT[:-1] = normalize(X).T and XT[-1] = 1: the network's input with its bias row, (features + 1, n)."""
        if self.normalization is None:
            np.copyto(XT[:-1], X.T)
        else:
            np.subtract(X.T, self.normalization.mean.astype(self.dtype)[:, None], out=XT[:-1])
            XT[:-1] *= self.normalization._inv_std.astype(self.dtype)[:, None]
        XT[-1] = 1.0

    def _input_units_first(self, X: np.ndarray) -> np.ndarray:
        XT = np.empty((X.shape[1] + 1, X.shape[0]), dtype=self.dtype)
        self._fill_input(X, XT)
        return XT

    def _output_activation_units_first(self, z: np.ndarray, inplace: bool = False) -> np.ndarray:
        """The output layer's activation of (units, n) logits (softmax over axis 0); overwrites z if `inplace`.

        Every caller (predict, the epoch's loss, layer_outputs) goes through this one function, so they agree
        to the last bit.
        """
        return activations.apply_inplace_units_first(self.output_activation, z if inplace else z.copy())

    def _chunk_buffers(self, columns: int):
        """Input and per-hidden-layer buffers for `columns` examples: [x; 1], and (z, [a; 1]) per hidden layer."""
        xt = np.empty((self.input_dim + 1, columns), dtype=self.dtype)
        layers = []
        for layer in self.layers[:-1]:
            full = np.empty((layer.units + 1, columns), dtype=self.dtype)
            full[-1] = 1.0
            z = full[:-1] if layer.activation == "linear" else np.empty((layer.units, columns), dtype=self.dtype)
            layers.append((z, full))
        return xt, layers, np.empty((self.output_units, columns), dtype=self.dtype)

    def _forward(self, X: np.ndarray, keep: bool = False):
        """Forward pass over X (n, features) in column chunks small enough to stay in the CPU cache.

        Returns (hidden, ZT): ZT the output logits (units, n); `hidden` the (z, a) of every hidden layer, each
        (units, n), when `keep` (else empty). Same kernels and bias-in-the-matmul as training, so the numbers
        match training's bit for bit.
        """
        n = X.shape[0]
        chunk = min(n, FORWARD_CHUNK)
        buffers = {chunk: self._chunk_buffers(chunk)}
        hidden_layers = self.layers[:-1]
        kernels = [activations.forward_kernel(layer.activation) for layer in hidden_layers]
        kept = [(np.empty((layer.units, n), dtype=self.dtype), np.empty((layer.units, n), dtype=self.dtype))
                for layer in hidden_layers] if keep else []
        ZT = np.empty((self.output_units, n), dtype=self.dtype)
        out_WbT = self._Wb[-1].T
        for start in range(0, n, chunk):
            end = min(start + chunk, n)
            if end - start not in buffers:
                buffers[end - start] = self._chunk_buffers(end - start)
            xt, layer_buffers, zc = buffers[end - start]
            self._fill_input(X[start:end], xt)
            a = xt
            for i, (z, full) in enumerate(layer_buffers):
                np.dot(self._Wb[i].T, a, out=z)
                if kernels[i] is not None:
                    kernels[i](z, full[:-1])
                if keep:
                    np.copyto(kept[i][0][:, start:end], z)
                    np.copyto(kept[i][1][:, start:end], full[:-1])
                a = full
            np.dot(out_WbT, a, out=zc)
            np.copyto(ZT[:, start:end], zc)
        return kept, ZT

    def normalize(self, X) -> np.ndarray:
        """The network's actual input for X: X standardised by the Normalization layer (X itself if none)."""
        X = self._check_X(X)
        return self._input_units_first(X)[:-1].T.copy()

    def layer_outputs(self, X) -> list[dict[str, np.ndarray]]:
        """For every Dense layer, its pre-activation `z` and activation `a`, each of shape (n, units).

        The Normalization layer (if any) is not listed: `normalize(X)` gives its output, the network's input.
        """
        X = self._check_X(X)
        with np.errstate(all="ignore"):
            hidden, ZT = self._forward(X, keep=True)
            outputs = [*hidden, (ZT, self._output_activation_units_first(ZT))]
        return [{"z": z.T, "a": a.T} for z, a in outputs]

    def predict(self, X) -> np.ndarray:
        """The output layer's activation, shape (n, output units) (logits when the head is linear)."""
        X = self._check_X(X)
        with np.errstate(all="ignore"):
            a = self._output_activation_units_first(self._forward(X)[1], inplace=True)
        return a.T if a.shape[0] == 1 else np.ascontiguousarray(a.T)

    def predict_proba(self, X) -> np.ndarray:
        """Probabilities even when the loss works from logits (sigmoid or softmax applied to a linear head)."""
        out = self.predict(X)
        if self.loss is not None and self.loss.from_logits:
            return activations.forward(self.loss.fused_activation, out)
        return out

    # ----- training --------------------------------------------------------------------------
    def _penalty(self) -> float:
        return sum(layer.kernel_regularizer.penalty(layer.W) for layer in self.layers if layer.kernel_regularizer)

    def _head_kind(self) -> str:
        """Which fused output gradient applies: 'sigmoid', 'softmax', 'mse' or 'generic' (chain rule)."""
        loss, act = self.loss, self.output_activation
        kind = heads.kind_of(self)
        own = "linear" if loss.from_logits else loss.fused_activation
        if kind == "regression":
            return "mse" if loss.name == "mse" and act == "linear" else "generic"
        return loss.fused_activation if act == own else "generic"

    def _targets(self, YT: np.ndarray, column_scale: np.ndarray | None) -> np.ndarray:
        """The targets the head kernel subtracts, pre-scaled per column (by 1/its batch's rows), (units, n)."""
        kind = self._head_kind()
        if kind == "generic":
            return YT
        if kind == "sigmoid":
            return (0.5 - YT) * column_scale
        return YT * column_scale

    def _column_scale(self, batches) -> np.ndarray | None:
        """Per example: 1/(rows of its batch) times the head's constant (1/k for BCE, 2/k for MSE, 1 for CE)."""
        kind, k = self._head_kind(), self.output_units
        if kind == "generic":
            return None
        factor = {"sigmoid": 1.0 / k, "softmax": 1.0, "mse": 2.0 / k}[kind]
        scale = np.empty(batches[-1][1], dtype=self.dtype)
        for start, end in batches:
            scale[start:end] = factor / (end - start)
        return scale

    def _head_kernel(self, rows: int):
        """A callable (z, t) -> dL/dz for one batch, shapes (units, rows); t are the pre-scaled targets."""
        kind, k, dtype = self._head_kind(), self.output_units, self.dtype
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
            loss, name = self.loss, self.output_activation
            backward = activations.backward_kernel(name)
            scratch = np.empty((k, rows), dtype=dtype)

            def head(z, t):
                a = self._output_activation_units_first(z)
                np.copyto(dz, loss.gradient(t.T, a.T).T)
                if backward is not None:
                    backward(z, a, dz, scratch)
                return dz
        return head

    def _plan(self, rows: int) -> _Plan:
        plan = self._plans.get(rows)
        if plan is None:
            if len(self._plans) > 4:
                self._plans.clear()
            plan = self._plans[rows] = _Plan(self, rows)
        return plan

    def _forward_backward(self, plan: _Plan, xb: np.ndarray, zb: np.ndarray, tb: np.ndarray) -> None:
        """One batch: output logits into zb, the gradient of the mean loss into the flat gradient vector.

        np.dot with `out` is used throughout: at these sizes it costs about 2/3 of np.matmul's call overhead.
        """
        dot = np.dot
        a = xb
        for WbT, z, top, full, kernel in plan.forward:
            dot(WbT, a, z)
            if kernel is not None:
                kernel(z, top)
            a = full
        dot(plan.out_WbT, a, zb)
        dz = plan.head(zb, tb)
        for G, a_in, W, da, kernel, z, top, scratch in plan.backward:
            dot(a_in, dz.T, G)
            dot(W, dz, da)
            if kernel is not None:
                kernel(z, top, da, scratch)
            dz = da
        dot(xb, dz.T, plan.G0)

    def _regularize(self) -> float:
        """Add every kernel regularizer's gradient to the flat gradient; return the total penalty."""
        penalty = 0.0
        for layer in self.layers:
            reg = layer.kernel_regularizer
            if reg is not None:
                penalty += reg.penalty(layer.W)
                layer.dW += reg.gradient(layer.W)
        return penalty

    def gradients(self, X, y) -> tuple[float, list[np.ndarray]]:
        """Loss (with penalty) on the batch (X, y) and its gradient [dW1, db1, dW2, db2, ...]; no step taken."""
        self._require_compiled()
        X, y = self._check_xy(X, y)
        n = X.shape[0]
        T = self._targets(np.ascontiguousarray(y.T), self._column_scale([(0, n)]))
        ZT = np.empty((self.output_units, n), dtype=self.dtype)
        with np.errstate(all="ignore"):
            self._forward_backward(_Plan(self, n), self._input_units_first(X), ZT, T)
            penalty = self._regularize()
            loss_value = self.loss(y, self._rows(self._output_activation_units_first(ZT))) + penalty
        return loss_value, [g.copy() for layer in self.layers for g in (layer.dW, layer.db)]

    @staticmethod
    def _rows(units_first: np.ndarray) -> np.ndarray:
        """(units, n) -> (n, units), C-ordered so reductions sum in the same order as predict's output."""
        return units_first.T if units_first.shape[0] == 1 else np.ascontiguousarray(units_first.T)

    def _metric_values(self, y, out) -> dict[str, float]:
        values = {}
        for metric in self.metrics:
            if metric == "accuracy":
                values[metric] = accuracy(self, y, out)
            elif metric == "mae":
                values[metric] = float(np.mean(np.abs(out - y)))
            elif metric == "mse":
                values[metric] = float(np.mean((out - y) ** 2))
        return values

    def fit(self, X, y, epochs: int = 1, batch_size: int | None = 32, shuffle: bool = True,
            validation_data=None, verbose: int = 0) -> History:
        """Train for `epochs` passes over (X, y); calling again continues with the optimizer state kept.

        batch_size=None means one full batch. An epoch's 'loss' is the mean of its batch losses, each taken
        before that batch's step and weighted by the batch's rows (as Keras); metrics likewise.
        Raises TrainingDiverged (weights and optimizer left as before the bad step) if a step goes non-finite.
        """
        self._require_compiled()
        X, y = self._check_xy(X, y)
        if validation_data is not None:
            if not isinstance(validation_data, list | tuple) or len(validation_data) != 2:
                raise ValueError("validation_data must be a pair (X_val, y_val).")
            X_val, y_val = self._check_xy(*validation_data)
        epochs = _whole_number(epochs, "epochs", 0)
        n = X.shape[0]
        batch_size = n if batch_size is None else min(_whole_number(batch_size, "batch_size", 1), n)
        optimizer = self.optimizer
        if optimizer.built_size != self._params.size:
            optimizer.build(self._params.size, self.dtype)
        history = History()
        if epochs == 0:
            return history
        batches = [(start, min(start + batch_size, n)) for start in range(0, n, batch_size)]
        plans = [self._plan(end - start) for start, end in batches]
        column_scale = self._column_scale(batches)
        with np.errstate(all="ignore"):
            # Rows (n, features + 1) so each batch is a contiguous block; batch.T feeds BLAS without a copy.
            XR = np.ascontiguousarray(self._input_units_first(X).T)
            YT = np.ascontiguousarray(y.T)
            # One contiguous output buffer per batch (np.dot's `out` must be contiguous), joined once per epoch.
            outputs = [np.empty((self.output_units, end - start), dtype=self.dtype) for start, end in batches]
            targets = None
            for _ in range(epochs):
                epoch = self.epochs_trained + 1
                if shuffle:
                    order = self.rng.permutation(n)
                    XR_epoch, YT_epoch, y_epoch = XR[order], YT[:, order], y[order]
                    targets = None
                else:
                    XR_epoch, YT_epoch, y_epoch = XR, YT, y
                if targets is None:
                    targets = self._targets(YT_epoch, column_scale)
                snapshot = (self._params.copy(), optimizer.get_state())
                penalty_sum = self._run_epoch(XR_epoch, targets, outputs, batches, plans)
                ZT = outputs[0] if len(outputs) == 1 else np.concatenate(outputs, axis=1)
                out = self._rows(self._output_activation_units_first(ZT, inplace=True))
                data_loss = self.loss(y_epoch, out)
                penalty = penalty_sum if len(batches) == 1 else penalty_sum / n
                loss_value = data_loss + penalty
                if not (math.isfinite(loss_value) and np.isfinite(self._params).all()):
                    np.copyto(self._params, snapshot[0])
                    optimizer.set_state(snapshot[1])
                    self._replay(XR_epoch, targets, outputs, batches, plans, y_epoch, epoch)
                logs = {"loss": loss_value, **self._metric_values(y_epoch, out)}
                if validation_data is not None:
                    logs.update({f"val_{k}": v for k, v in self._evaluate_prepared(X_val, y_val).items()})
                self.epochs_trained = epoch
                history._append(epoch, logs)
        return history

    def _run_epoch(self, XR, targets, outputs, batches, plans) -> float:
        """Every step of one epoch, unchecked; returns the sum of penalty * rows over the batches."""
        params, pair, step = self._params, self._grad_pair, self.optimizer._step
        regularized = any(layer.kernel_regularizer for layer in self.layers)
        penalty_sum = 0.0
        forward_backward = self._forward_backward
        for (start, end), plan, zb in zip(batches, plans, outputs, strict=True):
            forward_backward(plan, XR[start:end].T, zb, targets[:, start:end])
            if regularized:
                penalty_sum += self._regularize() * ((end - start) if len(batches) > 1 else 1)
            step(params, pair)
        return penalty_sum

    def _replay(self, XR, targets, outputs, batches, plans, y_epoch, epoch) -> None:
        """Re-run a diverged epoch step by step from its snapshot; raise before the first non-finite step."""
        params, pair, optimizer = self._params, self._grad_pair, self.optimizer
        last_finite_loss = float("nan")
        for index, ((start, end), plan, zb) in enumerate(zip(batches, plans, outputs, strict=True), start=1):
            self._forward_backward(plan, XR[start:end].T, zb, targets[:, start:end])
            penalty = self._regularize()
            loss_value = self.loss(y_epoch[start:end], self._rows(self._output_activation_units_first(zb))) + penalty
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

    def _evaluate_prepared(self, X, y) -> dict[str, float]:
        out = self.predict(X)
        return {"loss": self.loss(y, out) + self._penalty(), **self._metric_values(y, out)}

    def evaluate(self, X, y, return_dict: bool = False):
        """Loss (with any regularization penalty) and metrics on (X, y): a float, a list, or a dict."""
        self._require_compiled()
        X, y = self._check_xy(X, y)
        with np.errstate(all="ignore"):
            result = self._evaluate_prepared(X, y)
        if return_dict:
            return result
        values = list(result.values())
        return values[0] if len(values) == 1 else values

    # ----- files -----------------------------------------------------------------------------
    def save(self, path) -> None:
        """Write the model (architecture, normalization, weights, optimizer state, RNG state) as one JSON file."""
        from engine import serialization  # serialization imports this module

        serialization.save_model(self, path)


def accuracy(model: Sequential, y: np.ndarray, out: np.ndarray) -> float:
    """Fraction correct: argmax for a softmax head, threshold 0.5 per label for sigmoid heads.

    `y` is in the loss's prepared form (one-hot for categorical losses, 0/1 columns for binary).
    """
    if heads.kind_of(model) == "softmax":
        return float(np.mean(out.argmax(axis=1) == y.argmax(axis=1)))
    threshold = 0.0 if model.loss.from_logits else 0.5
    return float(np.mean((out > threshold) == (y > 0.5)))
