"""Losses as objects (Keras names) and by name. Each gives the batch-mean loss and its gradient.

`from_logits=True` means the network's output layer is linear and the loss applies sigmoid/softmax itself,
in a numerically stable way (log-sum-exp). With `from_logits=False` the probabilities are computed first and
then logged: the naive path the notes (§11) warn about, kept so a page can show its rounding error.

>>> CategoricalCrossentropy()(np.array([[0, 1, 0]]), np.array([[0.05, 0.95, 0.0]]))  # -log 0.95
0.0513
>>> BinaryCrossentropy(from_logits=True)(np.array([[1.0]]), np.array([[0.0]]))  # -log sigmoid(0) = log 2
0.6931
"""

import numpy as np

from engine import heads

EPSILON = 1e-7  # Keras clips probabilities to [eps, 1-eps] before taking logs


def _log_softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


class Loss:
    """Base: `__call__(y_true, y_pred) -> float` (mean over the batch), `gradient(y_true, y_pred)`.

    `y_pred` is the output layer's activation, or its logits `z` when `from_logits` is True.
    `output_activation` names the head this loss expects when the output layer applies it itself
    (`fused` pairs get the simple `a - y` gradient).
    """

    name = "loss"
    from_logits = False
    fused_activation: str | None = None  # activation whose pairing with this loss has gradient (a - y)/n

    def prepare_targets(self, y: np.ndarray, n_outputs: int, dtype) -> np.ndarray:
        """Targets in the array form this loss computes with (validated)."""
        y = np.asarray(y, dtype=dtype)
        if y.ndim == 1:
            y = y.reshape(-1, 1)
        if y.shape[1] != n_outputs:
            raise ValueError(f"The targets have {y.shape[1]} column(s) but the output layer has {n_outputs} unit(s).")
        return y

    def get_config(self) -> dict:
        return {"name": self.name, "from_logits": self.from_logits}

    def __repr__(self):
        return f"{type(self).__name__}(from_logits={self.from_logits})"


class MeanSquaredError(Loss):
    """mean((y - y_pred)^2) over every output and example.

    >>> MeanSquaredError()(np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[1.0, 1.0], [1.0, 0.0]]))
    0.5
    """

    name = "mse"

    def __init__(self, from_logits: bool = False):
        self.from_logits = False  # regression has no logits; accepted for a uniform constructor

    def __call__(self, y_true, y_pred):
        return float(np.mean((y_pred - y_true) ** 2))

    def gradient(self, y_true, y_pred):
        return (2.0 / y_pred.size) * (y_pred - y_true)


class BinaryCrossentropy(Loss):
    """-mean(y log p + (1-y) log(1-p)) over every label and example (multi-label = several sigmoid outputs).

    >>> BinaryCrossentropy()(np.array([[0, 1], [0, 0]]), np.array([[0.6, 0.4], [0.4, 0.6]]))  # Keras docs
    0.8149...
    """

    name = "binary_crossentropy"
    fused_activation = "sigmoid"

    def __init__(self, from_logits: bool = False):
        self.from_logits = bool(from_logits)

    def prepare_targets(self, y, n_outputs, dtype):
        y = super().prepare_targets(y, n_outputs, dtype)
        if not np.isin(y, (0.0, 1.0)).all():
            raise ValueError("Binary cross-entropy needs targets that are 0 or 1 (one column per label).")
        return y

    def __call__(self, y_true, y_pred):
        if self.from_logits:
            z = y_pred
            return float(np.mean(np.maximum(z, 0.0) - z * y_true + np.log1p(np.exp(-np.abs(z)))))
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        return float(-np.mean(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p)))

    def gradient(self, y_true, y_pred):
        if self.from_logits:
            return (0.5 * (1.0 + np.tanh(0.5 * y_pred)) - y_true) / y_pred.size
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        return (p - y_true) / (p * (1.0 - p)) / y_pred.size


class CategoricalCrossentropy(Loss):
    """-mean over examples of sum_j y_j log a_j, with one-hot targets of shape (n, classes).

    >>> CategoricalCrossentropy()(np.array([[0, 1, 0], [0, 0, 1]]), np.array([[0.05, 0.95, 0], [0.1, 0.8, 0.1]]))
    1.1769...
    """

    name = "categorical_crossentropy"
    fused_activation = "softmax"

    def __init__(self, from_logits: bool = False):
        self.from_logits = bool(from_logits)

    def prepare_targets(self, y, n_outputs, dtype):
        y = super().prepare_targets(y, n_outputs, dtype)
        if n_outputs < 2:
            raise ValueError("Categorical cross-entropy needs at least 2 output units (one per class).")
        if not (np.isin(y, (0.0, 1.0)).all() and np.all(y.sum(axis=1) == 1)):
            raise ValueError("Categorical cross-entropy needs one-hot targets: a single 1 per row.")
        return y

    def __call__(self, y_true, y_pred):
        if self.from_logits:
            return float(-np.mean((y_true * _log_softmax(y_pred)).sum(axis=-1)))
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        return float(-np.mean((y_true * np.log(p)).sum(axis=-1)))

    def gradient(self, y_true, y_pred):
        n = y_pred.shape[0]
        if self.from_logits:
            return (np.exp(_log_softmax(y_pred)) - y_true) / n
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        return -(y_true / p) / n


