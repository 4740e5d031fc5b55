"""Every page at the three screen sizes of a classroom (1024x768, 1280x720, 1440x900), sidebar open, after its
training buttons are pressed: nothing overflows to the right (the document wider than the viewport, or a chart,
table or image reaching past the column that holds it), no chart is scaled down by CSS, no chart's box crosses
another element's, no label is cut short with "…". Screenshots: artifacts/screenshots/layout_<page>_<w>.png.
"""

from pathlib import Path

import pytest

from tests.browser.conftest import screenshot, wait_for_app, wait_for_charts
from ui.pages import ROOT, page_files, page_name, url_path

ALL_PAGES = [ROOT / "app.py", *page_files()]
SIZES = ((1024, 768), (1280, 720), (1440, 900))

# What a page does wrong at one size, as lists of [what, pixels]: "overflow" (the document or main area wider
# than the viewport, or a chart, table or image reaching past the column that holds it), "scaled" (a chart drawn
# smaller than it was laid out, by a CSS transform or a max-width: its tooltips then point beside the marks),
# "overlap" (two elements' drawn boxes cross: a chart's legend running into the heading below), "cut" (a label
# that ends in "…" because its box is too narrow).
LAYOUT_JS = """([scaledAllowed, cutAllowed]) => {
  const out = {overflow: [], scaled: [], overlap: [], cut: []};
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) out.overflow.push(['document', doc.scrollWidth - window.innerWidth]);
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main) return out;
  if (main.scrollWidth > main.clientWidth + 1) out.overflow.push(['main area', main.scrollWidth - main.clientWidth]);
  const name = el => {
    const box = el.closest('[class*="st-key-"]');
    const key = box ? [...box.classList].find(c => c.startsWith('st-key-')) : '';
    const text = (el.innerText || el.getAttribute('aria-label') || '').trim().split('\\n')[0].slice(0, 30);
    const kind = el.getAttribute('data-testid') || el.tagName.toLowerCase();
    return [key, kind, text].filter(Boolean).join(' ');
  };
  const drawn = '.vega-embed canvas, .vega-embed svg.marks, [data-testid="stTable"] table, '
    + '[data-testid="stImage"] img, .js-plotly-plot .main-svg, .pgcurves canvas, .pgmap canvas';
  for (const el of main.querySelectorAll(drawn)) {
    const holder = el.closest('[data-testid="stColumn"]') || el.closest('[data-testid="stMainBlockContainer"]');
    if (!holder) continue;
    const over = el.getBoundingClientRect().right - holder.getBoundingClientRect().right;
    if (over > 2) out.overflow.push([name(el), Math.round(over)]);
  }
  for (const embed of main.querySelectorAll('.vega-embed')) {
    if (scaledAllowed.some(sel => embed.closest(sel))) continue;
    for (let el = embed; el && el !== main; el = el.parentElement) {
      const transform = getComputedStyle(el).transform;
      if (transform && transform !== 'none') { out.scaled.push([name(embed) + ' transform', transform]); break; }
    }
    const mark = embed.querySelector('canvas, svg.marks');
    if (!mark) continue;
    const laidOut = parseFloat(mark.tagName === 'CANVAS' ? mark.style.width : mark.getAttribute('width'));
    const shown = mark.getBoundingClientRect().width;
    if (laidOut - shown > 2) out.scaled.push([name(embed), Math.round(laidOut - shown)]);
  }
  // Each element's drawn box: a chart's canvas (it may be larger than its element), else the element's content;
  // elements in a closed expander are not drawn.
  const boxes = [];
  for (const el of main.querySelectorAll('[data-testid="stElementContainer"]')) {
    const inner = el.querySelector('.vega-embed canvas, .vega-embed svg.marks') || el.firstElementChild;
    if (!inner || el.closest('details:not([open])')) continue;
    const r = inner.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || getComputedStyle(el).display === 'none') continue;
    boxes.push([el, r, inner]);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, ra, ia] = boxes[i], [b, rb, ib] = boxes[j];
      // Text elements overlap a little by design (a heading's negative margin); a chart must not touch anything.
      if (a.contains(b) || b.contains(a) || !(ia.matches('canvas, svg') || ib.matches('canvas, svg'))) continue;
      const dx = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const dy = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (dx > 2 && dy > 2) out.overlap.push([name(ia) + ' | ' + name(ib), Math.round(Math.min(dx, dy))]);
    }
  }
  for (const el of main.querySelectorAll('*')) {
    if (!el.childNodes.length || el.children.length > 2) continue;
    const style = getComputedStyle(el);
    if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim()
        && !cutAllowed.some(sel => el.closest(sel)))
      out.cut.push([name(el), el.scrollWidth - el.clientWidth]);
  }
  for (const text of main.querySelectorAll('.vega-embed svg text')) {
    if (text.textContent.endsWith('…')) out.cut.push([name(text.closest('.vega-embed')), text.textContent]);
  }
  return out;
}"""


def _page_id(path: Path) -> str:
    return "home" if path.name == "app.py" else page_name(path)


# Known and someone else's: the Compare page's live figure and the Playground's Vega diagram are still scaled to
# their column (ui/setup.py; the diagram 7 px at 1024), and the Playground's "+ Layer" buttons are 4 px short at
# 1024; issue 12 rewrites that layout and empties these lists.
SCALED_ALLOWED = [".st-key-cmp_live"]
CUT_ALLOWED = [".st-key-w-add_layer", ".st-key-w-remove_layer"]
# Buttons pressed before measuring, so the trained views (curves, confusion matrix, ...) are measured too.
TRAIN_BUTTONS = {
    "One_Neuron": ["neuron-1d-train_button", "neuron-2d-train_button"],
    "Demand_Case_Study": ["demand-train_button"],
    "Softmax": ["sm-train"],
    "Multi_Label": ["ml-train"],
    "Optimizers": ["opt-race_button"],
    "Digits": ["dg-train"],
}


@pytest.mark.parametrize("path", ALL_PAGES, ids=_page_id)
def test_page_fits_every_classroom_screen(page, server_url, path):
    problems = {}
    page.set_viewport_size({"width": SIZES[0][0], "height": SIZES[0][1]})
    page.goto(server_url + url_path(path))
    wait_for_app(page)
    for key in TRAIN_BUTTONS.get(_page_id(path), []):
        page.locator(f".st-key-{key} button").click()
        wait_for_app(page)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(600)  # charts sized from their container re-layout after a resize
        wait_for_charts(page)
        found = {kind: items for kind, items in page.evaluate(LAYOUT_JS, [SCALED_ALLOWED, CUT_ALLOWED]).items() if items}
        screenshot(page, f"layout_{_page_id(path)}_{width}")
        if found:
            problems[f"{width}x{height}"] = found
    assert not problems, f"{_page_id(path)}: {problems}"
