"""The Playground page under AppTest: every control changes what it should; ticks train; URLs restore; errors."""

import base64
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from ui import playground as pg
from ui.state import FIELDS_BY_NAME, parse

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "1_Playground.py")


def open_page(**params) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def model_of(at):
    return at.session_state["pg.model"]


def _elements(at, kind: str) -> list:
    found = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            if child.type == kind:
                found.append(child)
            walk(child)

    walk(at._tree)
    return found


def chart_datasets(at) -> dict:
    """Name -> pyarrow Table of the live Vega charts (the curves and bars below; a Vega map for
    multi-label and one-input data), datasets named "<view>_<frame>" (diagram, fit, map, classes, curves, point)."""
    import pyarrow as pa

    charts = _elements(at, "vega_lite_chart")  # none but the per-class maps (and the Vega maps of some data)
    assert len(charts) <= 2
    return {d.name: pa.ipc.open_stream(d.data.data).read_all() for chart in charts for d in chart.proto.datasets}


def component_data(at, key: str) -> dict:
    """The data the custom component with `key` got in this run (it is drawn exactly once)."""
    import json

    found = [element for element in _elements(at, "bidi_component") if element.key == key]
    assert len(found) == 1, [element.key for element in _elements(at, "bidi_component")]
    return json.loads(found[0].proto.json)


def view_part(at, part: str) -> dict | None:
    """One part ("status", "diagram", "map", "curves") of the live view (`ui.live_canvas`) as this run sent it: the
    one component, or, around a Vega map, the one of its three that draws the part."""
    import json

    views = [json.loads(e.proto.json) for e in _elements(at, "bidi_component") if e.key.startswith("pg_view")]
    assert views, [element.key for element in _elements(at, "bidi_component")]
    drawn = [view[part] for view in views if view[part] is not None]
    assert len(drawn) <= 1
    return drawn[0] if drawn else None


def map_data(at) -> dict:
    """The canvas map's data (`ui.map_canvas.map_data`) as this run sent it."""
    return view_part(at, "map")


def diagram_data(at) -> dict:
    """The canvas diagram's data (`ui.diagram_canvas.diagram_data`) as this run sent it."""
    return view_part(at, "diagram")


def curves_shown(at) -> dict:
    """The curves canvas's data (`ui.curves_canvas.curves_data`) as this run sent it."""
    return view_part(at, "curves")


def status(at) -> str:
    """The status line above the live chart (epoch, losses, accuracies)."""
    line = view_part(at, "status")
    return "  ·  ".join(f"{label} **{value}**" for label, value in line["parts"]) + "\n\n" + "\n".join(line["notes"])


def test_default_page_builds_the_default_network_and_shows_live_views():
    at = open_page()
    model = model_of(at)
    assert [layer.units for layer in model.layers] == [8, 8, 8, 1]  # ui.state's default network
    assert [layer.activation for layer in model.layers] == ["tanh", "tanh", "tanh", "sigmoid"]
    assert model.epochs_trained == 0
    # map, diagram, curves and the picked point's bars, each a chart in its keyed container
    shown = map_data(at)
    assert shown["res"] == [pg.MAP_RESOLUTION, pg.MAP_RESOLUTION]  # the map's colours, one per grid cell
    assert len(base64.b64decode(shown["rgb"])) == 3 * pg.MAP_RESOLUTION ** 2
    diagram = diagram_data(at)
    assert diagram["sizes"] == [2, 8, 8, 8, 1]
    # each neuron's map, inside its node: r x r RGB bytes per node
    assert len(base64.b64decode(diagram["maps"]["rgb"])) == (2 + 8 + 8 + 8 + 1) * 3 * pg.NODE_MAP_RESOLUTION ** 2
    assert len(shown["points"]["x"]) == 400
    assert sum(len(w) for w in diagram["W"]) == 2 * 8 + 8 * 8 + 8 * 8 + 8 * 1 and diagram["links"] is None
    bars = curves_shown(at)["bars"]
    assert len(bars["values"]) == 2 and sum(bars["values"]) == pytest.approx(1, abs=1e-3)
    assert "epoch **0**" in status(at)
    assert at.button(key="pg_play").label == "Play"


