"""The generated Keras and NumPy scripts run as written and reproduce the model's predictions.

The NumPy script is executed for real (in a fresh namespace, and once as a file in a subprocess).
The Keras script runs under real Keras 3 in tests/engine/test_keras_export.py (one slow subprocess); here it
runs in-process against a small stand-in `keras` module defined here, which implements only the names the script
uses, with Keras 3's signatures and documented maths, doing the forward pass in NumPy, and records what the
script passes (loss, optimizer and metric arguments); it refuses anything Keras would refuse at those points.
"""

import ast
import contextlib
import io
import subprocess
import sys
import types

import numpy as np
import pytest

from engine import L1, L2, SGD, Adam, Dense, Normalization, Sequential
from engine.codegen import keras_code, numpy_code

RNG = np.random.default_rng(7)


def _inputs(model) -> np.ndarray:
    """40 test rows (40, features) spread around the data the model saw (its normalization's mean and std)."""
    rows = np.random.default_rng(99).normal(size=(40, model.input_dim)) * 1.5
    norm = model.normalization
    return rows if norm is None else norm.mean + rows * np.sqrt(norm.variance)


# ----- models ------------------------------------------------------------------------------------
def _train(model, X, y, loss, epochs=15, optimizer=None, metrics=("accuracy",)):
    model.compile(optimizer=optimizer or Adam(0.03), loss=loss, metrics=list(metrics))
    model.fit(X, y, epochs=epochs, batch_size=16)
    return model


def binary_one_layer():
    X = RNG.normal(size=(60, 2))
    return _train(Sequential([Dense(1, activation="sigmoid")], seed=1), X, (X[:, 0] > X[:, 1]).astype(int),
                  "binary_crossentropy")


def binary_deep():
    X = RNG.normal(size=(80, 2))
    layers = [Dense(8, activation="relu", kernel_regularizer=L2(0.001)), Dense(6, activation="tanh"),
              Dense(5, activation="leaky_relu", kernel_regularizer=L1(0.0005)), Dense(4, activation="elu"),
              Dense(3, activation="softplus"), Dense(1, activation="sigmoid")]
    return _train(Sequential(layers, seed=2), X, (X[:, 0] * X[:, 1] > 0).astype(int), "binary_crossentropy",
                  optimizer=SGD(0.1, momentum=0.9))


def softmax_three():
    X = RNG.normal(size=(90, 2))
    y = np.digitize(X[:, 0], [-0.4, 0.4])
    return _train(Sequential([Dense(6, activation="tanh"), Dense(3, activation="softmax")], seed=3), X, y,
                  "sparse_categorical_crossentropy")


def softmax_from_logits():
    from engine.losses import SparseCategoricalCrossentropy
    X = RNG.normal(size=(90, 2))
    y = np.digitize(X[:, 1], [-0.3, 0.5])
    return _train(Sequential([Dense(5, activation="relu"), Dense(3, activation="linear")], seed=4), X, y,
                  SparseCategoricalCrossentropy(from_logits=True))


def binary_from_logits():
    from engine.losses import BinaryCrossentropy
    X = RNG.normal(size=(60, 2))
    return _train(Sequential([Dense(4, activation="tanh"), Dense(1)], seed=5), X,
                  (X[:, 0] + X[:, 1] > 0).astype(int), BinaryCrossentropy(from_logits=True))


def multilabel():
    X = RNG.normal(size=(70, 2))
    Y = np.stack([X[:, 0] > 0, X[:, 1] > 0, X.sum(axis=1) > 1], axis=1).astype(int)
    return _train(Sequential([Dense(6, activation="relu"), Dense(3, activation="sigmoid")], seed=6), X, Y,
                  "binary_crossentropy")


def regression():
    X = RNG.normal(size=(60, 2))
    return _train(Sequential([Dense(5, activation="tanh"), Dense(1)], seed=8), X, X[:, 0] - 2 * X[:, 1], "mse",
                  metrics=("mae",))


def float32_model():
    X = RNG.normal(size=(80, 2))
    model = Sequential([Dense(7, activation="relu"), Dense(3, activation="softmax")], seed=9, dtype="float32")
    return _train(model, X, np.digitize(X[:, 0] - X[:, 1], [-0.5, 0.5]), "sparse_categorical_crossentropy")