class SparseCategoricalCrossentropy(CategoricalCrossentropy):
    """As categorical cross-entropy, with integer class labels of shape (n,): loss = mean(-log a_y).

    `prepare_targets` (which `fit` and `evaluate` call) turns the labels into one-hot rows once, up front:

    >>> loss = SparseCategoricalCrossentropy()
    >>> y = loss.prepare_targets(np.array([1, 2]), 3, np.float64)
    >>> y
    array([[0., 1., 0.],
           [0., 0., 1.]])
    >>> loss(y, np.array([[0.05, 0.95, 0], [0.1, 0.8, 0.1]]))  # mean(-log 0.95, -log 0.1)
    1.1769...
    """

    name = "sparse_categorical_crossentropy"

    def prepare_targets(self, y, n_outputs, dtype):
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == 1:
            y = y[:, 0]
        if y.ndim != 1:
            raise ValueError("Sparse categorical cross-entropy needs one integer class label per example.")
        if n_outputs < 2:
            raise ValueError("Sparse categorical cross-entropy needs at least 2 output units (one per class).")
        labels = y.astype(np.int64)
        if not np.array_equal(labels, y) or labels.min(initial=0) < 0 or labels.max(initial=0) >= n_outputs:
            raise ValueError(f"Class labels must be whole numbers from 0 to {n_outputs - 1} (the output has {n_outputs} units).")
        # One-hot once, up front: every step then shares the categorical code path.
        return np.eye(n_outputs, dtype=dtype)[labels]


LOSSES = {
    "mse": MeanSquaredError,
    "mean_squared_error": MeanSquaredError,
    "binary_crossentropy": BinaryCrossentropy,
    "categorical_crossentropy": CategoricalCrossentropy,
    "sparse_categorical_crossentropy": SparseCategoricalCrossentropy,
}


def get(loss) -> Loss:
    """A Loss from a name (`"mse"`) or a Loss object (returned as is)."""
    if isinstance(loss, Loss):
        return loss
    if isinstance(loss, str) and loss in LOSSES:
        return LOSSES[loss]()
    raise ValueError(f"Unknown loss {loss!r}. Choose one of: {', '.join(LOSSES)}.")


def from_config(config: dict) -> Loss:
    return LOSSES[config["name"]](from_logits=config.get("from_logits", False))


# The loss each output activation is meant for, and its English name in warnings.
_SUGGESTED_LOSS = {"sigmoid": "binary_crossentropy", "softmax": "categorical_crossentropy",
                   "linear": "mse", "relu": "mse"}
_LOSS_WORDS = {"binary_crossentropy": "binary cross-entropy", "categorical_crossentropy": "categorical cross-entropy",
               "mse": "mean squared error"}


def head_mismatch_info(output_activation: str, loss) -> tuple[str, dict] | None:
    """(code, params) when the output activation and the loss do not belong together, else None.

    Codes: "head_not_linear_for_logits" (output_activation) when the loss works from logits;
    "head_loss_mismatch" (output_activation, loss, suggested_loss: a loss name, or None).

    >>> head_mismatch_info("softmax", "mse")
    ('head_loss_mismatch', {'output_activation': 'softmax', 'loss': 'mse', 'suggested_loss': 'categorical_crossentropy'})
    >>> head_mismatch_info("sigmoid", "binary_crossentropy") is None
    True
    """
    loss = get(loss)
    if output_activation in heads.expected_activations(loss.name, loss.from_logits):
        return None
    if loss.from_logits:
        return "head_not_linear_for_logits", {"output_activation": output_activation}
    return "head_loss_mismatch", {"output_activation": output_activation, "loss": loss.name,
                                  "suggested_loss": _SUGGESTED_LOSS.get(output_activation)}


def head_mismatch(output_activation: str, loss) -> str | None:
    """A plain-language warning when the output activation and the loss do not belong together, else None.

    >>> head_mismatch("softmax", "mse")
    'A softmax output is meant for categorical cross-entropy; with mse ...'
    """
    info = head_mismatch_info(output_activation, loss)
    if info is None:
        return None
    code, params = info
    if code == "head_not_linear_for_logits":
        return (f"With from_logits=True the loss applies sigmoid/softmax itself, so the output layer should be "
                f"linear, not {output_activation}.")
    better = _LOSS_WORDS.get(params["suggested_loss"], "a loss suited to it")
    return (f"A {output_activation} output is meant for {better}; with {params['loss']} training may be slow "
            f"or the outputs may not mean what you expect.")
