"""The Playground's paused views drawn with Plotly: the real loss landscape around the current weights (3-D
surface beside its contour map, the training path on both) and, for three classes, the softmax simplex.

`paused_views(model, data, path)` is the page's one call. Nothing is drawn while training plays (Plotly remounts on
every data change); on Pause the slice is computed once for the current weights and settings and kept in
st.session_state["pg.landscape"] (key, Landscape, path coordinates and heights) until the weights or the
settings change. Widget keys: "pg.landscape.res", "pg.landscape.radius", "pg.landscape.dirs";
"pg.landscape.seed" counts the learner's "new directions" clicks.
"""

import time

import numpy as np
import streamlit as st

from engine import landscape
from ui import playground as pg
from ui import plotly_charts as pc
from ui.chart_style import display_name
from ui.i18n import t

RESOLUTIONS = (11, 21, 31, 41, 61, 81)
RADII = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0)
DEFAULT_RESOLUTION, DEFAULT_RADIUS = 41, 1.0
# Work units (grid points x training points x weights) computed without a click: the 41 x 41 slice of a 2-8-8-1
# net on 400 points is ~7e7 (~0.2 s here); beyond ~4x that the learner asks for it with the button.
AUTO_WORK = 3e8
STATE = "pg.landscape"
PATH_COLOR, CURRENT_NAME_KEY = "#FFFFFF", "landscape.current"


def _work(model, n_points: int, resolution: int) -> float:
    return float(resolution * resolution * n_points * model.count_params())


def _with_current(path, weights) -> list[list[np.ndarray]]:
    """The path as given, ending at the current weights (appended when its last checkpoint is older)."""
    path = [list(p) for p in (path or [])]
    if not path or any(not np.array_equal(a, b) for a, b in zip(path[-1], weights, strict=True)):
        path.append([w.copy() for w in weights])
    return path


def compute(model, X, y, *, resolution: int, radius: float, directions: str, seed: int, path=None,
            progress=None) -> dict:
    """The slice and the projected path as one record: {"scape", "coords" (m, 2), "heights" (m,),
    "eval_seconds"}. directions: "random" (filter-normalised, seeded) or "path" (the path's top two directions).
    """
    weights = model.get_weights()
    path = _with_current(path, weights)
    dirs = landscape.path_directions(path, weights) if directions == "path" else \
        landscape.random_directions(weights, seed)
    scape = landscape.loss_slice(model, X, y, resolution=resolution, radius=radius, directions=dirs,
                                 progress=progress)
    coords = landscape.project_path(path, weights, dirs)
    heights = landscape.plane_losses(model, X, y, coords, weights, dirs)
    return {"scape": scape, "coords": coords, "heights": heights, "eval_seconds": evaluate_seconds(model, X, y)}


