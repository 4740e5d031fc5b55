"""Optimizers that update a model's flat parameter vector in place (a handful of NumPy calls per step).

The state is readable so a page can show how each parameter's step adapts (notes §13):
`last_update` is the change applied to every parameter by the last step, same shape as the flat vector;
`Adam.m`, `Adam.v` and `iterations` are Adam's moment estimates and step count.
"""

import math

import numpy as np


def _check_rate(value, label: str = "The learning rate") -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise ValueError(f"{label} must be a number, not {value!r}.")
    value = float(value)
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{label} must be a positive number, not {value}.")
    return value


class Optimizer:
    """Base. A subclass declares its settings and its state once; config, files and export derive from them.

    config_keys: constructor arguments, also attributes (get_config/from_config, the saved file).
    state_keys: attributes holding state arrays of the flat vector's shape, besides `last_update` (saved and
    restored with it). nonnegative_state_keys: those a valid file can never hold negative numbers in.
    """

    name = "optimizer"
    config_keys: tuple[str, ...] = ("learning_rate",)
    state_keys: tuple[str, ...] = ()
    nonnegative_state_keys: tuple[str, ...] = ()

    def __init__(self, learning_rate: float):
        self.learning_rate = learning_rate
        self.iterations = 0
        self.last_update: np.ndarray | None = None

    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self._learning_rate = _check_rate(value)

    def build(self, size: int, dtype) -> None:
        """Allocate zeroed state for a flat parameter vector of `size` numbers (forgets any earlier state)."""
        self.last_update = np.zeros(size, dtype=dtype)
        self._scratch = np.zeros((2, size), dtype=dtype)
        self.iterations = 0

    @property
    def built_size(self) -> int | None:
        return None if self.last_update is None else self.last_update.size

    def apply(self, params: np.ndarray, grads: np.ndarray) -> None:
        """One step: update `params` (flat) in place from `grads` (same shape)."""
        if self.last_update is None or self.last_update.size != params.size:
            self.build(params.size, params.dtype)
        pair = np.empty((2, params.size), dtype=params.dtype)
        pair[0] = grads
        self._step(params, pair)

    def _step(self, params: np.ndarray, pair: np.ndarray) -> None:
        """The fast path used by `fit`: pair[0] holds the gradient (kept), pair[1] is free scratch."""
        raise NotImplementedError

    def state_arrays(self) -> dict[str, np.ndarray]:
        """The arrays training continues from (live views), by name (`state_keys`; empty before `build`)."""
        if self.last_update is None:
            return {}
        return {key: getattr(self, key) for key in self.state_keys}

    def get_state(self) -> dict:
        """Copies of everything a continued training needs: iterations, last_update and `state_arrays`."""
        state = {name: array.copy() for name, array in self.state_arrays().items()}
        state["iterations"] = self.iterations
        state["last_update"] = None if self.last_update is None else self.last_update.copy()
        return state

    def set_state(self, state: dict) -> None:
        """Restore what `get_state` returned (the optimizer must be built for the same size)."""
        for name, array in self.state_arrays().items():
            np.copyto(array, state[name])
        if state.get("last_update") is not None:
            np.copyto(self.last_update, state["last_update"])
        self.iterations = int(state["iterations"])

    def get_config(self) -> dict:
        """{"name": ..., one entry per `config_keys`}: what `from_config` rebuilds the optimizer from."""
        return {"name": self.name, **{key: getattr(self, key) for key in self.config_keys}}

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items() if k != "name")
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    """Gradient descent: `v = momentum*v - lr*g; theta += v` (plain `theta -= lr*g` when momentum is 0).

    `last_update` is the velocity v. Two steps with lr=0.1, momentum 0.5 and g=1: v = -0.1, then -0.15.

    >>> theta, sgd = np.array([1.0]), SGD(learning_rate=0.1, momentum=0.5)
    >>> sgd.apply(theta, np.array([1.0])); sgd.apply(theta, np.array([1.0]))
    >>> theta, sgd.last_update
    (array([0.75]), array([-0.15]))
    """

    name = "sgd"
    config_keys = ("learning_rate", "momentum")
    state_keys = ("velocity",)

    def __init__(self, learning_rate: float = 0.01, momentum: float = 0.0):
        super().__init__(learning_rate)
        if isinstance(momentum, bool) or not isinstance(momentum, int | float | np.integer | np.floating) \
                or not 0.0 <= momentum < 1.0:
            raise ValueError(f"Momentum must be a number in [0, 1), not {momentum!r}.")
        self.momentum = float(momentum)

    def _step(self, params, pair):
        update = self.last_update
        if self.momentum:
            np.multiply(pair[0], self.learning_rate, out=pair[1])
            update *= self.momentum
            update -= pair[1]
        else:
            np.multiply(pair[0], -self.learning_rate, out=update)
        params += update
        self.iterations += 1

    @property
    def velocity(self) -> np.ndarray | None:
        """v, the step momentum carries over: the same array as `last_update`."""
        return self.last_update


