"""engine.explain: one example's forward pass, loss and gradients, one optimizer step, the hidden-space and
health readings, checked against finite differences, the training kernels and a 2-2-1 network worked on paper."""

import numpy as np
import pytest

from engine import SGD, Adam, Dense, Normalization, Sequential, explain
from tests.engine.test_gradients import HEADS as ALL_HEADS
from tests.engine.test_gradients import N, _targets

D = 3
STEP = 1e-6

# Every head the Playground offers, plus one mismatched pair that takes the generic chain rule.
HEADS = {name: ALL_HEADS[name] for name in ("sigmoid+bce", "linear+bce_logits", "softmax+cce", "linear+cce_logits",
                                             "linear+mse", "multilabel_sigmoids+bce", "softmax+mse")}


def _data(kind, rng):
    return rng.normal(size=(N, D)), _targets(kind, rng)


def _model(head, hidden=("tanh", "sigmoid"), optimizer="sgd", seed=3):
    activation, units, loss, _ = HEADS[head]
    model = Sequential([Dense(4, activation=hidden[0]), Dense(3, activation=hidden[1]),
                        Dense(units, activation=activation)], input_dim=D, seed=seed)
    model.compile(optimizer=optimizer, loss=loss)
    return model


def _numeric_gradients(model, x, y):
    """Central differences of that example's own loss over every weight, in get_weights() order."""
    weights = model.get_weights()
    grads = []
    for k, array in enumerate(weights):
        grad = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            values = []
            for sign in (1, -1):
                shifted = [w.copy() for w in weights]
                shifted[k][index] += sign * STEP
                model.set_weights(shifted)
                values.append(explain.example_loss(model, x, y)["loss"])
            grad[index] = (values[0] - values[1]) / (2 * STEP)
        grads.append(grad)
    model.set_weights(weights)
    return grads


