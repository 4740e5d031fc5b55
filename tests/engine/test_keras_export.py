"""The exported Keras script, run as written under real Keras 3 (torch CPU backend), gives the engine's numbers.

Every case's script runs in ONE subprocess (importing Keras takes seconds): it executes the file, then asks the
Keras model it built for predictions and `evaluate` on held-out rows (raw rows, through the script's own
`features()`, for a network with engineered inputs). Keras must be installed
(requirements-test.txt): a missing Keras fails this test, it never skips.
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from engine import L2, Adam, Dense, Normalization, Sequential
from engine.codegen import keras_code
from engine.features import expand
from engine.losses import BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy

RNG = np.random.default_rng(21)


def _fit(model, X, y, loss, metrics=("accuracy",)):
    model.compile(optimizer=Adam(0.03), loss=loss, metrics=list(metrics))
    model.fit(X, y, epochs=10, batch_size=16)
    return model


def _case(layers, loss, target, metrics=("accuracy",), n_in=2, scale=1.0, seed=0):
    X = RNG.normal(size=(64, n_in)) * scale
    X_test = RNG.normal(size=(32, n_in)) * scale
    model = _fit(Sequential(layers(X), seed=seed), X, target(X), loss, metrics)
    return model, X_test, target(X_test)


def _labels(X):
    return (X[:, 0] * X[:, 1] > 0).astype(int)


def _three(X):
    return np.digitize(X[:, 0] - X[:, 1], [-0.5, 0.5])


CASES = {
    "sigmoid": lambda: _case(lambda X: [Dense(5, activation="tanh"), Dense(1, activation="sigmoid")],
                             "binary_crossentropy", _labels),
    "sigmoid_from_logits": lambda: _case(lambda X: [Dense(5, activation="relu"), Dense(1)],
                                         BinaryCrossentropy(from_logits=True), _labels),
    "softmax": lambda: _case(lambda X: [Dense(6, activation="tanh"), Dense(3, activation="softmax")],
                             "sparse_categorical_crossentropy", _three),
    "softmax_from_logits": lambda: _case(lambda X: [Dense(6, activation="elu"), Dense(3)],
                                         CategoricalCrossentropy(from_logits=True), lambda X: np.eye(3)[_three(X)]),
    "multilabel": lambda: _case(lambda X: [Dense(6, activation="relu"), Dense(3, activation="sigmoid")],
                                "binary_crossentropy",
                                lambda X: np.stack([X[:, 0] > 0, X[:, 1] > 0, X.sum(1) > 0.5], 1).astype(int)),
    "linear_regression": lambda: _case(lambda X: [Dense(5, activation="tanh"), Dense(1)], "mse",
                                       lambda X: X[:, 0] - 2 * X[:, 1], metrics=("mae",)),
    "relu_regression": lambda: _case(lambda X: [Dense(5, activation="softplus"), Dense(1, activation="relu")],
                                     "mse", lambda X: np.abs(X[:, 0]) + 0.5, metrics=("mae", "mse")),
    "normalization_l2": lambda: _case(
        lambda X: [Normalization().adapt(X), Dense(6, activation="leaky_relu", kernel_regularizer=L2(0.01)),
                   Dense(3, activation="softmax", kernel_regularizer=L2(0.002))],
        SparseCategoricalCrossentropy(), lambda X: np.digitize(X[:, 0] / 40 - X[:, 2], [-0.5, 0.5]),
        n_in=3, scale=np.array([40.0, 0.3, 1.0]) + 5.0),
}

ENGINEERED = ["x1", "x1^2", "sin_x1", "x1*x2", "x2^2", "sin_x2"]


def _engineered():
    # The network sees expanded features; the exported script is given raw (m, 2) rows and computes them itself.
    raw, raw_test = RNG.normal(size=(64, 2)), RNG.normal(size=(32, 2))
    model = _fit(Sequential([Normalization().adapt(expand(raw, ENGINEERED)), Dense(4, activation="tanh"),
                             Dense(1, activation="sigmoid")], seed=3), expand(raw, ENGINEERED),
                 (raw[:, 0] ** 2 + raw[:, 1] ** 2 < 1).astype(int), "binary_crossentropy")
    y_test = (raw_test[:, 0] ** 2 + raw_test[:, 1] ** 2 < 1).astype(int)
    return model, raw_test, y_test, {"input_features": ENGINEERED, "raw_names": ["width", "height"]}


CASES["engineered_inputs"] = _engineered

# Runs in the subprocess: each script as written (as __main__, so its own example prints run too), then the
# Keras model it built is asked for predictions and evaluate on the held-out rows.
DRIVER = """
import contextlib, io, json, sys
import numpy as np
results = {}
for name in sys.argv[2:]:
    path = f"{sys.argv[1]}/{name}"
    namespace = {"__name__": "__main__"}
    printed = io.StringIO()
    with open(f"{path}.py", encoding="utf-8") as file, contextlib.redirect_stdout(printed):
        exec(compile(file.read(), f"{path}.py", "exec"), namespace)
    data = np.load(f"{path}.npz")
    model = namespace["model"]
    X = namespace["features"](data["X"]) if "features" in namespace else data["X"]  # raw rows for features()
    results[name] = {
        "predictions": model.predict(X, verbose=0).tolist(),
        "evaluate": {k: float(v) for k, v in model.evaluate(X, data["y"], return_dict=True, verbose=0).items()},
        "example_width": namespace["X_example"].shape[1],
        "printed_lines": len(printed.getvalue().strip().splitlines()),
        "examples": len(namespace["X_example"]),
    }
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def keras_results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keras_export")
    expected = {}
    for name, build in CASES.items():
        model, X_test, y_test, *options = build()
        options = options[0] if options else {}
        (folder / f"{name}.py").write_text(keras_code(model, **options), encoding="utf-8")
        np.savez(folder / f"{name}.npz", X=X_test, y=y_test)
        inputs = expand(X_test, options["input_features"]) if options else X_test
        expected[name] = (model.predict(inputs), model.evaluate(inputs, y_test, return_dict=True), y_test)
    (folder / "driver.py").write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "KERAS_BACKEND": "torch"}
    result = subprocess.run([sys.executable, str(folder / "driver.py"), str(folder), *CASES], capture_output=True,
                            text=True, timeout=300, env=env, cwd=folder)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1]), expected


