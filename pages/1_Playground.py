"""The Playground: pick data, build a network layer by layer, train it and watch it learn, live."""

from ui.setup import setup_page

setup_page("pg.title")

import streamlit as st

from engine.datasets import DATASETS
from ui import classroom, hands_on, tick_policy, timeline
from ui import playground as pg
from ui import playground_view as view
from ui.challenges import epochs_allowed
from ui.data_widgets import csv_upload
from ui.display import index_of
from ui.explain import explain_panel, record_gradient_norms
from ui.i18n import current_language, t
from ui.landscape import paused_views
from ui.live_canvas import show_live
from ui.model_io import model_io_panel
from ui.presenter import layout_css
from ui.state import control_mode, current_config, load_from_url, playground_link, write_to_url
from ui.widgets import (
    data_controls,
    feature_toggles,
    layer_stepper,
    live_chart,
    network_builder,
    output_controls,
    presenter_toggle,
    training_controls,
    view_controls,
)

TICK_SECONDS = 0.04  # the browser asks for a tick this often; it waits while one is being drawn

classroom.open_from_url()  # ?run= (a saved run), ?challenge=, ?lesson= (a class link)
ignored = load_from_url()
if ignored:
    st.warning(t("pg.ignored_params", names=", ".join(ignored)))
classroom.task_banner()

with st.sidebar:
    st.header(t("pg.data"))
    data_controls(DATASETS)
config = current_config()

if config["dataset"] == pg.UPLOAD:
    has_upload = st.session_state.get("pg.upload_ds") is not None
    with st.expander(t("pg.upload"), expanded=not has_upload, icon=":material/upload:"):
        uploaded = csv_upload("pg_upload", confirm=True)
        if uploaded is not None:
            st.session_state["pg.upload_ds"] = uploaded
            st.success(t("pg.upload_used", rows=uploaded.n_examples))

data = pg.bundle(config)
with st.sidebar:
    if data is not None and data.is_2d:
        feature_toggles()
    elif data is not None:
        st.caption(t("pg.all_features", n=data.ds.n_features))
    st.header(t("pg.training"))
    training_controls()
    st.header(t("pg.view"))
    view_controls()
    if data is not None and data.is_2d and data.ds.problem == "multiclass" and control_mode("class_maps") != "hidden":
        st.toggle(t("pg.class_maps"), key="pg_class_maps", help=t("pg.class_maps_help"),
                  disabled=control_mode("class_maps") == "locked")

if data is None:
    st.info(t("pg.no_data"))
    write_to_url()
    st.stop()

config = current_config()
presenter = bool(config["presenter"])
layout_css(presenter)
model = pg.ensure_model(config, data)
problem = data.ds.problem
head = pg.head_choice(config, problem)


def _set_playing(playing: bool) -> None:
    # Set, never toggle: with live ticks queued behind a click, Streamlit can deliver the click's callback
    # twice (a coalesced rerun replays its trigger), and a toggle would then undo the learner's Pause.
    st.session_state["pg.playing"] = playing
    if playing:
        st.session_state["pg.diverged"] = None


def _step() -> None:
    st.session_state["pg.playing"] = False
    st.session_state["pg.diverged"] = None
    pg.train(1)


# ----- the first screen: controls, then the network's controls beside the live view (diagram and map) -----
with st.container(key="pg_controls", horizontal=True, vertical_alignment="center"):
    playing = pg.is_playing()
    st.button(t("pg.pause") if playing else t("pg.play"), key="pg_play", type="primary",
              icon=":material/pause:" if playing else ":material/play_arrow:", on_click=_set_playing, args=(not playing,),
              disabled=model is None, shortcut="Space", help=t("pg.play_help"))
    st.button(t("pg.step"), key="pg_step", icon=":material/skip_next:", on_click=_step, disabled=model is None,
              shortcut="S", help=t("pg.step_help"))
    timeline.restart_buttons(disabled=model is None)
    hands_on.edit_controls(data)
    presenter_toggle()


@st.fragment(run_every=TICK_SECONDS if pg.is_playing() else timeline.replay_seconds())
def live_view() -> None:
    """One tick: train (while playing), then redraw everything that shows the model.

    One element per tick (each element makes the browser re-render the page again): the status line, the
    diagram, the map and the curves with the picked point's bars are one component (ui.live_canvas), which
    also plays back the tick's earlier frames (ui.tick_policy).
    """
    with tick_policy.TICK_LOCK:  # sessions take turns at a tick's work (ui/tick_policy: the convoy effect)
        _tick()
    tick_policy.let_flush()  # the next tick must not start before this one's views were sent


