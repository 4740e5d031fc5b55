"""Sequential networks of Dense layers, trained by backpropagation on one flat parameter vector.

Weights are shaped (n_in, units) so `W[:, i]` is unit i and `z = a_in @ W + b` (notes §6). Every layer's W and b
(and their gradients) are views into one flat array, so an optimizer step is a handful of NumPy calls.

>>> from engine import Adam
>>> model = Sequential([Dense(3, activation="relu"), Dense(1, activation="sigmoid")], input_dim=4, seed=0)
>>> model.compile(optimizer=Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
>>> [w.shape for w in model.get_weights()]
[(4, 3), (3,), (3, 1), (1,)]

Training follows the notes' algorithm: for every epoch, shuffle; for every batch, forward pass, backward pass
(chain rule, output layer first), one optimizer step; after the epoch, its mean loss and metrics. The tuned
buffers and fused kernels that make those steps fast live in engine/training_plan.py.
"""

import math

import numpy as np

from engine import activations, heads, initializers, losses, optimizers, regularizers
from engine import training_plan as plan
from engine.preprocessing import Normalization
from engine.training_plan import TrainingDiverged

__all__ = ["KNOWN_METRICS", "Dense", "History", "Sequential", "TrainingDiverged", "accuracy"]

KNOWN_METRICS = ("accuracy", "mae", "mse")


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
        self._plans: dict[int, plan.Plan] = {}
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
    def _output_activation_units_first(self, z: np.ndarray, inplace: bool = False) -> np.ndarray:
        """The output layer's activation of (units, n) logits (softmax over axis 0); overwrites z if `inplace`.

        Every caller (predict, the epoch's loss, layer_outputs) goes through this one function, so they agree
        to the last bit.
        """
        return activations.apply_inplace_units_first(self.output_activation, z if inplace else z.copy())

    def normalize(self, X) -> np.ndarray:
        """The network's actual input for X: X standardised by the Normalization layer (X itself if none)."""
        X = self._check_X(X)
        return plan.input_units_first(self, X)[:-1].T.copy()

    def layer_outputs(self, X) -> list[dict[str, np.ndarray]]:
        """For every Dense layer, its pre-activation `z` and activation `a`, each of shape (n, units).

        The Normalization layer (if any) is not listed: `normalize(X)` gives its output, the network's input.
        """
        X = self._check_X(X)
        with np.errstate(all="ignore"):
            hidden, ZT = plan.forward(self, X, keep=True)
            outputs = [*hidden, (ZT, self._output_activation_units_first(ZT))]
        return [{"z": z.T, "a": a.T} for z, a in outputs]

    def predict(self, X) -> np.ndarray:
        """The output layer's activation, shape (n, output units) (logits when the head is linear)."""
        X = self._check_X(X)
        with np.errstate(all="ignore"):
            a = self._output_activation_units_first(plan.forward(self, X)[1], inplace=True)
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

    def _regularize(self) -> float:
        """Add every kernel regularizer's gradient to the flat gradient; return the total penalty."""
        penalty = 0.0
        for layer in self.layers:
            reg = layer.kernel_regularizer
            if reg is not None:
                penalty += reg.penalty(layer.W)
                layer.dW += reg.gradient(layer.W)
        return penalty

    def next_batch(self, n: int, batch_size: int | None = 32) -> np.ndarray:
        """Row indices (batch rows,) of the first batch the next shuffled `fit` epoch on n examples takes; the
        model's shuffling RNG is not advanced (a copy draws the same permutation).

        >>> m = Sequential([Dense(1)], input_dim=1, seed=0)
        >>> m.next_batch(5, 2).tolist() == m.next_batch(5, 2).tolist()
        True
        """
        rng = np.random.Generator(type(self.rng.bit_generator)())
        rng.bit_generator.state = self.rng.bit_generator.state
        return rng.permutation(n)[:n if batch_size is None else min(int(batch_size), n)]

    def gradients(self, X, y) -> tuple[float, list[np.ndarray]]:
        """Loss (with penalty) on the batch (X, y) and its gradient [dW1, db1, dW2, db2, ...]; no step taken."""
        self._require_compiled()
        X, y = self._check_xy(X, y)
        n = X.shape[0]
        T = plan.targets(self, np.ascontiguousarray(y.T), plan.column_scale(self, [(0, n)]))
        ZT = np.empty((self.output_units, n), dtype=self.dtype)
        with np.errstate(all="ignore"):
            plan.forward_backward(plan.Plan(self, n), plan.input_units_first(self, X), ZT, T)
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
        plans = [plan.plan_for(self, end - start) for start, end in batches]
        column_scale = plan.column_scale(self, batches)
        with np.errstate(all="ignore"):
            # Rows (n, features + 1) so each batch is a contiguous block; batch.T feeds BLAS without a copy.
            XR = np.ascontiguousarray(plan.input_units_first(self, X).T)
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
                    targets = plan.targets(self, YT_epoch, column_scale)
                snapshot = (self._params.copy(), optimizer.get_state())
                penalty_sum = plan.run_epoch(self, XR_epoch, targets, outputs, batches, plans)
                ZT = outputs[0] if len(outputs) == 1 else np.concatenate(outputs, axis=1)
                out = self._rows(self._output_activation_units_first(ZT, inplace=True))
                data_loss = self.loss(y_epoch, out)
                penalty = penalty_sum if len(batches) == 1 else penalty_sum / n
                loss_value = data_loss + penalty
                if not (math.isfinite(loss_value) and np.isfinite(self._params).all()):
                    np.copyto(self._params, snapshot[0])
                    optimizer.set_state(snapshot[1])
                    plan.replay(self, XR_epoch, targets, outputs, batches, plans, y_epoch, epoch)
                logs = {"loss": loss_value, **self._metric_values(y_epoch, out)}
                if validation_data is not None:
                    logs.update({f"val_{k}": v for k, v in self._evaluate_prepared(X_val, y_val).items()})
                self.epochs_trained = epoch
                history._append(epoch, logs)
        return history

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
