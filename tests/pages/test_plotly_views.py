"""The Plotly views under AppTest: each chart is found on its page and draws the engine's own numbers (read back
from the figure's JSON): the Playground's loss landscape and path, its softmax simplex, the Optimizers lesson's
3-D surface, the one neuron's output surface and the Softmax lesson's triangle."""

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from engine import activations, landscape
from tests.pages.lesson_checks import keyed_block, page_app
from tests.pages.test_playground import open_page
from ui import playground as pg


def _array(value) -> np.ndarray:
    """A figure JSON value as an array: Plotly 6+ sends NumPy arrays as base64 with dtype and shape."""
    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        return flat.reshape([int(n) for n in str(shape).split(",")]) if shape else flat
    return np.asarray(value, dtype=float)


def figures(at: AppTest, key: str | None = None) -> list[dict]:
    """The JSON of every Plotly chart of the last run (inside the container `key`, if given)."""
    charts = at.get("plotly_chart")
    if key is not None:
        inside = {id(node) for node in _walk(keyed_block(at, key))}
        charts = [chart for chart in charts if id(chart) in inside]
    return [json.loads(chart.proto.spec) for chart in charts]


def _walk(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _walk(child)


def traces(figure: dict, kind: str) -> list[dict]:
    return [trace for trace in figure["data"] if trace["type"] == kind]


def _training_data(at):
    data = at.session_state["pg.bundle"][1]
    model = at.session_state["pg.model"]
    return model, data.X_train, pg.targets(data.train, model.output_units)


# ----- the Playground ----------------------------------------------------------------------------------------

def test_playground_landscape_is_the_engines_slice_around_the_current_weights_and_hides_while_playing():
    at = open_page()
    assert not figures(at)  # nothing trained yet: the learner is offered the button, no slice is computed
    at.button(key="pg_step").click().run()
    assert not at.exception
    surface = figures(at, "pg_landscape_surface")[0]
    contour = figures(at, "pg_landscape_contour")[0]
    model, X, y = _training_data(at)
    expected = landscape.loss_slice(model, X, y, resolution=41, radius=1.0, seed=0)
    z = _array(traces(surface, "surface")[0]["z"])
    assert z.shape == (41, 41)
    np.testing.assert_allclose(z, expected.losses, rtol=1e-12)
    np.testing.assert_allclose(_array(traces(contour, "contour")[0]["z"]), expected.losses, rtol=1e-12)
    np.testing.assert_allclose(_array(traces(surface, "surface")[0]["x"]), np.linspace(-1, 1, 41), atol=1e-12)
    # The current point: (0, 0) at the model's own training loss, on both views.
    current = traces(surface, "scatter3d")[-1]
    assert _array(current["x"]).tolist() == [0.0] and _array(current["y"]).tolist() == [0.0]
    assert _array(current["z"])[0] == pytest.approx(model.evaluate(X, y, return_dict=True)["loss"], rel=1e-9)
    assert _array(traces(contour, "scatter")[-1]["x"]).tolist() == [0.0]
    assert any("1,682" in caption.value for caption in at.caption)  # the cost: 41 x 41 + the centre
    # While training plays nothing Plotly is drawn (it would remount at every tick).
    at.button(key="pg_play").click().run()
    assert at.session_state["pg.playing"] and not figures(at)


def test_resolution_and_range_controls_change_the_slice():
    at = open_page()
    at.button(key="pg_step").click().run()
    at.select_slider(key="pg.landscape.res").set_value(21).run()
    at.select_slider(key="pg.landscape.radius").set_value(0.25).run()
    assert not at.exception
    z = _array(traces(figures(at, "pg_landscape_surface")[0], "surface")[0]["z"])
    x = _array(traces(figures(at, "pg_landscape_surface")[0], "surface")[0]["x"])
    assert z.shape == (21, 21) and x[0] == pytest.approx(-0.25) and x[-1] == pytest.approx(0.25)
    model, X, y = _training_data(at)
    np.testing.assert_allclose(z, landscape.loss_slice(model, X, y, resolution=21, radius=0.25).losses, rtol=1e-12)
    # New random directions: another slice through the same centre.
    at.button(key="pg.landscape.reseed").click().run()
    z2 = _array(traces(figures(at, "pg_landscape_surface")[0], "surface")[0]["z"])
    assert not np.allclose(z, z2) and z2[10, 10] == pytest.approx(z[10, 10])


def _panel_with_path():
    """The Playground's session logic and the landscape panel, with a path recorded while fitting (the page
    itself gets its path from the timeline once that is wired in)."""
    import streamlit as st

    from ui import playground as pg
    from ui.landscape import paused_views
    from ui.state import current_config

    config = current_config()
    data = pg.bundle(config)
    model = pg.ensure_model(config, data)
    if "test.path" not in st.session_state:
        path = []
        for _ in range(6):
            pg.train(3)
            path.append(model.get_weights())
        pg.train(2)  # the current weights are two epochs past the last checkpoint
        st.session_state["test.path"] = path
    paused_views(model, data, st.session_state["test.path"])


def test_a_recorded_training_path_is_projected_onto_the_slice_and_ends_at_the_centre():
    at = AppTest.from_function(_panel_with_path, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    path = at.session_state["test.path"]
    model, X, y = _training_data(at)
    weights = model.get_weights()
    full = [*path, weights]
    for directions_choice in ("random", "path"):
        if directions_choice == "path":
            at.radio(key="pg.landscape.dirs").set_value("path").run()
            assert not at.exception
        surface = figures(at, "pg_landscape_surface")[0]
        contour = figures(at, "pg_landscape_contour")[0]
        dirs = landscape.random_directions(weights, 0) if directions_choice == "random" else \
            landscape.path_directions(full, weights)
        coords = landscape.project_path(full, weights, dirs)
        line3d, line2d = traces(surface, "scatter3d")[0], traces(contour, "scatter")[0]
        np.testing.assert_allclose(_array(line2d["x"]), coords[:, 0], atol=1e-12)
        np.testing.assert_allclose(_array(line2d["y"]), coords[:, 1], atol=1e-12)
        np.testing.assert_allclose(_array(line3d["x"]), coords[:, 0], atol=1e-12)
        assert len(coords) == 7 and np.allclose(coords[-1], 0.0, atol=1e-12)  # ends at the centre
        # On the surface: each point's height is the loss of the in-plane weights there.
        np.testing.assert_allclose(_array(line3d["z"]),
                                   landscape.plane_losses(model, X, y, coords, weights, dirs), rtol=1e-9)
        assert _array(line3d["z"])[-1] == pytest.approx(model.evaluate(X, y, return_dict=True)["loss"], rel=1e-9)
    # Along the path, the farthest checkpoint is at |alpha| = 1: the path fills the slice.
    assert np.abs(coords[:, 0]).max() == pytest.approx(1.0)


def test_three_classes_on_the_simplex_are_the_models_probabilities():
    at = open_page(dataset="blobs", classes="3")
    assert at.session_state["pg.model"].output_units == 3
    at.button(key="pg_step").click().run()
    assert not at.exception
    ternary = figures(at, "pg_simplex")[0]
    model = at.session_state["pg.model"]
    data = at.session_state["pg.bundle"][1]
    probabilities = model.predict_proba(data.X_train)
    dots = traces(ternary, "scatterternary")
    assert len(dots) == 3
    for k, trace in enumerate(dots):
        rows = data.train.y == k
        got = np.column_stack([_array(trace[axis]) for axis in "abc"])
        np.testing.assert_allclose(got, probabilities[rows], rtol=1e-12)
    assert sum(len(_array(trace["a"])) for trace in dots) == data.train.n_examples


def test_two_classes_have_no_simplex_and_the_panel_reads_in_chinese():
    at = AppTest.from_function(_panel_with_path, default_timeout=60)
    at.session_state["lang"] = "zh"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert figures(at, "pg_landscape_surface")
    assert not [f for f in figures(at) if traces(f, "scatterternary")]  # circle: two classes
    assert [sub.value for sub in at.subheader] == ["当前权重周围的损失地形"]
    assert traces(figures(at, "pg_landscape_surface")[0], "surface")[0]["name"] == "损失"


# ----- the lessons -------------------------------------------------------------------------------------------

def test_optimizers_surface_in_3d_carries_both_paths_at_their_loss():
    at = page_app("pages/8_Optimizers.py")
    assert not at.exception
    surface = figures(at, "opt_surface_3d")[0]
    assert figures(at, "opt_surface_contour")
    paths = at.session_state["opt.surface"]["paths"]
    lines = traces(surface, "scatter3d")[:2]
    for line, name in zip(lines, ("sgd", "adam"), strict=True):
        rows = paths[paths["optimizer"] == name].sort_values("step")
        np.testing.assert_allclose(_array(line["x"]), rows["w"], rtol=1e-12)
        np.testing.assert_allclose(_array(line["z"]), rows["loss"], rtol=1e-12)
    z = _array(traces(surface, "surface")[0]["z"])
    from ui.training_charts import loss_surface

    x = _array(traces(surface, "surface")[0]["x"])
    b = _array(traces(surface, "surface")[0]["y"])
    from engine.datasets import make_dataset

    ds = make_dataset("tshirt_price", n_points=60, noise=0.1, seed=0)
    np.testing.assert_allclose(z[::11, ::11], loss_surface(ds.X[:, 0] / 10.0, ds.y, x[::11], b[::11]), rtol=1e-12)


def test_one_neuron_surface_is_the_neurons_output_and_moves_with_the_sliders():
    at = page_app("pages/2_One_Neuron.py")
    assert not at.exception
    before = traces(figures(at, "neuron_surface_3d")[0], "surface")[0]
    at.slider(key="neuron.2d.w1").set_value(-2.0).run()
    at.slider(key="neuron.2d.b").set_value(1.5).run()
    surface = traces(figures(at, "neuron_surface_3d")[0], "surface")[0]
    xs, ys, z = _array(surface["x"]), _array(surface["y"]), _array(surface["z"])
    w2 = at.session_state["neuron.2d.w2"]
    expected = activations.forward("sigmoid", -2.0 * xs[None, :] + w2 * ys[:, None] + 1.5)
    np.testing.assert_allclose(z, expected, rtol=1e-9, atol=1e-12)
    assert not np.allclose(_array(before["z"]), z)


def test_softmax_lesson_puts_the_dragged_logits_and_the_trained_points_on_the_triangle():
    at = page_app("pages/6_Softmax.py")
    assert not at.exception
    assert not _has_block(at, "softmax_simplex_logits")  # four classes by default: no triangle, a hint
    assert any("N to 3" in info.value for info in at.info)
    at.slider(key="sm.k").set_value(3).run()
    at.slider(key="sm.z0").set_value(3.0).run()
    dot = traces(figures(at, "softmax_simplex_logits")[0], "scatterternary")
    shown = np.concatenate([np.column_stack([_array(trace[axis]) for axis in "abc"]) for trace in dot])
    logits = np.array([[3.0, at.session_state["sm.z1"], at.session_state["sm.z2"]]])
    np.testing.assert_allclose(shown, activations.forward("softmax", logits), rtol=1e-12)
    at.slider(key="sm.classes").set_value(3).run()
    assert not at.exception
    trained = traces(figures(at, "softmax_simplex_trained")[0], "scatterternary")
    assert sum(len(_array(trace["a"])) for trace in trained) == len(at.session_state["sm.simplex_trained"])
    rows = np.concatenate([np.column_stack([_array(trace[axis]) for axis in "abc"]) for trace in trained])
    np.testing.assert_allclose(rows.sum(axis=1), 1.0, atol=1e-9)


def _has_block(at, key) -> bool:
    try:
        keyed_block(at, key)
    except AssertionError:
        return False
    return True
