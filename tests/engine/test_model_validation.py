"""Every bad input gives a plain-language ValueError; a diverging step is refused with TrainingDiverged."""

import warnings

import numpy as np
import pytest

from engine import SGD, Adam, Dense, Sequential, TrainingDiverged


def _binary_model(**compile_kwargs):
    model = Sequential([Dense(3, activation="tanh"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
    model.compile(**({"optimizer": "adam", "loss": "binary_crossentropy"} | compile_kwargs))
    return model


X_OK = np.array([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]])
Y_OK = np.array([0, 1, 1])


@pytest.mark.parametrize("X, y, message", [
    (np.array([0.0, 1.0, 2.0]), Y_OK, "2-D"),
    (np.zeros((3, 2, 1)), Y_OK, "2-D"),
    (np.array([[0.0, np.nan], [1.0, 0.0], [0.5, 0.5]]), Y_OK, "NaN or infinite"),
    (np.array([[0.0, np.inf], [1.0, 0.0], [0.5, 0.5]]), Y_OK, "NaN or infinite"),
    (np.array([["a", "b"], ["c", "d"], ["e", "f"]]), Y_OK, "numbers only"),
    ([[0.0, 1.0], [1.0]], Y_OK, "2-D"),
    (np.zeros((0, 2)), np.zeros(0), "no rows"),
    (np.zeros((3, 3)), Y_OK, "3 feature column"),
    (X_OK, np.array([0, 1]), "3 rows but y has 2"),
    (X_OK, np.array([0.0, np.nan, 1.0]), "NaN"),
    (X_OK, np.array([0.0, np.inf, 1.0]), "infinite"),
    (X_OK, np.array(["a", "b", "c"]), "non-numeric"),
    (X_OK, np.array([0, 2, 1]), "0 or 1"),
    (X_OK, np.array([[0, 1], [1, 0], [0, 1]]), "2 column"),
])
def test_bad_training_data(X, y, message):
    model = _binary_model()
    with pytest.raises(ValueError, match=message):
        model.fit(X, y)


@pytest.mark.parametrize("y, message", [
    (np.array([0, 1, 3]), "from 0 to 2"),
    (np.array([0, -1, 2]), "from 0 to 2"),
    (np.array([0.0, 1.5, 2.0]), "whole numbers"),
    (np.array([[0, 1], [1, 0], [2, 2]]), "one integer class label"),
])
def test_labels_out_of_range_for_a_softmax_head(y, message):
    model = Sequential([Dense(3, activation="softmax")], input_dim=2, seed=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    with pytest.raises(ValueError, match=message):
        model.fit(X_OK, y)


@pytest.mark.parametrize("make, message", [
    (lambda: Dense(0), "units >= 1"),
    (lambda: Dense(-3), "units >= 1"),
    (lambda: Dense(2.5), "units >= 1"),
    (lambda: Dense(True), "units >= 1"),
    (lambda: Dense(2, activation="swish2"), "Unknown activation 'swish2'"),
    (lambda: Dense(2, activation=np.tanh), "by name"),
    (lambda: Dense(2, kernel_initializer="ones_please"), "Unknown kernel initializer"),
    (lambda: Dense(2, kernel_regularizer="l3"), "Unknown regularizer"),
    (lambda: Sequential([Dense(2)], input_dim=0), "input_dim"),
    (lambda: Sequential([]).build(2), "no layers"),
    (lambda: Sequential(["Dense(2)"]), "Only Dense"),
    (lambda: Sequential(Dense(2)), "list of layers"),
    (lambda: Sequential([Dense(2)], dtype="int32"), "dtype"),
    (lambda: Sequential([Dense(2)], dtype="float16"), "dtype"),
    (lambda: Sequential([Dense(2)], seed=-1), "seed"),
    (lambda: _binary_model(loss="hinge"), "Unknown loss 'hinge'"),
    (lambda: _binary_model(optimizer="rmsprop"), "Unknown optimizer"),
    (lambda: _binary_model(metrics=["f1"]), "Unknown metric"),
])
def test_impossible_networks_and_unknown_names(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_same_layer_object_twice_is_refused():
    layer = Dense(2)
    with pytest.raises(ValueError, match="twice"):
        Sequential([layer, layer])


@pytest.mark.parametrize("kwargs, message", [
    ({"epochs": -1}, "epochs"), ({"epochs": 1.5}, "epochs"), ({"epochs": "10"}, "epochs"),
    ({"batch_size": 0}, "batch_size"), ({"batch_size": -5}, "batch_size"),
    ({"validation_data": (X_OK,)}, "pair"), ({"validation_data": (X_OK, np.array([0, 1]))}, "rows"),
])
def test_bad_fit_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        _binary_model().fit(X_OK, Y_OK, **kwargs)


def test_training_before_compile():
    model = Sequential([Dense(1)], input_dim=2, seed=0)
    with pytest.raises(ValueError, match="compile"):
        model.fit(X_OK, Y_OK)
    with pytest.raises(ValueError, match="compile"):
        model.evaluate(X_OK, Y_OK)


def test_bad_weights():
    model = _binary_model()
    weights = model.get_weights()
    with pytest.raises(ValueError, match="shape"):
        model.set_weights([weights[0].T, *weights[1:]])
    with pytest.raises(ValueError, match="4 arrays"):
        model.set_weights(weights[:2])
    weights[2][0, 0] = np.nan
    with pytest.raises(ValueError, match="finite"):
        model.set_weights(weights)
    with pytest.raises(ValueError, match="numbers"):
        model.set_weights([np.array([["x"] * 3] * 2), *weights[1:]])
    assert np.isfinite(model.flat_weights).all()  # nothing half-written


def test_predict_on_wrong_width_after_build():
    with pytest.raises(ValueError, match="expects 2"):
        _binary_model().predict(np.zeros((4, 5)))


# ----- divergence ------------------------------------------------------------------------------
def _regression(seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(40, 2)) * 10
    return X, X @ np.array([3.0, -2.0]) + 1.0


def test_divergence_keeps_the_last_finite_weights_full_batch():
    X, y = _regression()
    model = Sequential([Dense(8, activation="relu"), Dense(1)], input_dim=2, seed=0)
    model.compile(optimizer=SGD(learning_rate=5.0), loss="mse")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # overflow inside fit must not surface as a RuntimeWarning
        with pytest.raises(TrainingDiverged) as caught:
            model.fit(X, y, epochs=500, batch_size=None, shuffle=False)
    error = caught.value
    assert error.epoch > 1 and error.learning_rate == 5.0
    message = str(error)
    assert f"epoch {error.epoch}" in message and "learning rate (5)" in message and "try 0.5" in message
    assert np.isfinite(model.flat_weights).all()
    assert model.epochs_trained == error.epoch - 1
    twin = Sequential([Dense(8, activation="relu"), Dense(1)], input_dim=2, seed=0)
    twin.compile(optimizer=SGD(learning_rate=5.0), loss="mse")
    twin.fit(X, y, epochs=error.epoch - 1, batch_size=None, shuffle=False)
    np.testing.assert_array_equal(model.flat_weights, twin.flat_weights)


def test_divergence_mid_epoch_stops_before_the_bad_step_and_keeps_adam_state():
    X, y = _regression(1)
    layers = lambda: [Dense(16, activation="linear"), Dense(16, activation="linear"), Dense(1)]  # noqa: E731
    model = Sequential(layers(), input_dim=2, seed=4)
    model.compile(optimizer=SGD(learning_rate=0.02, momentum=0.9), loss="mse")
    with pytest.raises(TrainingDiverged) as caught:
        model.fit(X, y, epochs=200, batch_size=8, shuffle=False)
    error = caught.value
    assert error.step is not None and f"step {error.step}" in str(error)
    assert np.isfinite(model.flat_weights).all() and np.isfinite(model.optimizer.last_update).all()
    # A twin that takes exactly the steps before the bad one lands on the same weights and velocity.
    twin = Sequential(layers(), input_dim=2, seed=4)
    twin.compile(optimizer=SGD(learning_rate=0.02, momentum=0.9), loss="mse")
    twin.fit(X, y, epochs=error.epoch - 1, batch_size=8, shuffle=False)
    for start in range(0, 8 * (error.step - 1), 8):
        twin.fit(X[start:start + 8], y[start:start + 8], epochs=1, batch_size=8, shuffle=False)
    np.testing.assert_array_equal(model.flat_weights, twin.flat_weights)
    np.testing.assert_array_equal(model.optimizer.last_update, twin.optimizer.last_update)
    assert model.optimizer.iterations == twin.optimizer.iterations


def test_model_stays_usable_after_divergence():
    X, y = _regression()
    model = Sequential([Dense(8, activation="tanh"), Dense(1)], input_dim=2, seed=0)
    model.compile(optimizer=SGD(learning_rate=10.0), loss="mse")
    with pytest.raises(TrainingDiverged) as first:
        model.fit(X, y, epochs=200, batch_size=None)
    assert np.isfinite(model.predict(X)).all()
    trained, iterations = model.epochs_trained, model.optimizer.iterations
    with pytest.raises(TrainingDiverged) as again:  # same rate: refused again, nothing changes
        model.fit(X, y, epochs=5, batch_size=None)
    assert again.value.epoch == first.value.epoch and model.epochs_trained == trained
    assert model.optimizer.iterations == iterations


def test_adam_with_a_sane_rate_never_diverges_on_the_same_data():
    X, y = _regression()
    model = Sequential([Dense(8, activation="relu"), Dense(1)], input_dim=2, seed=0)
    model.compile(optimizer=Adam(learning_rate=0.05), loss="mse")
    history = model.fit(X, y, epochs=100, batch_size=8)
    assert history.history["loss"][-1] < history.history["loss"][0]


def test_huge_inputs_blame_the_input_scale_not_the_learning_rate():
    X = np.array([[1e200, 0.0], [-1e200, 1.0]])
    model = Sequential([Dense(4, activation="linear"), Dense(1)], input_dim=2, seed=0)
    model.compile(optimizer=SGD(0.01), loss="mse")
    with pytest.raises(TrainingDiverged) as caught:
        model.fit(X, np.array([0.0, 1.0]), epochs=1)
    assert caught.value.reason == "inputs" and "Normalization" in str(caught.value)
    assert model.epochs_trained == 0 and model.optimizer.iterations == 0


def test_engine_imports_no_ui_library():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, engine, engine.model, engine.serialization, engine.preprocessing; "
            "bad = [m for m in ('streamlit', 'plotly', 'altair') if m in sys.modules]; print(bad); sys.exit(bool(bad))")
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr


def test_engine_errors_carry_codes_and_params_for_translation(tmp_path):
    """TrainingDiverged, ModelFileError and head_mismatch_info give a code and the numbers a page translates."""
    from engine import ModelFileError, head_mismatch, head_mismatch_info, loads
    from engine.serialization import load_model

    X, y = _regression()
    model = Sequential([Dense(8, activation="relu"), Dense(1)], input_dim=2, seed=0)
    model.compile(optimizer=SGD(learning_rate=5.0), loss="mse")
    with pytest.raises(TrainingDiverged) as caught:
        model.fit(X, y, epochs=200, batch_size=None)
    error = caught.value
    assert error.code == f"diverged_{error.reason}" and error.reason in ("loss", "weights")
    assert error.params["epoch"] == error.epoch and error.params["suggested_learning_rate"] == pytest.approx(0.5)
    for text, code in (("{", "model_file_not_json"), ('{"format": "other"}', "model_file_invalid")):
        with pytest.raises(ModelFileError) as caught:
            loads(text)
        assert caught.value.code == code and isinstance(caught.value, ValueError)
    assert caught.value.params == {"detail": "it is not a nn-playground-model file", "kind": "other"}
    with pytest.raises(ModelFileError) as caught:
        loads('{"format": "nn-playground-model", "version": 1, "dtype": "float16"}')
    assert caught.value.params == {"detail": "unknown dtype 'float16'", "kind": "unknown", "what": "dtype",
                                   "value": "'float16'"}
    with pytest.raises(ModelFileError) as caught:
        load_model(tmp_path / "missing.json")
    assert caught.value.code == "model_file_unreadable" and caught.value.params["reason"]
    assert head_mismatch_info("linear", "mse") is None
    code, params = head_mismatch_info("relu", "binary_crossentropy")
    assert (code, params["suggested_loss"]) == ("head_loss_mismatch", "mse")
    assert "mean squared error" in head_mismatch("relu", "binary_crossentropy")
