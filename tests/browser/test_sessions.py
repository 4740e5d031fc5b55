"""Two people on one server train at the same time and never see each other's data, network or progress.

Each browser context is a separate Streamlit session (its own websocket and st.session_state). Both open the
Playground with a different configuration, both press Play; then one pauses while the other keeps training.
"""

import re
import time

import pytest

from tests.browser.conftest import key_button, playground_status, screenshot, wait_for_app, wait_for_charts

SESSIONS = {
    # name: (URL query, data set shown in the picker, units per hidden layer, activations)
    "xor": ("dataset=xor&hidden=3&acts=tanh&lr=0.1", "XOR", ["3"], ["tanh"]),
    "spiral": ("dataset=spiral&hidden=8,8&acts=relu,relu&lr=0.01", "Spiral", ["8", "8"], ["relu", "relu"]),
}


def epochs(page) -> int:
    return int(playground_status(page)[0])


def train_loss(page) -> str:
    return playground_status(page)[1]


def play_button(page):
    return key_button(page, "pg_play")


def pause(page) -> None:
    """Press Pause and wait until the page has stopped: the button says Play again and nothing runs."""
    play_button(page).click()
    # The button's text content is "<icon name><label>": "play_arrowPlay" when stopped, "pausePause" when playing.
    play_button(page).filter(has_text="play_arrow").wait_for(timeout=60_000)
    wait_for_app(page)


def wait_for_epochs_above(page, value: int, timeout_s: float = 60) -> int:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        current = epochs(page)
        if current > value:
            return current
        time.sleep(0.5)
    raise AssertionError(f"epoch counter stuck at {value} for {timeout_s} s")


def check_own_configuration(page, name: str) -> None:
    query, dataset_label, units, acts = SESSIONS[name]
    # The URL still carries this session's configuration...
    for pair in query.split("&"):
        key, value = pair.split("=")
        assert re.search(rf"[?&]{key}={re.escape(value).replace(',', '(,|%2C)')}(&|$)", page.url), (name, page.url)
    # ...and so do its widgets: data set picker and the network builder's layers.
    assert page.locator(".st-key-w-dataset input").input_value() == dataset_label
    shown_units = [page.locator(f".st-key-w-units-{i} input").input_value() for i in range(len(units))]
    assert shown_units == units
    assert page.locator(f".st-key-w-units-{len(units)}").count() == 0  # no extra layer
    shown_acts = [page.locator(f".st-key-w-act-{i} input").input_value() for i in range(len(acts))]
    assert shown_acts == acts


@pytest.fixture
def two_sessions(browser, server_url):
    """Two separate browser contexts (two users) with the Playground open, each in its configuration."""
    pages = {}
    contexts = []
    for name, (query, *_rest) in SESSIONS.items():
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{server_url}/Playground?{query}")
        pages[name] = page
    for page in pages.values():
        wait_for_app(page)
        wait_for_charts(page)
    yield pages
    for context in contexts:
        context.close()


def test_two_sessions_train_at_once_without_sharing_anything(two_sessions):
    xor, spiral = two_sessions["xor"], two_sessions["spiral"]
    for name, page in two_sessions.items():
        check_own_configuration(page, name)
        assert epochs(page) == 0

    # Both train at the same time.
    play_button(xor).click()
    play_button(spiral).click()
    wait_for_epochs_above(xor, 0)
    wait_for_epochs_above(spiral, 0)

    # One pauses; the other keeps training, and the paused one's counter does not move with it.
    pause(xor)
    xor_epochs, xor_loss = epochs(xor), train_loss(xor)
    spiral_before = epochs(spiral)
    wait_for_epochs_above(spiral, spiral_before + 20)
    assert epochs(xor) == xor_epochs
    assert train_loss(xor) == xor_loss

    pause(spiral)
    for name, page in two_sessions.items():
        check_own_configuration(page, name)
        assert page.locator('[data-testid="stException"]').count() == 0
    # Each has its own model and history: different progress, different loss.
    assert epochs(spiral) > spiral_before > 0
    assert train_loss(xor) != train_loss(spiral)
    wait_for_charts(xor)
    screenshot(xor, "sessions_xor")
    screenshot(spiral, "sessions_spiral")