def evaluate_seconds(model, X, y, rounds: int = 5) -> float:
    """One `model.evaluate` on (X, y), the best of a few: the reference the slice's cost is stated against."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        model.evaluate(X, y)
        best = min(best, time.perf_counter() - start)
    return best


def figures(record: dict) -> tuple:
    """(3-D surface, contour map) of a `compute` record, the path and the current point on both."""
    scape, coords, heights = record["scape"], record["coords"], record["heights"]
    titles = {"x_title": t("landscape.alpha"), "y_title": t("landscape.beta"), "z_title": t("common.loss")}
    lines = []
    if len(coords) > 1:
        lines.append(pc.Line(t("landscape.path", n=len(coords)), coords[:, 0], coords[:, 1], heights,
                             color=PATH_COLOR))
    current = pc.Mark(t(CURRENT_NAME_KEY, loss=f"{scape.centre_loss:.4f}"), 0.0, 0.0, scape.centre_loss)
    finite = scape.losses[np.isfinite(scape.losses)]
    z_range = (float(finite.min()), float(finite.max())) if finite.size else None
    surface = pc.surface_figure(scape.alphas, scape.betas, scape.losses, lines=lines, marks=[current],
                                z_range=z_range, **titles)
    contour = pc.contour_figure(scape.alphas, scape.betas, scape.losses, lines=lines, marks=[current], colorbar=False,
                                **titles)
    return surface, contour


def _settings_row(has_path: bool) -> tuple[int, float, str]:
    with st.container(horizontal=True, key="pg_landscape_controls", vertical_alignment="bottom"):
        resolution = st.select_slider(t("landscape.resolution"), RESOLUTIONS, value=DEFAULT_RESOLUTION,
                                      key="pg.landscape.res", help=t("landscape.resolution_help"),
                                      format_func=lambda n: f"{n} × {n}")
        radius = st.select_slider(t("landscape.radius"), RADII, value=DEFAULT_RADIUS, key="pg.landscape.radius",
                                  help=t("landscape.radius_help"))
        choices = ("random", "path") if has_path else ("random",)
        if st.session_state.get("pg.landscape.dirs") not in choices:
            st.session_state["pg.landscape.dirs"] = "random"
        directions = st.radio(t("landscape.directions"), choices, key="pg.landscape.dirs", horizontal=True,
                              format_func=lambda name: t(f"landscape.dirs_{name}"),
                              help=t("landscape.directions_help"))
    return resolution, radius, directions


def _new_directions() -> None:
    st.session_state["pg.landscape.seed"] = st.session_state.get("pg.landscape.seed", 0) + 1
    st.session_state["pg.landscape.asked"] = True


def landscape_panel(model, data, path=None) -> None:
    """The loss landscape of the Playground's model around its current weights, with its controls and cost."""
    st.subheader(t("landscape.header"))
    st.caption(t("landscape.text"))
    X, y = data.X_train, pg.targets(data.train, model.output_units)
    full_path = _with_current(path, model.get_weights())
    resolution, radius, directions = _settings_row(len(full_path) >= 3)
    seed = st.session_state.get("pg.landscape.seed", 0)
    key = (id(model), model.flat_weights.tobytes(), resolution, radius, directions, seed if directions == "random"
           else None, len(full_path), X.shape[0])
    cached = st.session_state.get(STATE)
    work = _work(model, X.shape[0], resolution)
    with st.container(horizontal=True, key="pg_landscape_buttons", vertical_alignment="center"):
        asked = st.button(t("landscape.compute"), key="pg.landscape.compute", icon=":material/landscape:")
        st.button(t("landscape.new_directions"), key="pg.landscape.reseed", icon=":material/casino:",
                  on_click=_new_directions, disabled=directions != "random")
    asked = asked or st.session_state.pop("pg.landscape.asked", False)
    fresh = cached is not None and cached["key"] == key
    if not fresh and (asked or (model.epochs_trained > 0 and work <= AUTO_WORK)):
        bar = st.progress(0.0, text=t("landscape.computing", n=resolution * resolution))
        try:
            record = compute(model, X, y, resolution=resolution, radius=radius, directions=directions, seed=seed,
                             path=path, progress=lambda f: bar.progress(f, text=t(
                                 "landscape.computing", n=resolution * resolution)))
        except ValueError as error:
            bar.empty()
            st.warning(t("landscape.failed", detail=str(error)))
            return
        bar.empty()
        cached = st.session_state[STATE] = {"key": key, **record}
        fresh = True
    if not fresh:
        if cached is None or cached["key"][0] != id(model):
            st.info(t("landscape.press" if model.epochs_trained == 0 else "landscape.press_big"))
            return
        st.caption(t("landscape.stale"))  # the last slice, of earlier weights or settings
    scape = cached["scape"]
    left, right = st.columns(2, gap="medium")
    surface, contour = figures(cached)
    with left, st.container(key="pg_landscape_surface"):
        pc.show(surface, key="pg_landscape_surface_chart")
    with right, st.container(key="pg_landscape_contour"):
        pc.show(contour, key="pg_landscape_contour_chart")
    ratio = scape.seconds / max(cached["eval_seconds"], 1e-9)
    st.caption(t("landscape.cost", n=f"{scape.evaluations:,}", points=f"{X.shape[0]:,}", seconds=f"{scape.seconds:.2f}",
                 ratio=f"{ratio:,.0f}", loss=f"{scape.centre_loss:.4f}"))
    if directions == "random" and len(cached["coords"]) > 1:
        st.caption(t("landscape.random_path_note"))


def simplex_panel(model, data) -> None:
    """Three classes: each training point's predicted probabilities as a dot in the triangle, by its true class."""
    if data.ds.problem != "multiclass" or model.output_units != 3:
        return
    probabilities = model.predict_proba(data.X_train)
    if not np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-6):
        return  # not a probability head (a ReLU output on classes): no simplex to draw
    names = [display_name(name) for name in data.ds.target_names]
    st.subheader(t("landscape.simplex_header"))
    st.caption(t("landscape.simplex_text"))
    st.session_state["pg.simplex"] = probabilities
    with st.container(key="pg_simplex"):
        pc.show(pc.ternary_figure(probabilities, data.train.y, names, height=480), key="pg_simplex_chart")


def paused_views(model, data, path=None) -> None:
    """Everything Plotly draws on the Playground, shown only while paused. path: past weights in epoch order
    ([W1, b1, ...] each), e.g. from the timeline's checkpoints; the current weights are appended if missing."""
    if model is None or data is None or pg.is_playing():
        return
    landscape_panel(model, data, path)
    simplex_panel(model, data)
