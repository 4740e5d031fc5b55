"""How many epochs one live training tick trains: fair sharing of a busy server.

A tick costs a fixed amount (the views, their encoding, Streamlit's messaging: ~30 ms of a core on the spiral)
plus its epochs (~1.1 ms each). When many sessions share a replica, each session's ticks come further apart;
training the same few epochs per tick would then spend most of the server on redraws. So while playing, a
session trains more per tick the further apart its ticks are:

    epochs = epochs_per_tick * clamp((interval / NOMINAL_INTERVAL) ** (1/2), 1, MAX_STRETCH)

`interval` is the session's own measured wall time between ticks (smoothed). Alone (ticks every ~0.05 s, the
default 15 epochs each: 20 updates/s, 300 epochs/s) this is the learner's setting; with ticks 0.2 s apart,
twice as many; at most 4x, reached at 0.8 s. Epochs/s then fall as interval^(-1/2) while redraws fall as
1/interval, until the cap, which keeps it from running away (more epochs lengthen every session's interval).
The numbers come from issue 17's goal, ten sessions on one replica at >= 1 update/s and >= 60 epochs/s (TF
Playground's one epoch per frame): at 1 s between ticks that is 60 epochs a tick, 4x the default 15. Simulated
in tests/test_tick_policy.py (30 ms fixed, 1.1 ms an epoch, one core, ten sessions): 1.04 redraws/s and 62.5
epochs/s each, against 2.15 and 32 with a fixed 15 epochs per tick; the cube root used before gave 41 epochs a
tick there. Every session follows the same rule on its own
measurements, so none is favoured. Only the fragment timer's ticks are stretched: a full run of the page (a
click, a widget change) trains the learner's setting as it is. The training of one tick is also capped at TRAIN_CPU_BUDGET seconds of the
script thread's own CPU time (`time.thread_time`): a big network still redraws and answers Pause, and other
sessions' work on the same GIL does not count against this one (wall time would, and cut training under load).
"""

import threading
import time
from dataclasses import dataclass

NOMINAL_INTERVAL = 0.05  # s between ticks of one session alone (20 updates/s on the spiral)
MAX_STRETCH = 4.0  # at most 4x the learner's epochs per tick
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
    return min(max((interval / NOMINAL_INTERVAL) ** 0.5, 1.0), MAX_STRETCH)


def epochs_for_tick(requested: int, interval: float | None, per_epoch_cpu: float, live: bool = True) -> int:
    """Epochs to train this tick: `requested` stretched for sparse ticks (only while playing: `live`; a Step
    trains exactly what it asks), at most TRAIN_CPU_BUDGET / per_epoch_cpu, at least 1.

    >>> epochs_for_tick(15, 0.05, 0.001), epochs_for_tick(15, 0.2, 0.001), epochs_for_tick(15, 0.8, 0.05)
    (15, 30, 10)
    >>> epochs_for_tick(1, 10.0, 0.001, live=False)
    1
    """
    wanted = requested * (stretch(interval) if live else 1.0)
    budget = TRAIN_CPU_BUDGET / max(per_epoch_cpu, 1e-6)
    return max(1, int(min(wanted, budget)))
