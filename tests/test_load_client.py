"""The headless load client (benchmarks/load_client.py) against a small app whose fragment counts its runs.

The client must see every fragment run its session made, each session only its own, at the pace of the
fragment's timer: N clients together produce the expected number of ticks.
"""

import asyncio
import json
import socket
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.load_client import Session, epoch_of, live_view_of, open_sessions
from benchmarks.replicas import start_replica, stop

APP = "tests/load_app/counter_app.py"
INTERVAL = 0.1  # counter_app.INTERVAL


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def counter_server():
    port = _free_port()
    proc = start_replica(port, app=APP)
    yield f"http://127.0.0.1:{port}"
    stop(proc)


def test_epoch_of_reads_the_status_line():
    assert epoch_of("#### Epoch **1234** &nbsp;·&nbsp; Train loss **0.5000**") == 1234
    assert epoch_of("#### 轮次 **7** &nbsp;·&nbsp; 训练损失 **0.1**") == 7
    assert epoch_of("Some other **12** text") is None
    assert epoch_of("#### no number") is None


async def _train(base: str, n: int, seconds: float, query: str = "", pace: str = "arrival") -> list[Session]:
    sessions = await open_sessions(base, [f"/?{query}"] * n, pace=pace)
    try:
        for session in sessions:
            assert session.runs_finished == 1 and session.ticks == []  # nothing ticks before "go"
            await session.press("go")
        await asyncio.sleep(seconds)
    finally:
        for session in sessions:
            await session.close()
    return sessions


def _run(coro):
    """asyncio.run in a thread of its own: in the full suite Playwright's sync API keeps an event loop running in
    the main thread, where asyncio.run refuses to start."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _runs_shown(session: Session) -> list[int]:
    return [epoch_of(text) for tick in session.ticks for text in tick.texts if epoch_of(text) is not None]


def _consecutive(shown: list[int]) -> list[int]:
    # The click's full run runs the fragment once too (run 1); the timer's fragment runs follow: 2, 3, ...
    return list(range(2, len(shown) + 2))


def test_n_clients_see_each_of_their_own_fragment_runs(counter_server):
    n, seconds = 4, 2.0
    sessions = _run(_train(counter_server, n, seconds))
    for session in sessions:
        shown = _runs_shown(session)
        # Every fragment run this session made reached it, once, in order (each session counts
        # its own runs: another session's ticks would show up as repeats or gaps).
        assert shown == _consecutive(shown)
        assert len(session.ticks) == len(shown)
        # One run per timer beat at most, and the timer kept beating (the box is shared, so the floor is loose).
        assert seconds / INTERVAL * 0.3 <= len(shown) <= seconds / INTERVAL + 1
    total = sum(len(s.ticks) for s in sessions)
    assert total >= n * seconds / INTERVAL * 0.3


def test_a_timer_faster_than_the_runs_gets_one_run_per_arrival(counter_server):
    # Each run sleeps 0.3 s while the timer beats every 0.1 s: pacing on arrival sends one request per finished
    # run (about seconds / 0.3 runs, never one per beat), and the server runs them one after another.
    seconds = 2.0
    (session,) = _run(_train(counter_server, 1, seconds, query="sleep=0.3"))
    shown = _runs_shown(session)
    assert shown == _consecutive(shown)
    assert 2 <= len(shown) <= seconds / 0.3 + 1
    # The requests sent: the first run, the click, and one per run (the last may still be in flight).
    assert len(shown) + 2 <= session.requests_sent <= len(shown) + 3


def test_timer_pace_sends_every_beat_and_the_server_runs_one_at_a_time(counter_server):
    # Pace "timer" (Streamlit's front end: setInterval) sends at every beat while a run is going on; the server
    # queues one run at a time, and a run overtaken before its elements went out is dropped, not shown.
    seconds = 2.0
    (session,) = _run(_train(counter_server, 1, seconds, query="sleep=0.3", pace="timer"))
    assert session.requests_sent >= 2 + seconds / INTERVAL * 0.5  # requests went out at (almost) every beat
    runs = len(session.ticks) + session.dropped
    assert 2 <= runs <= seconds / 0.3 + 1  # while the runs stayed one after another, 0.3 s each
    if session.epoch_log:  # the counter, where shown, never ran ahead of the runs the client saw
        assert session.epoch_log[-1][1] <= runs + 1


def test_the_live_view_component_gives_the_epoch_and_the_updates_it_carries():
    # ui/live_canvas's data: the status line's first part is the epoch; each earlier frame is one more update.
    payload = json.dumps({"status": {"parts": [["Epoch", "1234"], ["Train loss", "0.1"]], "notes": []},
                          "frames": [{"status": {"parts": [["Epoch", "1229"]]}}] * 3})
    assert live_view_of(payload) == (1234, 4)
    assert live_view_of(json.dumps({"status": {"parts": [["Epoch", "7"]]}})) == (7, 1)  # paused: no frames
    for other in ("", "not json", json.dumps({"x": 1}), json.dumps({"status": {"parts": [["Epoch", "n/a"]]}})):
        assert live_view_of(other) == (None, 0)  # another component, or no counter: not counted
