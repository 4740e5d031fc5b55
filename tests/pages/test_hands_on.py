"""Drawn data and hand-set weights: the pure edit functions, and the Playground under AppTest (a map click as the
canvas reports it, edit mode, undo, restore, CSV, a typed bias/weight on the running model)."""

from pathlib import Path

import numpy as np
import pytest

from tests.pages.test_playground import map_data, open_page
from ui import data_edits

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "1_Playground.py")


def test_edits_apply_in_order_and_removal_counts_rows_of_the_edited_set():
    X, y = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]), np.array([0, 1, 0])
    edits = [{"op": "add", "x": [5, 6], "y": 1}, {"op": "remove", "index": 0}, {"op": "remove", "index": 2}]
    X2, y2 = data_edits.apply_edits(X, y, edits, "binary", 2)
    assert X2.tolist() == [[1.0, 1.0], [2.0, 2.0]] and y2.tolist() == [1, 0]  # index 2 was the added point


@pytest.mark.parametrize("edit", [
    {"op": "add", "x": [1, 2], "y": 7},  # no such class
    {"op": "add", "x": [1, float("nan")], "y": 0},
    {"op": "add", "x": [1], "y": 0},
    {"op": "add", "x": "12", "y": 0},
    {"op": "add", "x": [1, 2], "y": True},
    {"op": "remove", "index": 99},
    {"op": "remove", "index": "0"},
    {"op": "drop table"},
    "add",
])
def test_a_malformed_edit_is_skipped(edit):
    X, y = np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([0, 1])
    X2, y2 = data_edits.apply_edits(X, y, [edit], "binary", 2)
    assert X2.tolist() == X.tolist() and y2.tolist() == y.tolist()


def test_regression_edits_keep_typed_values():
    X2, y2 = data_edits.apply_edits(np.zeros((1, 2)), np.array([0.5]), [{"op": "add", "x": [1, 1], "y": -2.25}],
                                    "regression", 0)
    assert y2.tolist() == [0.5, -2.25]


def test_a_click_near_a_point_removes_it_else_adds_one_there():
    X = np.array([[0.0, 0.0], [10.0, 10.0]])
    assert data_edits.click_edit(X, (0.1, -0.1), 1, scale=(20, 20)) == {"op": "remove", "index": 0}
    assert data_edits.click_edit(X, (3.0, 4.0), 1, scale=(20, 20)) == {"op": "add", "x": [3.0, 4.0], "y": 1}


def test_csv_of_the_edited_set_reads_back():
    text = data_edits.to_csv(np.array([[1.5, -2.0]]), np.array([1]), ["x1", "x2"], "label")
    assert text.splitlines() == ["x1,x2,label", "1.5,-2,1"]


def test_edit_mode_adds_and_removes_points_and_training_goes_on_without_a_reset():
    at = open_page(dataset="spiral")
    data = at.session_state["pg.bundle"][1]
    n = data.train.n_examples
    at.button(key="pg_step").click().run()
    model = at.session_state["pg.model"]
    assert model.epochs_trained == 1
    # The edits as the map's callback writes them: one point added, then that point removed.
    at.toggle(key="pg.edit_mode").set_value(True).run()
    at.session_state["pg.edits"] = [{"op": "add", "x": [4.5, -4.5], "y": 1}]
    at.run()
    edited = at.session_state["pg.bundle"][1]
    assert edited.train.n_examples == n + 1 and edited.train.X[-1].tolist() == [4.5, -4.5]
    assert at.session_state["pg.model"] is model  # the same model keeps training on the edited set
    at.button(key="pg_step").click().run()
    assert at.session_state["pg.model"].epochs_trained == 2
    assert any("1 edit(s)" in c.value for c in at.caption)
    at.button(key="pg_undo").click().run()
    assert at.session_state["pg.bundle"][1].train.n_examples == n and at.session_state["pg.edits"] == []
    # A forged edit list (a saved run from elsewhere) is read without a traceback.
    at.session_state["pg.edits"] = [{"op": "remove", "index": 10**9}, {"op": "add", "x": "<b>", "y": 0}]
    at.run()
    assert not at.exception and at.session_state["pg.bundle"][1].train.n_examples == n


def test_changing_the_data_drops_the_edits():
    at = open_page(dataset="spiral")
    at.session_state["pg.edits"] = [{"op": "add", "x": [1.0, 1.0], "y": 0}]
    at.run()
    at.selectbox(key="w.dataset").set_value("circle").run()
    assert at.session_state["pg.edits"] == []


def test_a_typed_bias_and_weight_change_the_prediction_as_the_engine_computes():
    at = open_page(dataset="spiral", hidden="3", acts="tanh")
    model = at.session_state["pg.model"]
    X = at.session_state["pg.bundle"][1].X_test[:5]
    decision_map = map_data(at)["rgb"]
    at.selectbox(key="w.hand_neuron").set_value((1, 0)).run()  # the output neuron
    assert at.session_state["pg.selected_neuron"] == (1, 0)
    at.number_input(key="w.hand_bias").set_value(2.5).run()
    at.selectbox(key="w.hand_from").set_value(1).run()
    at.number_input(key="w.hand_weight").set_value(-1.75).run()
    assert at.session_state["pg.model"] is model
    W1, b1, W2, b2 = model.get_weights()
    assert b2[0] == 2.5 and W2[1, 0] == -1.75
    # By hand: normalised inputs -> tanh layer -> sigmoid output, with the typed numbers.
    hidden = np.tanh(model.normalize(X) @ W1 + b1)
    expected = 1 / (1 + np.exp(-(hidden @ W2 + b2)))
    assert np.allclose(model.predict_proba(X), expected)
    # The map shows the chosen neuron's output in place of the decision map; "none" brings the decision map back.
    assert map_data(at)["rgb"] != decision_map
    at.selectbox(key="w.hand_neuron").select_index(0).run()  # "none (decision map)"
    assert at.session_state["pg.selected_neuron"] is None and not at.exception
