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


WATCH_EPOCHS = """(sel) => {
  window.__epochs = [];
  const read = () => { const m = /(\\d+)/.exec(document.querySelector(sel)?.textContent || ''); return m && +m[1]; };
  new MutationObserver(() => {
    const e = read();
    if (e !== null && e !== window.__epochs[window.__epochs.length - 1]) window.__epochs.push(e);
  }).observe(document.querySelector('.st-key-pg_live'), {subtree: true, childList: true, characterData: true});
}"""


def test_a_tick_plays_back_its_updates_in_order_and_pause_shows_the_last(page, server_url):
    # One epoch per update: a tick trains 4+ epochs in 4 frames (ui/tick_policy), so without playback the line
    # would jump by 4 or more each time; with it, most steps are 1 or 2 epochs (the first frame takes the
    # stretch), and never backwards.
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server_url}/Playground?dataset=spiral&epochs_per_tick=1")
    wait_for_app(page)
    page.locator(".pgmap canvas").wait_for(timeout=90_000)
    page.evaluate(WATCH_EPOCHS, STATUS)
    page.get_by_role("button", name="Play").click()
    page.wait_for_function("() => window.__epochs.length >= 40", timeout=60_000)
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Play").wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    shown = page.evaluate("() => window.__epochs")
    steps = [b - a for a, b in zip(shown, shown[1:], strict=False)]
    assert all(step > 0 for step in steps), shown  # in order: a late frame never overwrites a newer state
    assert sum(step <= 2 for step in steps) >= 0.5 * len(steps), shown
    paused = page.locator(STATUS).first.inner_text()
    page.wait_for_timeout(1000)
    assert page.locator(STATUS).first.inner_text() == paused  # paused: nothing left to play
    assert str(shown[-1]) in paused
