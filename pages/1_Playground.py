"""The Playground: pick data, build a network layer by layer, train it and watch it learn, live."""

from ui.setup import setup_page

setup_page("pg.title")

import numpy as np
import streamlit as st

from engine.datasets import DATASETS
from engine.losses import LOSSES, head_mismatch
from ui import charts
from ui import playground as pg
from ui.data_widgets import csv_upload
from ui.i18n import current_language, t
from ui.model_io import model_io_panel
from ui.state import current_config, load_from_url, playground_link, write_to_url
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
MAP_PX = 330
DIAGRAM_PX = 480  # the diagram fits its column: narrower layers as layers are added

ignored = load_from_url()
if ignored:
    st.warning(t("pg.ignored_params", names=", ".join(ignored)))

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
    if data is not None and data.is_2d and data.ds.problem == "multiclass":
        st.toggle(t("pg.class_maps"), key="pg_class_maps", help=t("pg.class_maps_help"))

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
mismatch = head_mismatch(pg.HEADS[head], LOSSES[loss_name](from_logits=from_logits))
with st.container(key="pg_status"):
    st.caption(t("pg.output_summary", units=pg.output_units(head, data.ds), head=t(f"widgets.head.{head}"),
                 loss=t(f"widgets.loss.{loss_name}"), problem=t(f"data.problem.{problem}")))
    if mismatch:
        st.warning(t("pg.mismatch", detail=mismatch), icon=":material/warning:")
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


def _class_names(units: int) -> list[str]:
    names = list(data.ds.target_names)
    if problem == "regression":
        return names[:1]
    if units == 1:
        return names[-1:]
    return names[:units]


def _status_line(model) -> str:
    """Epoch counter, losses and accuracies of the last update, as one line of Markdown."""
    latest = st.session_state.get("pg.latest") or {}
    parts = [f"{t('common.epoch')} **{model.epochs_trained}**"]
    if "loss" in latest:
        parts += [f"{t('pg.train_loss')} **{latest['loss']:.4f}**", f"{t('pg.test_loss')} **{latest['val_loss']:.4f}**"]
    if "accuracy" in latest:
        parts += [f"{t('pg.train_accuracy')} **{latest['accuracy']:.1%}**",
                  f"{t('pg.test_accuracy')} **{latest['val_accuracy']:.1%}**"]
    return "#### " + " &nbsp;·&nbsp; ".join(parts)


def _boundary(model, units: int) -> list[tuple[str, charts.Figure]]:
    """The decision map (and per-class maps when asked for) as named figures."""
    cfg = current_config()
    r = pg.MAP_RESOLUTION
    out = model.predict_proba(data.grid)
    options = dict(points_X=data.points_X, points_y=data.points_y, is_test=data.points_test,
                   discretize=cfg["discretize"], show_test=cfg["show_test"], axis_names=data.ds.feature_names,
                   width=MAP_PX, height=MAP_PX)
    if problem == "regression":
        y = data.ds.y
        return [("map", charts.decision_map_figure(out[:, 0].reshape(r, r), data.xs, data.ys, kind="regression",
                                                   value_domain=(float(y.min()), float(y.max())), **options))]
    if problem == "multilabel":
        return [("map", charts.probability_maps_figure(
            np.clip(out, 0, 1).reshape(r, r, units)[::2, ::2], data.xs[::2], data.ys[::2],
            _class_names(units), points_X=data.points_X, points_y=data.points_y,
            discretize=cfg["discretize"], size=170, columns=2))]
    if units == 1:
        names = list(data.ds.target_names)
        return [("map", charts.decision_map_figure(np.clip(out[:, 0], 0, 1).reshape(r, r), data.xs, data.ys,
                                                   kind="binary", class_names=names[:2], **options))]
    probs = np.clip(out, 0, None)
    probs = probs / np.maximum(probs.sum(axis=1, keepdims=True), 1e-12)
    names = _class_names(units) if problem == "multiclass" else list(data.ds.target_names)[:units]
    figures = [("map", charts.decision_map_figure(probs.reshape(r, r, units), data.xs, data.ys, kind="softmax",
                                                  class_names=names, **options))]
    if st.session_state.get("pg_class_maps"):
        # Half the resolution: K more maps every tick.
        figures.append(("classes", charts.probability_maps_figure(
            probs.reshape(r, r, units)[::2, ::2], data.xs[::2], data.ys[::2], names, points_X=data.points_X,
            points_y=data.points_y, discretize=cfg["discretize"], size=130, columns=units)))
    return figures


