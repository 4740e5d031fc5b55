"""A class through a real load balancer: two Playground replicas behind HAProxy (deploy/haproxy.cfg).

Two browser sessions land on different replicas (HAProxy's sticky cookie PLAYGROUND_REPLICA names the replica
that served the page: r1 or r2), both train, a reload stays on its replica and keeps training there; then the
replica of one session is stopped and that session's page reconnects through the balancer to the other replica,
where it trains again. Everything started here is stopped at the end. Ports: replicas 8671-8672, HAProxy 8690.
"""

import re
import time

import pytest

from benchmarks.replicas import start_haproxy, start_replicas, stop
from tests.browser.conftest import (
    PLAYGROUND_STATUS_JS,
    key_button,
    playground_status,
    wait_for_app,
    wait_for_charts,
    wait_for_playground_status,
)

REPLICA_PORTS = [8671, 8672]
BALANCER = "http://127.0.0.1:8690"
QUERY = "/Playground?dataset=xor&hidden=3&acts=tanh&lr=0.1"
COOKIE = "PLAYGROUND_REPLICA"


@pytest.fixture
def balanced(tmp_path):
    """{"r1": replica process, "r2": ...} behind HAProxy on 8690, sharing one database (saved runs, issue 16's
    PLAYGROUND_DB_URL); all stopped afterwards (each test stops a replica, so each gets its own)."""
    procs = start_replicas(REPLICA_PORTS, env={"PLAYGROUND_DB_URL": f"sqlite:///{tmp_path / 'runs.db'}"})
    try:
        balancer = start_haproxy(8690, REPLICA_PORTS)
    except Exception:
        for proc in procs:
            stop(proc)
        raise
    yield {"r1": procs[0], "r2": procs[1]}
    stop(balancer)
    for proc in procs:
        stop(proc)


def replica_of(context) -> str:
    values = [c["value"] for c in context.cookies(BALANCER) if c["name"] == COOKIE]
    assert len(values) == 1, context.cookies(BALANCER)
    return values[0]


def epochs(page) -> int:
    status = playground_status(page)
    return int(status[0]) if status and status[0].isdigit() else 0


def play_and_train(page, above: int = 0, timeout_s: float = 60) -> int:
    """Press Play, wait until the epoch counter passes `above`; return it."""
    key_button(page, "pg_play").click()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if epochs(page) > above:
            return epochs(page)
        page.wait_for_timeout(300)
    raise AssertionError(f"no training through the balancer within {timeout_s} s (epochs {epochs(page)})")


def open_playground(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(BALANCER + QUERY)
    wait_for_app(page)
    wait_for_charts(page)
    return context, page


def test_sessions_stick_to_their_replica_and_move_when_it_stops(balanced, browser):
    (ctx_a, page_a), (ctx_b, page_b) = open_playground(browser), open_playground(browser)
    try:
        on_a, on_b = replica_of(ctx_a), replica_of(ctx_b)
        assert {on_a, on_b} == {"r1", "r2"}  # round robin: the two sessions landed on different replicas

        trained_a = play_and_train(page_a)
        play_and_train(page_b)
        assert epochs(page_a) >= trained_a  # both train at once

        # A reload keeps the cookie, so the balancer sends it to the same replica; the page starts again there
        # from its URL (a new Streamlit session) and trains.
        page_b.reload()
        wait_for_app(page_b)
        assert replica_of(ctx_b) == on_b
        play_and_train(page_b)

        # The replica of session A goes away: its websocket drops, Streamlit's front end reconnects through the
        # balancer by itself, which redispatches it to the live replica (and re-sets the cookie); the page runs
        # again there from its URL and trains.
        stop(balanced[on_a])
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and replica_of(ctx_a) != on_b:
            page_a.wait_for_timeout(500)  # the front end retries on its own; no reload
        wait_for_app(page_a)
        assert replica_of(ctx_a) == on_b
        # A fresh session there (the old one's state stayed on the stopped replica): its counter starts at 0.
        page_a.wait_for_function(f"() => ({PLAYGROUND_STATUS_JS})()[0] === '0'", timeout=30_000)
        play_and_train(page_a)
        assert epochs(page_b) > 0  # the other session kept its replica and its training
    finally:
        ctx_a.close()
        ctx_b.close()


def test_a_saved_run_continues_on_the_other_replica_from_its_resume_link(balanced, browser):
    context, page = open_playground(browser)
    try:
        on = replica_of(context)
        trained = play_and_train(page, above=30)
        key_button(page, "pg_play").click()  # pause
        key_button(page, "pg_play").filter(has_text="play_arrow").wait_for(timeout=60_000)
        wait_for_app(page)
        saved_epochs = epochs(page)
        assert saved_epochs >= trained
        page.get_by_role("button", name=re.compile("Save run")).click()
        page.locator(".st-key-cls_save button").click()
        link = page.locator("code", has_text="?run=").first
        link.wait_for(timeout=30_000)
        resume = link.inner_text().strip()
        assert resume.startswith("/Playground?run=")

        stop(balanced[on])
        page.goto(BALANCER + resume)  # through the balancer: the cookie's replica is gone, so the other one
        wait_for_app(page)
        assert replica_of(context) != on
        wait_for_playground_status(page)  # the fresh page's live view draws after the run
        assert epochs(page) == saved_epochs  # restored from the shared database
        assert play_and_train(page, above=saved_epochs) > saved_epochs  # and it continues from there
    finally:
        context.close()
