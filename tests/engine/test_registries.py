"""Every registry entry agrees with everything derived from it: activations, heads and optimizers.

Declarative: each test runs over the whole registry, so a new record is checked without a new test.
"""

import numpy as np
import pytest

from engine import Dense, Sequential, activations, heads, losses, optimizers
from engine.activations import Activation
from engine.datasets import PROBLEMS
from engine.serialization import dumps, loads

ACTIVATION_NAMES = list(activations.ACTIVATIONS)
RNG = np.random.default_rng(0)
# Away from 0 so the kinks of relu and leaky_relu are not straddled by the finite difference.
Z = RNG.choice([-1.0, 1.0], size=(5, 4)) * RNG.uniform(0.2, 2.5, size=(5, 4))
DA = RNG.normal(size=(5, 4))


def _numeric_backward(forward, z, da, h=1e-6):
    """d/dz of sum(da * forward(z)), by central differences: the chain rule backward must give."""
    grad = np.zeros_like(z)
    for index in np.ndindex(z.shape):
        up, down = z.copy(), z.copy()
        up[index] += h
        down[index] -= h
        grad[index] = ((da * forward(up)).sum() - (da * forward(down)).sum()) / (2 * h)
    return grad


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_backward_matches_finite_differences(name):
    record = activations.get(name)
    a = record.forward(Z)
    np.testing.assert_allclose(record.backward(Z, a, DA), _numeric_backward(record.forward, Z, DA), atol=1e-6)


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_fast_kernels_agree_with_forward_and_backward(name):
    """Units-first kernels (softmax over axis 0) give the generic (n, units) results, transposed."""
    record = activations.get(name)
    zT = np.ascontiguousarray(Z.T)
    expected_a = record.forward(Z).T
    forward = activations.forward_kernel(name)
    if forward is None:
        assert name == "linear"
    else:
        out = np.empty_like(zT)
        forward(zT, out)
        np.testing.assert_allclose(out, expected_a, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(activations.apply_inplace_units_first(name, zT.copy()), expected_a,
                               rtol=1e-12, atol=1e-15)
    backward = activations.backward_kernel(name)
    expected_dz = record.backward(Z, record.forward(Z), DA).T
    if backward is None:
        assert name == "linear"
    else:
        da = np.ascontiguousarray(DA.T)
        backward(zT, np.ascontiguousarray(expected_a), da, np.empty_like(zT))
        np.testing.assert_allclose(da, expected_dz, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_numpy_source_defines_the_same_function(name):
    """The export's plain NumPy def, run, computes what the engine computes."""
    record = activations.get(name)
    assert record.numpy_source[0] == f"def {name}(z):"
    namespace = {"np": np}
    exec("\n".join(record.numpy_source), namespace)  # our own source text, as the exported script runs it
    np.testing.assert_allclose(namespace[name](Z), record.forward(Z), rtol=1e-15, atol=0)


def test_activation_table_is_consistent():
    assert all(name == record.name for name, record in activations.ACTIVATIONS.items())
    assert all(isinstance(record.keras_name, str) and record.keras_name for record in activations.ACTIVATIONS.values())
    assert activations.ELEMENTWISE == tuple(n for n, r in activations.ACTIVATIONS.items() if r.elementwise)
    assert "softmax" not in activations.ELEMENTWISE
    with pytest.raises(ValueError, match="Unknown activation 'gelu'"):
        activations.get("gelu")


# ----- heads ----------------------------------------------------------------------------------------
def _data(head: heads.Head, problem: str, n: int = 24):
    """Inputs (n, 2), targets in the loss's form, and the output units for `head` on `problem`."""
    rng = np.random.default_rng(1)
    X = rng.normal(size=(n, 2))
    if head.kind == "regression":
        return X, X @ np.array([[1.0], [-0.5]]) + 2.0, 1   # positive mean, so a relu head can fit it too
    if head.kind == "multilabel":
        return X, (X > 0).astype(float), 2
    classes = 3 if problem == "multiclass" else 2
    labels = np.arange(n) % classes
    if head.kind == "binary":
        return X, labels[:, None].astype(float), 1
    return X, np.eye(classes)[labels], classes


@pytest.mark.parametrize("head", list(heads.HEADS.values()), ids=list(heads.HEADS))
def test_every_head_trains_and_agrees_with_its_kind_metric_and_loss(head):
    assert set(head.problems) <= set(PROBLEMS) and head.loss in losses.LOSSES
    assert losses.head_mismatch(head.output_activation, head.loss) is None
    assert head.keras_metric == {"binary": "binary_accuracy", "multilabel": "binary_accuracy",
                                 "softmax": "accuracy", "regression": "mae"}[head.kind]
    for problem in head.problems:
        X, y, units = _data(head, problem)
        model = Sequential([Dense(4, activation="tanh"), Dense(units, activation=head.output_activation)],
                           input_dim=2, seed=0)
        metrics = [] if head.kind == "regression" else ["accuracy"]
        model.compile(optimizer="adam", loss=head.loss, metrics=metrics)
        before = model.get_weights()
        history = model.fit(X, y, epochs=1, batch_size=None)
        assert np.isfinite(history.history["loss"][0])
        assert any(not np.array_equal(a, b) for a, b in zip(before, model.get_weights(), strict=True))
        assert heads.kind_of(model) == head.kind
        if metrics:
            out = model.predict(X)
            if head.kind == "softmax":
                expected = np.mean(out.argmax(axis=1) == y.argmax(axis=1))   # argmax accuracy
            else:
                expected = np.mean((out > 0.5) == (y > 0.5))                   # per-label threshold
            assert model.evaluate(X, y, return_dict=True)["accuracy"] == pytest.approx(expected)


@pytest.mark.parametrize("problem", PROBLEMS)
def test_auto_head_suits_its_problem(problem):
    head = heads.for_problem(problem)
    assert problem in head.problems
    assert head.kind == {"binary": "binary", "multiclass": "softmax", "multilabel": "multilabel",
                         "regression": "regression"}[problem]


def test_expected_activations_cover_the_heads_and_logits():
    for head in heads.HEADS.values():
        assert head.output_activation in heads.expected_activations(head.loss)
    for name in ("binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"):
        assert heads.expected_activations(name, from_logits=True) == {"linear"}
    assert heads.expected_activations("sparse_categorical_crossentropy") == {"softmax"}
    assert heads.expected_activations("mse") == {"linear", "relu", "softplus"}
    assert heads.expected_activations("hinge") == set()


# ----- optimizers -----------------------------------------------------------------------------------
def _non_default_config(cls) -> dict:
    """Every config key of `cls` set to a value its default is not (all optimizer settings lie in (0, 1))."""
    defaults = cls().get_config()
    return {key: defaults[key] * 0.5 if defaults[key] else 0.3 for key in cls.config_keys}


@pytest.mark.parametrize("name", list(optimizers.OPTIMIZERS))
def test_optimizer_config_and_state_round_trip_through_a_file(name):
    cls = optimizers.OPTIMIZERS[name]
    config = _non_default_config(cls)
    assert set(cls().get_config()) == {"name", *cls.config_keys}
    assert optimizers.from_config({"name": name, **config}).get_config() == {"name": name, **config}
    model = Sequential([Dense(3, activation="tanh"), Dense(1)], input_dim=2, seed=0)
    model.compile(optimizer=cls(**config), loss="mse")
    X = np.random.default_rng(2).normal(size=(8, 2))
    model.fit(X, X[:, :1], epochs=2, batch_size=4)
    state = model.optimizer.get_state()
    assert set(state) == {*cls.state_keys, "last_update", "iterations"} and state["iterations"] == 4
    clone = loads(dumps(model))
    assert type(clone.optimizer) is cls and clone.optimizer.get_config() == model.optimizer.get_config()
    restored = clone.optimizer.get_state()
    assert restored["iterations"] == state["iterations"]
    for key in (*cls.state_keys, "last_update"):
        np.testing.assert_array_equal(restored[key], state[key])
    model.fit(X, X[:, :1], epochs=1, batch_size=4, shuffle=False)
    clone.fit(X, X[:, :1], epochs=1, batch_size=4, shuffle=False)
    np.testing.assert_array_equal(clone.flat_weights, model.flat_weights)


# ----- a new activation, declared only in the registry --------------------------------------------
def _swish_back(z, a, da):
    s = 0.5 * (1.0 + np.tanh(0.5 * z))
    return da * (s + z * s * (1.0 - s))


SWISH = Activation("swish", lambda z: z * 0.5 * (1.0 + np.tanh(0.5 * z)), _swish_back,
                   ("def swish(z):", '    """g(z) = z sigmoid(z)."""', "    return z * 0.5 * (1.0 + np.tanh(0.5 * z))"),
                   keras_name="swish")


def test_an_activation_added_only_to_the_registry_trains_and_saves(monkeypatch):
    monkeypatch.setitem(activations.ACTIVATIONS, "swish", SWISH)
    np.testing.assert_allclose(SWISH.backward(Z, SWISH.forward(Z), DA), _numeric_backward(SWISH.forward, Z, DA),
                               atol=1e-6)
    X = np.random.default_rng(3).normal(size=(16, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(float)
    model = Sequential([Dense(6, activation="swish"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(X, y, epochs=3, batch_size=8)
    assert np.isfinite(history.history["loss"]).all()
    loss_value, grads = model.gradients(X, y)
    assert np.isfinite(loss_value) and all(np.isfinite(g).all() for g in grads)
    clone = loads(dumps(model))
    assert clone.layers[0].activation == "swish"
    np.testing.assert_array_equal(clone.predict(X), model.predict(X))
