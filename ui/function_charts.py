"""Altair chart builders for the lesson pages on neurons, layers and activations (notes §1-9).

Shared pieces (boundary maps, loss curves, network diagram) live in `ui/charts.py`; these are the figures
only a lesson needs: a neuron's sigmoid over 1-D data, an activation and its derivative, weights per hidden
neuron, activations per hidden neuron, a correlation table, the z and a of one layer.

Colours are Okabe-Ito (colour-blind safe); classes are also told apart by marker shape. Fonts are sized for
a classroom projector.
"""

import altair as alt
import numpy as np
import pandas as pd

from engine import activations
from ui.chart_style import (
    CLASS_COLORS,
    CONTAINER,
    LESSON_FONT_SIZE,
    LINE_COLORS,
    NEGATIVE_COLOR,
    POSITIVE_COLOR,
    class_shape,
)
from ui.chart_style import lesson_style as _projector

PALETTE = LINE_COLORS
DASHES = [[1, 0], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 0]]
POSITIVE, NEGATIVE = POSITIVE_COLOR, NEGATIVE_COLOR  # sign of a weight (blue +, orange -), as the diagram
FONT = LESSON_FONT_SIZE


def sigmoid(z: np.ndarray) -> np.ndarray:
    return activations.forward("sigmoid", np.asarray(z, dtype=float))


def neuron_curve_frame(x_min: float, x_max: float, curves: dict[str, tuple[float, float]], n: int = 241) -> pd.DataFrame:
    """Long table (x, a, curve) of `a = sigmoid(w x + b)` for each named (w, b), n points on [x_min, x_max]."""
    x = np.linspace(x_min, x_max, n)
    frames = [pd.DataFrame({"x": x, "a": sigmoid(w * x + b), "curve": name}) for name, (w, b) in curves.items()]
    return pd.concat(frames, ignore_index=True)


def neuron_curve(x: np.ndarray, y: np.ndarray, curves: dict[str, tuple[float, float]], x_title: str,
                 y_title: str, class_names: list[str], curve_title: str = "", width: int | str = CONTAINER,
                 height: int = 380) -> alt.Chart:
    """One neuron over 1-D data: points (x (n,), y (n,) 0/1) and the curve a = sigmoid(w x + b) per named (w, b).

    A dotted rule marks where the first curve crosses a = 0.5 (x = -b / w), the neuron's decision point.
    """
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y).ravel().astype(int)
    pad = 0.03 * (x.max() - x.min() or 1.0)
    x_min, x_max = float(x.min() - pad), float(x.max() + pad)
    x_scale = alt.Scale(domain=[x_min, x_max], nice=False)
    y_scale = alt.Scale(domain=[-0.08, 1.08], nice=False)
    points = pd.DataFrame({"x": x, "y": y, "class": [class_names[c] for c in y]})
    # Jitter the 0/1 rows a little so overlapping points stay visible; the jitter is fixed (seeded).
    points["y_shown"] = points["y"] + np.random.default_rng(0).uniform(-0.035, 0.035, len(points))
    point_layer = alt.Chart(points).mark_point(size=70, filled=True, opacity=0.65).encode(
        x=alt.X("x:Q", title=x_title, scale=x_scale),
        y=alt.Y("y_shown:Q", title=y_title, scale=y_scale),
        color=alt.Color("class:N", title=None, scale=alt.Scale(domain=class_names, range=list(CLASS_COLORS[:2]))),
        shape=alt.Shape("class:N", title=None,
                        scale=alt.Scale(domain=class_names, range=[class_shape(0), class_shape(1)])),
        tooltip=[alt.Tooltip("x:Q", title=x_title, format=".2f"), alt.Tooltip("class:N")],
    )
    names = list(curves)
    line_layer = alt.Chart(neuron_curve_frame(x_min, x_max, curves)).mark_line(strokeWidth=4).encode(
        x=alt.X("x:Q", scale=x_scale),
        y=alt.Y("a:Q", scale=y_scale),
        stroke=alt.Stroke("curve:N", title=curve_title or None,
                          scale=alt.Scale(domain=names, range=["#000000", PALETTE[2], PALETTE[4]][:len(names)]),
                          legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=4, orient="right")),
        strokeDash=alt.StrokeDash("curve:N", scale=alt.Scale(domain=names, range=DASHES[:len(names)]), legend=None),
    )
    layers = [point_layer, line_layer]
    w, b = curves[names[0]]
    if w != 0 and x_min <= -b / w <= x_max:
        rule = pd.DataFrame({"x": [-b / w]})
        layers.append(alt.Chart(rule).mark_rule(strokeDash=[3, 3], color="#555555", strokeWidth=2).encode(x="x:Q"))
    chart = alt.layer(*layers).resolve_scale(color="independent", shape="independent").properties(
        height=height, width=width)
    return _projector(chart)


