"""The Playground's timeline: checkpoints of the run, a scrubber to look back, continue, replay; Restart and
New weights.

Per session, in st.session_state (the checkpoints themselves: `engine.checkpoints.CheckpointLog`):
- "tl.log": the log of the model in "tl.owner" (a new model, after a rebuild, starts a new log at its state),
- "tl.index": the checkpoint shown (None: the live model), "tl.view": (index, the restored copy shown),
- "tl.replay": True while the replay animates the checkpoints (the page's live fragment runs on a timer).
The live model ("pg.model") is never changed by looking back; only "continue from here" and "Restart" put a
checkpoint into it.
"""

import numpy as np
import streamlit as st

from engine.checkpoints import CheckpointLog, restore
from ui import playground as pg
from ui.i18n import t

MAX_CHECKPOINTS = 200
REPLAY_SECONDS = 0.15  # a replay frame this often
REPLAY_FRAMES = 60  # a replay shows at most this many checkpoints (about 9 s)


def log_for(model) -> CheckpointLog:
    """The session's checkpoint log of `model`; a model the log has not seen starts a new one at its state."""
    if st.session_state.get("tl.owner") is not model or "tl.log" not in st.session_state:
        log = CheckpointLog(MAX_CHECKPOINTS)
        log.record(model, st.session_state.get("pg.latest") or {})
        st.session_state["tl.log"], st.session_state["tl.owner"] = log, model
        _show(None)
    return st.session_state["tl.log"]


def record_checkpoint(model, latest: dict) -> None:
    """After a training tick (ui.playground.train): keep the model's state with the tick's losses."""
    log_for(model).record(model, latest)
    _show(None)


def weight_path() -> list[tuple[int, list[np.ndarray]]]:
    """The Playground's checkpoints as (epoch, model.get_weights()) in epoch order ([] without a model)."""
    model = st.session_state.get("pg.model")
    return [] if model is None else log_for(model).weight_path(model)


SCRUB_KEY = "tl_scrub_epoch"


def _show(index: int | None) -> None:
    st.session_state["tl.index"] = index
    if index is None:
        st.session_state["tl.replay"] = False


def shown_index() -> int | None:
    return st.session_state.get("tl.index")


def is_replaying() -> bool:
    return bool(st.session_state.get("tl.replay"))


def replay_seconds() -> float | None:
    """The live fragment's timer while a replay runs (None otherwise)."""
    return REPLAY_SECONDS if is_replaying() else None