class Adam(Optimizer):
    """Adam with the Keras update: `alpha_t = lr*sqrt(1-b2^t)/(1-b1^t)`, `theta -= alpha_t*m/(sqrt(v)+eps)`.

    m = b1*m + (1-b1)*g and v = b2*v + (1-b2)*g^2, both starting at zero. One step from zero state with
    lr=0.1 and g=2 moves theta by 0.1 (m/sqrt(v) = 1 after correction, less a hair for eps):

    >>> theta = np.array([1.0])
    >>> Adam(learning_rate=0.1).apply(theta, np.array([2.0]))
    >>> theta
    array([0.9])
    """

    name = "adam"
    config_keys = ("learning_rate", "beta_1", "beta_2", "epsilon")
    state_keys = ("m", "v")
    nonnegative_state_keys = ("v",)  # a running mean of g^2

    def __init__(self, learning_rate: float = 0.001, beta_1: float = 0.9, beta_2: float = 0.999, epsilon: float = 1e-7):
        super().__init__(learning_rate)
        for label, beta in (("beta_1", beta_1), ("beta_2", beta_2)):
            if isinstance(beta, bool) or not isinstance(beta, int | float | np.integer | np.floating) \
                    or not 0.0 <= beta < 1.0:
                raise ValueError(f"{label} must be a number in [0, 1), not {beta!r}.")
        self.beta_1, self.beta_2 = float(beta_1), float(beta_2)
        self.epsilon = _check_rate(epsilon, "epsilon")
        self.m: np.ndarray | None = None
        self.v: np.ndarray | None = None

    def build(self, size, dtype):
        super().build(size, dtype)
        # m and v as the two rows of one array: both moments update in two NumPy calls.
        self._moments = np.zeros((2, size), dtype=dtype)
        self.m, self.v = self._moments[0], self._moments[1]
        self._decay = np.array([[self.beta_1], [self.beta_2]], dtype=dtype)
        self._mix = np.array([[1.0 - self.beta_1], [1.0 - self.beta_2]], dtype=dtype)

    def __setstate__(self, state: dict) -> None:
        # After copy.deepcopy/pickle, m and v must again be the rows of the moments array.
        self.__dict__.update(state)
        if self.m is not None:
            self.m, self.v = self._moments[0], self._moments[1]

    def _step(self, params, pair):
        self.iterations += 1
        t = self.iterations
        alpha = self.learning_rate * math.sqrt(1.0 - self.beta_2**t) / (1.0 - self.beta_1**t)
        moments, scratch, update = self._moments, self._scratch, self.last_update
        np.multiply(pair[0], pair[0], out=pair[1])          # pair = [g, g^2]
        moments *= self._decay                               # [b1*m, b2*v]
        np.multiply(pair, self._mix, out=scratch)            # [(1-b1)*g, (1-b2)*g^2]
        moments += scratch
        denom = scratch[0]
        np.sqrt(self.v, out=denom)
        denom += self.epsilon
        np.divide(self.m, denom, out=update)
        update *= -alpha
        params += update

    def effective_learning_rate(self) -> np.ndarray:
        """Per-parameter step size alpha_t / (sqrt(v) + eps): what plain gradient descent's lr would have to be."""
        if self.v is None or self.iterations == 0:
            raise ValueError("Adam has taken no step yet.")
        t = self.iterations
        alpha = self.learning_rate * np.sqrt(1.0 - self.beta_2**t) / (1.0 - self.beta_1**t)
        return alpha / (np.sqrt(self.v) + self.epsilon)



OPTIMIZERS = {"sgd": SGD, "adam": Adam}


def get(optimizer) -> Optimizer:
    """An Optimizer from a name (`"adam"`, Keras default numbers) or an Optimizer object (returned as is)."""
    if isinstance(optimizer, Optimizer):
        return optimizer
    if isinstance(optimizer, str) and optimizer.lower() in OPTIMIZERS:
        return OPTIMIZERS[optimizer.lower()]()
    raise ValueError(f"Unknown optimizer {optimizer!r}. Choose one of: {', '.join(OPTIMIZERS)}.")


def from_config(config: dict) -> Optimizer:
    """An optimizer from `get_config()` output; raises ValueError on unknown names or bad numbers."""
    if not isinstance(config, dict) or config.get("name") not in OPTIMIZERS:
        raise ValueError(f"Unknown optimizer {config.get('name') if isinstance(config, dict) else config!r}.")
    cls = OPTIMIZERS[config["name"]]
    return cls(**{key: config[key] for key in cls.config_keys if key in config})