def test_adding_and_removing_layers_changes_the_model_and_the_url():
    at = open_page(hidden="4,2", acts="tanh,tanh")
    at.button(key="w.add_layer").click().run()
    assert [layer.units for layer in model_of(at).layers] == [4, 2, 2, 1]
    assert at.query_params["hidden"] == "4,2,2"
    at.button(key="w.remove_layer").click().run()
    at.button(key="w.remove_layer").click().run()
    assert [layer.units for layer in model_of(at).layers] == [4, 1]
    at.button(key="w.remove_layer").click().run()
    assert [layer.units for layer in model_of(at).layers] == [1]  # no hidden layer: logistic regression
    assert at.button(key="w.remove_layer").disabled


def test_units_and_activation_per_layer():
    at = open_page(hidden="4,2", acts="tanh,tanh")
    at.number_input(key="w.units.0").set_value(9).run()
    at.selectbox(key="w.act.1").set_value("relu").run()
    model = model_of(at)
    assert [layer.units for layer in model.layers] == [9, 2, 1]
    assert [layer.activation for layer in model.layers] == ["tanh", "relu", "sigmoid"]
    assert at.query_params["acts"] == "tanh,relu"


def test_head_override_and_mismatch_warning():
    at = open_page()
    assert not at.warning
    at.selectbox(key="w.head").set_value("softmax").run()
    model = model_of(at)
    assert model.output_units == 2 and model.output_activation == "softmax"
    assert not at.warning  # softmax + categorical cross-entropy belong together
    at.selectbox(key="w.loss").set_value("mse").run()
    assert any("mean squared" in w.value or "mse" in w.value for w in at.warning), [w.value for w in at.warning]


def test_step_trains_one_epoch_and_changes_weights_and_loss():
    at = open_page()
    before = model_of(at).get_weights()
    at.button(key="pg_step").click().run()
    model = model_of(at)
    assert model.epochs_trained == 1
    assert any(not np.allclose(a, b) for a, b in zip(before, model.get_weights(), strict=True))
    assert len(at.session_state["pg.history"]["loss"]) == 1
    assert "epoch **1**" in status(at) and "test accuracy" in status(at)


def test_play_then_each_run_is_one_tick():
    at = open_page(epochs_per_tick="7")
    at.button(key="pg_play").click().run()
    assert at.session_state["pg.playing"]
    first_epochs = model_of(at).epochs_trained
    assert first_epochs == 7
    losses = list(at.session_state["pg.history"]["loss"])
    map_before = map_data(at)["rgb"]
    at.run()
    map_after = map_data(at)["rgb"]
    assert map_before != map_after  # the boundary is redrawn with the trained model
    assert model_of(at).epochs_trained == 14
    assert at.session_state["pg.history"]["loss"][-1] != losses[-1]
    at.button(key="pg_play").click().run()  # pause
    assert not at.session_state["pg.playing"]
    assert at.button(key="pg_play").label == "Play"


def test_learning_rate_and_optimizer_changes_keep_training():
    at = open_page()
    at.button(key="pg_step").click().run()
    at.button(key="pg_step").click().run()
    model = model_of(at)
    weights = model.get_weights()
    at.selectbox(key="w.lr").set_value(0.1).run()
    assert model_of(at) is model and model.epochs_trained == 2
    assert model.optimizer.learning_rate == 0.1
    assert all(np.array_equal(a, b) for a, b in zip(weights, model.get_weights(), strict=True))
    at.segmented_control(key="w.optimizer").set_value("sgd").run()
    at.slider(key="w.momentum").set_value(0.5).run()
    assert model_of(at) is model and model.optimizer.name == "sgd" and model.optimizer.momentum == 0.5
    at.selectbox(key="w.reg").set_value("l2").run()
    assert model_of(at) is model and model.layers[0].kernel_regularizer.name == "l2"
    at.button(key="pg_step").click().run()
    assert model_of(at).epochs_trained == 3


