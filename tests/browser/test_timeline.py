"""One journey in Chromium: train the Playground, scrub back (the map changes), continue from there; then open a
comparison link and see both runs train."""

import re

from tests.browser.conftest import key_button, screenshot, wait_for_app

STATUS = ".pgstatus h4"
CANVAS = ".st-key-pg_live canvas"


def shown_epoch(page) -> int:
    return int(re.search(r"(\d+)", page.locator(STATUS).first.inner_text()).group(1))


def canvas_pixels(page, selector: str) -> str:
    return page.evaluate("(s) => document.querySelector(s).toDataURL()", selector)


def test_scrub_back_continue_and_compare(page, server_url):
    page.goto(server_url + "/Playground?dataset=spiral&epochs_per_tick=10")
    wait_for_app(page, 150_000)
    page.wait_for_selector(CANVAS, timeout=150_000)
    key_button(page, "pg_play").click()
    page.wait_for_function("(s) => Number((document.querySelector(s)?.innerText.match(/\\d+/) || [0])[0]) >= 60",
                           arg=STATUS, timeout=150_000)
    key_button(page, "pg_play").click()
    wait_for_app(page, 150_000)
    page.wait_for_timeout(500)
    live_map = canvas_pixels(page, CANVAS)

    # Scrub to the first checkpoint: the view shows epoch 0 (and its map), training stays paused.
    scrub = page.locator(".st-key-tl_scrub input[type=range]")
    scrub.focus()
    page.keyboard.press("Home")
    page.wait_for_function("(s) => /\\b0\\b/.test(document.querySelector(s)?.innerText.split('·')[0])",
                           arg=STATUS, timeout=90_000)
    wait_for_app(page, 150_000)
    page.wait_for_timeout(500)
    assert shown_epoch(page) == 0
    assert canvas_pixels(page, CANVAS) != live_map
    caption = page.locator(".st-key-tl_buttons").inner_text()
    latest = int(re.search(r"the network is at epoch (\d+)", caption).group(1))
    assert latest >= 60

    # One checkpoint on, continue from there: the network is back at that epoch and Play trains on from it.
    scrub.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("(s) => !/\\b0\\b/.test(document.querySelector(s)?.innerText.split('·')[0])",
                           arg=STATUS, timeout=90_000)
    wait_for_app(page, 150_000)
    back_to = shown_epoch(page)
    assert 0 < back_to < latest
    page.locator(".st-key-tl_continue button:not([disabled])").first.click()
    wait_for_app(page, 150_000)
    assert shown_epoch(page) == back_to
    key_button(page, "pg_play").click()
    page.wait_for_function("([s, e]) => Number(document.querySelector(s)?.innerText.match(/\\d+/)[0]) > e",
                           arg=[STATUS, back_to], timeout=90_000)
    key_button(page, "pg_play").click()
    wait_for_app(page, 150_000)
    assert not page.locator("[data-testid='stException']").count()
    screenshot(page, "timeline_continued")

    # A comparison link: both runs train, side by side, in lockstep.
    page.goto(server_url + "/Compare?dataset=spiral&b_optimizer=sgd&b_lr=0.1")
    wait_for_app(page, 150_000)
    page.wait_for_selector(".st-key-cmp_live canvas", timeout=150_000)
    key_button(page, "cmp_play").click()
    lines = page.locator(".st-key-cmp_live [data-testid='stMarkdownContainer'] p")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.st-key-cmp_live p')].map(p => p.innerText)"
        ".join('\\n').match(/epoch (\\d+)/g)?.every(m => Number(m.split(' ')[1]) >= 30)", timeout=150_000)
    text = lines.first.inner_text()
    assert "adam" in text and "sgd" in text
    epochs = [int(n) for n in re.findall(r"epoch (\d+)", text)]
    assert len(epochs) == 2 and min(epochs) >= 30
    key_button(page, "cmp_play").click()
    wait_for_app(page, 150_000)
    assert not page.locator("[data-testid='stException']").count()
    screenshot(page, "compare_trained")
