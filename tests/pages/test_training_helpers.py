"""ui.training (the lessons' shared training steps) and ui.playground_view's probability renormalisation."""

import numpy as np
import pytest

from engine import Dense
from engine.optimizers import OPTIMIZERS
from ui import training
from ui.playground_view import class_probabilities


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_make_optimizer_gives_each_registered_optimizer_at_the_rate(name):
    optimizer = training.make_optimizer(name, 0.25)
    assert isinstance(optimizer, OPTIMIZERS[name])
    assert optimizer.learning_rate == 0.25


def _data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    return X, (X[:, 0] > 0).astype(float)


def test_fit_into_appends_epochs_and_every_listed_metric():
    X, y = _data()
    model = training.compiled([Dense(1, activation="sigmoid")], input_dim=2, seed=0, learning_rate=0.1,
                              loss="binary_crossentropy", metrics=["accuracy"])
    log = training.new_history("loss", "accuracy")
    assert training.fit_into(log, model, X, y, epochs=3, batch_size=None) is None
    assert training.fit_into(log, model, X, y, epochs=2, batch_size=None) is None
    assert log["epoch"] == [1, 2, 3, 4, 5]  # Keras numbering, continuing across calls
    assert len(log["loss"]) == len(log["accuracy"]) == 5
    assert log["loss"][-1] < log["loss"][0]
    assert model.epochs_trained == 5


def test_a_divergence_is_a_message_and_leaves_the_history_alone():
    X, y = _data()
    model = training.compiled([Dense(8, activation="relu"), Dense(1, activation="linear")], input_dim=2, seed=0,
                              optimizer="sgd", learning_rate=1e6, loss="mse")
    log = training.new_history("loss")
    error = training.fit_into(log, model, X * 1e3, y, epochs=50, batch_size=None)
    assert isinstance(error, str) and error
    assert log == {"epoch": [], "loss": []}
    assert np.all(np.isfinite(model.flat_weights))


def test_class_probabilities_clip_negatives_and_sum_to_one():
    out = np.array([[2.0, -1.0, 2.0], [0.0, 0.0, 0.0], [0.2, 0.3, 0.5]])
    probs = class_probabilities(out)
    np.testing.assert_allclose(probs[0], [0.5, 0.0, 0.5])
    np.testing.assert_array_equal(probs[1], [0.0, 0.0, 0.0])
    np.testing.assert_allclose(probs[2], [0.2, 0.3, 0.5])