def test_structural_changes_rebuild_and_reset_rebuilds_the_same_start():
    at = open_page()
    start = model_of(at).get_weights()
    at.button(key="pg_step").click().run()
    at.button(key="pg_reset").click().run()
    assert model_of(at).epochs_trained == 0
    assert all(np.array_equal(a, b) for a, b in zip(start, model_of(at).get_weights(), strict=True))
    at.number_input(key="w.seed").set_value(5).run()
    assert not np.array_equal(model_of(at).get_weights()[0], start[0])
    at.selectbox(key="w.dataset").set_value("blobs").run()
    assert model_of(at).output_units == 3 and model_of(at).output_activation == "softmax"


def test_feature_toggles_change_the_input_layer():
    at = open_page()
    at.pills(key="w.features").set_value(["x1", "x2", "x1^2", "x2^2"]).run()
    assert model_of(at).input_dim == 4
    at.pills(key="w.features").set_value([]).run()  # refused: the network needs an input
    assert model_of(at).input_dim == 4
    assert at.warning


def test_url_parameters_restore_a_configuration():
    at = open_page(dataset="xor", hidden="8,8,4", acts="relu,relu,relu", lr="0.1", optimizer="sgd",
                   momentum="0.9", batch="20", seed="3", features="x1,x2,x1*x2")
    model = model_of(at)
    assert [layer.units for layer in model.layers] == [8, 8, 4, 1]
    assert [layer.activation for layer in model.layers[:-1]] == ["relu"] * 3
    assert model.input_dim == 3 and model.optimizer.name == "sgd" and model.optimizer.momentum == 0.9
    assert model.optimizer.learning_rate == 0.1
    assert at.selectbox(key="w.dataset").value == "xor"
    assert not at.warning
    assert at.query_params["hidden"] == "8,8,4"  # written back unchanged


def test_coming_back_without_parameters_keeps_what_the_learner_built():
    """The sidebar link back from a lesson carries no query: the session's configuration and model stay."""
    at = open_page(dataset="xor", hidden="8,8,8", acts="relu,relu,relu")
    model = model_of(at)
    at.button(key="pg_step").click().run()
    trained = model.get_weights()
    for name in list(at.query_params):
        del at.query_params[name]
    at.run()
    assert at.session_state["pg.dataset"] == "xor" and at.session_state["pg.hidden"] == (8, 8, 8)
    assert model_of(at) is model and model.epochs_trained == 1
    assert all(np.array_equal(a, b) for a, b in zip(model.get_weights(), trained, strict=True))


def test_invalid_url_parameters_fall_back_with_a_warning():
    at = open_page(dataset="nope", hidden="4,x", lr="-1", noise="0.2")
    assert at.session_state["pg.dataset"] == "circle"
    assert at.session_state["pg.hidden"] == FIELDS_BY_NAME["hidden"].default
    assert at.session_state["pg.lr"] == FIELDS_BY_NAME["lr"].default
    assert at.session_state["pg.noise"] == 0.2
    text = " ".join(w.value for w in at.warning)
    assert "dataset" in text and "hidden" in text and "lr" in text and "noise" not in text


def test_divergence_pauses_keeps_finite_weights_and_says_what_to_do():
    at = open_page(optimizer="sgd", lr="100", hidden="8,8", acts="relu,relu", init="he_normal",
                   dataset="plane", epochs_per_tick="50")
    at.button(key="pg_play").click().run()
    for _ in range(3):
        if at.session_state["pg.diverged"]:
            break
        at.run()
    assert at.session_state["pg.diverged"], "training at lr 100 should blow up"
    assert not at.session_state["pg.playing"]
    assert all(np.isfinite(w).all() for w in model_of(at).get_weights())
    assert any("learning rate" in e.value and "10" in e.value for e in at.error), [e.value for e in at.error]
    assert not at.exception


GOOD_TABLE = "a,b,label\n" + "\n".join(f"{i % 7},{(i * 3) % 5},{i % 2}" for i in range(40))


def test_upload_then_a_bad_upload_keeps_data_and_model():
    at = open_page(dataset="upload")
    assert at.session_state["pg.model"] is None if "pg.model" in at.session_state else True
    at.text_area(key="pg_upload.paste").set_value(GOOD_TABLE).run()
    at.button(key="pg_upload.use").click().run()
    model = model_of(at)
    data = at.session_state["pg.upload_ds"]
    assert model is not None and model.input_dim == 2 and data.n_examples == 40
    at.text_area(key="pg_upload.paste").set_value("a,b\n1,\x00\nnot a table").run()
    assert at.error
    assert model_of(at) is model and at.session_state["pg.upload_ds"] is data
    assert not at.exception


