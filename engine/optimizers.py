"""Optimizers that update a model's flat parameter vector in place (a handful of NumPy calls per step).

The state is readable so a page can show how each parameter's step adapts (notes §13):
`last_update` is the change applied to every parameter by the last step, same shape as the flat vector.
"""

import numpy as np


class Optimizer:
    name = "optimizer"

    def __init__(self, learning_rate: float):
        self.learning_rate = learning_rate
        self.iterations = 0
        self.last_update: np.ndarray | None = None

    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        value = float(value)
        if not np.isfinite(value) or value <= 0:
            raise ValueError(f"The learning rate must be a positive number, not {value}.")
        self._learning_rate = value

    def build(self, size: int, dtype) -> None:
        """Allocate the state for a flat parameter vector of `size` numbers."""
        self.last_update = np.zeros(size, dtype=dtype)

    def apply(self, params: np.ndarray, grads: np.ndarray) -> None:
        raise NotImplementedError

    def state_arrays(self) -> dict[str, np.ndarray]:
        return {}

    def get_config(self) -> dict:
        return {"name": self.name, "learning_rate": self.learning_rate}


class SGD(Optimizer):
    """Gradient descent: `v = momentum*v - lr*g; theta += v` (plain `theta -= lr*g` when momentum is 0)."""

    name = "sgd"

    def __init__(self, learning_rate: float = 0.01, momentum: float = 0.0):
        super().__init__(learning_rate)
        if not 0.0 <= momentum < 1.0:
            raise ValueError(f"Momentum must be in [0, 1), not {momentum}.")
        self.momentum = float(momentum)

    def apply(self, params, grads):
        update = self.last_update
        if self.momentum:
            update *= self.momentum
            update -= self.learning_rate * grads
        else:
            np.multiply(grads, -self.learning_rate, out=update)
        params += update
        self.iterations += 1

    def state_arrays(self):
        return {"velocity": self.last_update}

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum}


class Adam(Optimizer):
    """Adam with the Keras update: `alpha_t = lr*sqrt(1-b2^t)/(1-b1^t)`, `theta -= alpha_t*m/(sqrt(v)+eps)`.

    One step from zero state with lr=0.1 and g=2 moves theta by exactly -0.1 (m/sqrt(v) = 1 after correction).
    """

    name = "adam"

    def __init__(self, learning_rate: float = 0.001, beta_1: float = 0.9, beta_2: float = 0.999, epsilon: float = 1e-7):
        super().__init__(learning_rate)
        for label, beta in (("beta_1", beta_1), ("beta_2", beta_2)):
            if not 0.0 <= beta < 1.0:
                raise ValueError(f"{label} must be in [0, 1), not {beta}.")
        self.beta_1, self.beta_2, self.epsilon = float(beta_1), float(beta_2), float(epsilon)
        self.m: np.ndarray | None = None
        self.v: np.ndarray | None = None
        self._scratch: np.ndarray | None = None

    def build(self, size, dtype):
        super().build(size, dtype)
        self.m = np.zeros(size, dtype=dtype)
        self.v = np.zeros(size, dtype=dtype)
        self._scratch = np.zeros(size, dtype=dtype)

    def apply(self, params, grads):
        self.iterations += 1
        t = self.iterations
        b1, b2 = self.beta_1, self.beta_2
        alpha = self.learning_rate * np.sqrt(1.0 - b2**t) / (1.0 - b1**t)
        m, v, denom, update = self.m, self.v, self._scratch, self.last_update
        m += (1.0 - b1) * (grads - m)
        np.multiply(grads, grads, out=denom)
        denom -= v
        v += (1.0 - b2) * denom
        np.sqrt(v, out=denom)
        denom += self.epsilon
        np.divide(m, denom, out=update)
        update *= -alpha
        params += update

    def effective_learning_rate(self) -> np.ndarray:
        """Per-parameter step size alpha_t / (sqrt(v) + eps): what plain gradient descent's lr would have to be."""
        if self.v is None or self.iterations == 0:
            raise ValueError("Adam has taken no step yet.")
        t = self.iterations
        alpha = self.learning_rate * np.sqrt(1.0 - self.beta_2**t) / (1.0 - self.beta_1**t)
        return alpha / (np.sqrt(self.v) + self.epsilon)

    def state_arrays(self):
        return {"m": self.m, "v": self.v}

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon}


OPTIMIZERS = {"sgd": SGD, "adam": Adam}


def get(optimizer) -> Optimizer:
    """An Optimizer from a name (`"adam"`, Keras default numbers) or an Optimizer object (returned as is)."""
    if isinstance(optimizer, Optimizer):
        return optimizer
    if isinstance(optimizer, str) and optimizer.lower() in OPTIMIZERS:
        return OPTIMIZERS[optimizer.lower()]()
    raise ValueError(f"Unknown optimizer {optimizer!r}. Choose one of: {', '.join(OPTIMIZERS)}.")
