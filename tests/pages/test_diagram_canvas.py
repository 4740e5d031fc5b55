"""The live diagram's canvas data (`ui.diagram_canvas.diagram_data`) and its events as the page's callback applies
them (`ui.hands_on.on_diagram_event`): a neuron clicked, a weight or bias typed on the diagram, forged events."""

import base64
import json

import numpy as np
import pytest
import streamlit

from engine import Dense, Normalization, Sequential
from ui import diagram_canvas, hands_on
from ui.chart_style import NEGATIVE_COLOR, POSITIVE_COLOR
from ui.diagram import unit_maps
from ui.maps import field_colors


def small_model(hidden=(3,), n_in=2, seed=0) -> Sequential:
    X = np.random.default_rng(seed).normal(size=(50, n_in))
    model = Sequential([Normalization().adapt(X)] + [Dense(u, "tanh") for u in hidden] + [Dense(1, "sigmoid")],
                       seed=seed)
    model.build(n_in)
    return model


def node_maps(model, r=6):
    g = np.stack(np.meshgrid(np.linspace(-1, 1, r), np.linspace(-1, 1, r)), -1).reshape(-1, 2)
    return unit_maps([model.normalize(g)] + [o["a"] for o in model.layer_outputs(g)], r), g


def test_data_holds_each_layer_its_weights_biases_and_node_maps_as_rgb_bytes():
    model = small_model((3,))
    maps, _ = node_maps(model)
    d = diagram_canvas.diagram_data(model, ["x1", "x2"], ["class 1"], maps, selected=(0, 2))
    assert d["sizes"] == [2, 3, 1] and d["acts"] == ["", "tanh", "sigmoid"] and d["inputs"] == ["x1", "x2"]
    W1, b1, W2, b2 = model.get_weights()
    assert np.allclose(np.reshape(d["W"][0], (2, 3)), W1, atol=1e-6) and np.allclose(d["b"][1], b2, atol=1e-6)
    assert d["links"] is None and d["selected"] == [0, 2]
    rgb = np.frombuffer(base64.b64decode(d["maps"]["rgb"]), np.uint8).reshape(6, 6, 6, 3)  # 6 nodes, r = 6
    # Hidden neuron 1 (node 3): its output scaled by its own largest |value|, row 0 at the top (highest x2).
    own = maps[1][1] / np.abs(maps[1][1]).max()
    expected = np.rint(field_colors(own, "regression", value_domain=(-1, 1))[::-1] * 255)
    assert np.abs(rgb[3].astype(int) - expected).max() <= 1
    # The output is a probability: drawn on the decision map's binary scale.
    assert np.abs(rgb[5].astype(int) - np.rint(field_colors(maps[2][0], "binary")[::-1] * 255)).max() <= 1
    assert (d["positive"], d["negative"]) == (POSITIVE_COLOR, NEGATIVE_COLOR)
    # The sign decides the colour in the browser: the data keeps each weight's sign.
    assert [np.sign(v) for v in d["W"][1]] == [np.sign(v) for v in W2.ravel()]


def test_a_big_network_sends_only_its_strongest_links_and_stays_small():
    model = small_model((64, 64, 64))
    d = diagram_canvas.diagram_data(model, ["x1", "x2"], ["y"], None, selected=(9, 9), link=(0, 5, 1))
    weights = np.concatenate([layer.W.ravel() for layer in model.layers])
    assert len(d["links"]) == diagram_canvas.MAX_LINKS == 1000
    assert np.abs(weights[d["links"]]).min() >= np.sort(np.abs(weights))[-1000]
    assert d["selected"] is None and d["link"] is None  # a neuron / link this network does not have
    assert len(json.dumps(d, allow_nan=False)) < 120_000  # 8.4k weights: one tick's message


def test_the_default_network_with_maps_is_a_small_message():
    model = small_model((8, 8, 8))
    maps, _ = node_maps(model, 12)
    d = diagram_canvas.diagram_data(model, ["x1", "x2"], ["class 1"], maps)
    size = len(json.dumps(d, allow_nan=False))
    assert size < 24_000, size  # 27 nodes x 12 x 12 RGB (base64) + 152 weights
    model.layers[1].W[0, 0] = np.nan  # a diverged weight: still valid JSON (drawn as 0)
    assert json.dumps(diagram_canvas.diagram_data(model, ["x1", "x2"], None, None), allow_nan=False)


@pytest.fixture
def state(monkeypatch):
    """st.session_state as a plain dict: the callbacks run outside a Streamlit run."""
    fake = {}
    monkeypatch.setattr(streamlit, "session_state", fake)
    return fake


def send(state, payload):
    state[hands_on.VIEW_KEY] = {"event": payload}
    hands_on.on_diagram_event()


def test_a_typed_weight_and_bias_change_the_prediction_as_the_engine_computes(state):
    model = small_model((3,))
    state["pg.model"] = model
    X = np.random.default_rng(1).normal(size=(5, 2))
    send(state, {"set": {"layer": 1, "name": "W", "index": [2, 0], "value": -1.75}})
    send(state, {"set": {"layer": 0, "name": "b", "index": [1], "value": 2.5}})
    W1, b1, W2, b2 = model.get_weights()
    assert W2[2, 0] == -1.75 and b1[1] == 2.5 and state[hands_on.EDITED_KEY]
    hidden = np.tanh(model.normalize(X) @ W1 + b1)
    assert np.allclose(model.predict_proba(X), 1 / (1 + np.exp(-(hidden @ W2 + b2))))


def test_a_click_on_a_neuron_selects_it_and_a_link_is_only_marked(state):
    state["pg.model"] = small_model((3,))
    send(state, {"neuron": [0, 2]})
    assert state[hands_on.NEURON_KEY] == (0, 2)
    send(state, {"link": [1, 2, 0]})
    assert state[hands_on.LINK_KEY] == (1, 2, 0) and state[hands_on.NEURON_KEY] == (0, 2)


@pytest.mark.parametrize("payload", [
    {"set": {"layer": 0, "name": "W", "index": [0, 0], "value": "nan"}},
    {"set": {"layer": 0, "name": "W", "index": [0, 0], "value": float("inf")}},
    {"set": {"layer": 0, "name": "W", "index": [0, 0], "value": "<b>1</b>"}},
    {"set": {"layer": 0, "name": "W", "index": [7, 0], "value": 1.0}},
    {"set": {"layer": 0, "name": "W", "index": [-1, 0], "value": 1.0}},
    {"set": {"layer": 5, "name": "b", "index": [0], "value": 1.0}},
    {"set": {"layer": 0, "name": "X", "index": [0], "value": 1.0}},
    {"set": {"layer": 0, "name": "b", "index": [0, 0], "value": 1.0}},
    {"set": "1.0"}, {"neuron": [4, 0]}, {"neuron": "a"}, {"link": [0, 9, 0]}, {"drop": 1}, None,
])
def test_a_forged_or_bad_event_changes_nothing(state, payload):
    model = small_model((3,))
    state["pg.model"] = model
    before = [w.copy() for w in model.get_weights()]
    send(state, payload)
    assert all(np.array_equal(a, b) for a, b in zip(before, model.get_weights(), strict=True))
    assert hands_on.NEURON_KEY not in state and hands_on.LINK_KEY not in state
