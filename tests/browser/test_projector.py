"""The Playground on a projector and under the hand, in Chromium: one screen at 1280x720 and 1024x768 (sidebar
open), the keyboard shortcuts, a click on the map picks the nearest point, drawn data (add, then remove)."""

import re

import numpy as np
import pytest

from engine.datasets import make_dataset
from tests.browser.conftest import PLAY, wait_for_app
from ui.playground import make_bundle
from ui.state import FIELDS

MAP = ".pgmap canvas"
STATUS = ".st-key-pg_live h4"
NOTE = ".pgstatus p"


def default_bundle(dataset: str = "spiral"):
    """The data the page makes for `?dataset=<dataset>` and otherwise default fields (computed here, in-process)."""
    config = {field.name: field.default for field in FIELDS} | {"dataset": dataset}
    ds = make_dataset(dataset, n_points=config["n_points"], noise=config["noise"], seed=config["data_seed"])
    return make_bundle(ds, config)


def open_playground(page, url: str, width: int, height: int):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url)
    wait_for_app(page)
    page.locator(MAP).wait_for(timeout=90_000)
    page.locator(".pgdiagram canvas").wait_for(timeout=90_000)


def map_pixel(page, x1: float, x2: float, box) -> tuple[float, float]:
    """The page coordinates of data point (x1, x2) on the canvas map (its geometry: `ui.map_canvas`)."""
    g = page.evaluate("""(sel) => { const c = document.querySelector(sel); const r = c.getBoundingClientRect();
        return {x: r.left, y: r.top, size: +c.dataset.size}; }""", MAP)
    left, top = 13 * 2.2, 4  # the map's padding at font 13 (not presenter mode)
    return (g["x"] + left + (x1 - box[0]) / (box[1] - box[0]) * g["size"],
            g["y"] + top + (box[3] - x2) / (box[3] - box[2]) * g["size"])


def box_of(data) -> list[float]:
    step_x, step_y = data.xs[1] - data.xs[0], data.ys[1] - data.ys[0]
    return [data.xs[0] - step_x / 2, data.xs[-1] + step_x / 2, data.ys[0] - step_y / 2, data.ys[-1] + step_y / 2]


@pytest.mark.parametrize("width, height", [(1280, 720), (1024, 768)])
def test_controls_diagram_and_map_fit_one_screen(page, server_url, width, height):
    open_playground(page, f"{server_url}/Playground?dataset=spiral", width, height)
    assert page.locator("[data-testid='stSidebar']").is_visible()
    inside = []
    for selector in (".st-key-pg_play button", ".st-key-pg_step button", ".st-key-pg_reset button", STATUS,
                     ".st-key-w-step_add_layer button", ".st-key-w-step_remove_layer button",
                     ".st-key-w-more-2 button", ".pgdiagram canvas", MAP):
        b = page.locator(selector).first.bounding_box()
        inside.append((selector, b is not None and b["x"] >= 0 and b["y"] >= 0
                       and b["x"] + b["width"] <= width and b["y"] + b["height"] <= height))
    page.screenshot(path=f"artifacts/screenshots/playground_one_screen_{width}.png")
    assert all(ok for _, ok in inside), [s for s, ok in inside if not ok]
    # The main area does not scroll to show them: they are there at the top.
    assert page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTop") == 0


def test_keyboard_shortcuts_play_step_and_reset(page, server_url):
    open_playground(page, f"{server_url}/Playground?dataset=spiral", 1280, 720)
    page.locator(STATUS).click()  # focus on the page, not on an input
    page.keyboard.press("s")
    page.locator(STATUS).filter(has_text="epoch 1").wait_for(timeout=30_000)
    page.keyboard.press(" ")
    page.get_by_role("button", name="Pause").wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.keyboard.press(" ")
    page.get_by_role("button", name=PLAY).wait_for(timeout=30_000)
    trained = int(re.search(r"epoch (\d+)", page.locator(STATUS).inner_text()).group(1))
    assert trained > 1
    page.keyboard.press("z")
    page.locator(STATUS).filter(has_text="epoch 0").wait_for(timeout=30_000)
    assert "Space" in page.locator(".st-key-pg_play").inner_text()


def test_a_click_on_the_map_picks_the_nearest_point_and_draws_data(page, server_url):
    data = default_bundle()
    box = box_of(data)
    open_playground(page, f"{server_url}/Playground?dataset=spiral", 1280, 720)
    # Pick: a click just beside training row 7 picks it (shown as #8: the page counts from 1).
    target = data.train.X[7]
    x, y = map_pixel(page, *target, box)
    page.mouse.click(x + 1, y)
    page.locator(NOTE).filter(has_text="training #8,").wait_for(timeout=30_000)
    target = data.test.X[3]
    page.mouse.click(*map_pixel(page, *target, box))
    page.locator(NOTE).filter(has_text="test #4,").wait_for(timeout=30_000)

    # Draw: in edit mode a click on an empty spot adds a point there; a second click on it removes it.
    page.get_by_text("Draw data").click()
    wait_for_app(page)
    empty = np.array([box[0] + 0.06 * (box[1] - box[0]), box[2] + 0.06 * (box[3] - box[2])])
    assert np.hypot(*((data.train.X - empty) / (np.array(box[1::2]) - box[0::2])).T).min() > 0.03
    n = data.train.n_examples
    page.mouse.click(*map_pixel(page, *empty, box))
    page.get_by_text(f"1 edit(s): {n + 1} training points").wait_for(timeout=30_000)
    shown = page.locator(NOTE).filter(has_text=f"training #{n + 1},").inner_text()  # row n, shown from 1
    values = [float(v) for v in re.search(r"inputs (\S+), (\S+)", shown).groups()]
    pixel = (box[1] - box[0]) / float(page.locator(MAP).get_attribute("data-size"))
    assert np.allclose(values, empty, atol=2 * pixel + 0.006)  # to the map's resolution (and 2 decimals shown)
    page.mouse.click(*map_pixel(page, *empty, box))
    page.get_by_text(f"2 edit(s): {n} training points").wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0


# A click on a neuron or a link of the diagram, and typing on it: tests/browser/test_diagram_canvas.py.