def normalized_deep():
    # Inputs far from 0 with unequal spreads, and a constant column (the engine gives it variance 1).
    X = RNG.normal(size=(80, 3)) * [3.0, 0.2, 0.0] + [10.0, -4.0, 7.0]
    layers = [Normalization().adapt(X), Dense(6, activation="relu"), Dense(4, activation="tanh"),
              Dense(1, activation="sigmoid")]
    return _train(Sequential(layers, seed=11), X, (X[:, 0] - 10 > 5 * (X[:, 1] + 4)).astype(int),
                  "binary_crossentropy")


def normalized_float32_softmax():
    X = RNG.normal(size=(80, 2)) * [50.0, 0.5] + [100.0, 3.0]
    model = Sequential([Normalization().adapt(X), Dense(5, activation="elu"), Dense(3)], seed=12, dtype="float32")
    from engine.losses import CategoricalCrossentropy
    y = np.eye(3)[np.digitize(X[:, 0] - 100, [-20.0, 20.0])]
    return _train(model, X, y, CategoricalCrossentropy(from_logits=True))


def untrained_uncompiled():
    return Sequential([Dense(3, activation="sigmoid"), Dense(2, activation="softmax")], input_dim=2, seed=10)


BUILDERS = [binary_one_layer, binary_deep, softmax_three, softmax_from_logits, binary_from_logits, multilabel,
            regression, float32_model, normalized_deep, normalized_float32_softmax, untrained_uncompiled]


def _tolerance(model) -> dict:
    # A float32 model: the scripts compute in float32 too, but any other order of the same sums (the notes'
    # loop, the engine's bias-in-the-matmul) rounds differently in float32's 24 bits: a relative 1e-7 or so.
    return {"rtol": 1e-6, "atol": 1e-6} if model.dtype == np.float32 else {"rtol": 0, "atol": 1e-9}


def _expected_proba(model, X):
    return model.predict_proba(X) if model.loss is not None else model.predict(X)


# ----- the NumPy script --------------------------------------------------------------------------
def _run_numpy_script(code: str) -> dict:
    namespace = {"__name__": "generated"}  # not "__main__": define everything, skip the printing example
    exec(compile(code, "<numpy_code>", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("build", BUILDERS, ids=lambda b: b.__name__)
def test_numpy_code_reproduces_predictions(build):
    model = build()
    X_TEST = _inputs(model)
    ns = _run_numpy_script(numpy_code(model))
    tol = _tolerance(model)
    assert ns["DTYPE"] == model.dtype
    np.testing.assert_allclose(ns["predict"](X_TEST), model.predict(X_TEST), **tol)
    if "predict_proba" in ns:
        np.testing.assert_allclose(ns["predict_proba"](X_TEST), _expected_proba(model, X_TEST), **tol)
    one_by_one = np.array([ns["sequential"](x) for x in X_TEST])
    np.testing.assert_allclose(one_by_one, model.predict(X_TEST), **tol)


def test_numpy_code_uses_the_notes_dense_loop_and_every_weight_exactly():
    model = binary_deep()
    code = numpy_code(model)
    assert "def dense(a_in, W, b, g):" in code and "w = W[:, i]" in code and "np.dot(w, a_in) + b[i]" in code
    assert "def dense_matmul(" in code and "np.matmul(A_in, W) + b" in code
    ns = _run_numpy_script(code)
    for k, layer in enumerate(model.layers, start=1):
        assert np.array_equal(ns[f"W{k}"], layer.W) and np.array_equal(ns[f"b{k}"], layer.b)
    # the optimizer, its numbers and the regularizers are written down for the reader
    assert "SGD(learning_rate=0.1, momentum=0.9)" in code
    assert "L2(0.001)" in code and "L1(0.0005)" in code


def test_numpy_script_runs_as_written_and_prints_predictions(tmp_path):
    model = softmax_three()
    path = tmp_path / "network.py"
    path.write_text(numpy_code(model, class_names=["low", "mid", "high"]), encoding="utf-8")
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("largest difference, loop vs matmul:")
    assert float(lines[0].split(":")[1]) < 1e-12
    # the three default examples, each with its predicted class name
    assert len(lines) == 4
    names = ["low", "mid", "high"]
    ns = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), ns)
    expected = model.predict_proba(ns["X_example"]).argmax(axis=1)
    for line, k in zip(lines[1:], expected, strict=True):
        assert f"-> {names[k]}," in line


