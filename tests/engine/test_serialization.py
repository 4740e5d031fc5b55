"""Model files: exact round trips (predictions and continued training) and hostile input refused plainly."""

import json

import numpy as np
import pytest

import engine
from engine import (
    L1,
    SGD,
    Adam,
    Dense,
    Normalization,
    Sequential,
    SparseCategoricalCrossentropy,
    dumps,
    loads,
)


def _data(seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(60, 2)) * [2.0, 300.0] + [1.0, 1000.0]
    return X, ((X[:, 0] - 1) * (X[:, 1] - 1000) > 0).astype(int) + (X[:, 0] > 3).astype(int)


def _trained_model(dtype="float64", optimizer=None):
    X, y = _data()
    norm = Normalization(name="scaler").adapt(X)
    model = Sequential([norm, Dense(8, activation="tanh", kernel_regularizer=L1(0.001)),
                        Dense(6, activation="leaky_relu", kernel_initializer="he_normal"),
                        Dense(3, activation="linear")], seed=42, dtype=dtype, name="demo")
    model.compile(optimizer=optimizer or Adam(0.01), loss=SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(X, y, epochs=3, batch_size=7)
    return model, X, y


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("optimizer", [lambda: Adam(0.01), lambda: SGD(0.05, momentum=0.9)])
def test_round_trip_predicts_and_continues_training_bit_for_bit(dtype, optimizer):
    model, X, y = _trained_model(dtype, optimizer())
    clone = loads(dumps(model))
    assert clone.dtype == model.dtype and clone.seed == 42 and clone.name == "demo"
    assert clone.epochs_trained == 3 and clone.metrics == ["accuracy"]
    assert type(clone.optimizer) is type(model.optimizer)
    assert clone.optimizer.get_config() == model.optimizer.get_config()
    assert clone.loss.get_config() == model.loss.get_config()
    assert clone.normalization is not None and clone.normalization.name == "scaler"
    np.testing.assert_array_equal(clone.predict(X), model.predict(X))
    h_model = model.fit(X, y, epochs=4, batch_size=7)   # shuffles: the RNG state must have travelled too
    h_clone = clone.fit(X, y, epochs=4, batch_size=7)
    assert h_model.history == h_clone.history
    np.testing.assert_array_equal(clone.flat_weights, model.flat_weights)
    assert clone.optimizer.iterations == model.optimizer.iterations


def test_save_and_load_model_files_with_metadata(tmp_path):
    model, X, _ = _trained_model()
    model.metadata = {"features": ["x1", "x2"], "classes": ["a", "b", "c"], "dataset": "custom"}
    path = tmp_path / "model.json"
    model.save(path)
    clone = engine.load_model(path)
    assert clone.metadata == model.metadata
    np.testing.assert_array_equal(clone.predict(X), model.predict(X))
    text = dumps(model, metadata={"classes": ["x"]})
    assert loads(text).metadata == {"classes": ["x"]}
    assert json.loads(text)["format"] == "nn-playground-model"  # plain JSON


def test_uncompiled_model_round_trips():
    model = Sequential([Dense(3, activation="relu"), Dense(1)], input_dim=4, seed=None)
    clone = loads(dumps(model))
    assert clone.loss is None and clone.optimizer is None and clone.seed is None
    for a, b in zip(clone.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_unbuilt_model_cannot_be_saved():
    with pytest.raises(ValueError, match="built"):
        dumps(Sequential([Dense(1)]))


def test_missing_file_is_a_plain_error(tmp_path):
    with pytest.raises(ValueError, match="Cannot read"):
        engine.load_model(tmp_path / "nope.json")


def _document():
    model, _, _ = _trained_model()
    return json.loads(dumps(model))


def _nested(depth: int):
    value = 1.0
    for _ in range(depth):
        value = [value]
    return value


def _mutations():
    """(label, function that spoils a valid document) for every kind of bad file."""
    def setter(path, value):
        def spoil(doc):
            target = doc
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
            return doc
        return spoil
    return {
        "wrong format": setter(["format"], "keras"),
        "future version": setter(["version"], 99),
        "unknown top-level key": setter(["__class__"], "os.system"),
        "unknown activation": setter(["layers", 0, "activation"], "__import__('os')"),
        "unknown initializer": setter(["layers", 0, "kernel_initializer"], "pickle"),
        "unknown regularizer": setter(["layers", 0, "kernel_regularizer"], {"name": "l3", "rate": 0.1}),
        "negative regularizer rate": setter(["layers", 0, "kernel_regularizer"], {"name": "l1", "rate": -1}),
        "unknown loss": setter(["loss", "name"], "hinge"),
        "from_logits not bool": setter(["loss", "from_logits"], "yes"),
        "unknown optimizer": setter(["optimizer", "config", "name"], "lbfgs"),
        "negative learning rate": setter(["optimizer", "config", "learning_rate"], -0.1),
        "string learning rate": setter(["optimizer", "config", "learning_rate"], "0.1"),
        "extra optimizer setting": setter(["optimizer", "config", "exec"], 1),
        "unknown metric": setter(["metrics"], ["f1"]),
        "zero units": setter(["layers", 0, "units"], 0),
        "huge units": setter(["layers", 0, "units"], 10**9),
        "float units": setter(["layers", 0, "units"], 8.0),
        "too many layers": lambda doc: {**doc, "layers": doc["layers"] * 100},
        "huge input_dim": setter(["input_dim"], 10**7),
        "bool input_dim": setter(["input_dim"], True),
        "wrong weight shape": setter(["weights", 0], [[1.0, 2.0]]),
        "too few weights": lambda doc: {**doc, "weights": doc["weights"][:-1]},
        "string weights": setter(["weights", 1], ["1"] * 8),
        "ragged weights": setter(["weights", 0], [[1.0] * 8, [1.0] * 7]),
        "object in weights": setter(["weights", 1], [{"a": 1}] * 8),
        "null weights": setter(["weights", 1], None),
        "nested junk weights": setter(["weights", 1], _nested(25)),
        "wrong adam state size": setter(["optimizer", "state", "m"], [0.0, 1.0]),
        "negative adam v": lambda doc: setter(["optimizer", "state", "v"], [-1.0] * len(doc["optimizer"]["state"]["v"]))(doc),
        "unknown optimizer state": setter(["optimizer", "state", "payload"], [1.0]),
        "normalization variance zero": lambda doc: setter(["normalization", "variance"], [0.0, 1.0])(doc),
        "normalization wrong size": setter(["normalization", "mean"], [0.0]),
        "bad dtype": setter(["dtype"], "object"),
        "negative seed": setter(["seed"], -5),
        "string seed": setter(["seed"], "42"),
        "foreign bit generator": setter(["rng_state", "bit_generator"], "MT19937"),
        "rng state too big": setter(["rng_state", "state", "state"], 2**200),
        "metadata not a dict": setter(["metadata"], ["features"]),
        "negative epochs_trained": setter(["epochs_trained"], -1),
        "layers not a list": setter(["layers"], {"units": 3}),
    }


@pytest.mark.parametrize("label", list(_mutations()))
def test_hostile_or_malformed_documents_raise_value_error(label):
    document = _mutations()[label](_document())
    with pytest.raises(ValueError, match="Not a valid model file"):
        loads(json.dumps(document))


@pytest.mark.parametrize("text", [
    "", "not json", "{", "[]", "null", "42", '"a string"',
    '{"format": "nn-playground-model", "version": 1, "weights": NaN}',
    '{"format": "nn-playground-model", "version": 1, "seed": Infinity}',
    "[" * 200_000 + "]" * 200_000,
    b"\xff\xfe not utf-8",
    '{"format": "nn-playground-model", "version": 1, "seed": ' + "9" * 5000 + "}",
])
def test_garbage_text_raises_value_error(text):
    with pytest.raises(ValueError, match="Not a valid model file"):
        loads(text)


def test_nan_weights_in_an_otherwise_valid_file_are_refused():
    text = dumps(_trained_model()[0])
    document = json.loads(text)
    first = json.dumps(document["weights"][1][0])
    spoiled = text.replace(first, "NaN", 1)
    assert spoiled != text
    with pytest.raises(ValueError, match="Not a valid model file"):
        loads(spoiled)


def test_oversized_text_is_refused_before_parsing(monkeypatch):
    from engine import serialization

    monkeypatch.setattr(serialization, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(ValueError, match="too large"):
        loads(" " * 1001)


def test_nan_metadata_cannot_be_written():
    model, _, _ = _trained_model()
    with pytest.raises(ValueError, match="JSON"):
        dumps(model, metadata={"score": float("nan")})
    with pytest.raises(ValueError, match="dict"):
        dumps(model, metadata=["features"])
