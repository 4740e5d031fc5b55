"""Sequential/Dense behaviour: shapes, the notes' dense() loop, fit semantics, learning, determinism, Normalization."""

import numpy as np
import pytest

from engine import L2, SGD, Adam, Dense, Normalization, Sequential, activations


def _spiral(n_per_arm=100, seed=0):
    """Two interleaved arms of 1.5 turns each, radius 0..5, a little noise."""
    rng = np.random.default_rng(seed)
    t = np.sqrt(rng.uniform(0, 1, n_per_arm)) * 3 * np.pi
    arms = [np.c_[t * np.cos(t + k * np.pi), t * np.sin(t + k * np.pi)] * (5 / (3 * np.pi))
            + rng.normal(0, 0.1, (n_per_arm, 2)) for k in range(2)]
    return np.vstack(arms), np.r_[np.zeros(n_per_arm), np.ones(n_per_arm)]


def _blobs(seed=0):
    rng = np.random.default_rng(seed)
    centres = np.array([(-5, 2), (-2, -2), (1, 2), (5, -2)], dtype=float)
    X = np.vstack([c + rng.normal(size=(50, 2)) for c in centres])
    return X, np.repeat(np.arange(4), 50)


def _dense_loop(a_in, W, b, g):
    """The notes' dense(): one unit at a time, w = W[:, i]."""
    units = W.shape[1]
    a_out = np.zeros(units)
    for i in range(units):
        w = W[:, i]
        z = np.dot(w, a_in) + b[i]
        a_out[i] = g(z)
    return a_out


# ----- structure -------------------------------------------------------------------------------
def test_weights_are_n_in_by_units_in_keras_order():
    model = Sequential([Dense(3, activation="relu"), Dense(2, activation="softmax")], input_dim=4, seed=0)
    assert [w.shape for w in model.get_weights()] == [(4, 3), (3,), (3, 2), (2,)]
    assert model.count_params() == 4 * 3 + 3 + 3 * 2 + 2
    flat = np.arange(model.count_params(), dtype=float)
    parts = model.unflatten(flat)
    assert parts[0][0, 1] == 1.0 and parts[1][0] == 12.0  # W1 row-major, then b1
    assert "Total params: 23" in model.summary()


def test_set_weights_then_get_weights_round_trips_and_views_stay_live():
    model = Sequential([Dense(2, activation="tanh"), Dense(1)], input_dim=3, seed=0)
    new = [np.full((3, 2), 0.5), np.array([1.0, -1.0]), np.ones((2, 1)), np.array([0.25])]
    model.set_weights(new)
    for got, want in zip(model.get_weights(), new, strict=True):
        np.testing.assert_array_equal(got, want)
    assert model.layers[0].W[2, 1] == 0.5 and model.flat_weights[6] == 1.0


def test_notes_dense_loop_equals_the_matmul_form():
    rng = np.random.default_rng(3)
    model = Sequential([Dense(5, activation="sigmoid"), Dense(4, activation="tanh"), Dense(3, activation="relu")],
                       input_dim=2, seed=1)
    X = rng.normal(size=(7, 2))
    g = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh, "relu": lambda z: max(z, 0.0)}
    outputs = model.layer_outputs(X)
    for row in range(X.shape[0]):
        a = X[row]
        for layer, out in zip(model.layers, outputs, strict=True):
            a = _dense_loop(a, layer.W, layer.b, g[layer.activation])
            np.testing.assert_allclose(out["a"][row], a, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(model.predict(X), outputs[-1]["a"], rtol=1e-15)


def test_layer_outputs_give_z_and_a_of_every_dense_layer():
    model = Sequential([Dense(4, activation="relu"), Dense(3, activation="linear"), Dense(2, activation="softmax")],
                       input_dim=2, seed=0)
    X = np.random.default_rng(0).normal(size=(6, 2))
    outs = model.layer_outputs(X)
    assert [(o["z"].shape, o["a"].shape) for o in outs] == [((6, 4), (6, 4)), ((6, 3), (6, 3)), ((6, 2), (6, 2))]
    np.testing.assert_allclose(outs[0]["z"], X @ model.layers[0].W + model.layers[0].b, rtol=1e-13)
    np.testing.assert_array_equal(outs[0]["a"], np.maximum(outs[0]["z"], 0))
    np.testing.assert_array_equal(outs[1]["a"], outs[1]["z"])
    np.testing.assert_allclose(outs[2]["a"].sum(axis=1), 1.0)
    np.testing.assert_allclose(outs[2]["a"], activations.forward("softmax", outs[2]["z"]), rtol=1e-13)


def test_predict_proba_applies_the_head_for_logit_losses():
    from engine import SparseCategoricalCrossentropy

    model = Sequential([Dense(3)], input_dim=2, seed=0)
    model.compile(optimizer="adam", loss=SparseCategoricalCrossentropy(from_logits=True))
    X = np.array([[1.0, 2.0], [0.0, -1.0]])
    np.testing.assert_allclose(model.predict_proba(X), activations.forward("softmax", model.predict(X)))


# ----- fit semantics ---------------------------------------------------------------------------
def test_full_batch_epoch_reports_the_loss_before_its_single_step():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(30, 2)), rng.integers(0, 2, 30)
    model = Sequential([Dense(4, activation="tanh", kernel_regularizer=L2(0.01)), Dense(1, activation="sigmoid")],
                       input_dim=2, seed=0)
    model.compile(optimizer=SGD(0.5), loss="binary_crossentropy", metrics=["accuracy"])
    for _ in range(3):
        before = model.evaluate(X, y, return_dict=True)
        history = model.fit(X, y, epochs=1, batch_size=len(X), shuffle=False)
        assert history.history["loss"] == [before["loss"]]
        assert history.history["accuracy"] == [before["accuracy"]]
    assert model.epochs_trained == 3


