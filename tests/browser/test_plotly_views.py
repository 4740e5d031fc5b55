"""The Plotly views in a real browser: each draws (a 3-D scene's WebGL canvas, a ternary or contour plot's SVG)
at projector sizes 1280x720 and 1024x768 without passing its column. Screenshots of each view:
artifacts/screenshots/plotly_<view>_<width>.png."""

import pytest

from tests.browser.conftest import SCREENSHOTS, key_button, wait_for_app
from tests.browser.test_layout import CUT_ALLOWED, LAYOUT_JS, SCALED_ALLOWED

SIZES = ((1280, 720), (1024, 768))

# Per keyed container: does it hold a drawn Plotly chart (3-D: a sized canvas; 2-D and ternary: plot SVG)?
_DRAWN_JS = """(key) => {
  const box = document.querySelector('.st-key-' + key);
  if (!box) return 'missing';
  const plot = box.querySelector('.js-plotly-plot');
  if (!plot) return 'no plot';
  const scene = plot.querySelector('.gl-container canvas');
  if (scene) return scene.width > 100 && scene.height > 100 ? 'drawn' : 'empty scene';
  return plot.querySelector('.main-svg .cartesianlayer .contourlayer path, .main-svg .ternary .scatterlayer path')
    ? 'drawn' : 'empty';
}"""


def _check_views(page, keys: list[str], name: str) -> None:
    problems = {}
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(700)  # Plotly re-lays out to its container after a resize
        for key in keys:
            page.wait_for_function(f"() => ({_DRAWN_JS})({key!r}) === 'drawn'", timeout=30_000)
        offenders = page.evaluate(LAYOUT_JS, [SCALED_ALLOWED, CUT_ALLOWED])["overflow"]
        if offenders:
            problems[f"{width}x{height}"] = offenders
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.locator(f".st-key-{keys[0]}").first.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        page.screenshot(path=str(SCREENSHOTS / f"plotly_{name}_{width}.png"))
    assert not problems, f"{name} overflows: {problems}"


def test_playground_loss_landscape_draws_when_paused(page, server_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(server_url + "/Playground")
    wait_for_app(page)
    assert page.locator(".js-plotly-plot").count() == 0  # nothing trained: no slice yet
    key_button(page, "pg_step").click()
    wait_for_app(page)
    _check_views(page, ["pg_landscape_surface", "pg_landscape_contour"], "landscape")
    assert page.locator('[data-testid="stException"]').count() == 0


def test_playground_simplex_for_three_classes(page, server_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(server_url + "/Playground?dataset=blobs&classes=3")
    wait_for_app(page)
    key_button(page, "pg_step").click()
    wait_for_app(page)
    _check_views(page, ["pg_simplex"], "simplex")


@pytest.mark.parametrize("path, keys, name", [
    ("/Optimizers", ["opt_surface_3d", "opt_surface_contour"], "optimizers"),
    ("/One_Neuron", ["neuron_surface_3d"], "neuron"),
    ("/Softmax", ["softmax_simplex_logits"], "softmax"),
])
def test_lesson_plotly_views_draw(page, server_url, path, keys, name):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(server_url + path)
    wait_for_app(page)
    if name == "softmax":
        # Three classes: the class-count slider starts at 4; one step left.
        page.get_by_role("slider").first.focus()
        page.keyboard.press("ArrowLeft")
        wait_for_app(page)
    _check_views(page, keys, name)
    assert page.locator('[data-testid="stException"]').count() == 0
