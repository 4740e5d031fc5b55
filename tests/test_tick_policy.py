"""The live tick's epochs-per-tick policy (ui/tick_policy.py): hand-worked numbers, and a simulated busy server."""

import pytest

from ui import tick_policy as tp


def test_alone_the_learners_setting_holds():
    assert tp.stretch(None) == 1.0
    assert tp.stretch(tp.NOMINAL_INTERVAL) == 1.0
    assert tp.stretch(0.02) == 1.0  # faster than nominal never trains less
    assert tp.epochs_for_tick(30, 0.1, 0.001) == 30


def test_sparse_ticks_train_more_by_the_cube_root_of_their_interval():
    # 0.8 s apart: (0.8 / 0.1) ** (1/3) = 2 -> 60 epochs of 30; 0.3 s: 3 ** (1/3) = 1.442... -> 43.
    assert tp.stretch(0.8) == pytest.approx(2.0)
    assert tp.epochs_for_tick(30, 0.8, 0.001) == 60
    assert tp.epochs_for_tick(30, 0.3, 0.001) == 43
    assert tp.stretch(2.7) == pytest.approx(3.0)  # 27 ** (1/3): the cap is reached at 2.7 s
    assert tp.stretch(1000.0) == tp.MAX_STRETCH
    assert tp.epochs_for_tick(30, 1000.0, 0.0001) == 90


def test_the_cpu_budget_caps_a_big_network_and_a_step_is_one_epoch():
    # 0.2 s of CPU per epoch: 0.5 s budget -> 2 epochs, whatever the interval.
    assert tp.epochs_for_tick(30, 0.1, 0.2) == 2
    assert tp.epochs_for_tick(30, 5.0, 0.2) == 2
    assert tp.epochs_for_tick(30, 0.1, 10.0) == 1  # always at least the one epoch already trained
    assert tp.epochs_for_tick(1, 3.0, 0.001, live=False) == 1  # Step: exactly one, never stretched


def test_the_clock_smooths_intervals_and_forgets_pauses():
    clock = tp.TickClock()
    assert clock.tick(100.0) is None
    assert clock.tick(100.5) == pytest.approx(0.5)
    assert clock.tick(101.5) == pytest.approx(0.5 + tp.SMOOTHING * (1.0 - 0.5))  # 0.65
    assert clock.tick(101.5 + tp.PAUSE_GAP + 1) is None  # a pause: start measuring again
    assert clock.tick(101.5 + tp.PAUSE_GAP + 1.2) == pytest.approx(0.2)


def simulate(sessions: int, fixed: float = 0.05, per_epoch: float = 0.001, requested: int = 30,
             rounds: int = 60, policy: bool = True) -> tuple[float, float, int]:
    """Round-robin on one core: each session's tick costs fixed + epochs * per_epoch seconds; a session alone
    is paced by its 0.1 s timer. Returns the steady (updates/s, epochs/s, epochs per tick) of one session."""
    clocks = [tp.TickClock() for _ in range(sessions)]
    epochs = [requested] * sessions
    now = 0.0
    for _ in range(rounds):
        start = now
        for i in range(sessions):
            interval = clocks[i].tick(now)
            epochs[i] = tp.epochs_for_tick(requested, interval, per_epoch) if policy else requested
            now += fixed + epochs[i] * per_epoch
        now = max(now, start + tp.NOMINAL_INTERVAL)  # the browser's timer: no faster than one tick per 0.1 s
    period = now - start
    return 1 / period, epochs[0] / period, epochs[0]


def test_under_load_epochs_per_second_fall_slower_than_redraws_and_the_stretch_settles():
    alone_updates, alone_epochs, alone_per_tick = simulate(1)
    assert alone_per_tick == 30
    for n in (10, 30):
        updates, epochs, per_tick = simulate(n)
        fixed_updates, fixed_epochs, _ = simulate(n, policy=False)
        assert 30 < per_tick <= 30 * tp.MAX_STRETCH  # stretched, and bounded (no runaway)
        assert epochs / alone_epochs > updates / alone_updates  # epochs/s degrade more slowly than redraws
        assert epochs > 1.5 * fixed_epochs  # and more than with a fixed 30 epochs per tick
        assert updates > 0.5 * fixed_updates  # at a bounded cost in redraws
    # Ten sessions, by hand: the fixed point of I = 10 * (0.05 + E * 0.001) and E = int(30 * (I / 0.1) ** (1/3))
    # is E = 68, I = 1.18 s: 0.85 redraws/s and 58 epochs/s, against 1.25 and 37.5 with a fixed 30.
    updates, epochs, per_tick = simulate(10)
    assert (round(updates, 2), round(epochs), per_tick) == (0.85, 58, 68)