@pytest.mark.parametrize("head", list(HEADS))
def test_one_examples_gradients_match_finite_differences_of_its_own_loss(head):
    rng = np.random.default_rng(7)
    model = _model(head)
    X, y = _data(HEADS[head][3], rng)
    x, target = X[2], y[2]
    layers = explain.backward_pass(model, [x], [target])
    numeric = _numeric_gradients(model, x, target)
    for i, layer in enumerate(layers):
        np.testing.assert_allclose(layer["dW"], numeric[2 * i], rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(layer["db"], numeric[2 * i + 1], rtol=1e-5, atol=1e-8)
        # With one example dL/db is dL/dz itself.
        np.testing.assert_allclose(layer["dz"][0], layer["db"])


@pytest.mark.parametrize("head", list(HEADS))
def test_batch_gradients_are_the_training_kernels_and_the_mean_of_the_examples(head):
    rng = np.random.default_rng(11)
    model = _model(head)
    X, y = _data(HEADS[head][3], rng)
    batch = explain.backward_pass(model, X, y)
    loss, engine_grads = model.gradients(X, y)
    singles = [explain.backward_pass(model, X[i:i + 1], y[i:i + 1]) for i in range(N)]
    for i, layer in enumerate(batch):
        np.testing.assert_allclose(layer["dW"], engine_grads[2 * i], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(layer["db"], engine_grads[2 * i + 1], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(layer["dW"], np.mean([s[i]["dW"] for s in singles], axis=0), atol=1e-12)
        np.testing.assert_allclose(layer["dz"], np.vstack([s[i]["dz"] for s in singles]), atol=1e-12)
    assert explain.example_losses(model, X, y).mean() == pytest.approx(loss)


def test_forward_example_is_the_models_own_forward_pass_after_its_normalization():
    rng = np.random.default_rng(0)
    X = rng.normal(3.0, 2.0, size=(N, D))
    model = Sequential([Normalization().adapt(X), Dense(4, activation="relu"), Dense(1, activation="sigmoid")],
                       seed=1)
    model.compile(loss="binary_crossentropy")
    steps = explain.forward_example(model, X[4])
    outputs = model.layer_outputs(X[4:5])
    np.testing.assert_allclose(steps[0]["a_in"], model.normalize(X[4:5])[0])
    for step, out, layer in zip(steps, outputs, model.layers, strict=True):
        np.testing.assert_allclose(step["z"], step["a_in"] @ layer.W + layer.b)
        np.testing.assert_allclose(step["z"], out["z"][0], rtol=1e-12)
        np.testing.assert_allclose(step["a"], out["a"][0], rtol=1e-12)
    np.testing.assert_allclose(steps[-1]["a"], model.predict(X[4:5])[0])


def test_from_logits_the_output_step_gives_the_probabilities_the_loss_uses():
    model = _model("linear+cce_logits")
    x = np.array([0.3, -1.0, 2.0])
    last = explain.forward_example(model, x)[-1]
    np.testing.assert_allclose(last["p"], np.exp(last["z"]) / np.exp(last["z"]).sum())
    loss = explain.example_loss(model, x, np.array([0, 1, 0]))
    # Softmax cross-entropy: only the true class's term, -log p_y.
    assert loss["loss"] == pytest.approx(-np.log(last["p"][1]))
    assert loss["terms"].sum() == pytest.approx(loss["loss"]) and loss["terms"][0] == 0.0


def test_loss_terms_follow_each_heads_formula():
    x = np.array([0.5, 0.1, -0.4])
    for head, target in [("sigmoid+bce", 1.0), ("multilabel_sigmoids+bce", np.array([1.0, 0.0, 1.0])),
                         ("linear+mse", np.array([0.5, -1.0]))]:
        result = explain.example_loss(_model(head), x, target)
        assert result["terms"].mean() == pytest.approx(result["loss"]), head
        if result["kind"] == "regression":
            np.testing.assert_allclose(result["terms"], (result["p"] - result["y"]) ** 2)
        else:
            y, p = result["y"], result["p"]
            np.testing.assert_allclose(result["terms"], -(y * np.log(p) + (1 - y) * np.log(1 - p)))


# ----- the 2-2-1 network worked on paper -----------------------------------------------------------------
# x = (1, 2), target y = 1. Hidden: ReLU, W1 = [[0.5, -1.0], [0.25, 0.5]] (column i is unit i), b1 = (0, 0.5).
# Output: sigmoid, W2 = [[1.0], [-2.0]], b2 = 0. Loss: binary cross-entropy.
W1, B1 = np.array([[0.5, -1.0], [0.25, 0.5]]), np.array([0.0, 0.5])
W2, B2 = np.array([[1.0], [-2.0]]), np.array([0.0])
X1, Y1 = np.array([1.0, 2.0]), 1.0
# Forward.  z1_1 = 1*0.5 + 2*0.25 + 0 = 1.0;  z1_2 = 1*(-1) + 2*0.5 + 0.5 = 0.5;  a1 = relu(z1) = (1.0, 0.5)
#           z2 = 1.0*1.0 + 0.5*(-2.0) + 0 = 0.0;  a2 = sigmoid(0) = 0.5
# Loss.     L = -(1*log 0.5 + 0*log 0.5) = log 2 = 0.693147
# Backward. dL/dz2 = a2 - y = -0.5;  dW2 = a1 * dz2 = (-0.5, -0.25);  db2 = -0.5
#           dL/da1 = W2 * dz2 = (1*-0.5, -2*-0.5) = (-0.5, 1.0); both z1 > 0, so dL/dz1 = (-0.5, 1.0)
#           dW1 = x^T dz1 = [[1*-0.5, 1*1.0], [2*-0.5, 2*1.0]] = [[-0.5, 1.0], [-1.0, 2.0]];  db1 = (-0.5, 1.0)
HAND_Z = [np.array([1.0, 0.5]), np.array([0.0])]
HAND_A = [np.array([1.0, 0.5]), np.array([0.5])]
HAND_DZ = [np.array([-0.5, 1.0]), np.array([-0.5])]
HAND_GRADS = [np.array([[-0.5, 1.0], [-1.0, 2.0]]), np.array([-0.5, 1.0]), np.array([[-0.5], [-0.25]]),
              np.array([-0.5])]


def _hand_model(optimizer):
    model = Sequential([Dense(2, activation="relu"), Dense(1, activation="sigmoid")], input_dim=2)
    model.compile(optimizer=optimizer, loss="binary_crossentropy")
    model.set_weights([W1, B1, W2, B2])
    return model


def test_the_hand_worked_2_2_1_network_forward_loss_and_backward():
    model = _hand_model(SGD(0.1))
    steps = explain.forward_example(model, X1)
    for step, z, a in zip(steps, HAND_Z, HAND_A, strict=True):
        np.testing.assert_allclose(step["z"], z, atol=1e-12)
        np.testing.assert_allclose(step["a"], a, atol=1e-12)
    loss = explain.example_loss(model, X1, Y1)
    assert loss["loss"] == pytest.approx(0.693147, abs=1e-6)
    layers = explain.backward_pass(model, [X1], [Y1])
    for i, layer in enumerate(layers):
        np.testing.assert_allclose(layer["dz"][0], HAND_DZ[i], atol=1e-12)
        np.testing.assert_allclose(layer["dW"], HAND_GRADS[2 * i], atol=1e-12)
        np.testing.assert_allclose(layer["db"], HAND_GRADS[2 * i + 1], atol=1e-12)
    # |layer 1| = sqrt(0.25+1+1+4 + 0.25+1) = sqrt(7.5); |layer 2| = sqrt(0.25+0.0625+0.25) = sqrt(0.5625) = 0.75
    np.testing.assert_allclose(explain.gradient_norms(model, [X1], [Y1]), [np.sqrt(7.5), 0.75])


def test_the_hand_worked_sgd_step_and_the_model_is_left_as_it_was():
    # SGD, lr 0.1: w <- w - 0.1 * dL/dw.  W1 = [[0.5+0.05, -1-0.1], [0.25+0.1, 0.5-0.2]] = [[0.55, -1.1], [0.35, 0.3]]
    # b1 = (0+0.05, 0.5-0.1) = (0.05, 0.4);  W2 = (1+0.05, -2+0.025) = (1.05, -1.975);  b2 = 0.05
    model = _hand_model(SGD(0.1))
    step = explain.optimizer_step(model, [X1], [Y1])
    expected = [np.array([[0.55, -1.1], [0.35, 0.3]]), np.array([0.05, 0.4]), np.array([[1.05], [-1.975]]),
                np.array([0.05])]
    for after, want, before, change in zip(step["after"], expected, step["before"], step["step"], strict=True):
        np.testing.assert_allclose(after, want, atol=1e-12)
        np.testing.assert_allclose(change, after - before, atol=1e-12)
    for grad, want in zip(step["gradient"], HAND_GRADS, strict=True):
        np.testing.assert_allclose(grad, want, atol=1e-12)
    np.testing.assert_array_equal(model.get_weights()[0], W1)
    assert model.optimizer.iterations == 0 and step["iteration"] == 1 and step["optimizer"] == "sgd"


def test_the_hand_worked_adam_step():
    # Adam, lr 0.1, first step (t = 1) from m = v = 0:  m = 0.1 g;  v = 0.001 g^2;
    # alpha_1 = 0.1 * sqrt(1 - 0.999) / (1 - 0.9) = sqrt(0.001) = 0.0316228
    # effective lr = alpha_1 / (sqrt(v) + eps) = 0.0316228 / (0.0316228 |g|) = 1/|g| (eps = 1e-7 aside: for the
    # smallest |g| = 0.25, sqrt(v) = 0.0079 and eps shifts it by 1.3e-5 relative, hence rtol 1e-4)
    # step = -effective lr * m = -(1/|g|) * 0.1 g = -0.1 sign(g): every weight moves 0.1 against its gradient.
    # E.g. W1[1,1] (g = 2): m = 0.2, v = 0.004, effective lr = 0.5, step = -0.1, 0.5 -> 0.4.
    model = _hand_model(Adam(0.1))
    step = explain.optimizer_step(model, [X1], [Y1])
    for k, grad in enumerate(HAND_GRADS):
        np.testing.assert_allclose(step["m"][k], 0.1 * grad, atol=1e-12)
        np.testing.assert_allclose(step["v"][k], 0.001 * grad ** 2, atol=1e-12)
        np.testing.assert_allclose(step["effective_learning_rate"][k], 1 / np.abs(grad), rtol=1e-4)
        np.testing.assert_allclose(step["step"][k], -0.1 * np.sign(grad), rtol=1e-4)
        np.testing.assert_allclose(step["step"][k], -step["effective_learning_rate"][k] * step["m"][k], rtol=1e-9)
    assert step["after"][0][1, 1] == pytest.approx(0.4, abs=1e-5)
    assert model.optimizer.m is None or not model.optimizer.m.any()


def test_a_step_preview_is_the_step_fit_then_takes():
    rng = np.random.default_rng(5)
    X, y = _data("binary", rng)
    for optimizer in (SGD(0.05, momentum=0.5), Adam(0.01)):
        model = _model("sigmoid+bce", optimizer=optimizer)
        model.fit(X, y, epochs=2, batch_size=N, shuffle=False)  # some optimizer state to carry on from
        preview = explain.optimizer_step(model, X, y)
        model.fit(X, y, epochs=1, batch_size=N, shuffle=False)
        for after, now in zip(preview["after"], model.get_weights(), strict=True):
            np.testing.assert_allclose(after, now, rtol=1e-12, atol=1e-15)


def test_the_preview_on_next_batch_is_the_first_step_of_the_next_shuffled_epoch():
    rng = np.random.default_rng(6)
    X, y = _data("binary", rng)
    model = _model("sigmoid+bce", optimizer=Adam(0.01))
    model.fit(X, y, epochs=1, batch_size=3)  # shuffled, with optimizer state
    rows = model.next_batch(len(X), 3)
    assert len(rows) == 3 and len(set(rows.tolist())) == 3
    np.testing.assert_array_equal(rows, model.next_batch(len(X), 3))  # the RNG is not advanced
    preview = explain.optimizer_step(model, X[rows], y[rows])
    # One step of the next shuffled epoch: a batch of 3 on exactly those rows, then nothing else.
    trained = _model("sigmoid+bce", optimizer=Adam(0.01))
    trained.fit(X, y, epochs=1, batch_size=3)
    trained.fit(X[rows], y[rows], epochs=1, batch_size=3, shuffle=False)
    for after, now in zip(preview["after"], trained.get_weights(), strict=True):
        np.testing.assert_allclose(after, now, rtol=1e-12, atol=1e-15)
    # and that is what a shuffled epoch's first step would use: its permutation starts with these rows
    assert model.rng.permutation(len(X))[:3].tolist() == rows.tolist()


def test_hidden_space_points_are_the_layers_activations_and_grid_lines_are_straight():
    model = _model("softmax+cce", hidden=("relu", "tanh"))
    X = np.random.default_rng(2).normal(size=(N, D))
    mapped = model.layer_outputs(X)[1]["a"]
    np.testing.assert_allclose(mapped[:, [0, 2]], np.column_stack([np.tanh(
        np.maximum(X @ model.layers[0].W + model.layers[0].b, 0) @ model.layers[1].W + model.layers[1].b)[:, k]
        for k in (0, 2)]))
    xy, line = explain.grid_lines((-1, 1), (0, 4), lines=5, points=11)
    assert xy.shape == (110, 2) and line.max() == 9
    assert np.ptp(xy[line == 0, 1]) == 0 and np.ptp(xy[line == 9, 0]) == 0


def test_health_names_dead_relus_and_saturated_sigmoids():
    model = Sequential([Dense(3, activation="relu"), Dense(2, activation="sigmoid"), Dense(1)], input_dim=1)
    model.set_weights([np.array([[1.0, -1.0, 1.0]]), np.array([0.0, -9.0, 0.5]),
                       np.array([[20.0, 0.0], [0.0, 0.0], [20.0, 0.1]]), np.array([5.0, 0.0]),
                       np.ones((2, 1)), np.zeros(1)])
    X = np.linspace(0.1, 2.0, 20).reshape(-1, 1)
    relu, sigmoid = explain.unit_health(model, X)
    assert relu["dead"].tolist() == [False, True, False]
    assert sigmoid["saturated"].tolist() == [True, False]
    assert not sigmoid["dead"].any() and not relu["saturated"].any()
    assert explain.gradient_health([np.nan, 1.0]) == "exploding"
