"""Sequential networks of Dense layers, trained by backpropagation on one flat parameter vector.

Weights are shaped (n_in, units) so `W[:, i]` is unit i and `z = a_in @ W + b` (notes §6). Every layer's W and b
(and their gradients) are views into one flat array, so an optimizer step is a handful of NumPy calls.

>>> model = Sequential([Dense(3, activation="relu"), Dense(1, activation="sigmoid")], input_dim=4, seed=0)
>>> model.compile(optimizer=Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
>>> [w.shape for w in model.get_weights()]
[(4, 3), (3,), (3, 1), (1,)]
"""

import math

import numpy as np

from engine import activations, initializers, losses, optimizers, regularizers


class TrainingDiverged(ArithmeticError):
    """Raised by `fit` when a step would make the loss or the weights non-finite; the step is not applied."""

    def __init__(self, epoch: int, loss: float, learning_rate: float | None):
        self.epoch, self.loss, self.learning_rate = epoch, loss, learning_rate
        advice = (f"the learning rate ({learning_rate:g}) is probably too high: try {learning_rate / 10:g}"
                  if learning_rate else "try a lower learning rate")
        super().__init__(
            f"Training diverged in epoch {epoch}: the loss became {loss} (too large to represent). "
            f"The model keeps its last finite weights. Likely cause: {advice}."
        )


class Dense:
    """A fully connected layer: `a = activation(a_in @ W + b)`, W of shape (n_in, units), b of shape (units,)."""

    def __init__(self, units: int, activation: str = "linear", kernel_initializer: str = "glorot_uniform",
                 kernel_regularizer=None, name: str | None = None):
        if isinstance(units, bool) or not isinstance(units, int | np.integer) or units < 1:
            raise ValueError(f"A Dense layer needs a whole number of units >= 1, not {units!r}.")
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


