"""A bounded log of a model's checkpoints (weights, optimizer state, shuffling RNG, epoch): rewind and replay.

Each checkpoint is everything training continues from, so a model restored at epoch k predicts what a model
trained to epoch k predicts, and training it on gives the same weights as a run never interrupted.
The log holds at most `max_count` checkpoints: every recorded state while they fit, then every other one is
dropped and the spacing doubles (like the Playground's loss history), so a run of any length keeps a bounded,
evenly thinned set, dense early, and the newest state is always the last entry.

>>> model = Sequential([Dense(3, activation="tanh"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
>>> model.compile(optimizer="adam", loss="binary_crossentropy")
>>> X, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0.0, 1.0])
>>> log = CheckpointLog(max_count=4)
>>> for _ in range(10):
...     _ = log.record(model)
...     _ = model.fit(X, y, epochs=1)
>>> log.epochs
[0, 4, 8, 9]
>>> restored = log.model_at(1, model)   # a copy at epoch 4; `model` is left as it is
>>> restored.epochs_trained, model.epochs_trained
(4, 10)
"""

import copy
from dataclasses import dataclass, field

import numpy as np

from engine import optimizers
from engine.model import Dense, Sequential  # noqa: F401  (Dense: the doctest above)


@dataclass(frozen=True)
class Checkpoint:
    """One saved training state.

    vector: float array, the flat weights (`count_params()` numbers) then the optimizer's state arrays in
    `layout` order, one block each of the same size (one array per checkpoint: little per-array overhead).
    optimizer: the optimizer's `get_config()`; iterations: its step count; rng_state: the model's shuffling
    generator state; logs: what the caller recorded with it (e.g. the losses at that epoch).
    """

    epoch: int
    vector: np.ndarray
    layout: tuple[str, ...]
    optimizer: dict | None
    iterations: int
    rng_state: dict
    logs: dict = field(default_factory=dict)

    @property
    def nbytes(self) -> int:
        return int(self.vector.nbytes)


def capture(model: Sequential, logs: dict | None = None) -> Checkpoint:
    """A checkpoint of `model` as it is now (copies; the model is not touched)."""
    size = model.count_params()
    parts, layout = [model.flat_weights], []
    optimizer = model.optimizer
    iterations = 0
    if optimizer is not None and optimizer.built_size == size:
        state = optimizer.get_state()
        iterations = int(state.pop("iterations"))
        for name, array in state.items():
            if array is not None:
                layout.append(name)
                parts.append(array)
    return Checkpoint(int(model.epochs_trained), np.concatenate(parts), tuple(layout),
                      None if optimizer is None else optimizer.get_config(), iterations,
                      model.rng.bit_generator.state, dict(logs or {}))


def restore(checkpoint: Checkpoint, model: Sequential) -> None:
    """Put `checkpoint` into `model` in place: weights, optimizer (its settings and state), RNG, epoch count.

    The model must have the structure the checkpoint was taken from (ValueError otherwise).
    """
    size = model.count_params()
    if checkpoint.vector.size != size * (1 + len(checkpoint.layout)):
        raise ValueError("This checkpoint was taken from a network of another size.")
    np.copyto(model.flat_weights, checkpoint.vector[:size])
    if checkpoint.optimizer is not None:
        # A fresh optimizer from the saved settings: the live one may have been switched since.
        model.optimizer = optimizers.from_config(checkpoint.optimizer)
        model.optimizer.build(size, model.dtype)
        model._plans = {}  # plans made for the replaced optimizer
        state = {name: checkpoint.vector[size * (i + 1):size * (i + 2)] for i, name in enumerate(checkpoint.layout)}
        for name in model.optimizer.state_arrays():
            state.setdefault(name, np.zeros(size))
        model.optimizer.set_state({**state, "iterations": checkpoint.iterations})
    model.rng.bit_generator.state = checkpoint.rng_state
    model.epochs_trained = checkpoint.epoch


class CheckpointLog:
    """At most `max_count` checkpoints of one run, in epoch order (see the module docstring).

    `gap`: the least number of epochs between two kept checkpoints (1 at first, doubled at each thinning);
    the last entry is always the newest state recorded, however close to the one before.
    """

    def __init__(self, max_count: int = 200):
        if isinstance(max_count, bool) or not isinstance(max_count, int) or max_count < 3:
            raise ValueError(f"max_count must be a whole number >= 3, not {max_count!r}.")
        self.max_count = max_count
        self.gap = 1
        self.items: list[Checkpoint] = []

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> Checkpoint:
        return self.items[index]

    @property
    def epochs(self) -> list[int]:
        return [item.epoch for item in self.items]

    @property
    def nbytes(self) -> int:
        """Bytes of the checkpoints' arrays (the Python objects around them add ~1 kB each)."""
        return sum(item.nbytes for item in self.items)

    def record(self, model: Sequential, logs: dict | None = None) -> Checkpoint:
        """Save `model`'s state now. An epoch at or before the newest entry's (training went on from an
        earlier checkpoint) first drops the entries from that epoch on."""
        checkpoint = capture(model, logs)
        self.drop_after(checkpoint.epoch - 1)
        items = self.items
        if len(items) >= 2 and items[-1].epoch - items[-2].epoch < self.gap:
            items[-1] = checkpoint  # the newest entry slides on until it is `gap` past the one before
        else:
            items.append(checkpoint)
        if len(items) > self.max_count:
            kept = items[::2]
            if kept[-1] is not items[-1]:
                kept.append(items[-1])
            self.items = kept
            self.gap *= 2
        return checkpoint

    def drop_after(self, epoch: int) -> None:
        """Forget every checkpoint later than `epoch`."""
        self.items = [item for item in self.items if item.epoch <= epoch]

    def index_of(self, epoch: int) -> int:
        """The index of the last checkpoint at or before `epoch` (0 when `epoch` is before them all)."""
        index = int(np.searchsorted(self.epochs, epoch, side="right")) - 1
        return max(index, 0)

    def model_at(self, index: int, like: Sequential) -> Sequential:
        """A new model: a copy of `like` (same structure) with checkpoint `index` restored into it."""
        model = copy.deepcopy(like)
        restore(self.items[index], model)
        return model

    def weight_path(self, like: Sequential) -> list[tuple[int, list[np.ndarray]]]:
        """(epoch, [W1, b1, W2, b2, ...]) of every checkpoint, in epoch order (`like`: the structure)."""
        size = like.count_params()
        return [(item.epoch, [array.copy() for array in like.unflatten(item.vector[:size])]) for item in self.items]
