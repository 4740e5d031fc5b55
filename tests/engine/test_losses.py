"""Losses against the worked examples in the Keras/TensorFlow documentation, plus stability and head checks."""

import numpy as np
import pytest

from engine import (
    BinaryCrossentropy,
    CategoricalCrossentropy,
    MeanSquaredError,
    SparseCategoricalCrossentropy,
    head_mismatch,
    losses,
)

# Keras docs, tf.keras.losses.binary_crossentropy: per-example [0.916, 0.714], mean 0.815.
BCE_TRUE, BCE_PRED = np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[0.6, 0.4], [0.4, 0.6]])
# Keras docs, (sparse_)categorical_crossentropy: per-example [0.0513, 2.303], mean 1.177.
CE_PRED = np.array([[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]])


def test_binary_crossentropy_keras_example():
    per_example = [BinaryCrossentropy()(BCE_TRUE[i:i + 1], BCE_PRED[i:i + 1]) for i in range(2)]
    assert per_example == pytest.approx([0.916, 0.714], abs=1e-3)
    assert BinaryCrossentropy()(BCE_TRUE, BCE_PRED) == pytest.approx(0.815, abs=1e-3)


def test_binary_crossentropy_from_logits_keras_example():
    # Keras docs, BinaryCrossentropy(from_logits=True): y_true [0, 1, 0, 0], logits [-18.6, 0.51, 2.94, -12.8] -> 0.865
    y_true = np.array([[0.0], [1.0], [0.0], [0.0]])
    logits = np.array([[-18.6], [0.51], [2.94], [-12.8]])
    assert BinaryCrossentropy(from_logits=True)(y_true, logits) == pytest.approx(0.865, abs=1e-3)
    assert BinaryCrossentropy(from_logits=True)(y_true.reshape(2, 2), logits.reshape(2, 2)) == pytest.approx(0.865, abs=1e-3)


def test_categorical_and_sparse_crossentropy_keras_example():
    one_hot = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    assert CategoricalCrossentropy()(one_hot, CE_PRED) == pytest.approx(1.177, abs=1e-3)
    sparse = SparseCategoricalCrossentropy()
    targets = sparse.prepare_targets(np.array([1, 2]), 3, np.float64)
    np.testing.assert_array_equal(targets, one_hot)
    assert [sparse(targets[i:i + 1], CE_PRED[i:i + 1]) for i in range(2)] == pytest.approx([0.0513, 2.303], abs=1e-3)
    assert sparse(targets, CE_PRED) == pytest.approx(1.177, abs=1e-3)


def test_mean_squared_error_keras_example():
    # Keras docs, MeanSquaredError: y_true [[0, 1], [0, 0]], y_pred [[1, 1], [1, 0]] -> 0.5
    assert MeanSquaredError()(np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[1.0, 1.0], [1.0, 0.0]])) == 0.5


def test_from_logits_equals_the_naive_path_on_moderate_logits():
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(6, 4))
    y = np.eye(4)[rng.integers(0, 4, 6)]
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert CategoricalCrossentropy(from_logits=True)(y, logits) == pytest.approx(CategoricalCrossentropy()(y, probs),
                                                                                rel=1e-12)
    yb = rng.integers(0, 2, (6, 4)).astype(float)
    assert BinaryCrossentropy(from_logits=True)(yb, logits) == pytest.approx(
        BinaryCrossentropy()(yb, 1 / (1 + np.exp(-logits))), rel=1e-12)


def test_naive_softmax_path_saturates_but_logits_path_is_exact():
    """Notes §11: softmax then -log a rounds a confident wrong answer to -log(1e-7); log-sum-exp does not."""
    logits = np.array([[1000.0, 0.0]])
    y = np.array([[0.0, 1.0]])
    probs = np.array([[1.0, 0.0]])  # what softmax gives in floating point
    assert CategoricalCrossentropy()(y, probs) == pytest.approx(-np.log(1e-7))
    assert CategoricalCrossentropy(from_logits=True)(y, logits) == pytest.approx(1000.0)
    assert BinaryCrossentropy(from_logits=True)(np.array([[1.0]]), np.array([[-800.0]])) == pytest.approx(800.0)


@pytest.mark.parametrize("name", ["mse", "mean_squared_error", "binary_crossentropy", "categorical_crossentropy",
                                  "sparse_categorical_crossentropy"])
def test_losses_by_name_round_trip_through_config(name):
    loss = losses.get(name)
    clone = losses.from_config(loss.get_config())
    assert type(clone) is type(loss) and clone.from_logits == loss.from_logits


def test_unknown_loss_name_is_a_plain_value_error():
    with pytest.raises(ValueError, match="Unknown loss 'hinge'"):
        losses.get("hinge")


@pytest.mark.parametrize("activation, loss", [
    ("sigmoid", "binary_crossentropy"), ("softmax", "categorical_crossentropy"),
    ("softmax", "sparse_categorical_crossentropy"), ("linear", "mse"), ("relu", "mse"),
    ("linear", BinaryCrossentropy(from_logits=True)), ("linear", SparseCategoricalCrossentropy(from_logits=True)),
])
def test_matching_heads_give_no_warning(activation, loss):
    assert head_mismatch(activation, loss) is None


@pytest.mark.parametrize("activation, loss, words", [
    ("softmax", "mse", "categorical cross-entropy"),
    ("sigmoid", "mse", "binary cross-entropy"),
    ("linear", "binary_crossentropy", "mean squared error"),
    ("softmax", SparseCategoricalCrossentropy(from_logits=True), "linear"),
])
def test_mismatched_heads_are_reported_in_words(activation, loss, words):
    message = head_mismatch(activation, loss)
    assert message is not None and words in message


def test_binary_targets_must_be_zero_or_one():
    with pytest.raises(ValueError, match="0 or 1"):
        BinaryCrossentropy().prepare_targets(np.array([0.0, 2.0]), 1, np.float64)


def test_sparse_labels_out_of_range_for_the_head():
    with pytest.raises(ValueError, match="from 0 to 2"):
        SparseCategoricalCrossentropy().prepare_targets(np.array([0, 3]), 3, np.float64)
    with pytest.raises(ValueError, match="whole numbers"):
        SparseCategoricalCrossentropy().prepare_targets(np.array([0.5, 1.0]), 3, np.float64)


def test_one_hot_targets_must_have_one_one_per_row():
    with pytest.raises(ValueError, match="one-hot"):
        CategoricalCrossentropy().prepare_targets(np.array([[1.0, 1.0, 0.0]]), 3, np.float64)
