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

Show them with `st.altair_chart(chart)`. For views redrawn many times a second, each builder has a
`*_figure` twin returning a `Figure`: its data frames plus a recipe for the spec. `ui.widgets.live_chart(fig)`
builds the spec once per structure (sizes, names, domains: never the numbers drawn) and afterwards sends
only the data, so Vega updates the chart in place (building an Altair chart costs ~50-150 ms; the data ~1 ms).

Palette: Okabe-Ito (colour-blind safe). Binary maps run orange (class 0) to blue (class 1), as TF Playground.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from ui.i18n import current_language, t

# Okabe-Ito, reordered so classes 0 and 1 match the binary map's ends and yellow (weak on white) comes last.
CLASS_COLORS = ("#E69F00", "#0072B2", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442")
CLASS_SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-left",
                "triangle-right")
NEGATIVE_COLOR, NEUTRAL_COLOR, POSITIVE_COLOR = "#E69F00", "#F7F7F7", "#0072B2"
TRAIN_STROKE, TEST_STROKE = "#FFFFFF", "#111111"
FONT_SIZE = 14  # readable on a classroom projector


def class_color(index: int) -> str:
    return CLASS_COLORS[index % len(CLASS_COLORS)]


def class_shape(index: int) -> str:
    return CLASS_SHAPES[index % len(CLASS_SHAPES)]


@dataclass
class Figure:
    """A chart as data frames (`frames`, name -> DataFrame) and a recipe `make(data_of)` for its spec.

    `key` names everything the spec depends on; the same key with new frames is the same chart with new data.
    """

    key: tuple
    frames: dict[str, pd.DataFrame]
    make: Callable[[Callable[[str], Any]], Any]

    def chart(self):
        """The Altair chart with its data inline."""
        return self.make(self.frames.__getitem__)

    def spec(self) -> dict:
        """The Vega-Lite spec with data referenced by name (fill `datasets` with `frames` to draw it).

        Drawn on a canvas: thousands of map cells redraw several times a second far faster than as SVG nodes.
        """
        spec = self.make(lambda name: alt.NamedData(name=name)).to_dict(validate=False)
        spec["usermeta"] = {**spec.get("usermeta", {}), "embedOptions": {"renderer": "canvas"}}
        return spec


def _hex(rgb: np.ndarray) -> np.ndarray:
    """(n, 3) floats in [0, 1] -> n '#rrggbb' strings."""
    ints = np.clip(np.rint(rgb * 255), 0, 255).astype(np.int64)
    packed = (ints[:, 0] << 16) | (ints[:, 1] << 8) | ints[:, 2]
    return np.char.add("#", np.char.zfill(np.char.mod("%x", packed), 6))


def _rgb(color: str) -> np.ndarray:
    return np.array([int(color[i:i + 2], 16) for i in (1, 3, 5)], dtype=float) / 255.0


def _style(chart):
    # "pad": the chart keeps the size it asks for and grows to fit its legends (Streamlit's default, "fit",
    # squeezes the plot and can cut a legend off).
    return chart.properties(autosize=alt.AutoSizeParams(type="pad", contains="padding")).configure_axis(labelFontSize=FONT_SIZE - 1, titleFontSize=FONT_SIZE).configure_legend(
        labelFontSize=FONT_SIZE - 1, titleFontSize=FONT_SIZE, symbolSize=120,
    ).configure_title(fontSize=FONT_SIZE + 2)


def _grid(xs, ys) -> tuple[pd.DataFrame, tuple, tuple, float, float]:
    """Cell centres of a (len(ys), len(xs)) grid, row-major (row i at x2 = ys[i]); extents and cell sizes."""
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    gx, gy = np.meshgrid(xs, ys)
    dx = float(xs[1] - xs[0]) if xs.size > 1 else 1.0
    dy = float(ys[1] - ys[0]) if ys.size > 1 else 1.0
    extent_x = (round(float(xs.min()) - dx / 2, 9), round(float(xs.max()) + dx / 2, 9))
    extent_y = (round(float(ys.min()) - dy / 2, 9), round(float(ys.max()) + dy / 2, 9))
    frame = pd.DataFrame({"x1": gx.ravel().astype(np.float32), "x2": gy.ravel().astype(np.float32)})
    return frame, extent_x, extent_y, round(dx, 9), round(dy, 9)


