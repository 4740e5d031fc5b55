"""How many epochs one live training tick trains, and in how many frames: fair sharing of a busy server.

A tick costs a fixed amount (Streamlit's run and messaging: ~23 ms of a core on the spiral, and in the browser a
re-render of the whole page, ~50 ms of its main thread), a view per frame drawn (~7 ms) and its epochs (~1.1 ms
each). The browser's re-render per run capped a session at ~15 runs/s whatever the server did
(benchmarks/README.md), so a tick that has the time sends FRAMES_PER_TICK views, the model after each quarter of
its epochs, and the live view plays them back spread over the time to the next tick (ui/canvas_component.py):
four updates on the screen per run.

When many sessions share a replica, each session's ticks come further apart; training the same few epochs per
tick would then spend most of the server on redraws. So while playing, a session trains more per tick the
further apart its ticks are, and draws one frame instead of four once they are SINGLE_FRAME_INTERVAL apart:

    epochs = epochs_per_tick * FRAMES_PER_TICK * clamp(interval / NOMINAL_INTERVAL, 1, MAX_STRETCH)

`epochs_per_tick` is the learner's "epochs per update" (one frame). `interval` is the session's own measured
wall time between ticks (smoothed). Alone (ticks every ~0.2 s, 4 frames of the default 5 epochs: 20-25
updates/s, 100-150 epochs/s) this is the learner's setting; with ticks 0.4 s apart, twice as many (the
session's epochs/s held); at most 3x, reached at 0.6 s. Beyond that epochs/s fall as 1/interval, and the cap
keeps it from running away (more epochs lengthen every session's interval). The numbers come from issue 17's
goal, ten sessions on one replica at >= 1 update/s and >= 60 epochs/s (TF Playground's one epoch per frame): at
1 s between ticks that is 60 epochs a tick, 3x the default 20 of a tick. Simulated in tests/test_tick_policy.py
(30 ms for a one-frame tick, 1.1 ms an epoch, one core, ten sessions): 1.04 redraws/s and 62.5 epochs/s each,
against 1.92 and 38.5 with a fixed 20 epochs per tick. Every session follows the same rule on its own
measurements, so none is favoured. Only the fragment timer's ticks are stretched and cut into frames: a full run
of the page (a click, a widget change) trains the learner's setting as it is, in one frame. The training of one
tick is also capped at TRAIN_CPU_BUDGET seconds of the script thread's own CPU time (`time.thread_time`): a big
network still redraws and answers Pause, and other sessions' work on the same GIL does not count against this
one (wall time would, and cut training under load).
"""

import threading
import time
from dataclasses import dataclass

NOMINAL_INTERVAL = 0.2  # s between ticks of one session alone (5 runs/s, 20 frames/s on the spiral)
STRETCH_POWER = 1.0  # epochs per tick grow as the interval (epochs/s held): the cap is reached at 0.6 s
MAX_STRETCH = 3.0  # at most 3x the learner's epochs per tick
FRAMES_PER_TICK = 4  # views a tick sends while the server keeps up (the browser plays them back)
SINGLE_FRAME_INTERVAL = 0.4  # s: ticks this far apart (a busy server) send one view, not FRAMES_PER_TICK
TRAIN_CPU_BUDGET = 0.5  # s of the script thread's CPU for one tick's training at most
SMOOTHING = 0.3  # weight of the newest interval in the running average
PAUSE_GAP = 15.0  # s: a longer gap between ticks is a pause (or a reload), not a busy server


# One lock for the whole server process, not per-user state: sessions' script threads take turns at the live
# tick's NumPy work instead of interleaving it. NumPy releases the GIL around each small BLAS call; with ten threads
# training at once each release hands the GIL to another thread for up to a switch interval (5 ms) for a call of
# microseconds (the convoy effect): measured, ten threads together trained 0.41x the epochs/s of one alone, and
# 0.92x with this lock (benchmarks/README.md, bench_load.py).
TICK_LOCK = threading.RLock()