@pytest.mark.parametrize("name", list(CASES))
def test_real_keras_reproduces_predictions_loss_and_metrics(name, keras_results):
    got, expected = keras_results[0][name], keras_results[1][name]
    predictions, evaluation, _ = expected
    np.testing.assert_allclose(np.array(got["predictions"]), predictions, rtol=0, atol=1e-5)
    # same keys: the metrics are named as in the app's history ("accuracy", "mae", ...)
    assert set(got["evaluate"]) == set(evaluation)
    for key, value in evaluation.items():
        assert got["evaluate"][key] == pytest.approx(value, abs=1e-5), key
    assert got["printed_lines"] == got["examples"] > 0  # the script's own example prints ran


def test_engineered_script_takes_raw_points(keras_results):
    # its own examples are raw (x1, x2) rows, and it computed its inputs from our raw rows above
    assert keras_results[0]["engineered_inputs"]["example_width"] == 2  # the network itself has 6 inputs


def test_multilabel_accuracy_is_per_label_not_argmax(keras_results):
    # The bug a bare 'accuracy' had: Keras 3 scored a multi-label head by argmax.
    predictions, _, y_test = keras_results[1]["multilabel"]
    per_label = float(np.mean((predictions > 0.5) == (y_test > 0.5)))
    assert keras_results[0]["multilabel"]["evaluate"]["accuracy"] == pytest.approx(per_label, abs=1e-6)