def _value_scale(domain) -> alt.Scale:
    lo, hi = float(domain[0]), float(domain[1])
    mid = 0.0 if lo < 0 < hi else (lo + hi) / 2
    return alt.Scale(domain=[lo, mid, hi], range=[NEGATIVE_COLOR, NEUTRAL_COLOR, POSITIVE_COLOR], clamp=True)


def _field_layer(data, extent_x, extent_y, dx, dy, color, tooltip, axis_names):
    """The heatmap: one rect per grid cell, spanned from its centre by half a cell each way."""
    scale_x = alt.Scale(domain=list(extent_x), nice=False, zero=False)
    scale_y = alt.Scale(domain=list(extent_y), nice=False, zero=False)
    # Cells overlap by 4% so anti-aliasing leaves no hairline seams between them.
    half_x, half_y = dx * 0.52, dy * 0.52
    return alt.Chart(data).mark_rect(opacity=0.85).transform_calculate(
        x1_lo=f"datum.x1 - {half_x}", x1_hi=f"datum.x1 + {half_x}",
        x2_lo=f"datum.x2 - {half_y}", x2_hi=f"datum.x2 + {half_y}",
    ).encode(
        x=alt.X("x1_lo:Q", title=axis_names[0], scale=scale_x), x2="x1_hi:Q",
        y=alt.Y("x2_lo:Q", title=axis_names[1], scale=scale_y), y2="x2_hi:Q",
        color=color, tooltip=tooltip,
    )


