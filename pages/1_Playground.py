"""The Playground: pick data, build a network layer by layer, train it and watch it learn, live."""

from ui.setup import setup_page

setup_page("pg.title")

import streamlit as st

from engine.datasets import DATASETS
from ui import classroom
from ui import playground as pg
from ui import playground_view as view
from ui.challenges import epochs_allowed
from ui.data_widgets import csv_upload
from ui.i18n import current_language, t
from ui.model_io import model_io_panel
from ui.state import control_mode, current_config, load_from_url, playground_link, write_to_url
from ui.widgets import (
    data_controls,
    feature_toggles,
    live_chart,
    network_builder,
    output_controls,
    training_controls,
    view_controls,
)

TICK_SECONDS = 0.05  # the browser asks for a tick this often; it waits while one is being drawn

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
with st.container(border=True, key="pg_builder"):
    network_builder()
    output_controls()

model = pg.ensure_model(config, data)
problem = data.ds.problem
head = pg.head_choice(config, problem)
loss_name, from_logits = pg.loss_choice(config, problem, head)
mismatch = pg.mismatch_text(head, loss_name, from_logits)
unreachable = pg.unreachable_targets(head, data.ds)
with st.container(key="pg_status"):
    st.caption(t("pg.output_summary", units=pg.output_units(head, data.ds), head=t(f"widgets.head.{head}"),
                 loss=t(f"widgets.loss.{loss_name}"), problem=t(f"data.problem.{problem}")))
    if mismatch:
        st.warning(t("pg.mismatch", detail=mismatch), icon=":material/warning:")
    if unreachable:
        st.warning(t("pg.head_range", head=t(f"widgets.head.{head}"), **unreachable), icon=":material/warning:")
    if st.session_state.get("pg.build_error"):
        st.error(t("pg.build_error", detail=st.session_state["pg.build_error"]))
    diverged = st.session_state.get("pg.diverged")
    if diverged:
        lr = diverged["lr"] or config["lr"]
        st.error(t("pg.diverged", epoch=diverged["epoch"], lr=f"{lr:g}", lower=f"{lr / 10:g}"),
                 icon=":material/error:")


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


with st.container(key="pg_controls", horizontal=True, vertical_alignment="center"):
    playing = pg.is_playing()
    st.button(t("pg.pause") if playing else t("pg.play"), key="pg_play", type="primary",
              icon=":material/pause:" if playing else ":material/play_arrow:", on_click=_set_playing, args=(not playing,),
              disabled=model is None)
    st.button(t("pg.step"), key="pg_step", icon=":material/skip_next:", on_click=_step, disabled=model is None)
    st.button(t("pg.reset"), key="pg_reset", icon=":material/restart_alt:", on_click=pg.reset_model)

n_test = data.test.n_examples
pick = st.session_state.get("w.pick", 0)
if pick >= n_test:
    st.session_state["w.pick"] = 0


@st.fragment(run_every=TICK_SECONDS if pg.is_playing() else None)
def live_view() -> None:
    """One tick: train `epochs_per_tick` epochs (while playing), then redraw everything that shows the model.

    Everything drawn is one Vega chart (one Streamlit element): the browser updates one view per tick instead
    of re-rendering a dozen elements.
    """
    model = st.session_state.get("pg.model")
    if model is None:
        return
    if pg.is_playing() and not pg.train(epochs_allowed(current_config()["epochs_per_tick"])):
        st.rerun()  # paused by divergence: a full run stops the timer and shows the message
    text, figure = view.live_view(model, data, current_config(),
                                  history=st.session_state.get("pg.history") or pg.empty_history(),
                                  latest=st.session_state.get("pg.latest") or {},
                                  pick=st.session_state.get("w.pick", 0),
                                  class_maps=bool(st.session_state.get("pg_class_maps")))
    # Two elements per tick: each element a tick sends makes the browser re-render the page once more.
    st.markdown(text)
    live_chart(figure, key="pg_charts")


if model is not None:
    # While training, Streamlit would fade the live charts at every tick (they are "stale" until the tick
    # redraws them): a flicker on a projector. The live area opts out of the fade.
    st.html("<style>.st-key-pg_live [data-stale='true'] {opacity: 1 !important; transition: none !important;}"
            "</style>")
    with st.container(key="pg_live"):
        live_view()
    st.slider(t("pg.pick"), min_value=0, max_value=max(n_test - 1, 1), key="w.pick", help=t("pg.pick_help"),
              disabled=n_test < 2)

# Popovers, not expanders: their contents (the link, the code previews) are drawn only while open, and every
# element on the page is drawn again at each training tick.
with st.container(horizontal=True, key="pg_keep"):
    with st.popover(t("pg.share"), icon=":material/link:"):
        st.caption(t("pg.share_help"))
        st.code(playground_link(lang=current_language(), **current_config()), language=None)
    classroom.save_popover()

    loaded = model_io_panel(model, key="pg", metadata={"playground": {k: list(v) if isinstance(v, tuple) else v
                                                                      for k, v in current_config().items()}},
                            feature_names=data.feature_names,
                            class_names=None if problem == "regression" else list(data.ds.target_names),
                            input_features=list(config["features"]) if data.is_2d else None,
                            raw_names=list(data.ds.feature_names))
if loaded is not None:
    problem_text = pg.adopt_model(loaded, data)
    if problem_text is None:
        st.toast(t("pg.model_loaded"), icon=":material/check:")
        st.rerun()
    st.error(problem_text)

write_to_url()