def let_flush() -> None:
    """Wait (without the GIL) until Streamlit's event loop has sent this run's elements (two of its 5 ms flush
    cycles), as Streamlit's own `st.switch_page` does before a rerun.

    The browser's fragment timer asks for the next tick every 0.05 s, also while a tick runs, and the server
    starts that queued run the moment this one ends. Starting a run clears the fragment's elements still waiting
    in the queue, so without the wait the last views of a tick (the curves, then the map) were dropped on about
    half the ticks: measured, the curves drew on 0.57 of the ticks and the map on 0.74 (benchmarks/README.md).
    """
    from streamlit.runtime.runtime_util import MESSAGE_FLUSH_INTERVAL_SECS

    time.sleep(2 * MESSAGE_FLUSH_INTERVAL_SECS)


@dataclass
class TickClock:
    """A session's running average of the wall time between its training ticks (s); None until two ticks."""

    last: float | None = None
    interval: float | None = None

    def tick(self, now: float) -> float | None:
        """Record a tick at `now` (time.monotonic(), s); return the smoothed interval so far."""
        if self.last is not None:
            gap = now - self.last
            if gap > PAUSE_GAP:
                self.interval = None  # resumed after a pause: measure afresh
            elif self.interval is None:
                self.interval = gap
            else:
                self.interval += SMOOTHING * (gap - self.interval)
        self.last = now
        return self.interval


def timer_tick() -> bool:
    """True inside a fragment rerun (the live view's timer), False in a full run of the page (a click, a widget
    change, a reload, and every AppTest run): only the timer's ticks are stretched."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def stretch(interval: float | None) -> float:
    """The factor on the learner's epochs per tick for ticks `interval` s apart (1 until measured)."""
    if interval is None:
        return 1.0
    return min(max((interval / NOMINAL_INTERVAL) ** STRETCH_POWER, 1.0), MAX_STRETCH)


def epochs_for_tick(requested: int, interval: float | None, per_epoch_cpu: float, live: bool = True) -> int:
    """Epochs to train this tick: `requested` stretched for sparse ticks (only while playing: `live`; a Step
    trains exactly what it asks), at most TRAIN_CPU_BUDGET / per_epoch_cpu, at least 1.

    >>> epochs_for_tick(15, 0.2, 0.001), epochs_for_tick(15, 0.4, 0.001), epochs_for_tick(15, 0.8, 0.05)
    (15, 30, 10)
    >>> epochs_for_tick(1, 10.0, 0.001, live=False)
    1
    """
    wanted = requested * (stretch(interval) if live else 1.0)
    budget = TRAIN_CPU_BUDGET / max(per_epoch_cpu, 1e-6)
    return max(1, int(min(wanted, budget)))


def frame_epochs(requested: int, interval: float | None, per_epoch_cpu: float, live: bool = True) -> list[int]:
    """Epochs of each frame of this tick: while playing on the timer (`live`), `requested` per frame for
    FRAMES_PER_TICK frames, stretched (`epochs_for_tick`) and in one frame once ticks are far apart; otherwise
    one frame of `requested` (within the CPU budget). Never a frame of 0 epochs.

    >>> frame_epochs(5, 0.2, 0.001), frame_epochs(5, 0.4, 0.001), frame_epochs(5, 2.0, 0.001)
    ([5, 5, 5, 5], [40], [60])
    >>> frame_epochs(5, 0.1, 0.001, live=False), frame_epochs(2, 0.1, 0.4)
    ([5], [1])
    """
    if not live:
        return [epochs_for_tick(requested, interval, per_epoch_cpu, live=False)]
    total = epochs_for_tick(requested * FRAMES_PER_TICK, interval, per_epoch_cpu)
    frames = 1 if interval is not None and interval >= SINGLE_FRAME_INTERVAL else min(FRAMES_PER_TICK, total)
    base, extra = divmod(total, frames)
    return [base + (1 if i < extra else 0) for i in range(frames)]
