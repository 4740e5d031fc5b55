"""Plotly figure builders for the views Altair cannot draw: 3-D surfaces (turn them with the mouse), their contour
maps, and the ternary plot of three-class probabilities.

Plotly remounts a chart whenever its data change (ARCHITECTURE.md), so these are for views that change on a
click or on Pause, never inside a live tick. Colours and fonts come from ui.chart_style, so a path or a class
has the same colour here as in the Altair charts.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from ui.chart_style import CLASS_COLORS, CLASS_SHAPES, FONT_SIZE, LINE_COLORS

SURFACE_SCALE = "Viridis"  # perceptually even and colour-blind safe; low loss dark
CURRENT_COLOR = "#D55E00"  # vermillion: the current weights, on both views
# Plotly's names for the Altair marker shapes of chart_style.CLASS_SHAPES.
_PLOTLY_SYMBOLS = {"circle": "circle", "square": "square", "triangle-up": "triangle-up", "diamond": "diamond",
                   "cross": "cross", "triangle-down": "triangle-down", "triangle-left": "triangle-left",
                   "triangle-right": "triangle-right"}


@dataclass
class Line:
    """A path on a surface: x, y (and z for 3-D) of shape (n,), drawn in order with markers; `color` hex."""

    name: str
    x: np.ndarray
    y: np.ndarray
    z: np.ndarray | None = None
    color: str = LINE_COLORS[0]
    dash: str = "solid"
    mode: str = "lines+markers"  # "markers" for a cloud of points (data on a surface)
    symbol: str = "circle"


@dataclass
class Mark:
    """One marked point (the current weights, a start), with its label."""

    name: str
    x: float
    y: float
    z: float | None = None
    color: str = CURRENT_COLOR
    symbol: str = "diamond"


def _font() -> dict:
    return {"size": FONT_SIZE}


def _layout(height: int, title: str | None) -> dict:
    # The legend sits above the plot: below it, it would cover the x axis's title.
    return {"height": height, "font": _font(), "margin": {"l": 10, "r": 10, "t": 80 if title else 50, "b": 10},
            "title": {"text": title, "x": 0.0, "xanchor": "left", "y": 0.98, "yanchor": "top"} if title else None,
            "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0.0, "font": _font()}}


def surface_figure(xs, ys, z, *, x_title: str, y_title: str, z_title: str, lines: Sequence[Line] = (),
                   marks: Sequence[Mark] = (), title: str | None = None, height: int = 460,
                   colorscale: str = SURFACE_SCALE, z_range: tuple[float, float] | None = None) -> go.Figure:
    """z[j, i] over (xs[i], ys[j]) as a rotatable 3-D surface, with lines drawn on it and points marked.

    xs (nx,), ys (ny,), z (ny, nx); NaN cells are left out. Lines and marks need z (their height on the surface).
    """
    z = np.asarray(z, dtype=float)
    traces = [go.Surface(x=np.asarray(xs, dtype=float), y=np.asarray(ys, dtype=float), z=z, colorscale=colorscale,
                         name=z_title, showscale=False, opacity=0.92,
                         contours={"z": {"show": True, "usecolormap": True, "project": {"z": True}, "width": 1}},
                         hovertemplate=f"{x_title} %{{x:.3f}}<br>{y_title} %{{y:.3f}}<br>{z_title} %{{z:.4f}}"
                                       "<extra></extra>")]
    for line in lines:
        traces.append(go.Scatter3d(x=line.x, y=line.y, z=line.z, mode=line.mode, name=line.name,
                                   line={"color": line.color, "width": 6, "dash": line.dash},
                                   marker={"size": 3 if "lines" in line.mode else 4, "color": line.color,
                                           "symbol": line.symbol},
                                   hovertemplate=f"{line.name}<br>{z_title} %{{z:.4f}}<extra></extra>"))
    for mark in marks:
        traces.append(go.Scatter3d(x=[mark.x], y=[mark.y], z=[mark.z], mode="markers", name=mark.name,
                                   marker={"size": 7, "color": mark.color, "symbol": mark.symbol,
                                           "line": {"color": "#FFFFFF", "width": 2}},
                                   hovertemplate=f"{mark.name}<br>{z_title} %{{z:.4f}}<extra></extra>"))
    fig = go.Figure(traces)
    axis = {"title": {"font": _font()}, "tickfont": {"size": FONT_SIZE - 3}, "backgroundcolor": "#FFFFFF",
            "gridcolor": "#D0D0D0"}
    z_axis = {**axis, "title": {"text": z_title, "font": _font()}}
    if z_range is not None:
        z_axis["range"] = list(z_range)
    fig.update_layout(**_layout(height, title), scene={
        "xaxis": {**axis, "title": {"text": x_title, "font": _font()}},
        "yaxis": {**axis, "title": {"text": y_title, "font": _font()}},
        "zaxis": z_axis, "aspectmode": "manual", "aspectratio": {"x": 1, "y": 1, "z": 0.7},
        "camera": {"eye": {"x": 1.55, "y": -1.55, "z": 1.05}}})
    return fig


def contour_figure(xs, ys, z, *, x_title: str, y_title: str, z_title: str, lines: Sequence[Line] = (),
                   marks: Sequence[Mark] = (), title: str | None = None, height: int = 460,
                   colorscale: str = SURFACE_SCALE, levels: int = 20, equal_axes: bool = False,
                   colorbar: bool = True) -> go.Figure:
    """The same z[j, i] as filled contours seen from above (equal axes when `equal_axes`), lines and
    marks in the plane. `colorbar=False` gives the plot the whole width (the 3-D twin beside it shows z)."""
    z = np.asarray(z, dtype=float)
    traces = [go.Contour(x=np.asarray(xs, dtype=float), y=np.asarray(ys, dtype=float), z=z, colorscale=colorscale,
                         ncontours=levels, name=z_title, line={"width": 0.6, "color": "rgba(255,255,255,0.5)"},
                         showscale=colorbar,
                         colorbar={"title": {"text": z_title, "side": "right", "font": _font()},
                                   "tickfont": {"size": FONT_SIZE - 2}, "thickness": 14},
                         hovertemplate=f"{x_title} %{{x:.3f}}<br>{y_title} %{{y:.3f}}<br>{z_title} %{{z:.4f}}"
                                       "<extra></extra>")]
    for line in lines:
        traces.append(go.Scatter(x=line.x, y=line.y, mode=line.mode, name=line.name,
                                 line={"color": line.color, "width": 3, "dash": line.dash},
                                 marker={"size": 5 if "lines" in line.mode else 8, "color": line.color,
                                         "symbol": line.symbol, "line": {"color": "#FFFFFF", "width": 0.8}},
                                 hovertemplate=f"{line.name}<br>{x_title} %{{x:.3f}}<br>{y_title} %{{y:.3f}}"
                                               "<extra></extra>"))
    for mark in marks:
        traces.append(go.Scatter(x=[mark.x], y=[mark.y], mode="markers", name=mark.name,
                                 marker={"size": 14, "color": mark.color, "symbol": mark.symbol,
                                         "line": {"color": "#FFFFFF", "width": 2}},
                                 hovertemplate=f"{mark.name}<extra></extra>"))
    fig = go.Figure(traces)
    fig.update_layout(**_layout(height, title))
    fig.update_xaxes(title={"text": x_title, "font": _font()}, range=[float(xs[0]), float(xs[-1])],
                     constrain="domain")
    fig.update_yaxes(title={"text": y_title, "font": _font()}, range=[float(ys[0]), float(ys[-1])],
                     constrain="domain", **({"scaleanchor": "x"} if equal_axes else {}))
    return fig


def ternary_figure(probabilities, classes, class_names: Sequence[str], *, title: str | None = None,
                   height: int = 460, marker_size: int = 8, hover: Sequence[str] | None = None) -> go.Figure:
    """Each row of probabilities (n, 3) as a dot in the triangle, coloured (and shaped) by its true class.

    A dot at a corner is a confident prediction of that corner's class; the centre is (1/3, 1/3, 1/3).
    classes (n,) are indices 0..2 into class_names; hover (n,) optional extra text per dot.
    """
    p = np.asarray(probabilities, dtype=float)
    if p.ndim != 2 or p.shape[1] != 3:
        raise ValueError(f"A ternary plot needs three probabilities per point, not shape {p.shape}.")
    classes = np.asarray(classes).astype(int)
    names = [str(name) for name in class_names]
    traces = []
    for k, name in enumerate(names):
        rows = np.flatnonzero(classes == k)
        traces.append(go.Scatterternary(
            a=p[rows, 0], b=p[rows, 1], c=p[rows, 2], mode="markers", name=name,
            text=None if hover is None else [hover[i] for i in rows],
            marker={"size": marker_size, "color": CLASS_COLORS[k % len(CLASS_COLORS)], "opacity": 0.85,
                    "symbol": _PLOTLY_SYMBOLS[CLASS_SHAPES[k % len(CLASS_SHAPES)]],
                    "line": {"color": "#FFFFFF", "width": 0.8}},
            hovertemplate=(f"{names[0]} %{{a:.3f}}<br>{names[1]} %{{b:.3f}}<br>{names[2]} %{{c:.3f}}"
                           + ("<br>%{text}" if hover is not None else "") + "<extra>%{fullData.name}</extra>")))
    fig = go.Figure(traces)
    axis = {"min": 0, "linewidth": 2, "ticks": "outside", "tickfont": {"size": FONT_SIZE - 3},
            "gridcolor": "#D8D8D8", "tickformat": ".1f"}
    layout = _layout(height, title)
    # Room for the three corner titles; the legend in the empty top-right corner of the box.
    layout["margin"] = {"l": 60, "r": 60, "t": 90 if title else 60, "b": 40}
    layout["legend"] = {"orientation": "v", "x": 1.0, "xanchor": "right", "y": 1.0, "yanchor": "top",
                        "font": _font()}
    fig.update_layout(**layout, ternary={
        "sum": 1, "bgcolor": "#FFFFFF",
        "aaxis": {**axis, "title": {"text": names[0], "font": _font()}},
        "baxis": {**axis, "title": {"text": names[1], "font": _font()}},
        "caxis": {**axis, "title": {"text": names[2], "font": _font()}}})
    return fig


# ----- lesson figures --------------------------------------------------------------------------------------

def optimizer_surfaces(w_values, b_values, losses, paths, *, w_title: str, b_title: str, z_title: str,
                       start_name: str, height: int = 440) -> tuple[go.Figure, go.Figure]:
    """The Optimizers lesson's loss over (w, b) as a 3-D surface and as contours, each optimizer's path on both.

    losses (len(b_values), len(w_values)); paths: the lesson's frame (optimizer, step, w, b, loss), whose loss is
    the model's own at each step, so a path lies on the surface wherever it is inside the box.
    """
    from ui.training_charts import OPTIMIZER_COLORS, optimizer_label

    dashes = {"sgd": "dash", "adam": "solid"}
    lines = []
    for name, color in OPTIMIZER_COLORS.items():
        rows = paths[paths["optimizer"] == name].sort_values("step")
        if len(rows):
            lines.append(Line(optimizer_label(name), rows["w"].to_numpy(float), rows["b"].to_numpy(float),
                              rows["loss"].to_numpy(float), color=color, dash=dashes.get(name, "solid")))
    first = paths[paths["step"] == 0].head(1)
    marks = [Mark(start_name, float(first["w"].iloc[0]), float(first["b"].iloc[0]), float(first["loss"].iloc[0]),
                  color="#000000")] if len(first) else []
    titles = {"x_title": w_title, "y_title": b_title, "z_title": z_title}
    z_range = (float(np.nanmin(losses)), float(np.nanmax(losses)))
    surface = surface_figure(w_values, b_values, losses, lines=lines, marks=marks, height=height, z_range=z_range,
                             colorscale="Greys_r", **titles)
    contour = contour_figure(w_values, b_values, np.log10(np.maximum(losses, 1e-12)), lines=lines, marks=marks,
                             height=height, colorscale="Greys_r",
                             **{**titles, "z_title": f"log10 {z_title}"})
    return surface, contour


def neuron_surface(xs, ys, activation, points_X, points_y, class_names: Sequence[str], *, x_title: str,
                   y_title: str, z_title: str, height: int = 480) -> go.Figure:
    """One two-input neuron's output a(x1, x2) (len(ys), len(xs)) as a surface in 0..1, the data at their
    labels' height (0 or 1), coloured by class: the surface tilts with w1, w2 and shifts with b."""
    points_X, points_y = np.asarray(points_X, dtype=float), np.asarray(points_y).astype(int)
    clouds = [Line(str(name), points_X[points_y == k, 0], points_X[points_y == k, 1],
                   np.full(int((points_y == k).sum()), float(k)), color=CLASS_COLORS[k % len(CLASS_COLORS)],
                   mode="markers", symbol="circle" if k == 0 else "square")
              for k, name in enumerate(class_names)]
    return surface_figure(xs, ys, activation, lines=clouds, height=height, z_range=(0.0, 1.0),
                          colorscale=[[0.0, CLASS_COLORS[0]], [0.5, "#F7F7F7"], [1.0, CLASS_COLORS[1]]],
                          x_title=x_title, y_title=y_title, z_title=z_title)


def show(fig: go.Figure, key: str) -> None:
    """Draw a figure at its container's width (the one Streamlit call every Plotly view goes through)."""
    import streamlit as st

    st.plotly_chart(fig, key=key, width="stretch", config={"displaylogo": False, "scrollZoom": False})