def activation_frame(names: list[str], z_min: float = -5.0, z_max: float = 5.0, n: int = 201) -> pd.DataFrame:
    """Long table (z, value, activation, curve) with curve 'g' (g(z)) and 'dg' (g'(z)) for each element-wise name."""
    z = np.linspace(z_min, z_max, n)
    frames = []
    for name in names:
        frames.append(pd.DataFrame({"z": z, "value": activations.forward(name, z), "activation": name, "curve": "g"}))
        frames.append(pd.DataFrame({"z": z, "value": activations.derivative(name, z), "activation": name,
                                    "curve": "dg"}))
    return pd.concat(frames, ignore_index=True)


def activation_curves(names: list[str], g_title: str, dg_title: str, z_min: float = -5.0, z_max: float = 5.0,
                      width: int | str = CONTAINER, height: int = 300) -> tuple[alt.Chart, alt.Chart]:
    """Two charts, g(z) and its derivative g'(z), one line (colour and dash) per activation: drawn side by side
    in two columns, each as wide as its column."""
    frame = activation_frame(names, z_min, z_max)
    order = list(names)
    colour = alt.Color("activation:N", title=None, scale=alt.Scale(domain=order, range=PALETTE[:len(order)]),
                       legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=4, symbolSize=400))
    dash = alt.StrokeDash("activation:N", title=None, scale=alt.Scale(domain=order, range=DASHES[:len(order)]))
    x = alt.X("z:Q", title="z", scale=alt.Scale(domain=[z_min, z_max], nice=False))

    def panel(curve: str, title: str) -> alt.Chart:
        # Every element-wise activation's slope lies in [0, 1]: a fixed axis keeps the panels comparable.
        y_scale = alt.Scale(domain=[-0.05, 1.05], nice=False) if curve == "dg" else alt.Scale()
        return alt.Chart(frame[frame["curve"] == curve], title=title).mark_line(strokeWidth=3.5, clip=True).encode(
            x=x, y=alt.Y("value:Q", title=None, scale=y_scale), color=colour, strokeDash=dash,
            tooltip=[alt.Tooltip("activation:N"), alt.Tooltip("z:Q", format=".2f"),
                     alt.Tooltip("value:Q", format=".3f")],
        ).properties(height=height, width=width)

    # Two entries a row: three side by side reach past a plot half as wide as the page at 1024 px.
    return tuple(_projector(panel(curve, title)).configure_legend(orient="top", direction="horizontal", columns=2)
                 for curve, title in (("g", g_title), ("dg", dg_title)))


def weight_bars(W: np.ndarray, feature_names: list[str], unit_names: list[str], value_title: str,
                height: int = 150) -> list[alt.Chart]:
    """One small bar chart per unit (column i of W (n_in, units)): its weight on each input feature, signed.
    Each is as wide as its column (the page draws them in a row of columns; a facet would keep a fixed width)."""
    W = np.asarray(W, dtype=float)
    rows = [{"unit": unit_names[i], "feature": feature_names[j], "weight": float(W[j, i]),
             "sign": "+" if W[j, i] >= 0 else "-"} for i in range(W.shape[1]) for j in range(W.shape[0])]
    frame = pd.DataFrame(rows)
    limit = float(np.abs(W).max() or 1.0)
    return [_projector(alt.Chart(frame[frame["unit"] == unit], title=unit).mark_bar().encode(
        y=alt.Y("feature:N", title=None, sort=list(feature_names)),
        x=alt.X("weight:Q", title=value_title, scale=alt.Scale(domain=[-limit, limit])),
        color=alt.Color("sign:N", scale=alt.Scale(domain=["+", "-"], range=[POSITIVE, NEGATIVE]), legend=None),
        tooltip=["unit:N", "feature:N", alt.Tooltip("weight:Q", format=".3f")],
    ).properties(height=height, width=CONTAINER)) for unit in unit_names]