def _softmax_colors(probs: np.ndarray, discretize: bool) -> tuple[np.ndarray, np.ndarray]:
    """(n, K) probabilities -> winning class per cell and its colour: the class colour, paler as it is less sure."""
    k = probs.shape[1]
    winner = probs.argmax(axis=1)
    if discretize:
        strength = np.full(winner.shape, 0.8)
    else:
        # 1/K (a coin toss between all classes) is white; certainty is the full class colour.
        # Quantized to 24 levels: invisible on screen, and it keeps the colour column a small dictionary.
        strength = np.round(np.clip((probs.max(axis=1) - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0) * 24) / 24 * 0.85
    palette = np.stack([_rgb(class_color(i)) for i in range(k)])
    rgb = 1.0 - strength[:, None] * (1.0 - palette[winner])
    return winner, _hex(rgb)


def decision_map_figure(values, xs, ys, *, kind: str = "binary", points_X=None, points_y=None, is_test=None,
                        class_names: Sequence[str] | None = None,
                        value_domain: tuple[float, float] | None = None, discretize: bool = False,
                        show_test: bool = True, axis_names: Sequence[str] = ("x1", "x2"),
                        title: str | None = None, width: int = 420, height: int = 420) -> Figure:
    """See `decision_map`."""
    values = np.asarray(values, dtype=float)
    grid, extent_x, extent_y, dx, dy = _grid(xs, ys)
    n_classes = values.shape[2] if kind == "softmax" else 2
    class_names = tuple(class_names) if class_names is not None else tuple(str(i) for i in range(n_classes))
    if kind == "softmax":
        probs = values.reshape(-1, values.shape[2])
        winner, colors = _softmax_colors(probs, discretize)
        grid["class"] = pd.Categorical.from_codes(winner, categories=list(class_names))
        grid["p"] = probs.max(axis=1).astype(np.float32)
        grid["color"] = pd.Categorical(colors)
    elif kind == "binary":
        p = values.reshape(-1)
        grid["p"] = ((p > 0.5) if discretize else p).astype(np.float32)
    elif kind == "regression":
        v = values.reshape(-1)
        if value_domain is None:
            value_domain = (float(np.min(v)), float(np.max(v)))
        value_domain = (float(value_domain[0]), float(value_domain[1]))
        if discretize:
            mid = 0.0 if value_domain[0] < 0 < value_domain[1] else sum(value_domain) / 2
            v = np.where(v > mid, value_domain[1], value_domain[0])
        grid["value"] = v.astype(np.float32)
    else:
        raise ValueError(f"kind must be 'binary', 'softmax' or 'regression', not {kind!r}")
    frames = {"grid": grid}

    if points_X is not None and points_y is not None:
        X = np.asarray(points_X, dtype=float).reshape(-1, 2)
        n = X.shape[0]
        test = np.zeros(n, dtype=bool) if is_test is None else np.asarray(is_test, dtype=bool).reshape(n)
        pts = pd.DataFrame({"x1": X[:, 0], "x2": X[:, 1],
                            "split": np.where(test, t("common.test"), t("common.train"))})
        y = np.asarray(points_y)
        if kind == "regression":
            pts["target"] = y.reshape(n).astype(float)
        else:
            pts["class"] = np.asarray(class_names, dtype=object)[y.reshape(n).astype(int)]
        if not show_test:
            pts = pts[~test].reset_index(drop=True)
        frames["points"] = pts
    has_points = "points" in frames
    structure = (kind, class_names, value_domain, discretize, extent_x, extent_y, dx, dy, tuple(axis_names),
                 title, width, height, has_points)

    def make(data_of):
        names = list(axis_names)
        tooltip = [alt.Tooltip("x1:Q", format=".2f", title=names[0]),
                   alt.Tooltip("x2:Q", format=".2f", title=names[1])]
        if kind == "softmax":
            color = alt.Color("color:N", scale=None)
            tooltip += [alt.Tooltip("class:N", title=t("charts.class")),
                        alt.Tooltip("p:Q", format=".1%", title=t("charts.probability"))]
        elif kind == "binary":
            label = t("charts.probability_of", name=class_names[-1])
            color = alt.Color("p:Q", title=label, scale=_value_scale((0.0, 1.0)),
                              legend=alt.Legend(format=".1f", gradientLength=160))
            tooltip.append(alt.Tooltip("p:Q", format=".1%", title=label))
        else:
            color = alt.Color("value:Q", title=t("charts.prediction"), scale=_value_scale(value_domain),
                              legend=alt.Legend(gradientLength=160))
            tooltip.append(alt.Tooltip("value:Q", format=".3f", title=t("charts.prediction")))
        layers = [_field_layer(data_of("grid"), extent_x, extent_y, dx, dy, color, tooltip, names)]
        if has_points:
            x = alt.X("x1:Q", scale=alt.Scale(domain=list(extent_x), nice=False, zero=False))
            y = alt.Y("x2:Q", scale=alt.Scale(domain=list(extent_y), nice=False, zero=False))
            stroke = alt.Stroke("split:N", title=t("charts.points"),
                                scale=alt.Scale(domain=[t("common.train"), t("common.test")],
                                                range=[TRAIN_STROKE, TEST_STROKE]),
                                legend=alt.Legend(symbolFillColor="#9A9A9A", symbolStrokeWidth=2, symbolSize=140))
            point_tooltip = [alt.Tooltip("x1:Q", format=".2f", title=names[0]),
                             alt.Tooltip("x2:Q", format=".2f", title=names[1]), alt.Tooltip("split:N", title=" ")]
            if kind == "regression":
                point_color = alt.Color("target:Q", scale=_value_scale(value_domain), legend=None)
                shape = alt.value("circle")
                point_tooltip.append(alt.Tooltip("target:Q", format=".3f", title=t("charts.target")))
            else:
                domain = list(class_names)
                point_color = alt.Color("class:N", title=t("charts.class"), scale=alt.Scale(
                    domain=domain, range=[class_color(i) for i in range(len(domain))]))
                shape = alt.Shape("class:N", title=t("charts.class"), scale=alt.Scale(
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
        return _style(chart)

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
    names = tuple(names)
    grid, extent_x, extent_y, dx, dy = _grid(xs, ys)
    frames = {}
    X = None if points_X is None else np.asarray(points_X, dtype=float).reshape(-1, 2)
    Y = None if points_y is None else np.asarray(points_y)
    for k in range(len(names)):
        frame = grid.copy()
        p = probs[..., k].reshape(-1)
        frame["p"] = ((p > 0.5) if discretize else p).astype(np.float32)
        frames[f"grid{k}"] = frame
        if X is not None and Y is not None:
            member = (Y[:, k] > 0.5) if Y.ndim == 2 else (Y.reshape(-1).astype(int) == k)
            frames[f"points{k}"] = pd.DataFrame({"x1": X[:, 0], "x2": X[:, 1], "member": member.astype(int)})
    has_points = X is not None and Y is not None
    structure = (names, extent_x, extent_y, dx, dy, size, columns, has_points)

    def make(data_of):
        panels = []
        for k, name in enumerate(names):
            label = t("charts.probability_of", name=name)
            color = alt.Color("p:Q", legend=None,
                              scale=alt.Scale(domain=[0, 1], range=[NEUTRAL_COLOR, class_color(k)]))
            layers = [_field_layer(data_of(f"grid{k}"), extent_x, extent_y, dx, dy, color,
                                   [alt.Tooltip("p:Q", format=".1%", title=label)], (None, None))]
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
        return _style(alt.concat(*panels, columns=columns))

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
    # A curve needs no more points than the chart has pixels: keep every k-th epoch and always the last.
    keep = np.arange(len(epochs))
    if len(epochs) > max_points:
        keep = np.unique(np.r_[np.linspace(0, len(epochs) - 1, max_points).astype(int), len(epochs) - 1])
    rows = []
    for metric in ("loss", "accuracy"):
        for prefix, split in (("", "train"), ("val_", "test")):
            series = history.get(prefix + metric)
            if series is not None and len(series):
                index = keep[keep < len(series)]
                rows.append(pd.DataFrame({"epoch": epochs[index].astype(np.float32),
                                          "value": np.asarray(series, dtype=np.float32)[index], "split": split,
                                          "metric": metric}))
    data = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(
        {"epoch": [], "value": [], "split": [], "metric": []})
    data["split"] = pd.Categorical(data["split"], categories=["train", "test"])
    data["metric"] = pd.Categorical(data["metric"], categories=["loss", "accuracy"])
    has_accuracy = bool(len(history.get("accuracy", ())) or len(history.get("val_accuracy", ())))
    structure = (has_accuracy, log_scale, width, height)

    def make(data_of):
        splits = [t("common.train"), t("common.test")]
        split_label = f"datum.split == 'train' ? '{splits[0]}' : '{splits[1]}'"
        color = alt.Color("split_label:N", title=None,
                          scale=alt.Scale(domain=splits, range=["#0072B2", "#D55E00"]),
                          legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=3, symbolSize=300))
        dash = alt.StrokeDash("split_label:N", title=None, scale=alt.Scale(domain=splits, range=[[1, 0], [6, 3]]))

        def panel(metric: str):
            name = t(f"common.{metric}")
            hover = alt.selection_point(fields=["epoch"], nearest=True, on="pointerover", empty=False,
                                        clear="pointerout", name=f"hover_{metric}")
            base = alt.Chart(data_of("history")).transform_filter(
                alt.datum.metric == metric).transform_calculate(split_label=split_label)
            if log_scale and metric == "loss":
                y_scale = alt.Scale(type="log")
            elif metric == "accuracy":
                y_scale = alt.Scale(domain=[0, 1])
            else:
                y_scale = alt.Scale(zero=True)
            x = alt.X("epoch:Q", title=t("common.epoch"), axis=alt.Axis(format="d", tickMinStep=1))
            y = alt.Y("value:Q", title=name, scale=y_scale)
            lines = base.mark_line(strokeWidth=2.5).encode(x=x, y=y, color=color, strokeDash=dash)
            # Invisible hover targets; the hovered epoch's dots are a separate, filtered layer.
            targets = base.mark_point(size=80, opacity=0).encode(x=x, y=y).add_params(hover)
            dots = base.mark_point(size=70, filled=True).transform_filter(hover).encode(
                x=x, y=y, color=color,
                tooltip=[alt.Tooltip("epoch:Q", format="d", title=t("common.epoch")),
                         alt.Tooltip("split_label:N", title=" "), alt.Tooltip("value:Q", format=".4f", title=name)],
            )
            rule = base.mark_rule(color="#999999").encode(x=x).transform_filter(hover)
            return alt.layer(lines, targets, rule, dots).properties(width=width, height=height, title=name)

        chart = alt.hconcat(panel("loss"), panel("accuracy")) if has_accuracy else panel("loss")
        return _style(chart).configure_legend(orient="bottom")

    return Figure(("loss_curves", structure), {"history": data}, make)


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
    labels = tuple(f"{name} ✓" if i == true_class else str(name) for i, name in enumerate(class_names))
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
        text = alt.Chart(data_of("bars")).mark_text(align="left", dx=4, fontSize=FONT_SIZE).encode(
            x=x, y=y, text="text:N")
        return _style(alt.layer(bars, text).properties(width=width, height=38 * len(labels)))

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


TITLE_PX = 44  # room above the first row for the layer titles


def _layout(sizes: Sequence[int], column_px: int, row_px: int, max_height: int) -> _Layout:
    tallest = max(sizes)
    row = min(float(row_px), (max_height - TITLE_PX) / tallest)
    node = 0.74 * row
    centres = [np.column_stack([np.full(n, column_px * (col + 0.5) + 40.0),
                                TITLE_PX + row * (np.arange(n) + (tallest - n) / 2 + 0.5)])
               for col, n in enumerate(sizes)]
    return _Layout(centres, node, column_px * len(sizes) + 80.0, TITLE_PX + row * tallest + 4)


def network_diagram_figure(model, feature_names: Sequence[str], output_names: Sequence[str] | None = None, *,
                           node_maps: Sequence[np.ndarray | None] | None = None, column_px: int = 130,
                           row_px: int = 62, max_height: int = 600) -> Figure:
    """See `network_diagram`."""
    feature_names = tuple(str(name) for name in feature_names)
    sizes = [len(feature_names)] + [layer.units for layer in model.layers]
    activations = tuple(layer.activation for layer in model.layers)
    n_cols = len(sizes)
    layout = _layout(sizes, column_px, row_px, max_height)
    centres, half = layout.centres, layout.node_px / 2
    output_names = tuple(output_names) if output_names is not None else tuple(
        str(i) for i in range(model.layers[-1].units))
    node_names, link_names = _diagram_names(tuple(sizes), feature_names, output_names, current_language())
    link_parts = []
    for k, layer in enumerate(model.layers):
        W = np.asarray(layer.W, dtype=float)
        src, dst = np.meshgrid(np.arange(W.shape[0]), np.arange(W.shape[1]), indexing="ij")
        a, b = centres[k][src.ravel()], centres[k + 1][dst.ravel()]
        link_parts.append(pd.DataFrame({
            "x": a[:, 0] + half, "y": a[:, 1], "x2": b[:, 0] - half, "y2": b[:, 1],
            "w": W.ravel(), "abs_w": np.abs(W.ravel()), "sign": np.where(W.ravel() >= 0, "+", "-"),
            "link": link_names[k],
        }))
    node_parts = []
    for col, xy in enumerate(centres):
        if col == 0:
            label, act, bias = list(feature_names), "", np.full(sizes[0], np.nan)
        else:
            layer = model.layers[col - 1]
            label = list(output_names) if col == n_cols - 1 else [""] * sizes[col]
            act, bias = layer.activation, np.asarray(layer.b, dtype=float)
        node_parts.append(pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "label": label, "activation": act,
                                        "bias": bias, "column": col, "name": node_names[col]}))
    frames = {"links": pd.concat(link_parts, ignore_index=True), "nodes": pd.concat(node_parts, ignore_index=True)}
    map_frame = _node_map_frame(node_maps, centres, layout.node_px) if node_maps is not None else None
    if map_frame is not None:
        frames["maps"] = map_frame
    has_maps = map_frame is not None
    structure = (tuple(sizes), activations, feature_names, output_names, column_px, row_px, max_height, has_maps)

    def make(data_of):
        node_px = layout.node_px
        titles = pd.DataFrame({
            "x": [float(c[0, 0]) for c in centres], "y": 2.0,
            "title": [t("common.input_layer")]
                     + [f"{t('common.hidden_layer')} {k}" for k in range(1, n_cols - 1)]
                     + [t("common.output_layer")],
            "sub": [""] + list(activations),
        })
        X = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[0, layout.width], nice=False, zero=False))
        Y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[0, layout.height], nice=False, zero=False,
                                                    reverse=True))
        layers = [alt.Chart(data_of("links")).mark_rule(opacity=0.8).encode(
            x=X, y=Y, x2="x2:Q", y2="y2:Q",
            color=alt.Color("sign:N", title=t("common.weights"),
                            scale=alt.Scale(domain=["+", "-"], range=[POSITIVE_COLOR, NEGATIVE_COLOR]),
                            legend=alt.Legend(orient="bottom-left", direction="horizontal", symbolType="stroke",
                                              symbolStrokeWidth=4, offset=0)),
            strokeWidth=alt.StrokeWidth("abs_w:Q", legend=None, scale=alt.Scale(range=[0.3, 7], zero=True)),
            tooltip=[alt.Tooltip("link:N", title=" "), alt.Tooltip("w:Q", format=".3f", title=t("common.weights"))],
        )]
        if has_maps:
            layers.append(alt.Chart(data_of("maps")).mark_rect().encode(
                x=X, x2="x2:Q", y=Y, y2="y2:Q",
                color=alt.Color("v:Q", legend=None, scale=_value_scale((-1.0, 1.0)))))
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
        layers.append(alt.Chart(titles).mark_text(fontSize=FONT_SIZE, fontWeight="bold", baseline="top").encode(
            x=X, y=Y, text="title:N"))
        layers.append(alt.Chart(titles).mark_text(fontSize=FONT_SIZE - 2, color="#555555", baseline="top",
                                                  dy=FONT_SIZE + 3).encode(x=X, y=Y, text="sub:N"))
        chart = alt.layer(*layers).properties(width=layout.width, height=layout.height)
        return _style(chart).configure_view(stroke=None)

    return Figure(("network_diagram", structure), frames, make)