def test_chinese_labels():
    at = open_page(lang="zh")
    assert at.button(key="pg_play").label == "开始"
    assert at.title[0].value == "神经网络游乐场"
    assert at.button(key="pg_step").label.startswith("单步")
    assert "迭代次数" in status(at)
    assert at.selectbox(key="w.head").options[0] == "自动（按数据）"


def test_a_big_network_from_a_link_draws_its_strongest_weights():
    at = open_page(hidden="64,64,64", acts="relu,relu,relu", epochs_per_tick="100")
    model = model_of(at)
    assert [layer.units for layer in model.layers] == [64, 64, 64, 1]
    assert at.number_input(key="w.units.0").value == 64  # the page's 1..16 widget stretches to the link's 64
    links = diagram_data(at)["links"]  # indices into the layers' W, row-major, concatenated
    assert len(links) == 1000
    weights = np.concatenate([layer.W.ravel() for layer in model.layers])
    assert np.abs(weights[links]).min() >= np.sort(np.abs(weights))[-1000] - 1e-12
    assert diagram_data(at)["maps"] is None  # 193 nodes: too many to draw a map in each
    at.button(key="pg_step").click().run()
    assert model_of(at).epochs_trained == 1 and not at.exception


def test_per_class_maps_for_softmax():
    at = open_page(dataset="blobs")
    assert len(map_data(at)["points"]["x"]) == 400 and len(map_data(at)["palette"]) == 3
    assert "classes_field0" not in chart_datasets(at)
    at.toggle(key="pg_class_maps").set_value(True).run()
    assert chart_datasets(at).keys() >= {"classes_field0", "classes_field1", "classes_field2"}


def test_softmax_and_regression_sets_draw_without_errors():
    for dataset in ("multi_spiral", "multilabel", "plane", "iris"):
        at = open_page(dataset=dataset)
        at.button(key="pg_step").click().run()
        assert not at.exception, dataset
        assert model_of(at).epochs_trained == 1, dataset


def test_history_is_thinned_to_the_cap():
    history = pg.empty_history()
    for start in range(1, 5000, 50):
        epochs = list(range(start, start + 50))
        pg.record(history, epochs, {"loss": [float(e) for e in epochs], "val_loss": [0.0] * 50})
    assert len(history["epoch"]) <= pg.HISTORY_CAP
    assert history["epoch"][-1] >= 4990 - history["stride"]
    steps = np.diff(history["epoch"])
    assert (steps == history["stride"]).all()
    assert history["loss"] == [float(e) for e in history["epoch"]]


@pytest.mark.parametrize("text, expected", [("8,8", (8, 8)), ("", ()), ("65", FIELDS_BY_NAME["hidden"].default),
                                                   ("1,2,3,4,5,6,7,8,9", FIELDS_BY_NAME["hidden"].default)])
def test_hidden_field_parsing(text, expected):
    assert parse(FIELDS_BY_NAME["hidden"], text) == expected


def test_an_impossible_network_says_why_and_keeps_the_settings():
    at = open_page(loss="categorical_crossentropy", hidden="6")  # one sigmoid output cannot hold K classes
    assert at.session_state["pg.model"] is None
    assert any("cannot be built" in e.value for e in at.error), [e.value for e in at.error]
    assert at.button(key="pg_play").disabled and at.button(key="pg_step").disabled
    assert at.session_state["pg.hidden"] == (6,)  # nothing the user built is lost
    at.selectbox(key="w.head").set_value("softmax").run()  # a head that fits: the model appears
    assert model_of(at) is not None and model_of(at).output_units == 2
    assert not at.error


def test_repeated_features_in_a_link_are_one_input_each():
    at = open_page(features="x1,x1,x2,x1")
    assert at.session_state["pg.features"] == ("x1", "x2")
    assert model_of(at).input_dim == 2
    assert "features" not in at.query_params  # written back as the default it now equals


