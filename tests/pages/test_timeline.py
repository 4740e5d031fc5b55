"""The Playground's timeline under AppTest: checkpoints per tick, scrubbing back shows that epoch, continue,
replay, Restart (the same run again) and New weights."""

from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.pages.test_playground import curves_shown, map_data, status

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "1_Playground.py")


def scrubber(at):
    """The timeline's slider (over epochs; a value between checkpoints snaps to one)."""
    return at.slider(key="tl_scrub_epoch")


def trained(ticks=4, **params) -> AppTest:
    """The Playground on the spiral, 5 epochs per tick (the tick's time budget never cuts them), `ticks` ticks;
    returns it paused, with the map shown after each tick in `at.maps` (epoch -> map colours)."""
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params.update({"dataset": "spiral", "epochs_per_tick": "5", "hidden": "6,6", **params})
    at.run()
    at.maps = {0: map_data(at)["rgb"]}
    at.button(key="pg_play").click().run()
    for tick in range(ticks):
        if tick:
            at.run()
        at.maps[at.session_state["pg.model"].epochs_trained] = map_data(at)["rgb"]
    at.button(key="pg_play").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_scrubbing_back_shows_that_epoch_and_continuing_goes_on_from_it():
    at = trained()
    model = at.session_state["pg.model"]
    log = at.session_state["tl.log"]
    assert log.epochs == [0, 5, 10, 15, 20] and model.epochs_trained == 20
    scrubber(at).set_value(10).run()
    assert not at.exception
    # The view shows epoch 10 exactly as it was drawn when training passed it; the live model is untouched.
    assert map_data(at)["rgb"] == at.maps[10]
    assert map_data(at)["rgb"] != at.maps[20]
    assert "**10**" in status(at) and at.session_state["pg.model"].epochs_trained == 20
    assert curves_shown(at)["marker"] == 10
    assert not at.session_state["pg.playing"]
    at.button(key="tl_continue").click().run()
    assert model.epochs_trained == 10 and at.session_state["tl.log"].epochs == [0, 5, 10]
    assert max(at.session_state["pg.history"]["epoch"]) == 10
    assert curves_shown(at)["marker"] is None
    # Training on from epoch 10 redraws epoch 15 as the first run drew it (optimizer state and shuffling kept).
    at.button(key="pg_play").click().run()
    assert model.epochs_trained == 15
    assert map_data(at)["rgb"] == at.maps[15]


def test_back_to_latest_and_replay_end_on_the_live_model():
    at = trained(ticks=3)
    scrubber(at).set_value(5).run()
    at.button(key="tl_latest").click().run()
    assert at.session_state["tl.index"] is None and map_data(at)["rgb"] == at.maps[15]
    at.button(key="tl_replay").click().run()
    shown = [at.session_state["tl.index"]]
    for _ in range(5):
        at.run()
        shown.append(at.session_state["tl.index"])
    assert shown[:3] == [0, 1, 2] and shown[-1] is None and not at.session_state["tl.replay"]
    assert not at.exception


def test_restart_runs_the_same_run_again_and_new_weights_start_elsewhere():
    at = trained(ticks=3)
    model = at.session_state["pg.model"]
    first = (model.get_weights(), dict(at.session_state["pg.history"]), at.maps)
    at.button(key="pg_reset").click().run()
    assert model.epochs_trained == 0 and at.session_state["tl.log"].epochs == [0]
    assert map_data(at)["rgb"] == first[2][0]
    at.button(key="pg_play").click().run()
    at.run()
    at.run()
    at.button(key="pg_play").click().run()
    assert model.epochs_trained == 15
    for got, want in zip(model.get_weights(), first[0], strict=True):
        np.testing.assert_array_equal(got, want)
    again = at.session_state["pg.history"]
    assert again.keys() == first[1].keys()
    for name, values in first[1].items():  # NaN where no test evaluation: equal as arrays, NaN == NaN
        np.testing.assert_array_equal(np.asarray(again[name], dtype=float), np.asarray(values, dtype=float))
    seed = at.session_state["pg.seed"]
    at.button(key="pg_new_weights").click().run()
    fresh = at.session_state["pg.model"]
    assert at.session_state["pg.seed"] != seed and fresh.epochs_trained == 0
    assert not np.array_equal(fresh.get_weights()[0], first[0][0])
    assert at.session_state["tl.log"].epochs == [0]


def test_the_weight_path_is_the_checkpoints_in_epoch_order():
    at = trained(ticks=3)
    from ui import timeline

    # weight_path reads the session: run it the way a page would, through the AppTest's session state.
    log, model = at.session_state["tl.log"], at.session_state["pg.model"]
    path = log.weight_path(model)
    assert [epoch for epoch, _ in path] == [0, 5, 10, 15]
    np.testing.assert_array_equal(path[-1][1][0], model.get_weights()[0])
    assert timeline.MAX_CHECKPOINTS == log.max_count


def test_a_value_between_checkpoints_snaps_in_the_direction_moved():
    at = trained(ticks=3)  # checkpoints at epochs 0, 5, 10, 15
    scrubber(at).set_value(0).run()
    assert at.session_state["tl.index"] == 0
    scrubber(at).set_value(1).run()  # one step right (a key press) reaches the next checkpoint
    assert at.session_state["tl.index"] == 1 and scrubber(at).value == 5
    scrubber(at).set_value(9).run()  # forward again: the first checkpoint at or after 9
    assert scrubber(at).value == 10
    scrubber(at).set_value(7).run()  # back: the last checkpoint at or before 7
    assert scrubber(at).value == 5 and not at.exception


def test_a_stale_slider_sent_back_with_another_click_does_not_look_back():
    # The browser missed the run that moved the slider to the latest epoch and sends its old value with the next
    # click: that is not the learner scrubbing (a Pause then showed an old checkpoint while the model trained on).
    at = trained(ticks=2)
    at.button(key="pg_step").click().run()  # a full run: the slider is set to the new latest epoch
    latest = at.session_state["pg.model"].epochs_trained
    stale = at.session_state["tl.scrub_set"][-2]
    assert stale < latest == at.session_state["tl.scrub_set"][-1]
    scrubber(at).set_value(stale).run()
    assert at.session_state.get("tl.index") is None and f"**{latest}**" in status(at)
    scrubber(at).set_value(5).run()  # a real move still looks back
    assert at.session_state["tl.index"] is not None and "**5**" in status(at)