def _diagram(model, units: int) -> charts.Figure:
    nodes = sum(layer.units for layer in model.layers) + data.X_train.shape[1]
    node_maps = None
    if data.is_2d and nodes <= pg.MAX_NODES_WITH_MAPS:
        outputs = model.layer_outputs(data.node_grid)
        node_maps = charts.unit_maps([model.normalize(data.node_grid)] + [o["a"] for o in outputs],
                                     pg.NODE_MAP_RESOLUTION)
    columns = len(model.layers) + 1
    return charts.network_diagram_figure(model, data.feature_names, _class_names(units), node_maps=node_maps,
                                         column_px=max(60, min(115, (DIAGRAM_PX - 80) // columns)), max_height=520)


def _picked_point(model, units: int) -> tuple[str, charts.Figure | None]:
    """The picked test point: a caption (inputs, and for regression the prediction) and its class bars."""
    index = min(st.session_state.get("w.pick", 0), n_test - 1)
    out = model.predict_proba(data.X_test[index:index + 1])[0]
    true = data.test.y[index]
    caption = t("pg.point_caption", index=index, values=", ".join(f"{v:.2f}" for v in data.test.X[index][:6]))
    if problem == "regression":
        return caption + " · " + t("pg.point_regression", prediction=f"{out[0]:.4g}", true=f"{true:.4g}"), None
    if units == 1:
        p = float(np.clip(out[0], 0, 1))
        probs, names, true_class = [1 - p, p], list(data.ds.target_names)[:2], int(true)
    elif problem == "multilabel":
        probs, names, true_class = np.clip(out, 0, 1), _class_names(units), None
        caption += " · " + t("pg.true_labels", labels=", ".join(
            charts.display_name(n) for n, v in zip(names, true, strict=True) if v) or "-")
    else:
        probs, names, true_class = np.clip(out, 0, 1), _class_names(units), int(true)
    return caption, charts.probability_bars_figure(probs, names, true_class, width=240)


@st.fragment(run_every=TICK_SECONDS if pg.is_playing() else None)
def live_view() -> None:
    """One tick: train `epochs_per_tick` epochs (while playing), then redraw everything that shows the model.

    Everything drawn is one Vega chart (one Streamlit element): the browser updates one view per tick instead
    of re-rendering a dozen elements.
    """
    model = st.session_state.get("pg.model")
    if model is None:
        return
    if pg.is_playing() and not pg.train(current_config()["epochs_per_tick"]):
        st.rerun()  # paused by divergence: a full run stops the timer and shows the message
    units = model.output_units
    top = [("diagram", _diagram(model, units))] + (_boundary(model, units) if data.is_2d else [])
    history = st.session_state.get("pg.history") or pg.empty_history()
    caption, bars = _picked_point(model, units)
    bottom = [("curves", charts.loss_curves_figure(history, width=240, height=180, max_points=pg.CURVE_POINTS))]
    if bars is not None:
        bottom.append(("point", bars))
    rows = [top[:2], bottom] + ([top[2:]] if len(top) > 2 else [])
    weights = sum(layer.W.size for layer in model.layers)
    notes = [f"{t('pg.point_title')}: {caption}"]
    if weights > charts.MAX_LINKS:
        notes.append(t("pg.strongest_links", shown=charts.MAX_LINKS, total=weights))
    if not data.is_2d:
        notes.append(t("pg.no_map", n=data.X_train.shape[1]))
    # Two elements per tick: each element a tick sends makes the browser re-render the page once more.
    st.markdown(_status_line(model) + "\n\n" + "  \n".join(f":gray[{note}]" for note in notes))
    live_chart(charts.combine(rows), key="pg_charts")


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

    loaded = model_io_panel(model, key="pg", metadata={"playground": {k: list(v) if isinstance(v, tuple) else v
                                                                      for k, v in current_config().items()}},
                            feature_names=data.feature_names,
                            class_names=None if problem == "regression" else list(data.ds.target_names))
if loaded is not None:
    problem_text = pg.adopt_model(loaded, data)
    if problem_text is None:
        st.toast(t("pg.model_loaded"), icon=":material/check:")
        st.rerun()
    st.error(problem_text)

write_to_url()