class Sequential:
    """A stack of Dense layers. `seed` drives one np.random.Generator for initialization and shuffling."""

    def __init__(self, layers=None, input_dim: int | None = None, seed: int | None = None,
                 dtype: str = "float64", name: str | None = None):
        if np.dtype(dtype) not in (np.float64, np.float32):
            raise ValueError(f"dtype must be float64 or float32, not {dtype}.")
        self.dtype = np.dtype(dtype)
        self.layers: list[Dense] = []
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.name = name
        self.input_dim: int | None = None
        self.optimizer: optimizers.Optimizer | None = None
        self.loss: losses.Loss | None = None
        self.metrics: list[str] = []
        self.epochs_trained = 0
        self._params = self._grads = None
        for layer in layers or []:
            self.add(layer)
        if input_dim is not None:
            self.build(input_dim)

    # ----- structure -------------------------------------------------------------------------
    def add(self, layer: Dense) -> None:
        if self.built:
            raise ValueError("Layers cannot be added after the model is built.")
        if not isinstance(layer, Dense):
            raise ValueError(f"Only Dense layers can be added, not {type(layer).__name__}.")
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
        self.input_dim = int(input_dim)
        sizes = []
        n_in = self.input_dim
        for layer in self.layers:
            layer.input_dim = n_in
            sizes.append((n_in, layer.units))
            n_in = layer.units
        total = sum(n_in * units + units for n_in, units in sizes)
        self._params = np.zeros(total, dtype=self.dtype)
        self._grads = np.zeros(total, dtype=self.dtype)
        offset = 0
        for layer, (n_in, units) in zip(self.layers, sizes, strict=True):
            end = offset + n_in * units
            layer.W, layer.dW = (a[offset:end].reshape(n_in, units) for a in (self._params, self._grads))
            layer.b, layer.db = (a[end:end + units] for a in (self._params, self._grads))
            layer.W[...] = initializers.initialize(layer.kernel_initializer, self.rng, n_in, units)
            offset = end + units
        if self.optimizer is not None:
            self.optimizer.build(self._params.size, self.dtype)

    def count_params(self) -> int:
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
        for i, layer in enumerate(self.layers):
            n_in = layer.input_dim or 0
            kind = "output" if i == len(self.layers) - 1 else f"hidden {i + 1}"
            lines.append(f"{f'{kind} ({layer.activation})':<24}{f'(None, {layer.units})':<16}{n_in * layer.units + layer.units:>8}")
        lines.append(f"Total params: {self.count_params()}")
        return "\n".join(lines)

    # ----- weights ---------------------------------------------------------------------------
    def get_weights(self) -> list[np.ndarray]:
        """Copies in the order [W1, b1, W2, b2, ...]; W_k has shape (n_in, units)."""
        self._require_built()
        return [array.copy() for layer in self.layers for array in (layer.W, layer.b)]

    def set_weights(self, weights) -> None:
        self._require_built()
        expected = [array.shape for layer in self.layers for array in (layer.W, layer.b)]
        if len(weights) != len(expected):
            raise ValueError(f"Expected {len(expected)} arrays [W1, b1, ...], got {len(weights)}.")
        targets = [array for layer in self.layers for array in (layer.W, layer.b)]
        for target, value, shape in zip(targets, weights, expected, strict=True):
            value = np.asarray(value, dtype=self.dtype)
            if value.shape != shape:
                raise ValueError(f"A weight array has shape {value.shape}; this model needs {shape}.")
            if not np.isfinite(value).all():
                raise ValueError("Weights must be finite numbers (no NaN or infinity).")
            target[...] = value

    @property
    def flat_weights(self) -> np.ndarray:
        """The live flat parameter vector (a view: W1 row-major, b1, W2, b2, ...). Do not resize."""
        self._require_built()
        return self._params

    def unflatten(self, flat: np.ndarray) -> list[np.ndarray]:
        """Split a flat vector (e.g. Adam's per-parameter step sizes) into [W1, b1, W2, b2, ...] shapes."""
        self._require_built()
        out, offset = [], 0
        for layer in self.layers:
            n_w = layer.W.size
            out.append(flat[offset:offset + n_w].reshape(layer.W.shape))
            out.append(flat[offset + n_w:offset + n_w + layer.units])
            offset += n_w + layer.units
        return out

    # ----- compile / forward -----------------------------------------------------------------
    def compile(self, optimizer="sgd", loss="mse", metrics=None) -> None:
        self.optimizer = optimizers.get(optimizer)
        self.loss = losses.get(loss)
        known = {"accuracy", "mae", "mse"}
        self.metrics = list(metrics or [])
        for metric in self.metrics:
            if metric not in known:
                raise ValueError(f"Unknown metric {metric!r}. Choose from: {', '.join(sorted(known))}.")
        if self.built:
            self.optimizer.build(self._params.size, self.dtype)

    def _require_built(self):
        if not self.built:
            raise ValueError("The model is not built yet: give input_dim, or call fit/predict with data first.")

    def _require_compiled(self):
        if self.loss is None or self.optimizer is None:
            raise ValueError("Call compile(optimizer=..., loss=...) before training or evaluating.")

    def _check_X(self, X) -> np.ndarray:
        X = np.asarray(X)
        if X.ndim != 2:
            raise ValueError(f"X must be a 2-D array (rows = examples, columns = features), not {X.ndim}-D.")
        if X.shape[0] == 0:
            raise ValueError("X has no rows.")
        if not np.issubdtype(X.dtype, np.number):
            raise ValueError("X must hold numbers only.")
        X = X.astype(self.dtype, copy=False)
        if not np.isfinite(X).all():
            raise ValueError("X contains NaN or infinite values: clean or drop those rows first.")
        if not self.built:
            self.build(X.shape[1])
        elif X.shape[1] != self.input_dim:
            raise ValueError(f"X has {X.shape[1]} feature column(s) but the model expects {self.input_dim}.")
        return X

    def _check_xy(self, X, y) -> tuple[np.ndarray, np.ndarray]:
        X = self._check_X(X)
        y_arr = np.asarray(y)
        if y_arr.shape[0] != X.shape[0]:
            raise ValueError(f"X has {X.shape[0]} rows but y has {y_arr.shape[0]}: they must match.")
        if not np.issubdtype(y_arr.dtype, np.number) or not np.isfinite(y_arr.astype(float)).all():
            raise ValueError("y contains NaN, infinite or non-numeric values.")
        return X, self.loss.prepare_targets(y_arr, self.output_units, self.dtype)

    def layer_outputs(self, X) -> list[dict[str, np.ndarray]]:
        """For every layer, its pre-activation `z` and activation `a`, each of shape (n, units)."""
        a = self._check_X(X)
        out = []
        for layer in self.layers:
            z = a @ layer.W + layer.b
            a = activations.forward(layer.activation, z)
            out.append({"z": z, "a": a})
        return out

    def predict(self, X) -> np.ndarray:
        """The output layer's activation, shape (n, output units) (logits when the head is linear)."""
        a = self._check_X(X)
        for layer in self.layers:
            a = activations.forward(layer.activation, a @ layer.W + layer.b)
        return a

    def predict_proba(self, X) -> np.ndarray:
        """Probabilities even when the loss works from logits (sigmoid or softmax applied to a linear head)."""
        out = self.predict(X)
        if self.loss is not None and self.loss.from_logits:
            head = "sigmoid" if isinstance(self.loss, losses.BinaryCrossentropy) else "softmax"
            return activations.forward(head, out)
        return out

    # ----- training --------------------------------------------------------------------------
    def _penalty(self) -> float:
        return sum(layer.kernel_regularizer.penalty(layer.W) for layer in self.layers if layer.kernel_regularizer)

    def _output_gradient(self, y, z, a) -> np.ndarray:
        loss = self.loss
        if not loss.from_logits and self.output_activation == loss.fused_activation:
            # sigmoid + BCE, softmax + CE: dL/dz collapses to (a - y) / N, exact and stable.
            scale = a.size if isinstance(loss, losses.BinaryCrossentropy) else a.shape[0]
            return (a - y) / scale
        return activations.backward(self.output_activation, z, a, loss.gradient(y, a))

    def _loss_and_gradients(self, X, y) -> tuple[float, np.ndarray]:
        """Forward and backward pass on one batch; fills the flat gradient vector; returns (loss, output)."""
        layers = self.layers
        inputs, zs = [], []
        a = X
        for layer in layers:
            inputs.append(a)
            z = a @ layer.W
            z += layer.b
            zs.append(z)
            a = activations.forward(layer.activation, z)
        loss_value = self.loss(y, a) + (self._penalty() if self._has_regularizer else 0.0)
        dz = self._output_gradient(y, zs[-1], a)
        for i in range(len(layers) - 1, -1, -1):
            layer = layers[i]
            np.matmul(inputs[i].T, dz, out=layer.dW)
            np.sum(dz, axis=0, out=layer.db)
            if layer.kernel_regularizer is not None:
                layer.dW += layer.kernel_regularizer.gradient(layer.W)
            if i:
                below = layers[i - 1]
                dz = activations.backward(below.activation, zs[i - 1], inputs[i], dz @ layer.W.T)
        return loss_value, a

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

        An epoch's 'loss' is the mean of its batch losses, each taken before that batch's step (as Keras).
        Raises TrainingDiverged (weights left at their last finite values) if a step goes non-finite.
        """
        self._require_compiled()
        X, y = self._check_xy(X, y)
        if validation_data is not None:
            X_val, y_val = self._check_xy(*validation_data)
        if isinstance(epochs, bool) or int(epochs) != epochs or epochs < 0:
            raise ValueError(f"epochs must be a whole number >= 0, not {epochs!r}.")
        n = X.shape[0]
        batch_size = n if batch_size is None else int(batch_size)
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, not {batch_size}.")
        batch_size = min(batch_size, n)
        if self.optimizer.last_update is None or self.optimizer.last_update.size != self._params.size:
            self.optimizer.build(self._params.size, self.dtype)
        self._has_regularizer = any(layer.kernel_regularizer for layer in self.layers)
        params, grads, optimizer = self._params, self._grads, self.optimizer
        backup = np.empty_like(params)
        history = History()
        for _ in range(int(epochs)):
            epoch = self.epochs_trained + 1
            if shuffle:
                order = self.rng.permutation(n)
                X_epoch, y_epoch = X[order], y[order]
            else:
                X_epoch, y_epoch = X, y
            total_loss = 0.0
            metric_sums: dict[str, float] = {}
            for start in range(0, n, batch_size):
                xb, yb = X_epoch[start:start + batch_size], y_epoch[start:start + batch_size]
                loss_value, out = self._loss_and_gradients(xb, yb)
                np.copyto(backup, params)
                optimizer.apply(params, grads)
                if not (math.isfinite(loss_value) and np.isfinite(params).all()):
                    np.copyto(params, backup)
                    raise TrainingDiverged(epoch, loss_value, optimizer.learning_rate)
                rows = xb.shape[0]
                total_loss += loss_value * rows
                for key, value in self._metric_values(yb, out).items():
                    metric_sums[key] = metric_sums.get(key, 0.0) + value * rows
            logs = {"loss": total_loss / n, **{k: v / n for k, v in metric_sums.items()}}
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
        result = self._evaluate_prepared(X, y)
        if return_dict:
            return result
        values = list(result.values())
        return values[0] if len(values) == 1 else values


def accuracy(model: Sequential, y: np.ndarray, out: np.ndarray) -> float:
    """Fraction correct: argmax for a softmax head, threshold 0.5 per label for sigmoid heads.

    `y` is in the loss's prepared form (one-hot for categorical losses, 0/1 columns for binary).
    """
    loss = model.loss
    if isinstance(loss, losses.CategoricalCrossentropy):
        return float(np.mean(out.argmax(axis=1) == y.argmax(axis=1)))
    threshold = 0.0 if loss.from_logits else 0.5
    return float(np.mean((out > threshold) == (y > 0.5)))
