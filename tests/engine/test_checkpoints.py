"""Checkpoints restore exactly, continue bit for bit, and stay bounded over a long run."""

import numpy as np
import pytest

from engine import SGD, Adam, Dense, Sequential
from engine.checkpoints import CheckpointLog, capture, restore
from engine.datasets import make_dataset


def spiral():
    ds = make_dataset("spiral", n_points=120, noise=0.1, seed=3)
    return ds.X, ds.y.astype(float)


def fresh(optimizer="adam", seed=7):
    model = Sequential([Dense(6, activation="tanh"), Dense(4, activation="relu"), Dense(1, activation="sigmoid")],
                       input_dim=2, seed=seed)
    opt = Adam(learning_rate=0.01) if optimizer == "adam" else SGD(learning_rate=0.05, momentum=0.9)
    model.compile(optimizer=opt, loss="binary_crossentropy", metrics=["accuracy"])
    return model


def train_in_ticks(model, X, y, ticks, log):
    """Train as the Playground does: uneven ticks, a checkpoint before the first and after each."""
    log.record(model)
    for epochs in ticks:
        model.fit(X, y, epochs=epochs, batch_size=10)
        log.record(model, {"loss": 1.0})


@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_a_restored_checkpoint_predicts_what_a_model_trained_to_that_epoch_predicts(optimizer):
    X, y = spiral()
    model, log = fresh(optimizer), CheckpointLog(max_count=50)
    train_in_ticks(model, X, y, [3, 1, 5, 2, 4], log)
    assert log.epochs == [0, 3, 4, 9, 11, 15]
    for index, epoch in enumerate(log.epochs):
        restored = log.model_at(index, model)
        reference = fresh(optimizer)
        reference.fit(X, y, epochs=epoch, batch_size=10)
        assert restored.epochs_trained == epoch
        np.testing.assert_array_equal(restored.predict(X), reference.predict(X))
        reference_state, restored_state = reference.optimizer.get_state(), restored.optimizer.get_state()
        assert restored_state["iterations"] == reference_state["iterations"] == epoch * 12
        for name, value in reference_state.items():
            if name != "iterations":
                np.testing.assert_array_equal(restored_state[name], value)
    # model_at copies: the live model is still at its last epoch.
    assert model.epochs_trained == 15


@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_continuing_from_a_checkpoint_gives_the_weights_of_an_uninterrupted_run(optimizer):
    X, y = spiral()
    model, log = fresh(optimizer), CheckpointLog()
    train_in_ticks(model, X, y, [4, 4, 4], log)
    # From the latest checkpoint, in place, after the live model went elsewhere (lr changed, more epochs).
    model.optimizer.learning_rate = 0.5
    model.fit(X, y, epochs=3, batch_size=10)
    restore(log[-1], model)
    model.fit(X, y, epochs=6, batch_size=10)
    uninterrupted = fresh(optimizer)
    uninterrupted.fit(X, y, epochs=18, batch_size=10)
    for got, want in zip(model.get_weights(), uninterrupted.get_weights(), strict=True):
        np.testing.assert_array_equal(got, want)
    # And from a middle one (epoch 4): 4 + 5 epochs equal 9 straight.
    middle = log.model_at(1, model)
    middle.fit(X, y, epochs=5, batch_size=10)
    straight = fresh(optimizer)
    straight.fit(X, y, epochs=9, batch_size=10)
    np.testing.assert_array_equal(middle.flat_weights, straight.flat_weights)


def test_restore_brings_back_the_saved_optimizer_after_a_switch():
    X, y = spiral()
    model = fresh("adam")
    model.fit(X, y, epochs=2, batch_size=10)
    saved = capture(model)
    model.compile(optimizer=SGD(learning_rate=0.1), loss="binary_crossentropy")
    restore(saved, model)
    assert model.optimizer.name == "adam" and model.optimizer.iterations == 24
    assert model.optimizer.learning_rate == 0.01


def test_a_checkpoint_of_another_network_is_refused():
    other = Sequential([Dense(2), Dense(1)], input_dim=2, seed=0)
    other.compile(optimizer="adam", loss="mse")
    with pytest.raises(ValueError, match="another size"):
        restore(capture(other), fresh())


def test_a_long_run_keeps_a_bounded_evenly_thinned_log_and_the_newest_state():
    model, log = fresh(), CheckpointLog(max_count=20)
    X, y = spiral()
    model.fit(X[:10], y[:10], epochs=1, batch_size=10)
    for epoch in range(1, 3001):
        model.epochs_trained = epoch  # the log keys on the epoch; the weights need not move for this
        log.record(model)
        assert len(log) <= 20
    epochs = log.epochs
    assert epochs[0] == 1 and epochs[-1] == 3000
    steps = np.diff(epochs[:-1])
    # Settled entries are at least `gap` apart, and thinning never leaves holes of more than twice that.
    assert steps.min() >= log.gap and steps.max() <= 2 * log.gap
    assert len(log) >= 10  # thinning halves, it does not empty the log
    assert log.nbytes == len(log) * model.count_params() * 4 * 8  # weights, m, v, last_update (float64)


def test_recording_an_earlier_epoch_drops_the_later_checkpoints():
    X, y = spiral()
    model, log = fresh(), CheckpointLog()
    train_in_ticks(model, X, y, [2, 2, 2], log)
    restore(log[1], model)
    model.fit(X, y, epochs=1, batch_size=10)
    log.record(model)
    assert log.epochs == [0, 2, 3]
    assert log.index_of(2) == 1 and log.index_of(100) == 2 and log.index_of(-5) == 0


def test_the_weight_path_lists_every_checkpoint_as_keras_weights():
    X, y = spiral()
    model, log = fresh(), CheckpointLog()
    train_in_ticks(model, X, y, [1, 2], log)
    path = log.weight_path(model)
    assert [epoch for epoch, _ in path] == [0, 1, 3]
    assert [w.shape for w in path[-1][1]] == [w.shape for w in model.get_weights()]
    for got, want in zip(path[-1][1], model.get_weights(), strict=True):
        np.testing.assert_array_equal(got, want)
    first = fresh()
    for got, want in zip(path[0][1], first.get_weights(), strict=True):
        np.testing.assert_array_equal(got, want)


def test_a_log_needs_room_for_three():
    with pytest.raises(ValueError):
        CheckpointLog(max_count=2)