def test_generated_code_is_ruff_clean(tmp_path):
    for build in (binary_deep, softmax_from_logits, multilabel, regression):
        model = build()
        (tmp_path / f"{build.__name__}_numpy.py").write_text(numpy_code(model), encoding="utf-8")
        (tmp_path / f"{build.__name__}_keras.py").write_text(keras_code(model), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated",
                             "--select", "E,F,W,I,B,UP", "--line-length", "120", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# ----- a stand-in for Keras 3 --------------------------------------------------------------------
def _keras_activation(name):
    # Keras 3's definitions (keras.activations): leaky_relu's default negative_slope is 0.2, elu's alpha 1.
    table = {
        "linear": lambda z: z,
        "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
        "tanh": np.tanh,
        "relu": lambda z: np.maximum(z, 0),
        "leaky_relu": lambda z: np.where(z > 0, z, 0.2 * z),
        "elu": lambda z: np.where(z > 0, z, np.exp(np.minimum(z, 0)) - 1),
        "softplus": lambda z: np.log1p(np.exp(-np.abs(z))) + np.maximum(z, 0),
        "softmax": lambda z: np.exp(z - z.max(-1, keepdims=True)) / np.exp(z - z.max(-1, keepdims=True)).sum(
            -1, keepdims=True),
    }
    if name not in table:
        raise ValueError(f"Unknown activation {name}")
    return table[name]


def make_fake_keras():
    keras = types.ModuleType("keras")
    state = {"floatx": "float32"}

    class Input:
        def __init__(self, shape):
            assert isinstance(shape, tuple) and len(shape) == 1
            self.shape = shape

    class Normalization:
        def __init__(self, mean=None, variance=None, axis=-1):
            self.mean, self.variance = np.asarray(mean, dtype=float), np.asarray(variance, dtype=float)

        def weights_shapes(self, n_in):
            return []  # built from given mean/variance, Keras adds no weights: set_weights skips the layer

        def call(self, x):
            return (x - self.mean) / np.maximum(np.sqrt(self.variance), 1e-7)

    class Dense:
        def __init__(self, units, activation=None, kernel_regularizer=None):
            assert isinstance(units, int) and units >= 1
            self.units, self.activation = units, _keras_activation(activation or "linear")
            self.activation_name = activation
            self.kernel_regularizer = kernel_regularizer

        def weights_shapes(self, n_in):
            return [(n_in, self.units), (self.units,)]

        def call(self, x):
            return self.activation(x @ self.kernel + self.bias)

    class Regularizer:
        def __init__(self, rate):
            self.rate = float(rate)

    class Sequential:
        def __init__(self, layers):
            assert isinstance(layers[0], Input), "Keras 3 style: keras.Input(shape=...) first"
            self.n_in = layers[0].shape[0]
            self.layers = layers[1:]
            self.compiled = None

        def compile(self, optimizer, loss, metrics=None):
            self.compiled = {"optimizer": optimizer, "loss": loss, "metrics": metrics}

        def set_weights(self, weights):
            n_in, slots = self.n_in, []
            for layer in self.layers:
                for shape in layer.weights_shapes(n_in):
                    slots.append((layer, shape))
                if isinstance(layer, Dense):
                    n_in = layer.units
            if len(weights) != len(slots):
                raise ValueError(f"expected {len(slots)} weight arrays, got {len(weights)}")
            for (layer, shape), w in zip(slots, weights, strict=True):
                w = np.asarray(w, dtype=state["floatx"])
                if w.shape != shape:
                    raise ValueError(f"weight shape {w.shape} != {shape}")
                if len(shape) == 2:
                    layer.kernel = w
                else:
                    layer.bias = w

        def predict(self, x, verbose="auto"):
            a = np.asarray(x, dtype=state["floatx"])
            assert a.shape[1] == self.n_in
            for layer in self.layers:
                a = layer.call(a)
            return a

    def set_floatx(value):
        assert value in ("float16", "float32", "float64")
        state["floatx"] = value

    def _record(kind):
        return lambda **kwargs: (kind, kwargs)

    keras.Input, keras.Sequential = Input, Sequential
    keras.layers = types.SimpleNamespace(Dense=Dense, Normalization=Normalization)
    keras.regularizers = types.SimpleNamespace(L1=type("L1", (Regularizer,), {}), L2=type("L2", (Regularizer,), {}))
    keras.optimizers = types.SimpleNamespace(Adam=_record("Adam"), SGD=_record("SGD"))
    keras.losses = types.SimpleNamespace(**{name: _record(name) for name in (
        "BinaryCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy", "MeanSquaredError")})
    keras.metrics = types.SimpleNamespace(**{name: _record(name) for name in (
        "BinaryAccuracy", "CategoricalAccuracy", "SparseCategoricalAccuracy")})
    keras.config = types.SimpleNamespace(set_floatx=set_floatx)
    keras._state = state
    return keras


@pytest.fixture
def fake_keras(monkeypatch):
    keras = make_fake_keras()
    monkeypatch.setitem(sys.modules, "keras", keras)
    return keras


def _run_keras_script(code: str, capsys) -> tuple[dict, str]:
    ast.parse(code)
    namespace = {"__name__": "__main__"}
    exec(compile(code, "<keras_code>", "exec"), namespace)
    return namespace, capsys.readouterr().out


@pytest.mark.parametrize("build", BUILDERS, ids=lambda b: b.__name__)
def test_keras_code_reproduces_predictions(build, fake_keras, capsys):
    model = build()
    X_TEST = _inputs(model)
    ns, out = _run_keras_script(keras_code(model), capsys)
    keras_model = ns["model"]
    tol = _tolerance(model)
    assert fake_keras._state["floatx"] == str(model.dtype)
    np.testing.assert_allclose(keras_model.predict(X_TEST, verbose=0), model.predict(X_TEST), **tol)
    # what the script itself prints from: probabilities (logits turned into them if needed), or values
    if "probabilities" in ns:
        np.testing.assert_allclose(ns["probabilities"], _expected_proba(model, ns["X_example"]), **tol)
    else:
        np.testing.assert_allclose(ns["outputs"], model.predict(ns["X_example"]), **tol)
    normalizations = [layer for layer in keras_model.layers if not hasattr(layer, "units")]
    assert len(normalizations) == (model.normalization is not None)
    assert [layer.activation_name for layer in keras_model.layers if hasattr(layer, "units")] == [
        layer.activation for layer in model.layers]
    assert len(out.strip().splitlines()) == len(ns["X_example"])  # one printed line per example


def test_keras_code_compiles_with_the_models_loss_optimizer_and_regularizers(fake_keras, capsys):
    model = binary_deep()
    ns, _ = _run_keras_script(keras_code(model), capsys)
    compiled = ns["model"].compiled
    assert compiled["optimizer"] == ("SGD", {"learning_rate": 0.1, "momentum": 0.9})
    assert compiled["loss"] == ("BinaryCrossentropy", {"from_logits": False})
    assert compiled["metrics"] == [("BinaryAccuracy", {"name": "accuracy", "threshold": 0.5})]
    regs = [(type(layer.kernel_regularizer).__name__, layer.kernel_regularizer.rate)
            for layer in ns["model"].layers if layer.kernel_regularizer is not None]
    assert regs == [("L2", 0.001), ("L1", 0.0005)]

    model = softmax_from_logits()
    ns, _ = _run_keras_script(keras_code(model), capsys)
    compiled = ns["model"].compiled
    optimizer = model.optimizer
    assert compiled["optimizer"] == ("Adam", {"learning_rate": optimizer.learning_rate, "beta_1": 0.9,
                                              "beta_2": 0.999, "epsilon": 1e-7})
    assert compiled["loss"] == ("SparseCategoricalCrossentropy", {"from_logits": True})


def test_keras_accuracy_on_binary_logits_uses_threshold_zero(fake_keras, capsys):
    ns, _ = _run_keras_script(keras_code(binary_from_logits()), capsys)
    assert ns["model"].compiled["metrics"] == [("BinaryAccuracy", {"name": "accuracy", "threshold": 0.0})]


@pytest.mark.parametrize(("build", "metric"), [
    (multilabel, ("BinaryAccuracy", {"name": "accuracy", "threshold": 0.5})),
    (softmax_three, ("SparseCategoricalAccuracy", {"name": "accuracy"})),
    (normalized_float32_softmax, ("CategoricalAccuracy", {"name": "accuracy"})),
    (regression, "mae"),
])
def test_keras_metric_means_what_the_app_shows(build, metric, fake_keras, capsys):
    # A bare "accuracy" is read by Keras 3 from the output shape: argmax accuracy for a multi-label head.
    ns, _ = _run_keras_script(keras_code(build()), capsys)
    assert ns["model"].compiled["metrics"] == [metric]


def test_keras_weights_order_is_checked_by_the_stand_in(fake_keras):
    # The stand-in is strict: swapping two arrays of the [W1, b1, ...] list is refused, as by Keras.
    model = binary_deep()
    keras_model = fake_keras.Sequential([fake_keras.Input(shape=(2,)),
                                         *[fake_keras.layers.Dense(layer.units, activation=layer.activation)
                                           for layer in model.layers]])
    weights = model.get_weights()
    weights[0], weights[1] = weights[1], weights[0]
    with pytest.raises(ValueError, match="shape"):
        keras_model.set_weights(weights)


# ----- names and bad input -----------------------------------------------------------------------
HOSTILE = ['x"""\nimport os  # ', "a'\n__import__('os').system('echo pwned')\n#", "\\", "价格 (元)"]


def test_hostile_names_stay_inside_string_literals(fake_keras, capsys):
    model = multilabel()
    labels = HOSTILE[1:]
    features = HOSTILE[:2]
    for code in (numpy_code(model, feature_names=features, class_names=labels),
                 keras_code(model, feature_names=features, class_names=labels)):
        tree = ast.parse(code)
        assert not [node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
                    and any(alias.name == "os" for alias in node.names)]
        assert "pwned" not in "".join(line for line in code.splitlines() if "NAMES" not in line)
    ns = _run_numpy_script(numpy_code(model, feature_names=features, class_names=labels))
    assert ns["FEATURE_NAMES"] == features and ns["CLASS_NAMES"] == labels
    ns, _ = _run_keras_script(keras_code(model, feature_names=features, class_names=labels), capsys)
    assert ns["CLASS_NAMES"] == labels


def test_mismatched_names_and_unbuilt_models_give_plain_errors():
    model = softmax_three()
    with pytest.raises(ValueError, match="2 input"):
        numpy_code(model, feature_names=["only one"])
    with pytest.raises(ValueError, match="3 class name"):
        keras_code(model, class_names=["a", "b"])
    with pytest.raises(ValueError, match="build or train"):
        numpy_code(Sequential([Dense(1)]))
    with pytest.raises(ValueError, match="rows of 2"):
        numpy_code(model, examples=[[1.0, 2.0, 3.0]])


def test_given_examples_are_the_ones_predicted(capsys):
    model = regression()
    examples = [[0.25, -1.5], [2.0, 0.0]]
    ns = _run_numpy_script(numpy_code(model, examples=examples))
    exec(compile(numpy_code(model, examples=examples), "<numpy_code>", "exec"), {"__name__": "__main__"})
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 3
    predicted = ns["predict"](np.array(examples))
    assert f"{predicted[0]}" in out[1] and f"{predicted[1]}" in out[2]


def test_names_saved_with_a_model_file_are_used(fake_keras, capsys):
    from engine.serialization import dumps, loads
    model = softmax_three()
    loaded = loads(dumps(model, metadata={"features": ["price", "shipping"], "classes": ["low", "mid", "high"]}))
    ns = _run_numpy_script(numpy_code(loaded))
    assert ns["FEATURE_NAMES"] == ["price", "shipping"] and ns["CLASS_NAMES"] == ["low", "mid", "high"]
    X = _inputs(model)
    np.testing.assert_allclose(ns["predict_proba"](X), model.predict_proba(X), rtol=0, atol=1e-9)
    # names given by the caller win; metadata that does not fit the model is ignored
    assert "CLASS_NAMES = ['a', 'b', 'c']" in keras_code(loaded, class_names=["a", "b", "c"])
    odd = loads(dumps(model, metadata={"features": ["only one"], "classes": [1, 2, 3]}))
    assert "FEATURE_NAMES = ['x1', 'x2']" in numpy_code(odd) and "CLASS_NAMES = ['class 0'," in numpy_code(odd)


def test_unadapted_normalization_is_refused_plainly():
    model = Sequential([Normalization(), Dense(2, activation="softmax")], input_dim=2, seed=0)
    with pytest.raises(ValueError, match="adapt"):
        numpy_code(model)


# ----- engineered inputs (x1^2, sin x1, ...) computed by the script from the raw columns -----------------------
ENGINEERED = ["x1", "x1^2", "sin_x1", "x1*x2", "x2^2", "sin_x2"]


def engineered_model(selected=ENGINEERED):
    from engine.features import expand
    raw = RNG.normal(size=(80, 2)) * [2.0, 0.7] + [1.0, -0.5]
    X = expand(raw, selected)
    layers = [Normalization().adapt(X), Dense(5, activation="tanh"), Dense(1, activation="sigmoid")]
    return _train(Sequential(layers, seed=13), X, (raw[:, 0] ** 2 + raw[:, 1] > 1.5).astype(int),
                  "binary_crossentropy"), raw


def test_every_engine_feature_has_its_numpy_source():
    from engine.codegen import _FEATURE_SOURCE
    from engine.features import FEATURES
    assert list(_FEATURE_SOURCE) == list(FEATURES)


def test_numpy_code_computes_engineered_inputs_from_raw_columns(tmp_path):
    from engine.features import FEATURES, expand
    model, raw = engineered_model()
    code = numpy_code(model, input_features=ENGINEERED, raw_names=["width", "height"])
    ns = _run_numpy_script(code)
    assert ns["RAW_NAMES"] == ["width", "height"]
    assert ns["FEATURE_NAMES"] == ["width", "width^2", "sin_width", "width*height", "height^2", "sin_height"]
    np.testing.assert_array_equal(ns["features"](raw), expand(raw, ENGINEERED))
    np.testing.assert_allclose(ns["predict"](raw), model.predict(expand(raw, ENGINEERED)), rtol=0, atol=1e-12)
    np.testing.assert_allclose(ns["predict_proba"](raw), model.predict_proba(expand(raw, ENGINEERED)), atol=1e-12)
    # every feature on its own, through the script's own features(): each formula computes what FEATURES does
    for name in FEATURES:
        one = Sequential([Dense(1, activation="sigmoid")], input_dim=1, seed=0)
        single = _run_numpy_script(numpy_code(one, input_features=[name]))
        np.testing.assert_array_equal(single["features"](raw), expand(raw, [name]), err_msg=name)
    # the example rows are real raw points: two columns, from which the script computes the inputs
    main = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        exec(compile(code, "<numpy_code>", "exec"), main)
    assert main["X_example"].shape == (3, 2)
    assert len(printed.getvalue().strip().splitlines()) == 4
    (tmp_path / "engineered_numpy.py").write_text(code, encoding="utf-8")
    (tmp_path / "engineered_keras.py").write_text(keras_code(model, input_features=ENGINEERED), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated",
                             "--select", "E,F,W,I,B,UP", "--line-length", "120", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_keras_code_computes_engineered_inputs_from_raw_columns(fake_keras, capsys):
    from engine.features import expand
    model, raw = engineered_model(["x2", "x1^2"])
    ns, out = _run_keras_script(keras_code(model, input_features=["x2", "x1^2"]), capsys)
    assert ns["X_example"].shape[1] == 2 and len(out.strip().splitlines()) == len(ns["X_example"])
    np.testing.assert_allclose(ns["probabilities"], model.predict_proba(expand(ns["X_example"], ["x2", "x1^2"])),
                               rtol=0, atol=1e-9)


def test_engineered_inputs_from_a_saved_playground_file_and_plain_errors():
    from engine.serialization import dumps, loads
    model, raw = engineered_model(["x1", "sin_x2"])
    loaded = loads(dumps(model, metadata={"playground": {"features": ["x1", "sin_x2"]}}))
    assert "def features(X_raw):" in numpy_code(loaded)
    assert "def features(" not in numpy_code(loads(dumps(model, metadata={"playground": {"features": ["x1"]}})))
    with pytest.raises(ValueError, match="input features"):
        keras_code(model, input_features=["x1", "cos_x1"])
    with pytest.raises(ValueError, match="rows of 2"):
        numpy_code(model, input_features=["x1", "sin_x2"], examples=[[1.0, 2.0, 3.0]])
    assert "def features(" not in numpy_code(binary_one_layer(), input_features=["x1", "x2"])


def test_keras_metric_agrees_with_the_head_table(fake_keras, capsys):
    from engine.heads import HEADS
    keras_class = {"binary_accuracy": "BinaryAccuracy", "accuracy": "CategoricalAccuracy"}
    checked = 0
    for head in HEADS.values():
        if head.keras_metric not in keras_class:
            continue  # a regression head: its metric is not accuracy
        units = 1 if head.kind == "binary" else 3
        model = Sequential([Dense(units, activation=head.output_activation)], input_dim=2, seed=0)
        model.compile(optimizer=Adam(0.01), loss=head.loss, metrics=["accuracy"])
        ns, _ = _run_keras_script(keras_code(model), capsys)
        assert ns["model"].compiled["metrics"][0][0] == keras_class[head.keras_metric], head.name
        checked += 1
    assert checked >= 3
