"""Optimizer steps by hand (Keras formulas and the Keras documentation's examples) and readable state."""

import math

import numpy as np
import pytest

from engine import SGD, Adam, Dense, Sequential, optimizers


def _minimize_half_square(optimizer, start: float, steps: int) -> list[float]:
    """Keras docs' example: loss = var**2 / 2, so the gradient is var itself."""
    var = np.array([start])
    values = [start]
    for _ in range(steps):
        optimizer.apply(var, var.copy())
        values.append(float(var[0]))
    return values


def test_adam_first_step_keras_docs_example():
    # Keras docs: Adam(learning_rate=0.1), var1 = 10.0, loss = var1**2 / 2, one minimize step -> 9.9
    values = _minimize_half_square(Adam(learning_rate=0.1), 10.0, 1)
    assert values[1] == pytest.approx(9.9, abs=1e-6)


def test_adam_two_steps_by_hand():
    lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-7
    theta = np.array([1.0, -2.0])
    g1, g2 = np.array([0.5, -3.0]), np.array([-1.0, 0.25])
    adam = Adam(learning_rate=lr)
    adam.apply(theta, g1)
    # Step 1: m = 0.1*g1, v = 0.001*g1^2, alpha_1 = lr*sqrt(1-0.999)/(1-0.9).
    m1, v1 = 0.1 * g1, 0.001 * g1**2
    alpha1 = lr * math.sqrt(1 - b2) / (1 - b1)
    expected1 = np.array([1.0, -2.0]) - alpha1 * m1 / (np.sqrt(v1) + eps)
    np.testing.assert_allclose(theta, expected1, rtol=1e-14)
    np.testing.assert_allclose(adam.m, m1, rtol=1e-14)
    np.testing.assert_allclose(adam.v, v1, rtol=1e-14)
    assert adam.iterations == 1
    # The bias correction makes the first step almost exactly lr per parameter, whatever the gradient's size.
    np.testing.assert_allclose(np.abs(theta - [1.0, -2.0]), [lr, lr], rtol=1e-4)
    adam.apply(theta, g2)
    m2, v2 = b1 * m1 + (1 - b1) * g2, b2 * v1 + (1 - b2) * g2**2
    alpha2 = lr * math.sqrt(1 - b2**2) / (1 - b1**2)
    np.testing.assert_allclose(theta, expected1 - alpha2 * m2 / (np.sqrt(v2) + eps), rtol=1e-14)
    np.testing.assert_allclose(adam.last_update, -alpha2 * m2 / (np.sqrt(v2) + eps), rtol=1e-14)
    np.testing.assert_allclose(adam.effective_learning_rate(), alpha2 / (np.sqrt(v2) + eps), rtol=1e-14)


def test_sgd_keras_docs_examples():
    # Keras docs: SGD(learning_rate=0.1), var = 1.0, loss = var**2 / 2 -> 0.9 after one step.
    assert _minimize_half_square(SGD(learning_rate=0.1), 1.0, 1)[1] == pytest.approx(0.9)
    # Keras docs with momentum=0.9: the first step moves 0.1, the second 0.18.
    values = _minimize_half_square(SGD(learning_rate=0.1, momentum=0.9), 1.0, 2)
    assert values[0] - values[1] == pytest.approx(0.1)
    assert values[1] - values[2] == pytest.approx(0.18)


def test_effective_learning_rate_before_any_step_is_a_plain_error():
    adam = Adam()
    adam.build(3, np.float64)
    with pytest.raises(ValueError, match="no step yet"):
        adam.effective_learning_rate()


@pytest.mark.parametrize("make, message", [
    (lambda: SGD(learning_rate=0), "positive"), (lambda: SGD(learning_rate=-1), "positive"),
    (lambda: SGD(learning_rate=float("nan")), "positive"), (lambda: SGD(learning_rate="fast"), "number"),
    (lambda: SGD(momentum=1.0), "Momentum"), (lambda: Adam(beta_1=1.0), "beta_1"), (lambda: Adam(beta_2=-0.1), "beta_2"),
    (lambda: Adam(epsilon=0), "epsilon"), (lambda: optimizers.get("rmsprop"), "Unknown optimizer"),
])
def test_bad_optimizer_settings(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_fit_keeps_optimizer_state_and_state_is_per_parameter():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(20, 2)), rng.integers(0, 2, 20)
    model = Sequential([Dense(3, activation="tanh"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
    adam = Adam(0.01)
    model.compile(optimizer=adam, loss="binary_crossentropy")
    model.fit(X, y, epochs=2, batch_size=5)
    assert adam.iterations == 8
    assert adam.m.shape == adam.v.shape == adam.last_update.shape == (model.count_params(),)
    assert (adam.v > 0).all()
    shapes = [a.shape for a in model.unflatten(adam.effective_learning_rate())]
    assert shapes == [w.shape for w in model.get_weights()]
    model.fit(X, y, epochs=1, batch_size=5)
    assert adam.iterations == 12  # continued, not restarted


def test_state_snapshot_restores_exactly():
    adam = Adam(0.05)
    theta = np.array([0.3, -0.7, 1.1])
    adam.apply(theta, np.array([0.1, 0.2, -0.3]))
    saved, saved_theta = adam.get_state(), theta.copy()
    adam.apply(theta, np.array([1.0, -1.0, 2.0]))
    first = theta.copy()
    adam.set_state(saved)
    theta[:] = saved_theta
    adam.apply(theta, np.array([1.0, -1.0, 2.0]))
    np.testing.assert_array_equal(theta, first)
