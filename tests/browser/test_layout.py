"""Every page at the three screen sizes of a classroom (1024x768, 1280x720, 1440x900), sidebar open: nothing
overflows to the right. Overflow means the document is wider than the viewport, or a chart, table or image
reaches past the column (or main block) that holds it. Screenshots: artifacts/screenshots/layout_<page>_<w>.png.
"""

from pathlib import Path

import pytest

from tests.browser.conftest import screenshot, wait_for_app, wait_for_charts
from ui.pages import ROOT, page_files, page_name, url_path

ALL_PAGES = [ROOT / "app.py", *page_files()]
SIZES = ((1024, 768), (1280, 720), (1440, 900))

# Each offender: what it is, and by how many pixels it passes its holder's right edge.
_OVERFLOW_JS = """() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) out.push(['document', doc.scrollWidth - window.innerWidth]);
  const main = document.querySelector('[data-testid="stMain"]');
  if (main && main.scrollWidth > main.clientWidth + 1) out.push(['main area', main.scrollWidth - main.clientWidth]);
  const selector = '.vega-embed canvas, .vega-embed svg.marks, [data-testid="stTable"] table, '
    + '[data-testid="stImage"] img, .js-plotly-plot .main-svg';
  for (const el of document.querySelectorAll(selector)) {
    const holder = el.closest('[data-testid="stColumn"]') || el.closest('[data-testid="stMainBlockContainer"]');
    if (!holder) continue;
    const over = el.getBoundingClientRect().right - holder.getBoundingClientRect().right;
    if (over > 2) {
      const box = el.closest('[class*="st-key-"]');
      const key = box ? [...box.classList].find(c => c.startsWith('st-key-')) : el.tagName.toLowerCase();
      out.push([key, Math.round(over)]);
    }
  }
  return out;
}"""


def _page_id(path: Path) -> str:
    return "home" if path.name == "app.py" else page_name(path)


@pytest.mark.parametrize("path", ALL_PAGES, ids=_page_id)
def test_page_fits_every_classroom_screen(page, server_url, path):
    problems = {}
    page.set_viewport_size({"width": SIZES[0][0], "height": SIZES[0][1]})
    page.goto(server_url + url_path(path))
    wait_for_app(page)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(600)  # charts sized from their container re-layout after a resize
        wait_for_charts(page)
        offenders = page.evaluate(_OVERFLOW_JS)
        screenshot(page, f"layout_{_page_id(path)}_{width}")
        if offenders:
            problems[f"{width}x{height}"] = offenders
    assert not problems, f"{_page_id(path)} overflows: {problems}"