def _tick() -> None:
    model = timeline.shown_model()  # the live model, or the checkpoint the timeline shows
    data = pg.bundle(current_config())  # an edit (a click on the map) makes a new bundle, not a new model
    if model is None or data is None:
        return
    if st.session_state.pop(hands_on.EDITED_KEY, False):
        st.rerun()  # a click changed the data: the whole page shows the edited set (count, undo, download)

    def current_view(curves: bool = True):
        return view.live_view(model, data, current_config(),
                              history=st.session_state.get("pg.history") or pg.empty_history(),
                              latest=timeline.shown_latest(st.session_state.get("pg.latest") or {}),
                              pick=hands_on.current_pick(data),
                              class_maps=bool(st.session_state.get("pg_class_maps")),
                              mode="edit" if st.session_state.get(hands_on.MODE_KEY) else "pick",
                              neuron=st.session_state.get(hands_on.NEURON_KEY), presenter=presenter,
                              marker_epoch=timeline.marker_epoch(), link=st.session_state.get(hands_on.LINK_KEY),
                              curves=curves)

    frames = []  # the model between this tick's updates, played back before the last (ui/tick_policy)
    if pg.is_playing() and not pg.train(epochs_allowed(current_config()["epochs_per_tick"]),
                                        on_frame=lambda: frames.append(current_view(curves=False))):
        st.rerun()  # paused by divergence: a full run stops the timer and shows the message
    live = current_view()
    show_live(live, vega_chart=live_chart, frames=frames)  # one component: status, diagram, map, curves
    if live.below is not None:  # per-class maps (Vega), when switched on
        with st.container(key="pg_charts"):
            live_chart(live.below, key="pg_charts_chart")
    record_gradient_norms(model, data, current_config())


if model is not None:
    side, main = st.columns([1, 10] if presenter else [1.5, 8], gap="small")
    with side, st.container(key="pg_side"):
        layer_stepper()
    with main, st.container(key="pg_live"):
        live_view()
    timeline.timeline_panel(data)
    if not data.is_2d:
        # No map to click: the test point is picked with a slider.
        n_test = data.test.n_examples
        # Numbered from 1 as the learner reads it (ui.display); "w.pick" keeps the 0-based row.
        if not 1 <= st.session_state.setdefault("w.pick_shown", 1) <= n_test:
            st.session_state["w.pick_shown"] = 1
        st.session_state["w.pick"] = index_of(st.session_state["w.pick_shown"])
        st.session_state[hands_on.PICK_KEY] = ("test", st.session_state["w.pick"])
        st.slider(t("pg.pick"), min_value=1, max_value=max(n_test, 2), key="w.pick_shown", help=t("pg.pick_help"),
                  disabled=n_test < 2,  # set before the next run draws the live view above
                  on_change=lambda: st.session_state.update(
                      {hands_on.PICK_KEY: ("test", index_of(st.session_state["w.pick_shown"]))}))

# ----- panels below the live view ----------------------------------------------------------------------
# Messages sit here, not above the controls: a message appearing must not move Play or the live view.
loss_name, from_logits = pg.loss_choice(config, problem, head)
mismatch = pg.mismatch_text(head, loss_name, from_logits)
unreachable = pg.unreachable_targets(head, data.ds)
with st.container(key="pg_status"):
    diverged = st.session_state.get("pg.diverged")
    if diverged:
        lr = diverged["lr"] or config["lr"]
        st.error(t("pg.diverged", epoch=diverged["epoch"], lr=f"{lr:g}", lower=f"{lr / 10:g}"),
                 icon=":material/error:")
    if st.session_state.get("pg.build_error"):
        st.error(t("pg.build_error", detail=st.session_state["pg.build_error"]))
    if mismatch:
        st.warning(t("pg.mismatch", detail=mismatch), icon=":material/warning:")
    if unreachable:
        st.warning(t("pg.head_range", head=t(f"widgets.head.{head}"), **unreachable), icon=":material/warning:")
    st.caption(t("pg.output_summary", units=pg.output_units(head, data.ds), head=t(f"widgets.head.{head}"),
                 loss=t(f"widgets.loss.{loss_name}"), problem=t(f"data.problem.{problem}")))
hands_on.edits_panel(data)
if model is not None:
    hands_on.hand_panel(model, data.feature_names)
    explain_panel(model, data, current_config(), pick=hands_on.current_pick(data))
    # Loss landscape and softmax simplex (Plotly), while paused; the path is the timeline's checkpoints.
    paused_views(model, data, [weights for _, weights in timeline.weight_path()])
with st.container(border=True, key="pg_builder"):
    network_builder()
    output_controls()

# Popovers, not expanders: their contents (the link, the code previews) are drawn only while open, and every
# element on the page is drawn again at each training tick.
with st.container(horizontal=True, key="pg_keep"):
    with st.popover(t("pg.share"), icon=":material/link:", width="stretch", wrap=True):  # opens right of the sidebar: ui.presenter
        st.caption(t("pg.share_help"))
        st.code(playground_link(lang=current_language(), **current_config()), language=None)
    classroom.save_popover()

    loaded = model_io_panel(model, key="pg", metadata={"playground": {k: list(v) if isinstance(v, tuple) else v
                                                                      for k, v in current_config().items()}},
                            feature_names=data.feature_names,
                            class_names=None if problem == "regression" else list(data.ds.target_names),
                            input_features=list(config["features"]) if data.is_2d else None,
                            raw_names=list(data.ds.feature_names),
                            # The panel hands the model over and shows the one message (loaded, or why not).
                            adopt=lambda m: pg.adopt_model(m, data),
                            adopt_with_settings=lambda m: pg.adopt_model(m, data, use_file_settings=True))
if loaded is not None:
    st.toast(t("pg.model_loaded"), icon=":material/check:")
    st.rerun()

write_to_url()