def activation_by_class(A: np.ndarray, y: np.ndarray, unit_names: list[str], class_names: list[str],
                        value_title: str, bins: int = 20, height: int = 150) -> list[alt.Chart]:
    """Per unit (column of A (n, units)), a histogram of its activation over the data, stacked by class y (n,):
    one chart per unit, each as wide as its column, each with the class legend under it (equal heights)."""
    A = np.asarray(A, dtype=float)
    y = np.asarray(y).astype(int)
    lo, hi = float(A.min()), float(A.max())
    edges = np.linspace(lo, hi if hi > lo else lo + 1.0, bins + 1)
    rows = []
    for i, unit in enumerate(unit_names):
        for c, cls in enumerate(class_names):
            counts, _ = np.histogram(A[y == c, i], bins=edges)
            rows += [{"unit": unit, "class": cls, "start": edges[k], "end": edges[k + 1], "count": int(counts[k])}
                     for k in range(bins)]
    frame = pd.DataFrame(rows)
    # Every unit's histogram on the same count axis, so their heights compare across the charts.
    top = float(frame.groupby(["unit", "start"])["count"].sum().max() or 1)
    return [_projector(alt.Chart(frame[frame["unit"] == unit], title=unit).mark_rect(
        stroke="white", strokeWidth=0.5).encode(
        x=alt.X("start:Q", title=value_title, scale=alt.Scale(domain=[edges[0], edges[-1]], nice=False)),
        x2="end:Q",
        y=alt.Y("sum(count):Q", title=None, stack="zero", scale=alt.Scale(domain=[0, top])),
        color=alt.Color("class:N", title=None, scale=alt.Scale(domain=class_names, range=list(CLASS_COLORS[:2])),
                        legend=alt.Legend(orient="bottom", direction="horizontal", columns=1)),
        opacity=alt.Opacity("class:N", scale=alt.Scale(domain=class_names, range=[0.75, 0.95]), legend=None),
        tooltip=["unit:N", "class:N", alt.Tooltip("start:Q", format=".2f"), alt.Tooltip("count:Q")],
    ).properties(height=height, width=CONTAINER)) for unit in unit_names]


def correlation_heatmap(matrix: np.ndarray, row_names: list[str], col_names: list[str], row_title: str,
                        col_title: str, height: int = 220) -> alt.Chart:
    """A (rows, cols) table of correlations in [-1, 1] as coloured cells with the number written in each."""
    matrix = np.asarray(matrix, dtype=float)
    frame = pd.DataFrame([{"row": row_names[i], "col": col_names[j], "r": float(matrix[i, j])}
                          for i in range(matrix.shape[0]) for j in range(matrix.shape[1])])
    base = alt.Chart(frame).encode(
        x=alt.X("col:N", title=col_title, sort=list(col_names), axis=alt.Axis(labelAngle=0, labelLimit=240)),
        y=alt.Y("row:N", title=row_title, sort=list(row_names), axis=alt.Axis(labelLimit=240)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("r:Q", title="r", scale=alt.Scale(scheme="blueorange", domain=[-1, 1], reverse=True)),
        tooltip=["row:N", "col:N", alt.Tooltip("r:Q", format=".2f")],
    )
    text = base.mark_text(fontSize=FONT + 2, fontWeight="bold").encode(
        text=alt.Text("r:Q", format=".2f"),
        color=alt.condition("abs(datum.r) > 0.6", alt.value("white"), alt.value("black")),
    )
    return _projector(alt.layer(cells, text).properties(height=height, width=CONTAINER))


def layer_values(z: np.ndarray, a: np.ndarray, unit_names: list[str], z_title: str, a_title: str,
                 height: int = 220) -> alt.Chart:
    """Grouped bars of one layer for one example: its z (units,) and a = g(z) (units,) per unit."""
    z = np.asarray(z, dtype=float).ravel()
    a = np.asarray(a, dtype=float).ravel()
    frame = pd.DataFrame({"unit": list(unit_names) * 2, "value": np.concatenate([z, a]),
                          "quantity": [z_title] * len(z) + [a_title] * len(a)})
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("unit:N", title=None, sort=list(unit_names), axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("quantity:N", sort=[z_title, a_title]),
        y=alt.Y("value:Q", title=None),
        color=alt.Color("quantity:N", title=None, sort=[z_title, a_title],
                        scale=alt.Scale(domain=[z_title, a_title], range=[PALETTE[5], PALETTE[0]])),
        tooltip=["unit:N", "quantity:N", alt.Tooltip("value:Q", format=".4f")],
    ).properties(height=height, width=CONTAINER)
    return _projector(chart)


def equation_text(weights, names, bias: float, digits: int = 2) -> str:
    """'1.00·x₁ − 0.50·x₂ + 0.30 = 0' for weights (k,), names (k,) and the bias: the line where z = 0."""
    terms = []
    for i, (w, name) in enumerate(zip(weights, names, strict=True)):
        w = float(w)
        sign = ("−" if w < 0 else "") if i == 0 else ("− " if w < 0 else "+ ")
        terms.append(f"{sign}{abs(w):.{digits}f}·{name}")
    bias = float(bias)
    terms.append(f"{'− ' if bias < 0 else '+ '}{abs(bias):.{digits}f}")
    return " ".join(terms) + " = 0"


# ----- the notes' forward-pass code (§6), run for real and shown with inspect.getsource ---------------------

def dense(a_in, W, b, g):
    units = W.shape[1]
    a_out = np.zeros(units)
    for i in range(units):
        w = W[:, i]
        z = np.dot(w, a_in) + b[i]
        a_out[i] = g(z)
    return a_out


def dense_matmul(A_in, W, b, g):
    Z = np.matmul(A_in, W) + b
    A_out = g(Z)
    return A_out