def network_diagram(model, feature_names: Sequence[str], output_names: Sequence[str] | None = None, **options):
    """The network as TF Playground draws it: a column of nodes per layer (input, hidden 1..n, output), a link
    per weight: colour = sign, width = |w| relative to the largest; hover a link for its value, a node for its
    activation and bias.

    model: a built engine Sequential (reads each layer's W (n_in, units), b (units,), activation).
    node_maps: optional, per column (inputs first, then each Dense layer): None or (units, r, r), each node's
    output over the input plane (as `unit_maps` returns); each map is scaled by its own largest |value| and
    drawn inside its node (orange negative, blue positive).
    """
    return network_diagram_figure(model, feature_names, output_names, **options).chart()


@lru_cache(maxsize=16)
def _diagram_names(sizes: tuple, feature_names: tuple, output_names: tuple, language: str):
    """Node names per column and link names per layer (row-major like W), made once per structure: building
    hundreds of strings every tick would cost more than the rest of the diagram."""
    n_cols = len(sizes)
    nodes = [[_node_name(col, i, feature_names, output_names, n_cols) for i in range(n)]
             for col, n in enumerate(sizes)]
    links = [pd.Categorical([f"{nodes[k][i]} → {nodes[k + 1][j]}" for i in range(sizes[k])
                             for j in range(sizes[k + 1])]) for k in range(n_cols - 1)]
    return nodes, links


