"""The Playground's curves and picked-point bars canvas (ui/curves_canvas.py) in Chromium: as wide as its column
at the three classroom sizes, the same canvas redrawn (never remounted) at each tick while training, and a hover
over a curve that shows the epoch and the losses."""

import re

from benchmarks.bench_browser_live import COUNT_CANVAS_CLEARS
from tests.browser.conftest import PLAY, screenshot, wait_for_app
from tests.browser.test_layout import SIZES
from tests.browser.test_playground import STATUS, hover_tooltip

CURVES = ".pgcurves canvas"

# The canvas's box against its column's: a canvas sized from its column fills it and never reaches past it.
MEASURE = """(sel) => {
  const canvas = document.querySelector(sel);
  const column = canvas.closest('[data-testid="stColumn"]').getBoundingClientRect();
  const box = canvas.getBoundingClientRect();
  return {left: box.left - column.left, right: column.right - box.right, width: box.width, column: column.width,
          height: box.height, laidOut: parseFloat(canvas.style.width)};
}"""


def epoch(page) -> int:
    return int(re.search(r"epoch\s*(\d+)", page.locator(STATUS).first.inner_text()).group(1))


def test_the_curves_fill_their_column_redraw_in_place_and_answer_a_hover(page, server_url):
    page.add_init_script(COUNT_CANVAS_CLEARS)
    page.set_viewport_size({"width": SIZES[0][0], "height": SIZES[0][1]})
    page.goto(f"{server_url}/Playground?dataset=spiral")
    wait_for_app(page)
    page.locator(CURVES).wait_for(timeout=60_000)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(500)  # the ResizeObserver redraws at the column's new width
        box = page.evaluate(MEASURE, CURVES)
        assert box["right"] >= -1 and box["left"] >= -1, (width, box)  # inside its column
        assert box["width"] >= 0.97 * box["column"], (width, box)  # and as wide as it
        assert abs(box["laidOut"] - box["width"]) <= 1, (width, box)  # drawn at its own size, not scaled by CSS
        assert 150 <= box["height"] <= 0.5 * height, (width, box)
        screenshot(page, f"curves_canvas_{width}")

    page.evaluate("(sel) => { window.__curves = document.querySelector(sel);"
                  " window.__renders = window.__clears.get(window.__curves) || 0; }", CURVES)
    page.get_by_role("button", name=PLAY).click()
    page.get_by_role("button", name="Pause").wait_for(timeout=30_000)
    page.wait_for_function("() => /epoch\\s*[1-9]/.test(document.querySelector("
                           "'.pgstatus h4')?.innerText)", timeout=30_000)
    start = epoch(page)
    page.wait_for_timeout(2500)
    assert epoch(page) > start
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name=PLAY).wait_for(timeout=30_000)
    same, renders = page.evaluate("(sel) => [document.querySelector(sel) === window.__curves,"
                                  " (window.__clears.get(window.__curves) || 0) - window.__renders]", CURVES)
    assert same, "the curves canvas was replaced (remounted) while training"
    assert renders >= 3, f"the curves were redrawn only {renders} times in 2.5 s of training"

    text = hover_tooltip(page, CURVES, "loss")
    assert text and "epoch" in text and "train" in text and re.search(r"\d\.\d", text), text
