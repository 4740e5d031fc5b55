"""The live network diagram (a canvas component, `ui.diagram_canvas`) in Chromium: a click on a neuron selects it
and the map shows its output; a weight typed on a link changes the prediction as the engine computes; while
training, an open editor survives the ticks and the diagram's canvas is never replaced."""

import base64

import numpy as np

from tests.browser.conftest import PLAY
from tests.browser.test_projector import NOTE, default_bundle, open_playground
from ui import playground as pg
from ui import playground_view as view
from ui.state import FIELDS

DIAGRAM = ".pgdiagram canvas"
EDITOR = ".pgdiagram .pgdiagram-edit"
URL = "/Playground?dataset=spiral&hidden=3&acts=tanh"
CONFIG = {field.name: field.default for field in FIELDS} | {"dataset": "spiral", "hidden": (3,), "acts": ("tanh",)}


def node_xy(page, col: int, unit: int, sizes=(2, 3, 1)) -> tuple[float, float]:
    """Page coordinates of a node's centre (the canvas's geometry: `ui.diagram_canvas`, kept on the canvas)."""
    g = page.evaluate("""(sel) => { const c = document.querySelector(sel); const r = c.getBoundingClientRect();
        return {x: r.left, y: r.top, left: +c.dataset.left, colw: +c.dataset.colw, top: +c.dataset.top,
                row: +c.dataset.row, node: +c.dataset.node}; }""", DIAGRAM)
    tallest = max(sizes)
    return (g["x"] + g["left"] + g["colw"] * (col + 0.5),
            g["y"] + g["top"] + g["row"] * (unit + (tallest - sizes[col]) / 2 + 0.5)), g["node"]


def link_xy(page, layer: int, src: int, dst: int) -> tuple[float, float]:
    (x1, y1), node = node_xy(page, layer, src)
    (x2, y2), _ = node_xy(page, layer + 1, dst)
    return (x1 + node / 2 + x2 - node / 2) / 2, (y1 + y2) / 2


def shown_map(page) -> np.ndarray:
    """The map's colours as the page got them (the map component's data)."""
    rgb = page.evaluate("() => document.querySelector('.pgmap').__state.data.rgb")
    return np.frombuffer(base64.b64decode(rgb), np.uint8).astype(int)


def expected_map(model, data, neuron=None) -> np.ndarray:
    d = view.map_canvas_data(model, data, 1, CONFIG, picked=view.picked_xy(data, ("test", 0)), neuron=neuron)
    return np.frombuffer(base64.b64decode(d["rgb"]), np.uint8).astype(int)


def wait_for_map(page, expected: np.ndarray, timeout_ms: int = 30_000) -> None:
    for _ in range(timeout_ms // 250):
        if np.abs(shown_map(page) - expected).max() <= 1:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"the map differs by up to {np.abs(shown_map(page) - expected).max()} levels")


def test_a_click_on_a_neuron_shows_its_map_and_its_bias_is_typed_on_the_diagram(page, server_url):
    data = default_bundle()
    model = pg.build_model(CONFIG, data)  # the page's model: same configuration, same seed
    open_playground(page, server_url + URL, 1280, 720)
    wait_for_map(page, expected_map(model, data))
    (x, y), _ = node_xy(page, 1, 1)
    page.mouse.move(x, y)
    tip = page.locator(".pgdiagram .pgdiagram-tip")
    assert "hidden layer 1 #2" in tip.inner_text() and f"bias {model.layers[0].b[1]:.4f}" in tip.inner_text()
    page.mouse.click(x, y)
    page.locator(NOTE).filter(has_text="neuron #2 of layer 1").wait_for(timeout=30_000)
    wait_for_map(page, expected_map(model, data, neuron=(0, 1)))  # the neuron's output in place of the map
    # The editor opened at the click, with the bias, and is still there after the page's rerun.
    editor = page.locator(EDITOR)
    assert editor.input_value() == f"{model.layers[0].b[1]:.4f}"
    box = editor.bounding_box()
    assert abs(box["x"] + box["width"] / 2 - x) < 60 and abs(box["y"] - y) < 30
    editor.fill("1.5")
    editor.press("Enter")
    assert editor.count() == 0  # Enter sets and closes
    page.wait_for_function("() => document.querySelector('.st-key-w-hand_bias input')?.value === '1.5000'",
                           timeout=30_000)
    b = model.get_weights()
    b[1][1] = 1.5
    model.set_weights(b)
    wait_for_map(page, expected_map(model, data, neuron=(0, 1)))
    assert page.locator('[data-testid="stException"]').count() == 0


def test_a_weight_typed_on_a_link_changes_the_prediction_as_the_engine_computes(page, server_url):
    data = default_bundle()
    model = pg.build_model(CONFIG, data)
    open_playground(page, server_url + URL, 1280, 720)
    wait_for_map(page, expected_map(model, data))
    page.mouse.click(*link_xy(page, 1, 2, 0))  # hidden neuron 3 -> the output
    editor = page.locator(EDITOR)
    assert editor.input_value() == f"{model.layers[1].W[2, 0]:.4f}"
    editor.fill("not a number")
    editor.press("Enter")  # ignored: nothing changes, no traceback
    page.mouse.click(*link_xy(page, 1, 2, 0))
    editor.fill("-1.75")
    editor.press("Enter")
    weights = model.get_weights()
    weights[2][2, 0] = -1.75
    model.set_weights(weights)
    wait_for_map(page, expected_map(model, data))  # the decision map of the model with that weight
    page.mouse.move(*link_xy(page, 1, 2, 0))
    assert "weight -1.7500" in page.locator(".pgdiagram .pgdiagram-tip").inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_while_training_an_open_editor_survives_the_ticks_and_the_canvas_stays(page, server_url):
    open_playground(page, server_url + URL, 1280, 720)
    page.evaluate("""(sel) => { window.__diagram = document.querySelector(sel);
        window.__draws = 0; const c = window.__diagram.getContext('2d'); const clear = c.clearRect.bind(c);
        c.clearRect = (...a) => { window.__draws++; return clear(...a); }; }""", DIAGRAM)
    page.get_by_role("button", name=PLAY).click()
    page.get_by_role("button", name="Pause").wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    page.mouse.click(*link_xy(page, 0, 0, 0))
    editor = page.locator(EDITOR)
    editor.fill("0.25")  # typed, not yet sent
    draws = page.evaluate("() => window.__draws")
    # It keeps redrawing while training (new weights at every tick)...
    page.wait_for_function("(n) => window.__draws > n + 3", arg=draws, timeout=30_000)
    assert editor.count() == 1 and editor.input_value() == "0.25"  # ...and the editor stayed, as typed
    assert page.evaluate("(sel) => document.querySelector(sel) === window.__diagram", DIAGRAM)  # no remount
    editor.press("Escape")
    assert editor.count() == 0
    page.get_by_role("button", name="Pause").click()
    assert page.locator('[data-testid="stException"]').count() == 0