def _node_name(col: int, index: int, feature_names, output_names, n_cols: int) -> str:
    if col == 0:
        return str(feature_names[index])
    if col == n_cols - 1:
        return f"{t('common.output_layer')}: {output_names[index]}"
    return f"{t('common.hidden_layer')} {col} #{index + 1}"


def _node_map_frame(node_maps, centres, node_px: float) -> pd.DataFrame | None:
    """Small rects (pixels) tiling each node with its output map scaled to [-1, 1]; None if there are no maps."""
    parts = []
    for col, maps in enumerate(node_maps):
        if maps is None or col >= len(centres):
            continue
        maps = np.asarray(maps, dtype=float)
        units, res = maps.shape[0], maps.shape[1]
        scale = np.abs(maps).reshape(units, -1).max(axis=1)
        normalised = maps / np.where(scale > 0, scale, 1.0)[:, None, None]
        step = node_px / res
        offsets = np.arange(res) * step - node_px / 2
        # Row 0 of a map is the lowest x2; the diagram's y axis points down, so it goes at the bottom.
        ox, oy = np.meshgrid(offsets, offsets[::-1])
        cx = centres[col][:units, 0][:, None, None]
        cy = centres[col][:units, 1][:, None, None]
        x_lo, y_lo = cx + ox, cy + oy
        parts.append(pd.DataFrame({
            "x": x_lo.ravel().astype(np.float32), "x2": (x_lo + step * 1.04).ravel().astype(np.float32),
            "y": y_lo.ravel().astype(np.float32), "y2": (y_lo + step * 1.04).ravel().astype(np.float32),
            "v": normalised.ravel().astype(np.float32),
        }))
    return pd.concat(parts, ignore_index=True) if parts else None