def test_a_link_with_thousands_of_list_items_falls_back_with_a_warning():
    at = open_page(features=",".join(["x1"] * 5000), hidden=",".join(["4"] * 5000))
    assert not at.exception
    assert at.session_state["pg.features"] == FIELDS_BY_NAME["features"].default
    assert at.session_state["pg.hidden"] == FIELDS_BY_NAME["hidden"].default
    assert model_of(at).input_dim == len(FIELDS_BY_NAME["features"].default)
    text = " ".join(w.value for w in at.warning)
    assert "features" in text and "hidden" in text


def test_one_activation_in_a_link_is_applied_to_every_layer_without_a_warning():
    at = open_page(acts="relu")
    assert at.session_state["pg.acts"] == ("relu",) * len(FIELDS_BY_NAME["hidden"].default)
    assert [layer.activation for layer in model_of(at).layers[:-1]] == ["relu"] * len(FIELDS_BY_NAME["hidden"].default)
    assert not any("acts" in w.value for w in at.warning)


def _adopt_in_page(hidden_units: list[int]) -> AppTest:
    def script():
        import streamlit as st

        import ui.playground as pg
        from engine import Dense, Sequential
        from engine.datasets import make_dataset
        from ui.state import FIELDS

        config = {field.name: field.default for field in FIELDS}
        data = pg.make_bundle(make_dataset("circle", n_points=60, seed=0), config)
        layers = [Dense(units, activation="tanh") for units in st.session_state["units"]]
        loaded = Sequential([*layers, Dense(1, activation="sigmoid")], input_dim=2, seed=0)
        st.session_state["reason"] = pg.adopt_model(loaded, data)

    at = AppTest.from_function(script, default_timeout=60)
    at.session_state["units"] = hidden_units
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_model_file_is_held_to_the_playgrounds_own_limits():
    limit = int(FIELDS_BY_NAME["hidden"].high)
    assert _adopt_in_page([4, 4]).session_state["reason"] is None
    too_wide = _adopt_in_page([limit + 1]).session_state["reason"]
    assert str(limit) in too_wide and "Nothing was changed" in too_wide
    assert _adopt_in_page([4] * 9).session_state["reason"] is not None


@pytest.mark.parametrize("dataset, head, warned", [
    ("plane", "relu", True),      # signed targets: ReLU outputs only >= 0 (it died at 0 everywhere)
    ("plane", "linear", False),
    ("house_price", "relu", False),  # never negative: ReLU is the notes' choice
])
def test_a_head_that_cannot_reach_the_targets_range_is_named(dataset, head, warned):
    at = open_page(dataset=dataset, head=head)
    texts = [w.value for w in at.warning]
    assert any("§8" in text for text in texts) == warned, texts


def test_the_mismatch_warning_names_the_loss_in_words_in_each_language():
    at = open_page(head="softmax", loss="mse")
    text = " ".join(w.value for w in at.warning)
    assert "mean squared error" in text and "with mse" not in text
    zh = open_page(head="softmax", loss="mse", lang="zh")
    assert any("均方误差" in w.value or "损失" in w.value for w in zh.warning), [w.value for w in zh.warning]


def test_the_picked_point_is_ringed_on_the_map():
    at = open_page()
    data = at.session_state["pg.bundle"][1]
    assert map_data(at)["picked"] == data.test.X[0].tolist()
    at.session_state["pg.pick"] = ("train", 5)
    at.run()
    assert map_data(at)["picked"] == data.train.X[5].tolist()


@pytest.mark.parametrize("dataset", ["line_1d", "tshirt_price"])
def test_one_input_data_is_drawn_with_the_models_curve(dataset):
    at = open_page(dataset=dataset)
    data = at.session_state["pg.bundle"][1]
    frames = chart_datasets(at)
    assert frames["fit_points"].num_rows == data.train.n_examples + data.test.n_examples
    curve = frames["fit_curve"].to_pandas()
    assert len(curve) == 120 and curve["y"].notna().all()
    model = model_of(at)
    grid = curve["x"].to_numpy(dtype=float).reshape(-1, 1)
    expected = model.predict_proba(grid)[:, -1]
    assert np.allclose(curve["y"].to_numpy(), expected, atol=1e-5)
    assert "no map" not in status(at).lower()