def test_minibatch_epoch_loss_is_the_row_weighted_mean_of_pre_step_batch_losses():
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(23, 2)), rng.integers(0, 3, 23)
    model = Sequential([Dense(5, activation="relu"), Dense(3, activation="softmax")], input_dim=2, seed=2)
    model.compile(optimizer=Adam(0.05), loss="sparse_categorical_crossentropy")
    twin = Sequential([Dense(5, activation="relu"), Dense(3, activation="softmax")], input_dim=2, seed=2)
    twin.compile(optimizer=Adam(0.05), loss="sparse_categorical_crossentropy")
    history = model.fit(X, y, epochs=1, batch_size=10, shuffle=False)
    # Replay with the twin one batch at a time (batches of 10, 10, 3).
    expected = 0.0
    for start in range(0, 23, 10):
        xb, yb = X[start:start + 10], y[start:start + 10]
        expected += twin.evaluate(xb, yb) * len(xb)
        twin.fit(xb, yb, epochs=1, batch_size=len(xb), shuffle=False)
    assert history.history["loss"][0] == pytest.approx(expected / 23, rel=1e-12)
    np.testing.assert_allclose(model.flat_weights, twin.flat_weights, rtol=1e-12)


def test_validation_data_adds_val_metrics():
    X, y = _blobs()
    model = Sequential([Dense(4, activation="relu"), Dense(4, activation="softmax")], input_dim=2, seed=0)
    model.compile(optimizer=Adam(0.05), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(X[::2], y[::2], epochs=3, validation_data=(X[1::2], y[1::2]))
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert history.epoch == [1, 2, 3]
    assert history.history["val_loss"][-1] == pytest.approx(model.evaluate(X[1::2], y[1::2], return_dict=True)["loss"])


def test_regression_metrics():
    X = np.linspace(-1, 1, 20).reshape(-1, 1)
    model = Sequential([Dense(1)], input_dim=1, seed=0)
    model.compile(optimizer=SGD(0.1), loss="mse", metrics=["mae", "mse"])
    history = model.fit(X, 3 * X[:, 0], epochs=2, batch_size=None, shuffle=False)
    assert history.history["mse"] == pytest.approx(history.history["loss"])
    assert all(v > 0 for v in history.history["mae"])


# ----- learning --------------------------------------------------------------------------------
def test_xor_is_learnt():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([0, 1, 1, 0])
    model = Sequential([Dense(4, activation="tanh"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
    model.compile(optimizer=Adam(0.05), loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(X, y, epochs=500, batch_size=4)
    assert history.history["accuracy"][-1] > 0.95
    np.testing.assert_array_equal(model.predict(X)[:, 0] > 0.5, y.astype(bool))


def test_two_arm_spiral_is_learnt():
    X, y = _spiral()
    model = Sequential([Dense(16, activation="tanh"), Dense(16, activation="tanh"), Dense(1, activation="sigmoid")],
                       input_dim=2, seed=0)
    model.compile(optimizer=Adam(0.02), loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(X, y, epochs=300, batch_size=20)
    assert model.evaluate(X, y, return_dict=True)["accuracy"] > 0.95


def test_softmax_separates_four_blobs():
    X, y = _blobs()
    model = Sequential([Dense(8, activation="relu"), Dense(4, activation="softmax")], input_dim=2, seed=0)
    model.compile(optimizer=Adam(0.02), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(X, y, epochs=100, batch_size=32)
    assert model.evaluate(X, y, return_dict=True)["accuracy"] > 0.95
    assert set(model.predict(X).argmax(axis=1)) == {0, 1, 2, 3}


def test_all_linear_hidden_layers_collapse_to_one_linear_map():
    """Notes §9: without non-linear activations the whole network is z = x @ W + b for one W and b."""
    X, y = _blobs()
    model = Sequential([Dense(6, activation="linear"), Dense(5, activation="linear"), Dense(4, activation="softmax")],
                       input_dim=2, seed=0)
    model.compile(optimizer=Adam(0.02), loss="sparse_categorical_crossentropy")
    model.fit(X, y, epochs=20, batch_size=32)
    W, b = np.eye(2), np.zeros(2)
    for layer in model.layers:
        W, b = W @ layer.W, b @ layer.W + layer.b
    logits = model.layer_outputs(X)[-1]["z"]
    np.testing.assert_allclose(X @ W + b, logits, rtol=1e-10, atol=1e-10)


def test_float32_trains_like_float64():
    X, y = _blobs()
    results = {}
    for dtype in ("float64", "float32"):
        model = Sequential([Dense(8, activation="tanh"), Dense(4, activation="softmax")], input_dim=2, seed=0, dtype=dtype)
        model.compile(optimizer=Adam(0.01), loss="sparse_categorical_crossentropy")
        model.fit(X, y, epochs=5, batch_size=200, shuffle=False)
        assert model.flat_weights.dtype == np.dtype(dtype) and model.predict(X).dtype == np.dtype(dtype)
        results[dtype] = model.flat_weights.astype(np.float64)
    np.testing.assert_allclose(results["float32"], results["float64"], atol=1e-4)


# ----- determinism -----------------------------------------------------------------------------
def _trained(seed, epochs=5):
    X, y = _spiral(40)
    model = Sequential([Dense(8, activation="relu"), Dense(1, activation="sigmoid")], input_dim=2, seed=seed)
    model.compile(optimizer=Adam(0.01), loss="binary_crossentropy")
    return model, model.fit(X, y, epochs=epochs, batch_size=7)


def test_same_seed_same_weights_and_training_bit_for_bit():
    first, h1 = _trained(11)
    second, h2 = _trained(11)
    np.testing.assert_array_equal(first.flat_weights, second.flat_weights)
    assert h1.history == h2.history
    other, _ = _trained(12)
    assert not np.array_equal(first.flat_weights, other.flat_weights)


def test_training_in_two_calls_equals_one_call():
    X, y = _spiral(40)
    one, _ = _trained(5, epochs=6)
    two, _ = _trained(5, epochs=2)
    two.fit(X, y, epochs=4, batch_size=7)
    np.testing.assert_array_equal(one.flat_weights, two.flat_weights)


def test_global_numpy_rng_is_never_used():
    np.random.seed(0)
    state = np.random.get_state()[1].copy()
    _trained(3)
    np.testing.assert_array_equal(np.random.get_state()[1], state)


# ----- Normalization ---------------------------------------------------------------------------
def test_normalization_adapt_and_constant_column():
    X = np.array([[1.0, 10.0, 7.0], [3.0, 30.0, 7.0], [5.0, 50.0, 7.0]])
    norm = Normalization()
    assert norm.adapt(X) is norm
    np.testing.assert_allclose(norm.mean, [3.0, 30.0, 7.0])
    np.testing.assert_allclose(norm.variance, [8 / 3, 800 / 3, 1.0])
    out = norm(X)
    np.testing.assert_allclose(out.mean(axis=0), 0, atol=1e-15)
    np.testing.assert_allclose(out[:, :2].std(axis=0), 1)
    np.testing.assert_array_equal(out[:, 2], 0.0)
    np.testing.assert_allclose(norm.inverse(out), X)
    assert Normalization.from_config(norm.get_config()).get_config() == norm.get_config()


def test_normalization_first_layer_is_applied_everywhere_but_not_in_weights():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 2)) * [1000.0, 0.001] + [5000.0, 0.0]
    y = (X[:, 0] > 5000).astype(int)
    norm = Normalization().adapt(X)
    model = Sequential([norm, Dense(8, activation="relu"), Dense(1, activation="sigmoid")], seed=0)
    assert model.normalization is norm and len(model.layers) == 2 and model.built
    assert [w.shape for w in model.get_weights()] == [(2, 8), (8,), (8, 1), (1,)]
    np.testing.assert_allclose(model.normalize(X), norm(X))
    plain = Sequential([Dense(8, activation="relu"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
    np.testing.assert_allclose(model.predict(X), plain.predict(norm(X)), rtol=1e-14)
    np.testing.assert_allclose(model.layer_outputs(X)[0]["z"], plain.layer_outputs(norm(X))[0]["z"], rtol=1e-14)
    assert len(model.layer_outputs(X)) == 2
    model.compile(optimizer=Adam(0.05), loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(X, y, epochs=40, batch_size=10)
    assert history.history["accuracy"][-1] > 0.95
    np.testing.assert_array_equal(norm.mean, X.mean(axis=0))  # not trained
    assert "normalization" in model.summary()


def test_normalization_must_be_first_and_adapted():
    with pytest.raises(ValueError, match="first layer"):
        Sequential([Dense(2), Normalization()])
    model = Sequential([Normalization(), Dense(1)], seed=0)
    with pytest.raises(ValueError, match="adapt"):
        model.predict(np.ones((2, 3)))
    norm = Normalization().adapt(np.ones((3, 2)))
    with pytest.raises(ValueError, match="adapted to 2"):
        Sequential([norm, Dense(1)], input_dim=3)
    with pytest.raises(ValueError, match="NaN"):
        Normalization().adapt(np.array([[1.0], [np.nan]]))


def test_chunked_forward_pass_gives_the_same_numbers(monkeypatch):
    """predict/layer_outputs run in cache-sized column chunks; the chunk size must not change a single bit."""
    import engine.training_plan

    norm = Normalization().adapt(np.random.default_rng(1).normal(size=(20, 2)) * 5)
    model = Sequential([norm, Dense(6, activation="leaky_relu"), Dense(5, activation="linear"),
                        Dense(3, activation="softmax")], seed=0)
    X = np.random.default_rng(2).normal(size=(103, 2)) * 4
    whole, outputs = model.predict(X), model.layer_outputs(X)
    monkeypatch.setattr(engine.training_plan, "FORWARD_CHUNK", 10)  # 10 full chunks and one of 3
    np.testing.assert_array_equal(model.predict(X), whole)
    for chunked, full in zip(model.layer_outputs(X), outputs, strict=True):
        np.testing.assert_array_equal(chunked["z"], full["z"])
        np.testing.assert_array_equal(chunked["a"], full["a"])
    Z = norm(X) @ model.layers[0].W + model.layers[0].b
    np.testing.assert_allclose(outputs[0]["z"], Z, rtol=1e-12, atol=1e-12)


def test_deepcopy_is_an_independent_model_that_trains_identically():
    import copy

    X, y = _blobs()
    model = Sequential([Dense(6, activation="tanh"), Dense(4, activation="softmax")], input_dim=2, seed=0)
    model.compile(optimizer=Adam(0.02), loss="sparse_categorical_crossentropy")
    model.fit(X, y, epochs=2, batch_size=16)
    clone = copy.deepcopy(model)
    assert np.shares_memory(clone.layers[0].W, clone.flat_weights)
    assert np.shares_memory(clone.optimizer.m, clone.optimizer._moments)
    assert not np.shares_memory(clone.flat_weights, model.flat_weights)
    model.fit(X, y, epochs=3, batch_size=16)
    clone.fit(X, y, epochs=3, batch_size=16)
    np.testing.assert_array_equal(clone.flat_weights, model.flat_weights)
    before = model.get_weights()
    clone.fit(X, y, epochs=1, batch_size=16)
    for a, b in zip(model.get_weights(), before, strict=True):
        np.testing.assert_array_equal(a, b)
