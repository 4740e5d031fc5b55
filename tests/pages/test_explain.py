"""The Playground's "Explain one step" panel under AppTest: it shows the engine's own numbers for the session's
model and picked point (forward, loss, backward, update), in English and Chinese; the neuron picker shares
`pg.selected_neuron`; Next/Back walk the phases; hidden space and health read the same model."""

from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from engine import explain
from engine.features import expand, plot_range
from ui import explain as panel
from ui import i18n
from ui import playground as pg
from ui.state import FIELDS_BY_NAME

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "1_Playground.py")
SMALL = {"dataset": "xor", "hidden": "3,2", "acts": "relu,tanh", "n_points": "100"}


@pytest.fixture
def chinese(monkeypatch):
    """AppTest re-formats select-box options in the test's own thread, where no session (so no language) exists:
    there `t` must answer in Chinese too, or every run after the first fails to find the English option."""
    monkeypatch.setattr(i18n, "current_language", lambda: "zh")


def open_panel(lang: str = "en", **params) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    for name, value in {**SMALL, "lang": lang, **params}.items():
        at.query_params[name] = value
    at.run()
    # One epoch, so the numbers are not the initial ones.
    model, data = at.session_state["pg.model"], at.session_state["pg.bundle"][1]
    model.fit(data.X_train, pg.targets(data.train, model.output_units), epochs=1,
              batch_size=FIELDS_BY_NAME["batch"].default)
    at.session_state["ex.open"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def show(at, view: str) -> AppTest:
    at.session_state["ex.view"] = view
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def codes(at) -> str:
    return "\n".join(code.value for code in at.code)


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def session(at):
    """The session's model and data, and the picked point and batch the panel explains."""
    model, data = at.session_state["pg.model"], at.session_state["pg.bundle"][1]
    units = model.output_units
    config = {"batch": FIELDS_BY_NAME["batch"].default}
    # The Playground's pick is (set, row), set by a click on the map; the first test point until then.
    which, row = at.session_state["pg.pick"] if "pg.pick" in at.session_state else ("test", 0)
    x, y = panel.picked_example(data, units, row, which)
    return model, data, x, y, panel.current_batch(data, units, config, model)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_four_phases_show_the_engines_numbers(lang, request):
    if lang == "zh":
        request.getfixturevalue("chinese")
    at = open_panel(lang)
    model, data, x, y, (X_batch, y_batch) = session(at)
    assert model.epochs_trained == 1
    assert at.session_state["ex.view"] == "forward"
    steps = explain.forward_example(model, x)
    text = markdown(at)
    for step in steps:  # every neuron's z and a, in its layer's column
        for i, (z, a) in enumerate(zip(step["z"], step["a"], strict=True)):
            assert any(f"**#{i + 1}**{mark}  \nz = `{panel.fmt(z)}`  \na = `{panel.fmt(a)}`" in text
                       for mark in ("", " ◀")), (i, z, a)
    # The selected neuron (by default the output) with its numbers substituted.
    out = steps[-1]
    assert f"= {panel.fmt(out['z'][0])}\na = sigmoid(z) = sigmoid({panel.fmt(out['z'][0])}) = " \
           f"{panel.fmt(out['a'][0])}" in codes(at)
    assert f"{panel.fmt(out['W'][0, 0])}×{panel._term(out['a_in'][0])}" in codes(at)

    show(at, "loss")
    loss = explain.example_loss(model, x, y)
    assert f"L = {panel.fmt(loss['loss'])}" in codes(at)
    assert panel.fmt(loss["p"][0]) in codes(at)

    show(at, "backward")
    point = explain.backward_pass(model, x.reshape(1, -1), y)
    last = len(model.layers) - 1
    assert f"dL/dz = {panel.fmt(point[last]['dz'][0][0])}" in codes(at)
    for j, value in enumerate(point[last]["dW"][:, 0]):
        assert f"dL/dw{j + 1} = {panel.fmt(value)}" in codes(at)
    for i, value in enumerate(point[0]["dz"][0]):  # the first hidden layer's dL/dz column
        assert f"**#{i + 1}**  \ndL/dz = `{panel.fmt(value)}`" in markdown(at)
    at.session_state["ex.point_or_batch"] = "batch"
    at.run()
    batch = explain.backward_pass(model, X_batch, y_batch)
    np.testing.assert_allclose(batch[0]["dW"], model.gradients(X_batch, y_batch)[1][0])
    assert f"dL/dw1 = {panel.fmt(batch[last]['dW'][0, 0])}" in codes(at)
    links = at.dataframe[0].value
    assert len(links) == sum(layer.W.size for layer in model.layers)
    np.testing.assert_allclose(links["dL/dw"].to_numpy()[:3], batch[0]["dW"].ravel()[:3])

    show(at, "update")
    step = explain.optimizer_step(model, X_batch, y_batch)
    assert step["optimizer"] == "adam"  # the Playground's default
    w_out = step["before"][-2][0, 0], step["after"][-2][0, 0], step["step"][-2][0, 0]
    word = "步长" if lang == "zh" else "step"
    assert f"w1: {panel.fmt(w_out[0])} → {panel.fmt(w_out[1])}   ({word} {panel.fmt(w_out[2])})" in codes(at)
    assert f"m = {panel.fmt(step['m'][-2][0, 0])}, v = {panel.fmt(step['v'][-2][0, 0])}" in codes(at)
    table = at.dataframe[0].value
    assert len(table) == model.count_params() and "m" in table.columns and "v" in table.columns
    np.testing.assert_allclose(table["m"].to_numpy(), np.concatenate([m.ravel() for m in step["m"]]))
    # Explaining changed nothing: the model is where the epoch left it.
    assert model.optimizer.iterations == step["iteration"] - 1
    if lang == "zh":
        assert "Adam 为每个参数保存" in markdown(at) and "更新前" in table.columns
    else:
        assert "Adam keeps, per parameter" in markdown(at) and "before" in table.columns


def test_the_neuron_picker_and_the_diagrams_click_share_one_key():
    at = open_panel()
    model, _, x, _, _ = session(at)
    at.selectbox(key="ex.neuron").set_value((0, 2)).run()
    assert at.session_state["pg.selected_neuron"] == (0, 2)
    step = explain.forward_example(model, x)[0]
    assert panel.neuron_equation(step, 2, 0)[0] in codes(at)
    # A click on the diagram (issue 12) writes the same key: the panel follows it.
    at.session_state["pg.selected_neuron"] = (1, 1)
    at.run()
    assert at.selectbox(key="ex.neuron").value == (1, 1)
    assert panel.neuron_equation(explain.forward_example(model, x)[1], 1, 1)[0] in codes(at)
    at.session_state["pg.selected_neuron"] = (9, 9)  # a neuron the network no longer has
    at.run()
    assert not at.exception and at.selectbox(key="ex.neuron").value == (len(model.layers) - 1, 0)


def test_next_and_back_walk_the_four_phases():
    at = open_panel()
    seen = [at.session_state["ex.view"]]
    for _ in range(3):
        at.button(key="ex.next").click().run()
        seen.append(at.session_state["ex.view"])
    assert seen == list(panel.PHASES)
    assert at.button(key="ex.next").disabled
    at.button(key="ex.back").click().run()
    assert at.session_state["ex.view"] == "backward"


def test_hidden_space_maps_the_points_to_the_layers_activations():
    at = open_panel()
    at.session_state["ex.section"] = "hidden"
    at.run()
    assert not at.exception
    model, data = at.session_state["pg.model"], at.session_state["pg.bundle"][1]
    config = {"features": FIELDS_BY_NAME["features"].default}
    points, lines = panel.hidden_space_frames(model, data, config, 0, (0, 2))
    activations = model.layer_outputs(data.X_train)[0]["a"]
    np.testing.assert_allclose(points[["u", "v"]].to_numpy(), activations[:, [0, 2]])
    # A grid line's points are the layer's activations of points on one straight line of the plane.
    xy, _ = explain.grid_lines(*plot_range(data.ds.X, margin=0.05))
    mapped = model.layer_outputs(expand(xy, list(config["features"])))[0]["a"]
    np.testing.assert_allclose(lines[["u", "v"]].to_numpy(), mapped[:, [0, 2]])


def test_health_names_a_dead_relu_and_records_gradient_norms_per_tick(chinese):
    at = open_panel("zh")
    model = at.session_state["pg.model"]
    model.layers[0].b[1] = -1e3  # hidden layer 1's second ReLU: z < 0 for every example
    at.session_state["ex.section"] = "health"
    at.run()
    warnings = " ".join(w.value for w in at.warning)
    assert "隐藏层 1" in warnings and "#2" in warnings and "死亡" in warnings
    record = at.session_state["ex.norms"]
    assert record["epoch"][-1] == model.epochs_trained and len(record["norms"][-1]) == len(model.layers)
    # While playing, each tick's end adds one row.
    at.session_state["pg.playing"] = True
    at.run()
    at.run()
    assert len(at.session_state["ex.norms"]["epoch"]) >= 2
    assert at.session_state["ex.norms"]["epoch"] == sorted(set(at.session_state["ex.norms"]["epoch"]))


def test_taking_the_explained_step_applies_exactly_the_previewed_update():
    at = open_panel()
    model, _, _, _, (X_batch, y_batch) = session(at)
    show(at, "update")
    preview = explain.optimizer_step(model, X_batch, y_batch)
    epochs, iterations = model.epochs_trained, model.optimizer.iterations
    at.button(key="ex.apply").click().run()
    assert not at.exception
    for now, after in zip(model.get_weights(), preview["after"], strict=True):
        np.testing.assert_allclose(now, after, rtol=1e-12, atol=1e-15)
    assert model.optimizer.iterations == iterations + 1 and model.epochs_trained == epochs
    assert at.session_state["ex.view"] == "forward"
