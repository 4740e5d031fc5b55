"""Feature standardisation as a layer (Keras name `Normalization`): x' = (x - mean) / sqrt(variance) per column.

>>> norm = Normalization()
>>> _ = norm.adapt(np.array([[0.0, 5.0], [2.0, 5.0]]))
>>> norm(np.array([[2.0, 5.0]]))   # column 2 is constant: variance 1, so it maps to 0 instead of dividing by 0
array([[1., 0.]])

Put it first in a Sequential: `Sequential([norm, Dense(8, activation="relu"), Dense(1, activation="sigmoid")])`.
It is applied in every forward pass, never trained, and (unlike Keras) its mean/variance are NOT part of
`get_weights()`, so that list stays [W1, b1, W2, b2, ...]; they are saved with the model.
"""

import numpy as np


class Normalization:
    """Per-feature standardisation. `mean`, `variance`: shape (features,), set by `adapt` or given."""

    def __init__(self, mean=None, variance=None, name: str | None = None):
        self.name = name
        self.mean: np.ndarray | None = None
        self.variance: np.ndarray | None = None
        if (mean is None) != (variance is None):
            raise ValueError("Give both mean and variance to Normalization, or neither (then call adapt).")
        if mean is not None:
            self._set(mean, variance)

    def _set(self, mean, variance) -> None:
        mean = np.asarray(mean, dtype=np.float64).reshape(-1)
        variance = np.asarray(variance, dtype=np.float64).reshape(-1)
        if mean.size == 0 or mean.shape != variance.shape:
            raise ValueError("Normalization needs one mean and one variance per feature (same, non-zero count).")
        if not (np.isfinite(mean).all() and np.isfinite(variance).all()) or (variance <= 0).any():
            raise ValueError("Normalization's mean must be finite and its variance finite and > 0.")
        self.mean, self.variance = mean, variance
        # Multiplying by 1/std everywhere (not dividing) keeps every code path rounding the same way.
        self._inv_std = 1.0 / np.sqrt(variance)

    @property
    def is_adapted(self) -> bool:
        return self.mean is not None

    @property
    def input_dim(self) -> int | None:
        return None if self.mean is None else int(self.mean.size)

    def adapt(self, X) -> "Normalization":
        """Learn each column's mean and variance from X (n, features); a constant column gets variance 1.

        Returns the layer itself, so `Normalization().adapt(X_train)` reads as one step.
        """
        X = np.asarray(X)
        if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
            raise ValueError("Normalization.adapt needs a 2-D array with at least one row and one column.")
        if not np.issubdtype(X.dtype, np.number) or np.issubdtype(X.dtype, np.complexfloating):
            raise ValueError("Normalization.adapt needs numbers only.")
        X = X.astype(np.float64)
        if not np.isfinite(X).all():
            raise ValueError("The data for Normalization.adapt contains NaN or infinite values.")
        mean, variance = X.mean(axis=0), X.var(axis=0)
        constant = X.max(axis=0) == X.min(axis=0)
        mean[constant] = X[0, constant]
        variance[constant] = 1.0
        variance[variance <= 0] = 1.0  # rounding can leave a near-constant column at 0
        self._set(mean, variance)
        return self

    @property
    def std(self) -> np.ndarray:
        """sqrt(variance) per feature, shape (features,)."""
        self._require_adapted()
        return np.sqrt(self.variance)

    def inverse(self, X_scaled) -> np.ndarray:
        """Back to the original units: X_scaled * std + mean, shape of X_scaled."""
        self._require_adapted()
        return np.asarray(X_scaled, dtype=np.float64) * self.std + self.mean

    def _require_adapted(self) -> None:
        if self.mean is None:
            raise ValueError("The Normalization layer has not learnt its mean and variance yet: "
                             "call norm.adapt(X_train) first.")

    def __call__(self, X) -> np.ndarray:
        """(X - mean) / sqrt(variance), shape of X (n, features), in X's float dtype (float64 otherwise)."""
        self._require_adapted()
        X = np.asarray(X)
        if X.ndim != 2 or X.shape[1] != self.mean.size:
            raise ValueError(f"Normalization expects a 2-D array with {self.mean.size} column(s), got shape {X.shape}.")
        dtype = X.dtype if X.dtype in (np.float32, np.float64) else np.float64
        out = np.subtract(X, self.mean.astype(dtype), dtype=dtype)
        out *= self._inv_std.astype(dtype)
        return out

    def get_config(self) -> dict:
        return {"name": self.name,
                "mean": None if self.mean is None else self.mean.tolist(),
                "variance": None if self.variance is None else self.variance.tolist()}

    @classmethod
    def from_config(cls, config: dict) -> "Normalization":
        return cls(mean=config.get("mean"), variance=config.get("variance"), name=config.get("name"))

    def __repr__(self):
        return f"Normalization(features={self.input_dim})"
