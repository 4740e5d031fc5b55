"""Fields over the input plane: decision maps (binary, softmax, regression) and per-class probability maps.

A field is coloured in NumPy (`field_colors`) and sent as one row of colours per grid row (`field_rows`); Vega
draws each row as one rect filled with a horizontal gradient through the row's colours: neither images (Vega
draws a new image a frame or more late, so a live map would flicker) nor one mark per cell (too slow to redraw
live). Train/test points go on top, classes told apart by colour AND marker shape.
"""

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from ui.chart_style import (
    NEGATIVE_COLOR,
    NEUTRAL_COLOR,
    POSITIVE_COLOR,
    TEST_STROKE,
    TRAIN_STROKE,
    class_color,
    class_shape,
    display_name,
    hex_to_rgb,
    picked_ring,
)
from ui.figure import Figure
from ui.i18n import t


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
    neutral = hex_to_rgb(NEUTRAL_COLOR)
    return neutral + below * (hex_to_rgb(low) - neutral) + above * (hex_to_rgb(high) - neutral)


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
        palette = np.stack([hex_to_rgb(class_color(i)) for i in range(k)])
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
        neutral = hex_to_rgb(NEUTRAL_COLOR)
        rgb = neutral + p * (hex_to_rgb(color) - neutral)
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
    columns x0, x1, y0, y1 and "colors" (the row's c colours, space-separated), drawn by `field_layer`.

    Colours blend along a row (a gradient through the cell centres); split_rows: rows split in two and
    interpolated, so the steps between rows are half as tall (for maps large enough to see them)."""
    return pd.DataFrame(field_columns(rgb, box_x, box_y, split_rows))


def field_columns(rgb, box_x, box_y, split_rows: bool) -> dict:
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


def field_layer(data, columns: int, x_scale: alt.Scale, y_scale: alt.Scale, axis_names=(None, None), *,
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
                        title: str | None = None, width: int = 420, height: int = 420, picked=None) -> Figure:
    """See `decision_map`; `picked` (x1, x2) is ringed on the map (the point whose numbers are shown)."""
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
    if picked is not None:
        frames["picked"] = pd.DataFrame({"x1": [float(picked[0])], "x2": [float(picked[1])]})
    has_picked = "picked" in frames
    structure = (kind, class_names, value_domain, extent_x, extent_y, tuple(axis_names), title, width, height,
                 has_points, columns, has_picked)

    def make(data_of):
        names = list(axis_names)
        layers = [field_layer(data_of("field"), columns, _plane_scale(extent_x), _plane_scale(extent_y), names)]
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
        if has_picked:
            layers.append(picked_ring(data_of("picked"),
                                      alt.X("x1:Q", scale=alt.Scale(domain=list(extent_x), nice=False, zero=False)),
                                      alt.Y("x2:Q", scale=alt.Scale(domain=list(extent_y), nice=False, zero=False))))
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
            layers = [field_layer(data_of(f"field{k}"), probs.shape[1], _plane_scale(extent_x),
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