def shown_model():
    """The model the live view draws: the checkpoint looked at, else the live model (None without one).

    Called once per run of the live fragment: while a replay runs, each call moves on to the next frame, and the
    last frame ends the replay (a full run stops the fragment's timer).
    """
    model = st.session_state.get("pg.model")
    if model is None:
        return None
    log = log_for(model)
    if pg.is_playing():
        _show(None)  # Play goes on from the latest state
        return model
    index = shown_index()
    if is_replaying():
        index = 0 if index is None else index + max(1, -(-len(log) // REPLAY_FRAMES))
        if index >= len(log) - 1:
            _show(None)
            st.rerun()
        st.session_state["tl.index"] = index
    if index is None or index >= len(log):
        return model
    cached = st.session_state.get("tl.view")
    if cached is None or cached[0] != (index, log[index].epoch) or cached[2] is not model:
        cached = ((index, log[index].epoch), log.model_at(index, model), model)
        st.session_state["tl.view"] = cached
    return cached[1]


def shown_latest(latest: dict) -> dict:
    """The status line's numbers: those recorded with the checkpoint looked at, else `latest`."""
    index = shown_index()
    log = st.session_state.get("tl.log")
    if index is None or log is None or index >= len(log):
        return latest
    return log[index].logs


def marker_epoch() -> int | None:
    """The epoch to mark on the curves (the checkpoint looked at), or None for the live model."""
    index = shown_index()
    log = st.session_state.get("tl.log")
    return None if index is None or log is None or index >= len(log) else log[index].epoch


# ----- actions (button and slider callbacks) --------------------------------------------------------------

def truncate_history(history: dict, epoch: int) -> dict:
    """The history without its points after `epoch` (stride kept)."""
    keep = sum(1 for e in history["epoch"] if e <= epoch)
    return {name: (values[:keep] if isinstance(values, list) else values) for name, values in history.items()}


def _scrubbed() -> None:
    model = st.session_state.get("pg.model")
    if model is None:
        return
    epoch = int(st.session_state[SCRUB_KEY])
    if epoch in (st.session_state.get("tl.scrub_set") or []):
        # A value a full run set: the browser echoes it with its next message, or sends back a slider it had not
        # redrawn since with a click elsewhere. Neither is a move; taken as one, a Pause that landed while a tick
        # trained showed the checkpoint before it instead of the live model (the balancer journey caught it).
        return
    st.session_state["pg.playing"] = False
    log = log_for(model)
    epochs = log.epochs
    shown = shown_index()
    current = epochs[-1] if shown is None or shown >= len(log) else epochs[shown]
    # Snap in the direction the learner moved: one step right (a key press, one epoch) reaches the next checkpoint.
    if epoch > current:
        index = min(int(np.searchsorted(epochs, epoch, side="left")), len(log) - 1)
    else:
        index = log.index_of(epoch)
    _show(None if index == len(log) - 1 and log[index].epoch == model.epochs_trained else index)


def continue_from_here() -> None:
    """Put the checkpoint looked at into the live model: later checkpoints and history dropped."""
    model, index = st.session_state.get("pg.model"), shown_index()
    if model is None or index is None:
        return
    log = log_for(model)
    log.drop_after(log[index].epoch)
    _rewind(model, log[index])


def _rewind(model, checkpoint) -> None:
    """The live model, its history and status back at `checkpoint`; paused, showing the live model."""
    restore(checkpoint, model)
    st.session_state["pg.history"] = truncate_history(st.session_state.get("pg.history") or pg.empty_history(),
                                                      checkpoint.epoch)
    st.session_state["pg.latest"] = dict(checkpoint.logs)
    st.session_state["pg.diverged"] = None
    st.session_state["pg.playing"] = False
    _show(None)


def back_to_latest() -> None:
    _show(None)


def start_replay() -> None:
    st.session_state["pg.playing"] = False
    st.session_state["tl.index"] = None
    st.session_state["tl.replay"] = True


def restart() -> None:
    """Train again from this run's first checkpoint: the same initial weights, data and shuffling."""
    model = st.session_state.get("pg.model")
    log = st.session_state.get("tl.log")
    if model is None or log is None or st.session_state.get("tl.owner") is not model or not len(log):
        pg.reset_model()  # no run yet: build again from the configuration (same seed, same start)
        return
    fresh = CheckpointLog(MAX_CHECKPOINTS)  # a new run: dense again from its start
    fresh.items.append(log[0])
    st.session_state["tl.log"] = fresh
    _rewind(model, log[0])


def new_weights() -> None:
    """Draw fresh initial weights: a new weight seed (shareable in the link), so a new model."""
    # A generator of its own from the OS's entropy: no shared module-level random state.
    pg.set_field("seed", int(np.random.default_rng().integers(0, 2**31 - 1)))
    pg.reset_model()
    _show(None)


# ----- drawing ---------------------------------------------------------------------------------------------

def restart_buttons(disabled: bool = False) -> None:
    """The "Restart" (same start) and "New weights" buttons, for the Playground's row of controls."""
    st.button(t("timeline.restart"), key="pg_reset", icon=":material/replay:", on_click=restart, shortcut="Z",
              help=t("timeline.restart_help") + " " + t("timeline.key", letter="Z"), disabled=disabled)
    st.button(t("timeline.new_weights"), key="pg_new_weights", icon=":material/casino:", on_click=new_weights,
              shortcut="N", help=t("timeline.new_weights_help") + " " + t("timeline.key", letter="N"))


def timeline_panel(data) -> None:
    """The scrubber under the live view, its buttons, and the recording downloads."""
    model = st.session_state.get("pg.model")
    if model is None:
        return
    log = log_for(model)
    with st.container(key="tl_panel", border=True):
        if len(log) < 2:
            st.caption(t("timeline.empty"))
            return
        epochs = log.epochs
        index = shown_index()
        # A slider over epochs with one fixed key, its value set here at each full run: a select slider sends
        # an index into the options the browser last saw, and with a new key per set of checkpoints the browser
        # re-sent its old index into the new options (a Pause jumped back to an early checkpoint).
        st.session_state[SCRUB_KEY] = epochs[-1 if index is None or index >= len(log) else index]
        # The values set here lately: one coming back is the browser's stale slider (it missed a run), not a move.
        st.session_state["tl.scrub_set"] = (st.session_state.get("tl.scrub_set") or [])[-2:] + [
            st.session_state[SCRUB_KEY]]
        with st.container(key="tl_scrub"):
            st.slider(t("timeline.scrub"), min_value=int(epochs[0]), max_value=int(epochs[-1]), step=1,
                      key=SCRUB_KEY, on_change=_scrubbed, format=t("timeline.epoch", epoch="%d"),
                      help=t("timeline.scrub_help", count=len(log), max=MAX_CHECKPOINTS))
        looking = index is not None and not is_replaying()
        with st.container(horizontal=True, vertical_alignment="center", key="tl_buttons"):
            st.button(t("timeline.continue"), key="tl_continue", icon=":material/call_split:",
                      on_click=continue_from_here, disabled=not looking, help=t("timeline.continue_help"))
            st.button(t("timeline.latest"), key="tl_latest", icon=":material/last_page:", on_click=back_to_latest,
                      disabled=index is None)
            if is_replaying():
                st.button(t("timeline.stop_replay"), key="tl_replay", icon=":material/stop:", on_click=back_to_latest)
            else:
                st.button(t("timeline.replay"), key="tl_replay", icon=":material/slideshow:", on_click=start_replay,
                          help=t("timeline.replay_help"))
            if data.is_2d:
                _record_popover(log, model, data)
            if looking:
                st.caption(t("timeline.looking", epoch=log[index].epoch, latest=model.epochs_trained))


def _record_popover(log, model, data) -> None:
    """Downloads for a slide: the boundary's evolution as a GIF, the current view as a PNG (made on click)."""
    from ui import recording

    stamp = t("timeline.stamp")
    shown = shown_model() if not is_replaying() else model
    history = st.session_state.get("pg.history") or pg.empty_history()
    marker = marker_epoch()
    count = len(recording.frame_indices(len(log)))
    with st.popover(t("timeline.record"), icon=":material/movie:"):
        st.caption(t("timeline.record_help", frames=count))
        # Deferred: the frames are drawn when the button is clicked, not at every run of the page.
        st.download_button(t("timeline.gif"), key="tl_gif", icon=":material/gif_box:", mime="image/gif",
                           file_name=f"boundary_epochs_{log[0].epoch}-{log[-1].epoch}.gif", on_click="ignore",
                           data=lambda: recording.boundary_gif(log, model, data, stamp))
        st.download_button(t("timeline.png"), key="tl_png", icon=":material/image:", mime="image/png",
                           file_name=f"playground_epoch_{shown.epochs_trained}.png", on_click="ignore",
                           data=lambda: recording.view_png(shown, data, history, stamp, marker))

