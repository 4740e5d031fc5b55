"""Kernel regularizers with the Keras convention: the penalty is added to the batch-mean loss; biases are free.

>>> L2(0.01).penalty(np.array([[1.0, -2.0]]))  # 0.01 * (1 + 4)
0.05
"""

import numpy as np


class Regularizer:
    name = "regularizer"

    def __init__(self, rate: float):
        if isinstance(rate, bool) or not isinstance(rate, int | float | np.integer | np.floating):
            raise ValueError(f"A regularization rate must be a number >= 0, not {rate!r}.")
        rate = float(rate)
        if not np.isfinite(rate) or rate < 0:
            raise ValueError(f"A regularization rate must be a number >= 0, not {rate}.")
        self.rate = rate

    def get_config(self) -> dict:
        return {"name": self.name, "rate": self.rate}

    def __repr__(self):
        return f"{type(self).__name__}({self.rate})"


class L1(Regularizer):
    """penalty = l1 * sum(|W|)."""

    name = "l1"

    def penalty(self, W):
        return float(self.rate * np.abs(W).sum())

    def gradient(self, W):
        return self.rate * np.sign(W)


class L2(Regularizer):
    """penalty = l2 * sum(W^2)."""

    name = "l2"

    def penalty(self, W):
        w = np.ravel(W)
        return float(self.rate * np.dot(w, w))

    def gradient(self, W):
        return (2.0 * self.rate) * W


REGULARIZERS = {"l1": L1, "l2": L2}


def get(regularizer) -> Regularizer | None:
    """None, a Regularizer, or a name with a default rate of 0.01 (as Keras)."""
    if regularizer is None or isinstance(regularizer, Regularizer):
        return regularizer
    if isinstance(regularizer, str) and regularizer in REGULARIZERS:
        return REGULARIZERS[regularizer](0.01)
    raise ValueError(f"Unknown regularizer {regularizer!r}. Choose one of: {', '.join(REGULARIZERS)}, or None.")


def from_config(config: dict | None) -> Regularizer | None:
    if config is None:
        return None
    if not isinstance(config, dict) or config.get("name") not in REGULARIZERS:
        name = config.get("name") if isinstance(config, dict) else config
        raise ValueError(f"Unknown regularizer {name!r}. Choose one of: {', '.join(REGULARIZERS)}, or None.")
    rate = config.get("rate")
    if isinstance(rate, bool) or not isinstance(rate, int | float):
        raise ValueError(f"A regularization rate must be a number >= 0, not {rate!r}.")
    return REGULARIZERS[config["name"]](rate)
