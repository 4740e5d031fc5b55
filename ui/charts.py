"""Altair chart builders shared by every page. Inputs are NumPy arrays and lists; each returns an Altair chart.

- `decision_map(values, xs, ys, kind=...)`: a field over the input plane as a heatmap (binary probability,
  softmax regions in class colours with brightness = probability, or a regression value), with train/test
  points on top (classes told apart by colour AND marker shape).
- `probability_maps(probs, xs, ys, names)`: one small map per class (softmax) or label (multi-label).
- `loss_curves(history)`: train and test loss (and accuracy) over epochs, hoverable.
- `probability_bars(probs, class_names, true_class=None)`: one example's class probabilities.
- `network_diagram(model, feature_names, output_names, node_maps=None)`: a column of nodes per layer, links
  coloured by the weight's sign and as wide as its size (hover: the value), optionally each node's output over
  the input plane drawn inside it (`unit_maps` shapes those maps).
- `display_name(name)`: a built-in data set's class name ("class 0", "same sign") in the current language; every
  builder above shows class names through it.

Show them with `st.altair_chart(chart)`. For views redrawn many times a second, each builder has a
`*_figure` twin returning a `Figure`: its data frames plus a recipe for the spec; `combine(rows)` joins figures
into one chart. `ui.widgets.live_chart(fig)` builds the spec once per structure (sizes, names, domains: never
the numbers drawn) and afterwards sends only the data, so Vega updates the chart in place (building an Altair
chart costs ~50-150 ms; the data ~1 ms). Maps are drawn as gradient-filled rows (`field_rows`): neither
images (Vega draws a new image a frame or more late, so a live map would flicker) nor one mark per cell (too
slow to redraw live).

Palette: Okabe-Ito (colour-blind safe). Binary maps run orange (class 0) to blue (class 1), as TF Playground.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from ui.i18n import STRINGS, current_language, t

# Okabe-Ito, reordered so classes 0 and 1 match the binary map's ends and yellow (weak on white) comes last.
CLASS_COLORS = ("#E69F00", "#0072B2", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442")
CLASS_SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-left",
                "triangle-right")
NEGATIVE_COLOR, NEUTRAL_COLOR, POSITIVE_COLOR = "#E69F00", "#F7F7F7", "#0072B2"
TRAIN_STROKE, TEST_STROKE = "#FFFFFF", "#111111"
FONT_SIZE = 14  # readable on a classroom projector


def display_name(name) -> str:
    """A class or label name as shown in the current language: the built-in data sets' English names
    ("class 0", "same sign", ...; listed in ui/strings/charts.py as "charts.name.<name>") are translated,
    any other name (a CSV's own, "setosa", "7") is shown as it is."""
    name = str(name)
    if f"charts.name.{name}" in STRINGS:
        return t(f"charts.name.{name}")
    stem, _, number = name.rpartition(" ")
    if number.isdigit() and f"charts.name.{stem} {{n}}" in STRINGS:
        return t(f"charts.name.{stem} {{n}}", n=number)
    return name


def class_color(index: int) -> str:
    return CLASS_COLORS[index % len(CLASS_COLORS)]


def class_shape(index: int) -> str:
    return CLASS_SHAPES[index % len(CLASS_SHAPES)]


@dataclass
class Figure:
    """A chart as data frames (`frames`, name -> DataFrame) and a recipe `make(data_of)` for its (unstyled) spec.

    `key` names everything the spec depends on; the same key with new frames is the same chart with new data.
    Figures combine into one chart with `combine` (one Vega view, one Streamlit element to update per tick).
    """

    key: tuple
    frames: dict[str, pd.DataFrame]
    make: Callable[[Callable[[str], Any]], Any]

    def chart(self):
        """The Altair chart with its data inline."""
        return _style(self.make(self.frames.__getitem__))

    def spec(self) -> dict:
        """The Vega-Lite spec with data referenced by name (fill `datasets` with `frames` to draw it).

        Drawn on a canvas: a few hundred marks redraw several times a second faster than as SVG nodes.
        """
        spec = _style(self.make(lambda name: alt.NamedData(name=name))).to_dict(validate=False)
        spec["usermeta"] = {**spec.get("usermeta", {}), "embedOptions": {"renderer": "canvas"}}
        return spec


def combine(rows: Sequence[Sequence[tuple[str, Figure]]], spacing: int = 30) -> Figure:
    """Several figures as one chart: rows of (name, figure), drawn as a grid (each row left to right).

    Each figure's data frames are renamed "<name>_<frame>"; every scale and legend stays the figure's own.
    """
    frames, keys = {}, []
    for row in rows:
        for name, figure in row:
            keys.append((name, figure.key))
            frames.update({f"{name}_{frame}": data for frame, data in figure.frames.items()})

    def make(data_of):
        def part(name, figure):
            return figure.make(lambda frame: data_of(f"{name}_{frame}"))

        # Every level of the grid keeps its parts' scales and legends apart (one level does not pass it down).
        scales = {channel: "independent" for channel in (
            "x", "y", "color", "shape", "stroke", "strokeDash", "strokeWidth", "opacity", "size")}
        legends = {channel: "independent" for channel in ("color", "shape", "stroke", "strokeDash", "strokeWidth")}
        lines = [alt.hconcat(*[part(name, figure) for name, figure in row], spacing=spacing)
                 .resolve_scale(**scales).resolve_legend(**legends) for row in rows]
        chart = alt.vconcat(*lines, spacing=spacing) if len(lines) > 1 else lines[0]
        return chart.resolve_scale(**scales).resolve_legend(**legends)

    return Figure(("combined", tuple(keys), spacing), frames, make)


def _rgb(color: str) -> np.ndarray:
    return np.array([int(color[i:i + 2], 16) for i in (1, 3, 5)], dtype=float) / 255.0


def _style(chart):
    # "pad": the chart keeps the size it asks for and grows to fit its legends (Streamlit's default, "fit",
    # squeezes the plot and can cut a legend off).
    return chart.properties(autosize=alt.AutoSizeParams(type="pad", contains="padding")).configure_axis(
        labelFontSize=FONT_SIZE - 1, titleFontSize=FONT_SIZE).configure_legend(
        labelFontSize=FONT_SIZE - 1, titleFontSize=FONT_SIZE, symbolSize=120,
    ).configure_title(fontSize=FONT_SIZE + 2).configure_view(stroke=None)


def _grid(xs, ys) -> tuple[tuple, tuple]:
    """Extents (low, high) in x1 and x2 of a grid whose cell centres are xs (len c) and ys (len r)."""
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    dx = float(xs[1] - xs[0]) if xs.size > 1 else 1.0
    dy = float(ys[1] - ys[0]) if ys.size > 1 else 1.0
    extent_x = (round(float(xs.min()) - dx / 2, 9), round(float(xs.max()) + dx / 2, 9))
    extent_y = (round(float(ys.min()) - dy / 2, 9), round(float(ys.max()) + dy / 2, 9))
    return extent_x, extent_y


def _value_scale(domain) -> alt.Scale:
    lo, hi = float(domain[0]), float(domain[1])
    mid = 0.0 if lo < 0 < hi else (lo + hi) / 2
    return alt.Scale(domain=[lo, mid, hi], range=[NEGATIVE_COLOR, NEUTRAL_COLOR, POSITIVE_COLOR], clamp=True)


def _ramp(values: np.ndarray, domain, low=NEGATIVE_COLOR, high=POSITIVE_COLOR) -> np.ndarray:
    """Colours (..., 3) in [0, 1] of `values` on the diverging scale low -> white-ish -> high over `domain`."""
    lo, hi = float(domain[0]), float(domain[1])
    mid = 0.0 if lo < 0 < hi else (lo + hi) / 2
    v = np.asarray(values, dtype=float)
    below = np.clip((mid - v) / max(mid - lo, 1e-12), 0.0, 1.0)[..., None]
    above = np.clip((v - mid) / max(hi - mid, 1e-12), 0.0, 1.0)[..., None]
    neutral = _rgb(NEUTRAL_COLOR)
    return neutral + below * (_rgb(low) - neutral) + above * (_rgb(high) - neutral)


def field_colors(values, kind: str = "binary", *, value_domain=None, discretize: bool = False,
                 color: str = POSITIVE_COLOR) -> np.ndarray:
    """A map's colours (r, c, 3) in [0, 1]; values (r, c) or (r, c, K) with row 0 at the lowest x2.

    kind "binary": probabilities on orange (0) -> white (0.5) -> blue (1); "softmax": the winning class's
    colour, paler as it is less sure; "regression": value_domain's diverging scale; "single": 0 -> white,
    1 -> `color` (one class's probability).
    """
    values = np.asarray(values, dtype=float)
    if kind == "softmax":
        k = values.shape[2]
        probs = values.reshape(-1, k)
        winner = probs.argmax(axis=1)
        strength = np.full(winner.shape, 0.8) if discretize else np.clip(
            (probs.max(axis=1) - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0) * 0.85
        palette = np.stack([_rgb(class_color(i)) for i in range(k)])
        rgb = (1.0 - strength[:, None] * (1.0 - palette[winner])).reshape(values.shape[0], values.shape[1], 3)
    elif kind == "binary":
        rgb = _ramp((values > 0.5).astype(float) if discretize else values, (0.0, 1.0))
    elif kind == "regression":
        domain = value_domain or (float(values.min()), float(values.max()))
        if discretize:
            mid = 0.0 if domain[0] < 0 < domain[1] else (domain[0] + domain[1]) / 2
            values = np.where(values > mid, domain[1], domain[0])
        rgb = _ramp(values, domain)
    elif kind == "single":
        p = np.clip((values > 0.5) if discretize else values, 0.0, 1.0)[..., None]
        neutral = _rgb(NEUTRAL_COLOR)
        rgb = neutral + p * (_rgb(color) - neutral)
    else:
        raise ValueError(f"kind must be 'binary', 'softmax', 'regression' or 'single', not {kind!r}")
    # Lightened a little so the data points on top stand out.
    return 0.85 * rgb + 0.15


def _upsample_rows(rgb: np.ndarray) -> np.ndarray:
    """(r, c, 3) -> (2r, c, 3): each row split in two, sampled a quarter row either side (linear), so the
    rows' steps are half as tall."""
    below = np.concatenate([rgb[:1], rgb[:-1]])
    above = np.concatenate([rgb[1:], rgb[-1:]])
    out = np.empty((2 * rgb.shape[0],) + rgb.shape[1:])
    out[0::2], out[1::2] = 0.75 * rgb + 0.25 * below, 0.75 * rgb + 0.25 * above
    return out


def _row_colors(rgb: np.ndarray) -> list[str]:
    """(r, c, 3) colours in [0, 1] -> r strings of c space-separated '#rrggbb'."""
    pixels = np.clip(np.rint(np.asarray(rgb) * 255), 0, 255).astype(np.uint8)
    out = []
    for row in pixels:
        h = row.tobytes().hex()
        out.append(" ".join(["#" + h[i:i + 6] for i in range(0, len(h), 6)]))
    return out


def field_rows(rgb: np.ndarray, box_x, box_y, *, split_rows: bool = True) -> pd.DataFrame:
    """A map's colours (r, c, 3) (row 0 at the lowest x2) as one rect per row over box_x x box_y (low, high):
    columns x0, x1, y0, y1 and "colors" (the row's c colours, space-separated), drawn by `_field_layer`.

    Colours blend along a row (a gradient through the cell centres); split_rows: rows split in two and
    interpolated, so the steps between rows are half as tall (for maps large enough to see them)."""
    return pd.DataFrame(_field_columns(rgb, box_x, box_y, split_rows))


def _field_columns(rgb, box_x, box_y, split_rows: bool) -> dict:
    rgb = np.asarray(rgb, dtype=float)
    if split_rows:
        rgb = _upsample_rows(rgb)
    r = rgb.shape[0]
    edges = np.linspace(box_y[0], box_y[1], r + 1)
    # Each row reaches over the next, which is drawn on top of it: rows that only touched would show
    # light seams where the canvas anti-aliases their shared edge.
    ends = edges[1:] + np.r_[np.full(r - 1, edges[1] - edges[0]), 0.0]
    return {"x0": np.full(r, box_x[0], np.float32), "x1": np.full(r, box_x[1], np.float32),
            "y0": edges[:-1].astype(np.float32), "y1": ends.astype(np.float32), "colors": _row_colors(rgb)}


def _gradient_expr(columns: int) -> str:
    """A Vega expression: a row's horizontal gradient fill through its `columns` colours (datum.c), each at its
    cell's centre."""
    stops = ",".join(f"{{offset:{(j + 0.5) / columns:.5f},color:datum.c[{j}]}}" for j in range(columns))
    return "{gradient:'linear',x1:0,y1:0,x2:1,y2:0,stops:[" + stops + "]}"


def _field_layer(data, columns: int, x_scale: alt.Scale, y_scale: alt.Scale, axis_names=(None, None), *,
                 x_axis=alt.Undefined, y_axis=alt.Undefined):
    """A map drawn from `field_rows` frames: one rect per row filled with a gradient of its colours.

    Why not an image: Vega draws a new image only once it has loaded (asynchronously), so a map redrawn every
    tick would be blank in the frames between; and thousands of cell rects cost too much to redraw. A gradient
    per row is drawn in the same frame as the rest of the chart."""
    return alt.Chart(data).transform_calculate(c="split(datum.colors, ' ')").transform_calculate(
        fill=_gradient_expr(columns)).mark_rect(strokeWidth=0).encode(
        x=alt.X("x0:Q", title=axis_names[0], scale=x_scale, axis=x_axis), x2="x1:Q",
        y=alt.Y("y0:Q", title=axis_names[1], scale=y_scale, axis=y_axis), y2="y1:Q",
        fill=alt.Fill("fill:N", scale=None, legend=None))


def _plane_scale(extent) -> alt.Scale:
    return alt.Scale(domain=list(extent), nice=False, zero=False)


def _legend_layer(color: alt.Color, domain) -> alt.Chart:
    """Invisible marks whose only job is the colour legend of a map (its colours are computed, not scaled)."""
    return alt.Chart(pd.DataFrame({"legend": [float(d) for d in domain]})).mark_point(opacity=0, size=0).encode(
        color=color)


# A map's legends go under it, side by side: to its right they widen the chart past its column and get cut off
# ("P(cl…"). Each legend keeps its own title, and long class names wrap onto a few short rows.
_GRADIENT = dict(orient="bottom", direction="horizontal", titleLimit=260, gradientLength=120)
_MAP_LEGEND = dict(orient="bottom", direction="horizontal", titleLimit=260, columns=2, labelLimit=220)


def decision_map_figure(values, xs, ys, *, kind: str = "binary", points_X=None, points_y=None, is_test=None,
                        class_names: Sequence[str] | None = None,
                        value_domain: tuple[float, float] | None = None, discretize: bool = False,
                        show_test: bool = True, axis_names: Sequence[str] = ("x1", "x2"),
                        title: str | None = None, width: int = 420, height: int = 420) -> Figure:
    """See `decision_map`."""
    values = np.asarray(values, dtype=float)
    extent_x, extent_y = _grid(xs, ys)
    n_classes = values.shape[2] if kind == "softmax" else 2
    class_names = tuple(display_name(name) for name in class_names) if class_names is not None else tuple(
        str(i) for i in range(n_classes))
    if kind == "regression":
        if value_domain is None:
            value_domain = (float(np.min(values)), float(np.max(values)))
        value_domain = (float(value_domain[0]), float(value_domain[1]))
    rgb = field_colors(values, kind, value_domain=value_domain, discretize=discretize)
    frames = {"field": field_rows(rgb, extent_x, extent_y)}
    columns = rgb.shape[1]

    if points_X is not None and points_y is not None:
        X = np.asarray(points_X, dtype=float).reshape(-1, 2)
        n = X.shape[0]
        test = np.zeros(n, dtype=bool) if is_test is None else np.asarray(is_test, dtype=bool).reshape(n)
        pts = pd.DataFrame({"x1": X[:, 0].astype(np.float32), "x2": X[:, 1].astype(np.float32),
                            "split": pd.Categorical.from_codes(test.astype(np.int8),
                                                               categories=[t("common.train"), t("common.test")])})
        y = np.asarray(points_y)
        if kind == "regression":
            pts["target"] = y.reshape(n).astype(np.float32)
        else:
            pts["class"] = pd.Categorical.from_codes(y.reshape(n).astype(int), categories=list(class_names))
        if not show_test:
            pts = pts[~test].reset_index(drop=True)
        frames["points"] = pts
    has_points = "points" in frames
    structure = (kind, class_names, value_domain, extent_x, extent_y, tuple(axis_names), title, width, height,
                 has_points, columns)

    def make(data_of):
        names = list(axis_names)
        layers = [_field_layer(data_of("field"), columns, _plane_scale(extent_x), _plane_scale(extent_y), names)]
        if kind == "binary":
            layers.append(_legend_layer(alt.Color(
                "legend:Q", title=t("charts.probability_of", name=class_names[-1]), scale=_value_scale((0.0, 1.0)),
                legend=alt.Legend(format=".1f", **_GRADIENT)), (0.0, 1.0)))
        elif kind == "regression":
            layers.append(_legend_layer(alt.Color("legend:Q", title=t("charts.prediction"),
                                                  scale=_value_scale(value_domain),
                                                  legend=alt.Legend(**_GRADIENT)), value_domain))
        if has_points:
            x = alt.X("x1:Q", scale=alt.Scale(domain=list(extent_x), nice=False, zero=False))
            y = alt.Y("x2:Q", scale=alt.Scale(domain=list(extent_y), nice=False, zero=False))
            stroke = alt.Stroke("split:N", title=t("charts.points"),
                                scale=alt.Scale(domain=[t("common.train"), t("common.test")],
                                                range=[TRAIN_STROKE, TEST_STROKE]),
                                legend=alt.Legend(symbolFillColor="#9A9A9A", symbolStrokeWidth=2, symbolSize=140,
                                                  **_MAP_LEGEND))
            point_tooltip = [alt.Tooltip("x1:Q", format=".2f", title=names[0]),
                             alt.Tooltip("x2:Q", format=".2f", title=names[1]), alt.Tooltip("split:N", title=" ")]
            if kind == "regression":
                point_color = alt.Color("target:Q", scale=_value_scale(value_domain), legend=None)
                shape = alt.value("circle")
                point_tooltip.append(alt.Tooltip("target:Q", format=".3f", title=t("charts.target")))
            else:
                domain = list(class_names)
                point_color = alt.Color("class:N", title=t("charts.class"), legend=alt.Legend(**_MAP_LEGEND),
                                        scale=alt.Scale(domain=domain,
                                                        range=[class_color(i) for i in range(len(domain))]))
                shape = alt.Shape("class:N", title=t("charts.class"), legend=alt.Legend(**_MAP_LEGEND), scale=alt.Scale(
                    domain=domain, range=[class_shape(i) for i in range(len(domain))]))
                point_tooltip.append(alt.Tooltip("class:N", title=t("charts.class")))
            layers.append(alt.Chart(data_of("points")).mark_point(
                filled=True, size=70, strokeWidth=1.3, opacity=1, clip=True).encode(
                x=x, y=y, color=point_color, shape=shape, stroke=stroke, tooltip=point_tooltip))
        # Point legends resolved with the point layer, so colour and shape merge into one "class" legend.
        chart = alt.layer(*layers).resolve_scale(color="independent", shape="independent",
                                                 stroke="independent").properties(width=width, height=height)
        if title:
            chart = chart.properties(title=title)
        return chart

    return Figure(("decision_map", structure), frames, make)


def decision_map(values, xs, ys, **options):
    """A field over the input plane, with the data on top.

    values: kind "binary": (len(ys), len(xs)) probability of class 1; "softmax": (len(ys), len(xs), K)
            probabilities; "regression": (len(ys), len(xs)) predicted values. Row i of the grid lies at
            x2 = ys[i], column j at x1 = xs[j].
    points_X (n, 2), points_y (n,) class index (or target value for regression), is_test (n,) bool.
    class_names: one per class (default "0", "1", ...). value_domain: colour range for regression (pass the
    targets' range so it stays put from tick to tick). discretize: hard 0/1 (binary), full class colour
    (softmax), above/below the middle of value_domain (regression). show_test: draw the test points.
    """
    return decision_map_figure(values, xs, ys, **options).chart()


def probability_maps_figure(probs, xs, ys, names: Sequence[str], *, points_X=None, points_y=None,
                            discretize: bool = False, size: int = 170, columns: int = 4) -> Figure:
    """See `probability_maps`."""
    probs = np.asarray(probs, dtype=float)
    names = tuple(display_name(name) for name in names)
    extent_x, extent_y = _grid(xs, ys)
    frames = {}
    X = None if points_X is None else np.asarray(points_X, dtype=float).reshape(-1, 2)
    Y = None if points_y is None else np.asarray(points_y)
    for k in range(len(names)):
        frames[f"field{k}"] = field_rows(field_colors(probs[..., k], "single", discretize=discretize,
                                                      color=class_color(k)), extent_x, extent_y)
        if X is not None and Y is not None:
            member = (Y[:, k] > 0.5) if Y.ndim == 2 else (Y.reshape(-1).astype(int) == k)
            frames[f"points{k}"] = pd.DataFrame({"x1": X[:, 0], "x2": X[:, 1], "member": member.astype(int)})
    has_points = X is not None and Y is not None
    structure = (names, extent_x, extent_y, size, columns, has_points, probs.shape[1])

    def make(data_of):
        panels = []
        for k, name in enumerate(names):
            label = t("charts.probability_of", name=name)
            layers = [_field_layer(data_of(f"field{k}"), probs.shape[1], _plane_scale(extent_x),
                                   _plane_scale(extent_y))]
            if has_points:
                layers.append(alt.Chart(data_of(f"points{k}")).mark_point(
                    filled=True, size=24, stroke="#FFFFFF", strokeWidth=0.6, clip=True).encode(
                    x=alt.X("x1:Q", scale=alt.Scale(domain=list(extent_x), nice=False, zero=False)),
                    y=alt.Y("x2:Q", scale=alt.Scale(domain=list(extent_y), nice=False, zero=False)),
                    color=alt.Color("member:N", legend=None,
                                    scale=alt.Scale(domain=[1, 0], range=[class_color(k), "#8C8C8C"])),
                    shape=alt.Shape("member:N", legend=None,
                                    scale=alt.Scale(domain=[1, 0], range=[class_shape(k), "cross"])),
                ))
            panels.append(alt.layer(*layers).resolve_scale(color="independent").properties(
                width=size, height=size, title=label))
        return alt.concat(*panels, columns=columns)

    return Figure(("probability_maps", structure), frames, make)


def probability_maps(probs, xs, ys, names: Sequence[str], **options):
    """One small map per class (softmax) or label (multi-label) of P(that class | x) over the plane.

    probs: (len(ys), len(xs), K). points_y: (n,) class indices (softmax) or (n, K) 0/1 labels (multi-label);
    each map draws its class's points in the class colour and shape, the rest as grey crosses.
    """
    return probability_maps_figure(probs, xs, ys, names, **options).chart()


def loss_curves_figure(history: dict, *, log_scale: bool = False, width: int = 340,
                       height: int = 210, max_points: int = 300) -> Figure:
    """See `loss_curves`."""
    epochs = np.asarray(history.get("epoch", []), dtype=float)
    splits = (t("common.train"), t("common.test"))
    frames = {}
    for metric in ("loss", "accuracy"):
        parts = []
        for code, prefix in ((0, ""), (1, "val_")):
            series = np.asarray(history.get(prefix + metric) or [], dtype=np.float32)
            # Epochs without a test evaluation hold NaN; the thinning below keeps only real points.
            index = np.flatnonzero(np.isfinite(series[:len(epochs)]))
            if len(index) > max_points:
                # A curve needs no more points than the chart has pixels: every k-th, and always the last.
                index = index[np.unique(np.r_[np.linspace(0, len(index) - 1, max_points).astype(int),
                                              len(index) - 1])]
            if len(series):
                parts.append((code, series[index], index))
        if not parts and metric == "accuracy":
            continue
        epoch = np.concatenate([epochs[index] for _, _, index in parts] or [np.zeros(0)]).astype(np.float32)
        value = np.concatenate([series for _, series, _ in parts] or [np.zeros(0, np.float32)])
        codes = np.concatenate([np.full(len(index), code, np.int8) for code, _, index in parts] or [np.zeros(0, np.int8)])
        frames[metric] = pd.DataFrame({"epoch": epoch, "value": value,
                                       "split": pd.Categorical.from_codes(codes, categories=list(splits))})
    has_accuracy = "accuracy" in frames
    # Before the first epoch the panels are empty: a note in the middle, and two invisible points that give the
    # axes a sensible range (0..1) instead of a lone "0.000000" tick. Once trained, the two points are the loss
    # curve's ends (inside its range): a layer whose data is empty would make Vega warn at every tick.
    loss = frames["loss"]
    untrained = loss.empty
    frames["frame"] = pd.DataFrame({
        "epoch": [0.0, 1.0] if untrained else [float(loss["epoch"].iloc[0]), float(loss["epoch"].iloc[-1])],
        "value": [0.1, 1.0] if untrained else [float(loss["value"].iloc[0]), float(loss["value"].iloc[-1])],
        "text": [t("charts.no_epochs") if untrained else "", ""]})
    frames["frame"]["text"] = frames["frame"]["text"].astype(object)
    structure = (has_accuracy, log_scale, width, height)

    def make(data_of):
        # Titled, so that next to a map's "points: train / test" legend it reads as the curves' own legend.
        legend = alt.Legend(symbolType="stroke", symbolStrokeWidth=3, symbolSize=300, orient="bottom",
                            direction="horizontal", title=t("charts.curves"))
        color = alt.Color("split:N", scale=alt.Scale(domain=list(splits), range=["#0072B2", "#D55E00"]),
                          legend=legend)
        dash = alt.StrokeDash("split:N", scale=alt.Scale(domain=list(splits), range=[[1, 0], [6, 3]]),
                              legend=legend)

        def panel(metric: str):
            name = t(f"common.{metric}")
            # Hovering a curve shows the point's dot and numbers: every point has a dot, invisible until hovered
            # (so no layer's data is ever empty), large enough to find. Not Vega's "nearest": its Voronoi cells,
            # recomputed at every tick, cost more than the rest of the curves.
            hover = alt.selection_point(fields=["epoch", "split"], on="pointerover", empty=False,
                                        clear="pointerout", name=f"hover_{metric}")
            base = alt.Chart(data_of(metric))
            if log_scale and metric == "loss":
                y_scale = alt.Scale(type="log")
            elif metric == "accuracy":
                y_scale = alt.Scale(domain=[0, 1])
            else:
                y_scale = alt.Scale(zero=True)
            x = alt.X("epoch:Q", title=t("common.epoch"), axis=alt.Axis(format="d", tickMinStep=1))
            # "~r": plain decimals without trailing zeros (0.25, 1500, 0), never "0.000000" on an empty axis.
            y = alt.Y("value:Q", title=name, scale=y_scale,
                      axis=alt.Axis(format=".0%") if metric == "accuracy" else alt.Axis(format=",.3~r"))
            lines = base.mark_line(strokeWidth=2.5).encode(x=x, y=y, color=color, strokeDash=dash)
            dots = base.mark_point(size=150, filled=True).encode(
                x=x, y=y, color=color, opacity=alt.condition(hover, alt.value(1), alt.value(0)),
                tooltip=[alt.Tooltip("epoch:Q", format="d", title=t("common.epoch")),
                         alt.Tooltip("split:N", title=" "), alt.Tooltip("value:Q", format=".4f", title=name)],
            ).add_params(hover)
            extent = alt.Chart(data_of("frame"))
            frame = extent.mark_point(opacity=0, size=0).encode(x=x, y=y)
            note = extent.transform_filter("datum.text").mark_text(fontSize=FONT_SIZE, color="#666666").encode(
                x=alt.value(width / 2), y=alt.value(height / 2), text="text:N")
            return alt.layer(lines, dots, frame, note).properties(width=width, height=height, title=name)

        return alt.hconcat(panel("loss"), panel("accuracy")) if has_accuracy else panel("loss")

    return Figure(("loss_curves", structure), frames, make)


def loss_curves(history: dict, **options):
    """Loss (train and test) and, when present, accuracy over epochs; hovering shows the numbers at an epoch.

    history: {"epoch": [...], "loss": [...], "val_loss": [...], "accuracy": [...], "val_accuracy": [...]},
    lists of equal length, any but "epoch" optional. log_scale: loss axis logarithmic.
    """
    return loss_curves_figure(history, **options).chart()


def probability_bars_figure(probs, class_names: Sequence[str], true_class: int | None = None, *,
                            width: int = 300) -> Figure:
    """See `probability_bars`."""
    probs = np.asarray(probs, dtype=float).reshape(-1)
    labels = tuple(f"{display_name(name)} ✓" if i == true_class else display_name(name)
                   for i, name in enumerate(class_names))
    data = pd.DataFrame({"class": labels, "p": probs, "text": [f"{p:.1%}" for p in probs]})

    def make(data_of):
        y = alt.Y("class:N", title=None, sort=list(labels), axis=alt.Axis(labelFontSize=FONT_SIZE))
        x = alt.X("p:Q", title=t("charts.probability"), scale=alt.Scale(domain=[0, 1]),
                  axis=alt.Axis(format=".0%", tickCount=5))
        bars = alt.Chart(data_of("bars")).mark_bar(size=24).encode(
            x=x, y=y,
            color=alt.Color("class:N", legend=None, scale=alt.Scale(
                domain=list(labels), range=[class_color(i) for i in range(len(labels))])),
            tooltip=[alt.Tooltip("class:N", title=t("charts.class")),
                     alt.Tooltip("p:Q", format=".2%", title=t("charts.probability"))],
        )
        # Each number beside its bar, or inside it near 100%: it never reaches past the plot into a neighbour.
        outside = alt.Chart(data_of("bars")).transform_filter("datum.p <= 0.75").mark_text(
            align="left", dx=4, fontSize=FONT_SIZE).encode(x=x, y=y, text="text:N")
        inside = alt.Chart(data_of("bars")).transform_filter("datum.p > 0.75").mark_text(
            align="right", dx=-4, fontSize=FONT_SIZE, color="#FFFFFF", fontWeight="bold").encode(
            x=x, y=y, text="text:N")
        return alt.layer(bars, outside, inside).properties(width=width, height=38 * len(labels))

    return Figure(("probability_bars", (labels, width)), {"bars": data}, make)


def probability_bars(probs, class_names: Sequence[str], true_class: int | None = None, **options):
    """Horizontal bars of one example's class probabilities (0 to 1) in class colours; the true class gets a ✓.

    probs: (K,) numbers that sum to 1 (softmax) or K independent probabilities (multi-label).
    """
    return probability_bars_figure(probs, class_names, true_class, **options).chart()


# ----- network diagram ---------------------------------------------------------------------------------

def unit_maps(layer_values: Sequence[np.ndarray | None], resolution: int) -> list[np.ndarray | None]:
    """Node maps for `network_diagram` from values on a resolution x resolution grid (row-major, as `decision_map`).

    layer_values: per diagram column (inputs, then each Dense layer) None or an array (resolution**2, units).
    Returns per column None or (units, resolution, resolution).
    """
    return [None if v is None else np.asarray(v, dtype=float).T.reshape(-1, resolution, resolution)
            for v in layer_values]


@dataclass(frozen=True)
class _Layout:
    """The diagram in pixels: node centres per column, the node side, the plot size."""

    centres: list
    node_px: float
    width: float
    height: float


TITLE_PX = 44  # room above the first row for one line of layer title and the activation under it
MAX_LINKS = 1000  # a diagram draws at most this many weights (the largest |w|)


def _text_px(text: str, font_size: float) -> float:
    """About how wide `text` is in bold sans-serif at `font_size` px (CJK characters are square)."""
    return sum(font_size if ord(ch) >= 0x2E80 else 0.6 * font_size for ch in text)


def _wrap(text: str, width_px: float, font_size: float) -> list[str]:
    """`text` broken at spaces into lines of at most `width_px` (a word longer than that keeps its own line)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and _text_px(f"{lines[-1]} {word}", font_size) <= width_px:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _layer_headings(n_cols: int, column_px: int) -> tuple[list[str], int]:
    """Each column's heading ("input layer", "hidden layer k", "output layer"), wrapped to its column so
    neighbours never run into each other (lines joined by newlines), and the font size used."""
    font = FONT_SIZE if column_px >= 80 else FONT_SIZE - 2
    titles = ([t("common.input_layer")] + [f"{t('common.hidden_layer')} {k}" for k in range(1, n_cols - 1)]
              + [t("common.output_layer")])
    return ["\n".join(_wrap(title, column_px - 8, font)) for title in titles], font


def _layout(sizes: Sequence[int], column_px: int, row_px: int, max_height: int, heading_lines: int = 1) -> _Layout:
    tallest = max(sizes)
    title_px = TITLE_PX + (heading_lines - 1) * (FONT_SIZE + 2)
    row = min(float(row_px), (max_height - title_px) / tallest)
    node = 0.74 * row
    centres = [np.column_stack([np.full(n, column_px * (col + 0.5) + 40.0),
                                title_px + row * (np.arange(n) + (tallest - n) / 2 + 0.5)])
               for col, n in enumerate(sizes)]
    return _Layout(centres, node, column_px * len(sizes) + 80.0, title_px + row * tallest + 4)


def network_diagram_figure(model, feature_names: Sequence[str], output_names: Sequence[str] | None = None, *,
                           node_maps: Sequence[np.ndarray | None] | None = None, column_px: int = 130,
                           row_px: int = 62, max_height: int = 600, max_links: int = MAX_LINKS) -> Figure:
    """See `network_diagram`."""
    feature_names = tuple(str(name) for name in feature_names)
    sizes = [len(feature_names)] + [layer.units for layer in model.layers]
    activations = tuple(layer.activation for layer in model.layers)
    n_cols = len(sizes)
    headings, heading_font = _layer_headings(n_cols, column_px)
    heading_lines = max(heading.count("\n") + 1 for heading in headings)
    layout = _layout(sizes, column_px, row_px, max_height, heading_lines)
    centres = layout.centres
    output_names = tuple(display_name(name) for name in output_names) if output_names is not None else tuple(
        str(i) for i in range(model.layers[-1].units))
    static = _diagram_static(tuple(sizes), activations, feature_names, output_names, column_px, row_px,
                             max_height, current_language())
    w = np.concatenate([np.asarray(layer.W, dtype=float).ravel() for layer in model.layers])
    bias = np.concatenate([np.full(sizes[0], np.nan)] + [np.asarray(layer.b, dtype=float) for layer in model.layers])
    links = {**static["links"], "w": w}
    if w.size > max_links:
        # Too many lines to read or to redraw live: the strongest weights tell the story.
        strongest = np.argpartition(-np.abs(w), max_links)[:max_links]
        links = {name: column[strongest] for name, column in links.items()}
        w = links["w"]
    frames = {
        "links": pd.DataFrame({**links, "abs_w": np.abs(w),
                               "sign": pd.Categorical.from_codes((w < 0).astype(np.int8), categories=["+", "-"])}),
        "nodes": pd.DataFrame({**static["nodes"], "bias": bias}),
    }
    fields = _node_fields(node_maps, sizes, centres, layout.node_px) if node_maps is not None else None
    has_maps = fields is not None
    map_columns = 0
    if has_maps:
        frames["fields"] = fields
        map_columns = next(np.asarray(m).shape[2] for m in node_maps if m is not None)
    structure = (tuple(sizes), activations, feature_names, output_names, column_px, row_px, max_height,
                 map_columns)

    def make(data_of):
        node_px = layout.node_px
        line_px = heading_font + 2
        titles = pd.DataFrame({
            "x": [float(c[0, 0]) for c in centres], "y": 2.0, "sub_y": 4.0 + heading_lines * line_px,
            "title": headings, "sub": [""] + list(activations),
        })
        x_scale = alt.Scale(domain=[0, layout.width], nice=False, zero=False)
        X = alt.X("x:Q", axis=None, scale=x_scale)
        y_scale = alt.Scale(domain=[0, layout.height], nice=False, zero=False, reverse=True)
        Y = alt.Y("y:Q", axis=None, scale=y_scale)
        layers = [alt.Chart(data_of("links")).mark_rule(opacity=0.8).encode(
            x=X, y=Y, x2="x2:Q", y2="y2:Q",
            color=alt.Color("sign:N", title=t("common.weights"),
                            scale=alt.Scale(domain=["+", "-"], range=[POSITIVE_COLOR, NEGATIVE_COLOR]),
                            # Under the plot, not inside it: inside, it covered the bottom input's label.
                            legend=alt.Legend(orient="bottom", direction="horizontal", symbolType="stroke",
                                              symbolStrokeWidth=4, offset=4)),
            strokeWidth=alt.StrokeWidth("abs_w:Q", legend=None, scale=alt.Scale(range=[0.3, 7], zero=True)),
            tooltip=[alt.Tooltip("link:N", title=" "), alt.Tooltip("w:Q", format=".3f", title=t("common.weights"))],
        )]
        if has_maps:
            layers.append(_field_layer(data_of("fields"), map_columns, x_scale, y_scale, x_axis=None, y_axis=None))
        layers.append(alt.Chart(data_of("nodes")).mark_square(
            size=node_px ** 2, filled=True, color="#FFFFFF", stroke="#444444", strokeWidth=1.3,
            fillOpacity=0.0 if has_maps else 1.0).encode(
            x=X, y=Y, tooltip=[alt.Tooltip("name:N", title=t("common.neuron")),
                               alt.Tooltip("activation:N", title=t("common.activation")),
                               alt.Tooltip("bias:Q", format=".3f", title=t("common.bias"))]))
        layers.append(alt.Chart(data_of("nodes")).transform_filter("datum.column == 0").mark_text(
            align="right", dx=-node_px / 2 - 5, fontSize=FONT_SIZE, fontWeight="bold").encode(
            x=X, y=Y, text="label:N"))
        layers.append(alt.Chart(data_of("nodes")).transform_filter(f"datum.column == {n_cols - 1}").mark_text(
            align="left", dx=node_px / 2 + 5, fontSize=FONT_SIZE, fontWeight="bold").encode(
            x=X, y=Y, text="label:N"))
        layers.append(alt.Chart(titles).mark_text(fontSize=heading_font, fontWeight="bold", baseline="top",
                                                  lineBreak="\n", lineHeight=line_px).encode(
            x=X, y=Y, text="title:N"))
        layers.append(alt.Chart(titles).mark_text(fontSize=FONT_SIZE - 2, color="#555555", baseline="top").encode(
            x=X, y=alt.Y("sub_y:Q", axis=None, scale=y_scale), text="sub:N"))
        chart = alt.layer(*layers).properties(width=layout.width, height=layout.height)
        return chart

    return Figure(("network_diagram", structure), frames, make)


def network_diagram(model, feature_names: Sequence[str], output_names: Sequence[str] | None = None, **options):
    """The network as TF Playground draws it: a column of nodes per layer (input, hidden 1..n, output), a link
    per weight: colour = sign, width = |w| relative to the largest; hover a link for its value, a node for its
    activation and bias.

    model: a built engine Sequential (reads each layer's W (n_in, units), b (units,), activation).
    node_maps: optional, per column (inputs first, then each Dense layer): None or (units, r, r), each node's
    output over the input plane (as `unit_maps` returns); each map is scaled by its own largest |value| and
    drawn inside its node (orange negative, blue positive). Beyond `max_links` weights only the largest |w| are
    drawn.
    """
    return network_diagram_figure(model, feature_names, output_names, **options).chart()


@lru_cache(maxsize=16)
def _diagram_static(sizes: tuple, activations: tuple, feature_names: tuple, output_names: tuple, column_px: int,
                    row_px: int, max_height: int, language: str) -> dict:
    """The diagram's columns that depend only on its structure (positions, names), made once per structure:
    rebuilding hundreds of strings and coordinates at every tick would cost more than the rest of the diagram.
    Links are ordered as the concatenated row-major W of each layer."""
    n_cols = len(sizes)
    headings, _ = _layer_headings(n_cols, column_px)
    layout = _layout(sizes, column_px, row_px, max_height, max(heading.count("\n") + 1 for heading in headings))
    centres, half = layout.centres, layout.node_px / 2
    names = [[_node_name(col, i, feature_names, output_names, n_cols) for i in range(n)]
             for col, n in enumerate(sizes)]
    starts, ends, labels = [], [], []
    for k in range(n_cols - 1):
        src, dst = np.meshgrid(np.arange(sizes[k]), np.arange(sizes[k + 1]), indexing="ij")
        starts.append(centres[k][src.ravel()])
        ends.append(centres[k + 1][dst.ravel()])
        labels += [f"{names[k][i]} → {names[k + 1][j]}" for i, j in zip(src.ravel(), dst.ravel(), strict=True)]
    a, b = np.concatenate(starts), np.concatenate(ends)
    links = {"x": a[:, 0] + half, "y": a[:, 1], "x2": b[:, 0] - half, "y2": b[:, 1], "link": pd.Categorical(labels)}
    xy = np.concatenate(centres)
    column = np.concatenate([np.full(n, col) for col, n in enumerate(sizes)])
    label = list(feature_names) + [""] * sum(sizes[1:-1]) + list(output_names)
    nodes = {"x": xy[:, 0], "y": xy[:, 1], "label": pd.Categorical(label),
             "activation": pd.Categorical([""] * sizes[0] + [act for act, n in zip(activations, sizes[1:],
                                                                                    strict=True) for _ in range(n)]),
             "column": column, "name": pd.Categorical([name for col in names for name in col])}
    return {"links": links, "nodes": nodes}


def _node_name(col: int, index: int, feature_names, output_names, n_cols: int) -> str:
    if col == 0:
        return str(feature_names[index])
    if col == n_cols - 1:
        return f"{t('common.output_layer')}: {output_names[index]}"
    return f"{t('common.hidden_layer')} {col} #{index + 1}"


def _node_fields(node_maps, sizes, centres, node_px: float) -> pd.DataFrame | None:
    """Each node's map as `field_rows` inside its box (diagram pixels, y down), all nodes in one frame; None
    if no column has maps. Each map is scaled by its own largest |value| onto orange (negative) .. blue
    (positive); output maps that are probabilities (all within [0, 1]) are drawn as the decision map draws
    them: one unit on the binary scale, several each in its class colour."""
    half = node_px / 2
    parts = []
    for col, n in enumerate(sizes):
        maps = node_maps[col] if col < len(node_maps) else None
        if maps is None:
            continue
        maps = np.asarray(maps, dtype=float)
        if col == len(sizes) - 1 and maps.min() >= 0.0 and maps.max() <= 1.0:
            colors = [field_colors(maps[0], "binary")] if n == 1 else [
                field_colors(maps[i], "single", color=class_color(i)) for i in range(n)]
        else:
            scale = np.abs(maps).reshape(maps.shape[0], -1).max(axis=1)
            normalised = maps / np.where(scale > 0, scale, 1.0)[:, None, None]
            colors = [field_colors(normalised[i], "regression", value_domain=(-1.0, 1.0)) for i in range(n)]
        for (cx, cy), rgb in zip(centres[col], colors, strict=True):
            parts.append(_field_columns(rgb, (cx - half, cx + half), (cy + half, cy - half), split_rows=False))
    if not parts:
        return None
    columns = {name: np.concatenate([part[name] for part in parts]) for name in ("x0", "x1", "y0", "y1")}
    return pd.DataFrame({**columns, "colors": [row for part in parts for row in part["colors"]]})
