"""The Playground's status line (epoch, losses, accuracies) is readable in full at 1024x768, 1280x720 and
1440x900, in English and Chinese: nothing cut with an ellipsis, each "label number" on one line (a narrow line
wraps between them), and the diagram and the map still end above the fold at 1024x768 and 1280x720."""

import pytest

from tests.browser.conftest import wait_for_app

STATUS = ".st-key-pg_live h4"
MEASURE = """(sel) => {
  const h = document.querySelector(sel), box = h.getBoundingClientRect();
  const parts = [...h.querySelectorAll('.pgstatus-part')].map(p => {
    const r = p.getBoundingClientRect(), range = document.createRange();
    range.selectNodeContents(p);
    const lines = new Set([...range.getClientRects()].filter(q => q.width > 0).map(q => Math.round(q.bottom)));
    return {text: p.textContent, lines: lines.size, left: r.left, right: r.right};
  });
  const bottom = s => document.querySelector(s).getBoundingClientRect().bottom;
  return {scroll: h.scrollWidth, client: h.clientWidth, left: box.left, right: box.right, parts,
          overflow: getComputedStyle(h).textOverflow,
          diagram: bottom('.pgdiagram canvas'), map: bottom('.pgmap canvas')};
}"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_number_of_the_status_line_is_readable(page, server_url, lang):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{server_url}/Playground?dataset=spiral&lang={lang}")
    wait_for_app(page)
    page.locator(".pgmap canvas").wait_for(timeout=90_000)
    page.locator(".st-key-pg_step button").first.click()  # one epoch: the line then has all five numbers
    page.wait_for_function("(sel) => /%/.test(document.querySelector(sel).textContent)", arg=STATUS,
                           timeout=30_000)
    for width, height in [(1024, 768), (1280, 720), (1440, 900)]:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(400)
        m = page.evaluate(MEASURE, STATUS)
        assert len(m["parts"]) == 5, m
        assert m["scroll"] <= m["client"] and m["overflow"] != "ellipsis", (width, m)
        for part in m["parts"]:
            assert part["lines"] == 1 and m["left"] - 1 <= part["left"] and part["right"] <= m["right"] + 1, \
                (width, part)
        if height < 900:
            assert m["diagram"] <= height and m["map"] <= height, (width, m)
        if width == 1024:
            page.screenshot(path=f"artifacts/screenshots/playground_status_{width}_{lang}.png")
