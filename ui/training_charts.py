"""Figures and their numbers for the lessons on softmax, multi-label heads, optimizers and digits (notes §10-14).

Shared maps, loss curves and probability bars live in `ui/charts.py` (palette, fonts and styling come from
there); these are the figures only these lessons need:

- `softmax_bars(logits, probabilities, true_class, names)`: the logits z_j and a_j = softmax(z)_j side by side.
- `softmax_loss_paths(logits, true_class, dtype)` + `precision_chart(rows)`: -log a_y computed three ways (§11).
- `loss_surface(x, y, ws, bs)` + `loss_surface_chart(...)`: one neuron's loss over (w, b) with optimizer paths.
- `race_loss_chart(losses, target)`, `epochs_to_reach(losses, target)`: gradient descent against Adam.
- `step_sizes_chart(frame)`: Adam's per-parameter step size over the steps.
- `confusion_matrix_chart(matrix, names)`, `digit_gallery(images, y_true, probabilities)`: the digits lesson.
"""

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal, localcontext

import altair as alt
import numpy as np
import pandas as pd

from engine import BinaryCrossentropy, SparseCategoricalCrossentropy, activations
from ui.chart_style import FONT_SIZE, NEGATIVE_COLOR, POSITIVE_COLOR, class_color, hex_to_rgb, style
from ui.figure import Figure
from ui.i18n import t

# Gradient descent and Adam keep the same colour, dash and marker on every figure of the optimizer lesson.
OPTIMIZER_COLORS = {"sgd": "#D55E00", "adam": "#0072B2"}
OPTIMIZER_DASHES = {"sgd": [7, 3], "adam": [1, 0]}
OPTIMIZER_SHAPES = {"sgd": "triangle-up", "adam": "circle"}
CORRECT_COLOR, WRONG_COLOR = "#0072B2", "#D55E00"


def _hex(rgb: np.ndarray) -> list[str]:
    """(n, 3) floats in [0, 1] -> n '#rrggbb' strings."""
    ints = np.clip(np.rint(np.asarray(rgb) * 255), 0, 255).astype(int)
    return [f"#{r:02x}{g:02x}{b:02x}" for r, g, b in ints]


# Legends under the chart: a right-hand legend is cut off when the chart fills its column.
# One entry a row: side by side, two long names reach past a chart as narrow as a half column at 1024 px.
LEGEND_BELOW = alt.Legend(orient="bottom", symbolType="stroke", symbolStrokeWidth=3, symbolSize=300, labelLimit=360,
                          columns=1)


def optimizer_label(name: str) -> str:
    return t(f"training_charts.optimizer_{name}")


# ----- softmax (§10) -------------------------------------------------------------------------------------

def softmax_bars_figure(logits, probabilities, true_class: int, class_names: Sequence[str], *,
                        z_limit: float = 10.0, width: int | str = 250, panel: str | None = None) -> Figure:
    """Two bar charts side by side: the logits z_j (signed) and the probabilities a_j (0..1); `panel` "z" or "a":
    that chart alone (one view, so it can take its column's width, `width=CONTAINER`; the "a" chart then names
    the classes too, since it may stand below the "z" chart on a narrow screen).

    logits, probabilities: (K,); z_limit: the z axis runs from -z_limit to z_limit (the sliders' range, so the
    axis stays put while a slider moves). The true class y is marked with a thick black outline and "(y)".
    """
    z = np.asarray(logits, dtype=float).reshape(-1)
    a = np.asarray(probabilities, dtype=float).reshape(-1)
    names = tuple(f"{name}  (y)" if i == true_class else str(name) for i, name in enumerate(class_names))
    data = pd.DataFrame({"class": names, "z": z, "a": a, "is_true": np.arange(len(z)) == true_class,
                         "z_text": [f"{v:+.2f}" for v in z], "a_text": [f"{v:.3f}" for v in a]})
    structure = (names, z_limit, width, panel)

    def make(data_of):
        bars_data = data_of("bars")
        y = alt.Y("class:N", title=None, sort=list(names), axis=alt.Axis(labelFontSize=FONT_SIZE + 1))
        y_hidden = alt.Y("class:N", title=None, sort=list(names), axis=None)
        colors = alt.Color("class:N", legend=None,
                           scale=alt.Scale(domain=list(names), range=[class_color(i) for i in range(len(names))]))
        outline = alt.condition("datum.is_true", alt.value(3), alt.value(0))
        z_x = alt.X("z:Q", title=t("training_charts.logit_axis"), scale=alt.Scale(domain=[-z_limit, z_limit]),
                    axis=alt.Axis(values=[-z_limit, -z_limit / 2, 0, z_limit / 2, z_limit]))
        z_bars = alt.Chart(bars_data).mark_bar(height={"band": 0.7}, stroke="#000000").encode(
            x=z_x, y=y, color=colors, strokeWidth=outline,
            tooltip=[alt.Tooltip("class:N", title=""), alt.Tooltip("z:Q", format=".3f", title="z")])
        # Each value beside its bar's end: right of a positive bar, left of a negative one.
        z_text = alt.Chart(bars_data).transform_filter("datum.z >= 0").mark_text(
            fontSize=FONT_SIZE, dx=4, align="left").encode(x=z_x, y=y, text="z_text:N")
        z_text_negative = alt.Chart(bars_data).transform_filter("datum.z < 0").mark_text(
            fontSize=FONT_SIZE, dx=-4, align="right").encode(x=z_x, y=y, text="z_text:N")
        a_x = alt.X("a:Q", title=t("training_charts.probability_axis"), scale=alt.Scale(domain=[0, 1]))
        if panel == "a":
            y_hidden = y
        a_bars = alt.Chart(bars_data).mark_bar(height={"band": 0.7}, stroke="#000000").encode(
            x=a_x, y=y_hidden, color=colors, strokeWidth=outline,
            tooltip=[alt.Tooltip("class:N", title=""), alt.Tooltip("a:Q", format=".4f", title="a")])
        # Beside its bar, or inside it near 1: a number past the axis' end would be cut off at the chart's edge.
        a_text = alt.layer(
            alt.Chart(bars_data).transform_filter("datum.a <= 0.8").mark_text(
                fontSize=FONT_SIZE, align="left", dx=4).encode(x=a_x, y=y_hidden, text="a_text:N"),
            alt.Chart(bars_data).transform_filter("datum.a > 0.8").mark_text(
                fontSize=FONT_SIZE, align="right", dx=-4, color="#FFFFFF", fontWeight="bold").encode(
                x=a_x, y=y_hidden, text="a_text:N"))
        height = 44 * len(names) + 10
        left = alt.layer(z_bars, z_text, z_text_negative).properties(width=width, height=height,
                                                                     title="z = logits")
        right = alt.layer(a_bars, a_text).properties(width=width, height=height, title="a = softmax(z)")
        if panel is not None:
            return left if panel == "z" else right
        return alt.hconcat(left, right, spacing=30)

    return Figure(("softmax_bars", structure), {"bars": data}, make)


def softmax_bars(logits, probabilities, true_class: int, class_names: Sequence[str], **options):
    """The Altair chart of `softmax_bars_figure` (same arguments)."""
    return softmax_bars_figure(logits, probabilities, true_class, class_names, **options).chart()


def _exact_loss(logits: Sequence[float], true_class: int) -> float:
    """-log softmax(z)_y with 60 significant digits (Decimal), rounded once to float64 at the end."""
    with localcontext() as ctx:
        ctx.prec = 60
        zs = [Decimal(repr(float(v))) for v in logits]
        top = max(zs)
        total = sum(((v - top).exp() for v in zs), Decimal(0))
        return float(total.ln() + top - zs[true_class])


PRECISION_PATHS = ("exact", "textbook", "probabilities", "from_logits")


def softmax_loss_paths(logits, true_class: int, dtype=np.float32) -> dict[str, float]:
    """The loss -log a_y for one example computed four ways (notes §11), in `dtype` where the model would be.

    - "exact": 60-digit decimal arithmetic (the reference).
    - "textbook": a = e^z / sum(e^z) exactly as written, then -log a_y (overflows for large z).
    - "probabilities": the engine's softmax output then `SparseCategoricalCrossentropy()` (Keras's clipped log).
    - "from_logits": `SparseCategoricalCrossentropy(from_logits=True)` on z (log-sum-exp inside the loss).
    """
    z = np.asarray(logits, dtype=dtype).reshape(1, -1)
    if not np.isfinite(z).all():
        raise ValueError("The logits must be finite numbers.")
    k = z.shape[1]
    if not 0 <= true_class < k:
        raise ValueError(f"The true class must be between 0 and {k - 1}.")
    naive_loss = SparseCategoricalCrossentropy()
    targets = naive_loss.prepare_targets(np.array([true_class]), k, dtype)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        e = np.exp(z)
        textbook = float(-np.log((e / e.sum())[0, true_class]))
        probabilities = activations.forward("softmax", z)
        via_probabilities = naive_loss(targets, probabilities)
        via_logits = SparseCategoricalCrossentropy(from_logits=True)(targets, z)
    return {"exact": _exact_loss(z[0].tolist(), true_class), "textbook": textbook,
            "probabilities": float(via_probabilities), "from_logits": float(via_logits)}


def loss_error(value: float, exact: float) -> float:
    """|value - exact|; infinity when the value is not a number at all (NaN or inf)."""
    return abs(value - exact) if math.isfinite(value) else math.inf


def precision_chart(errors: Mapping[str, float], labels: Mapping[str, str], *, width: int | str = 520):
    """Horizontal bars of |error| per path on a log scale; a path that failed (NaN/inf) is drawn at the top end.

    errors: path -> |error| (0 drawn at the floor 1e-17, inf at 1e3 with the word "failed").
    """
    floor, ceiling = 1e-17, 1e3
    rows = []
    for path, error in errors.items():
        shown = ceiling if not math.isfinite(error) else min(max(error, floor), ceiling)
        text = t("training_charts.failed") if not math.isfinite(error) else (
            "0" if error == 0 else f"{error:.2e}")
        rows.append({"path": labels[path], "error": shown, "floor": floor, "text": text})
    data = pd.DataFrame(rows)
    order = list(data["path"])
    y = alt.Y("path:N", title=None, sort=order, axis=alt.Axis(labelLimit=200, labelFontSize=FONT_SIZE))
    x = alt.X("error:Q", title=t("training_charts.abs_error"),
              scale=alt.Scale(type="log", domain=[floor, ceiling]), axis=alt.Axis(format=".0e"))
    # A log axis has no 0: bars grow from the axis floor.
    bars = alt.Chart(data).mark_bar(height={"band": 0.6}).encode(
        x=x, x2="floor:Q", y=y, color=alt.Color("path:N", legend=None,
                                  scale=alt.Scale(domain=order, range=[class_color(i + 4) for i in range(len(order))])),
        tooltip=[alt.Tooltip("path:N", title=""), alt.Tooltip("text:N", title=t("training_charts.abs_error"))])
    # Beside a short bar, inside a long one: text past the axis' end would be cut off at the chart's edge.
    long = f"datum.error >= {1e-3}"
    text = alt.layer(
        alt.Chart(data).transform_filter(f"!({long})").mark_text(align="left", dx=4, fontSize=FONT_SIZE).encode(
            x=x, y=y, text="text:N"),
        alt.Chart(data).transform_filter(long).mark_text(
            align="right", dx=-4, fontSize=FONT_SIZE, color="#FFFFFF", fontWeight="bold").encode(
            x=x, y=y, text="text:N"))
    return style(alt.layer(bars, text).properties(width=width, height=48 * len(order) + 10), view_frame=True)


# ----- multi-label (§12) -----------------------------------------------------------------------------------

def multilabel_scores(probabilities: np.ndarray, y: np.ndarray, threshold: float = 0.5) -> dict:
    """How well (n, L) outputs answer (n, L) 0/1 targets, each label switched on when its output > threshold.

    Returns per_label (L,) accuracy, exact (fraction of examples with every label right) and exact_multi
    (the same over examples with two or more labels; NaN if there are none).
    """
    predicted = np.asarray(probabilities) > threshold
    y = np.asarray(y) > 0.5
    right = predicted == y
    all_right = right.all(axis=1)
    multi = y.sum(axis=1) >= 2
    return {"per_label": right.mean(axis=0), "exact": float(all_right.mean()),
            "exact_multi": float(all_right[multi].mean()) if multi.any() else float("nan")}


# ----- optimizers (§13-14) -------------------------------------------------------------------------------

def loss_surface(x: np.ndarray, y: np.ndarray, w_values: np.ndarray, b_values: np.ndarray) -> np.ndarray:
    """Binary cross-entropy of one sigmoid neuron a = sigmoid(w x + b) on 1-D data, over a (w, b) grid.

    x (n,), y (n,) 0/1 -> losses (len(b_values), len(w_values)): row i is b = b_values[i].
    Uses the engine's `BinaryCrossentropy(from_logits=True)` (the same number `model.evaluate` reports).
    """
    x = np.asarray(x, dtype=float).reshape(-1, 1)
    targets = np.asarray(y, dtype=float).reshape(-1, 1)
    loss = BinaryCrossentropy(from_logits=True)
    out = np.empty((len(b_values), len(w_values)))
    for i, b in enumerate(b_values):
        for j, w in enumerate(w_values):
            out[i, j] = loss(targets, x * w + b)
    return out


def loss_surface_figure(w_values, b_values, losses: np.ndarray, paths: pd.DataFrame, *,
                        w_title: str = "w", b_title: str = "b", width: int = 520, height: int = 420) -> Figure:
    """The loss over (w, b) as filled contour bands (log scale), with each optimizer's path drawn on top.

    losses: (len(b_values), len(w_values)). paths: columns optimizer ("sgd"/"adam"), step, w, b, loss.
    Bands: 12 equal steps of log10(loss), so every band edge is a contour line of the surface.
    A `Figure` for `ui.widgets.live_chart` (spec built once per grid and titles; `loss_surface_chart` for Altair).
    """
    w_values, b_values = np.asarray(w_values, dtype=float), np.asarray(b_values, dtype=float)
    dw, db = float(w_values[1] - w_values[0]), float(b_values[1] - b_values[0])
    gw, gb = np.meshgrid(w_values, b_values)
    log_loss = np.log10(np.maximum(losses, 1e-12)).ravel()
    edges = np.linspace(float(log_loss.min()), float(log_loss.max()), 13)
    band = np.clip(np.digitize(log_loss, edges[1:-1]), 0, 11)
    grid = pd.DataFrame({"w": gw.ravel().astype(np.float32), "b": gb.ravel().astype(np.float32),
                         "loss": np.asarray(losses).ravel().astype(np.float32), "band": band})
    path = paths.assign(name=paths["optimizer"].map(optimizer_label))
    start = path[path["step"] == 0].head(1).assign(text=t("training_charts.start"))
    frames = {"grid": grid, "path": path, "start": start}
    extent_w = (float(w_values[0] - dw / 2), float(w_values[-1] + dw / 2))
    extent_b = (float(b_values[0] - db / 2), float(b_values[-1] + db / 2))
    names = tuple(optimizer_label(name) for name in OPTIMIZER_COLORS)
    structure = (extent_w, extent_b, dw, db, w_title, b_title, width, height, names)

    def make(data_of):
        x_scale = alt.Scale(domain=list(extent_w), nice=False, zero=False)
        y_scale = alt.Scale(domain=list(extent_b), nice=False, zero=False)
        field = alt.Chart(data_of("grid")).mark_rect().transform_calculate(
            w_lo=f"datum.w - {dw / 2}", w_hi=f"datum.w + {dw / 2}",
            b_lo=f"datum.b - {db / 2}", b_hi=f"datum.b + {db / 2}",
        ).encode(
            x=alt.X("w_lo:Q", title=w_title, scale=x_scale, axis=alt.Axis(tickCount=8)), x2="w_hi:Q",
            y=alt.Y("b_lo:Q", title=b_title, scale=y_scale, axis=alt.Axis(tickCount=8)), y2="b_hi:Q",
            color=alt.Color("band:O", legend=None, scale=alt.Scale(scheme="greys", domain=list(range(12)),
                                                                   reverse=True)),
            tooltip=[alt.Tooltip("w:Q", format=".2f", title=w_title),
                     alt.Tooltip("b:Q", format=".2f", title=b_title),
                     alt.Tooltip("loss:Q", format=".4f", title=t("common.loss"))],
        )
        colors = alt.Scale(domain=list(names), range=list(OPTIMIZER_COLORS.values()))
        # One legend (colour); dashes and marker shapes repeat the distinction for colour-blind readers.
        dash = alt.StrokeDash("name:N", legend=None,
                              scale=alt.Scale(domain=list(names), range=list(OPTIMIZER_DASHES.values())))
        shape = alt.Shape("name:N", legend=None,
                          scale=alt.Scale(domain=list(names), range=list(OPTIMIZER_SHAPES.values())))
        enc = {"x": alt.X("w:Q", scale=x_scale), "y": alt.Y("b:Q", scale=y_scale)}
        tooltip = [alt.Tooltip("name:N", title=""), alt.Tooltip("step:Q", title=t("common.epoch")),
                   alt.Tooltip("w:Q", format=".3f"), alt.Tooltip("b:Q", format=".3f"),
                   alt.Tooltip("loss:Q", format=".4f", title=t("common.loss"))]
        lines = alt.Chart(data_of("path")).mark_line(strokeWidth=3, clip=True).encode(
            **enc, order="step:Q", color=alt.Color("name:N", title=None, scale=colors, legend=LEGEND_BELOW),
            strokeDash=dash)
        dots = alt.Chart(data_of("path")).mark_point(
            filled=True, size=55, stroke="#FFFFFF", strokeWidth=0.8, clip=True, opacity=1).encode(
            **enc, color=alt.Color("name:N", legend=None, scale=colors), shape=shape, tooltip=tooltip)
        start_mark = alt.Chart(data_of("start")).mark_point(shape="diamond", size=320, filled=True,
                                                            color="#000000", clip=True).encode(**enc)
        start_text = alt.Chart(data_of("start")).mark_text(
            align="left", dx=12, fontSize=FONT_SIZE, fontWeight="bold").encode(**enc, text="text:N")
        chart = alt.layer(field, lines, dots, start_mark, start_text).resolve_scale(color="independent")
        return chart.properties(width=width, height=height)

    return Figure(("loss_surface", structure), frames, make)


def loss_surface_chart(w_values, b_values, losses: np.ndarray, paths: pd.DataFrame, **options):
    """The Altair chart of `loss_surface_figure` (same arguments)."""
    return loss_surface_figure(w_values, b_values, losses, paths, **options).chart()


def race_loss_figure(losses: Mapping[str, Sequence[float]], target: float | None = None, *,
                     log_scale: bool = True, width: int = 520, height: int = 300) -> Figure:
    """Training loss per epoch of each optimizer on one chart (same colours and dashes as the surface).

    losses: optimizer key ("sgd"/"adam") -> one loss per epoch (epoch 1 first). target: a horizontal rule.
    """
    parts = [pd.DataFrame({"epoch": np.arange(1, len(values) + 1), "loss": np.asarray(values, dtype=float),
                           "name": optimizer_label(name)}) for name, values in losses.items()]
    data = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame({"epoch": [], "loss": [], "name": []})
    data = data[np.isfinite(data["loss"]) & (data["loss"] > 0)]
    has_target = target is not None and target > 0
    frames = {"losses": data}
    if has_target:
        frames["target"] = pd.DataFrame({"loss": [float(target)],
                                         "text": [t("training_charts.target_loss", value=target)]})
    names = tuple(optimizer_label(name) for name in OPTIMIZER_COLORS)
    structure = (names, log_scale, width, height, has_target)

    def make(data_of):
        color = alt.Color("name:N", title=None, legend=LEGEND_BELOW,
                          scale=alt.Scale(domain=list(names), range=list(OPTIMIZER_COLORS.values())))
        dash = alt.StrokeDash("name:N", title=None, legend=LEGEND_BELOW,
                              scale=alt.Scale(domain=list(names), range=list(OPTIMIZER_DASHES.values())))
        x = alt.X("epoch:Q", title=t("common.epoch"), axis=alt.Axis(format="d", tickMinStep=1))
        y = alt.Y("loss:Q", title=t("common.loss"),
                  scale=alt.Scale(type="log") if log_scale else alt.Scale(zero=True))
        # Plain tooltips, no hover selection: a selection param makes Altair's spec building much slower.
        layers = [alt.Chart(data_of("losses")).mark_line(strokeWidth=3).encode(
            x=x, y=y, color=color, strokeDash=dash,
            tooltip=[alt.Tooltip("name:N", title=""), alt.Tooltip("epoch:Q", format="d", title=t("common.epoch")),
                     alt.Tooltip("loss:Q", format=".4f", title=t("common.loss"))])]
        if has_target:
            layers.append(alt.Chart(data_of("target")).mark_rule(color="#555555", strokeDash=[2, 2],
                                                                 strokeWidth=2).encode(y=y))
            layers.append(alt.Chart(data_of("target")).mark_text(
                align="right", baseline="bottom", x="width", dx=-4, dy=-3, fontSize=FONT_SIZE - 1,
                color="#333333").encode(y=y, text="text:N"))
        return alt.layer(*layers).properties(width=width, height=height)

    return Figure(("race_loss", structure), frames, make)


def race_loss_chart(losses: Mapping[str, Sequence[float]], target: float | None = None, **options):
    """The Altair chart of `race_loss_figure` (same arguments)."""
    return race_loss_figure(losses, target, **options).chart()


def epochs_to_reach(losses: Sequence[float], target: float) -> int | None:
    """The first epoch (1-based) whose loss is at or below `target`, or None if it never gets there."""
    for epoch, value in enumerate(losses, start=1):
        if value <= target:
            return epoch
    return None


def step_sizes_figure(frame: pd.DataFrame, *, value_title: str, width: int = 520, height: int = 300) -> Figure:
    """One line per parameter of a per-step quantity (Adam's step size), log scale.

    frame: columns step (1-based), parameter (name, e.g. "w" or "b"), value (> 0).
    """
    data = frame[np.isfinite(frame["value"]) & (frame["value"] > 0)]
    params = tuple(dict.fromkeys(frame["parameter"]))
    structure = (params, value_title, width, height)

    def make(data_of):
        palette = [POSITIVE_COLOR, NEGATIVE_COLOR] + [class_color(i) for i in range(2, 8)]
        dashes = [[1, 0], [7, 3], [2, 2], [10, 3, 2, 3]]
        color = alt.Color("parameter:N", title=t("training_charts.parameter"), legend=LEGEND_BELOW,
                          scale=alt.Scale(domain=list(params), range=palette[:len(params)]))
        dash = alt.StrokeDash("parameter:N", title=t("training_charts.parameter"), legend=LEGEND_BELOW,
                              scale=alt.Scale(domain=list(params), range=dashes[:len(params)])
                              if len(params) <= len(dashes) else alt.Undefined)
        x = alt.X("step:Q", title=t("training_charts.step"), axis=alt.Axis(format="d", tickMinStep=1))
        y = alt.Y("value:Q", title=value_title, scale=alt.Scale(type="log"))
        lines = alt.Chart(data_of("steps")).mark_line(strokeWidth=3).encode(
            x=x, y=y, color=color, strokeDash=dash,
            tooltip=[alt.Tooltip("parameter:N", title=t("training_charts.parameter")),
                     alt.Tooltip("step:Q", title=t("training_charts.step")),
                     alt.Tooltip("value:Q", format=".3g", title=value_title)])
        return lines.properties(width=width, height=height)

    return Figure(("step_sizes", structure), {"steps": data}, make)


def step_sizes_chart(frame: pd.DataFrame, **options):
    """The Altair chart of `step_sizes_figure` (same arguments)."""
    return step_sizes_figure(frame, **options).chart()


# ----- digits ---------------------------------------------------------------------------------------------

def confusion_matrix(y_true, y_pred, n_classes: int) -> np.ndarray:
    """(n_classes, n_classes) counts: row = true class, column = predicted class."""
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matrix, (np.asarray(y_true, dtype=int), np.asarray(y_pred, dtype=int)), 1)
    return matrix


def confusion_matrix_chart(matrix: np.ndarray, class_names: Sequence[str], *, size: int = 460,
                           width: int | str | None = None):
    """Counts as a heatmap with the number in each cell; the diagonal (right answers) in blue, mistakes orange.
    size x size pixels, or `width` (CONTAINER: its column's) by size."""
    matrix = np.asarray(matrix)
    k = matrix.shape[0]
    true_idx, pred_idx = np.meshgrid(np.arange(k), np.arange(k), indexing="ij")
    names = np.asarray(class_names, dtype=object)
    data = pd.DataFrame({"true": names[true_idx.ravel()], "pred": names[pred_idx.ravel()],
                         "count": matrix.ravel(), "right": (true_idx == pred_idx).ravel()})
    # Colours computed here (not by a Vega scale): right answers white -> blue, mistakes white -> orange,
    # each relative to the largest count of its kind, so one mistake stays visible next to 45 right answers.
    right_max = max(int(matrix.diagonal().max(initial=1)), 1)
    wrong_max = max(int((matrix - np.diag(matrix.diagonal())).max(initial=1)), 1)
    strength = np.where(data["right"], data["count"] / right_max, 0.35 + 0.65 * data["count"] / wrong_max)
    strength = np.where(data["count"] == 0, 0.0, strength)
    base = np.where(data["right"].to_numpy()[:, None], hex_to_rgb(POSITIVE_COLOR)[None, :], hex_to_rgb(NEGATIVE_COLOR)[None, :])
    data["fill"] = _hex(1.0 - strength[:, None] * (1.0 - base))
    data["dark"] = strength > 0.6
    order = list(class_names)
    x = alt.X("pred:N", title=t("training_charts.predicted"), sort=order, axis=alt.Axis(labelAngle=0, orient="top"))
    y = alt.Y("true:N", title=t("training_charts.true_class"), sort=order)
    cells = alt.Chart(data).mark_rect(stroke="#FFFFFF", strokeWidth=1).encode(
        x=x, y=y,
        color=alt.Color("fill:N", scale=None),
        tooltip=[alt.Tooltip("true:N", title=t("training_charts.true_class")),
                 alt.Tooltip("pred:N", title=t("training_charts.predicted")),
                 alt.Tooltip("count:Q", title=t("training_charts.count"))])
    text = alt.Chart(data[data["count"] > 0]).mark_text(fontSize=FONT_SIZE, fontWeight="bold").encode(
        x=x, y=y, text="count:Q",
        color=alt.condition("datum.dark", alt.value("#FFFFFF"), alt.value("#111111")))
    return style(alt.layer(cells, text).properties(width=size if width is None else width, height=size),
                 view_frame=True)


def top_k(probabilities: np.ndarray, k: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Indices and probabilities of the k most likely classes per row, most likely first: two (n, k) arrays."""
    probabilities = np.asarray(probabilities)
    order = np.argsort(-probabilities, axis=1, kind="stable")[:, :k]
    return order, np.take_along_axis(probabilities, order, axis=1)


def digit_gallery(images: np.ndarray, y_true, probabilities: np.ndarray | None, class_names: Sequence[str], *,
                  columns: int = 8, max_value: float = 16.0, pixel: int = 13):
    """Small images in a grid, each with its true class and top-3 predicted probabilities under it.

    images (n, h, w) pixel values 0..max_value; y_true (n,); probabilities (n, K), or None to show the images
    with their true class only. pixel: screen pixels per image pixel.
    The first guess is blue with ✓ when right and orange with ✗ when wrong (colour and symbol).
    One chart in one coordinate system (image i at column i % columns, row i // columns), so it draws fast.
    """
    images = np.asarray(images, dtype=float)
    n, h, w = images.shape
    y_true = np.asarray(y_true, dtype=int)
    guesses = 0 if probabilities is None else 3
    if probabilities is not None:
        best, best_p = top_k(probabilities, guesses)
        right = best[:, 0] == y_true
    else:
        right = np.ones(n, dtype=bool)
    line = 1.45  # text line height in image pixels
    block_w, block_h = w + 2, h + (1 + guesses) * line + 1.2
    index = np.arange(n)
    col, row = index % columns, index // columns
    rr, cc = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    pixels = pd.DataFrame({
        "x": (col[:, None] * block_w + cc.ravel()[None, :]).ravel().astype(np.float32),
        "y": (row[:, None] * block_h + rr.ravel()[None, :]).ravel().astype(np.float32),
        "v": (images.reshape(n, -1) / max_value).ravel().astype(np.float32),
    })
    names = np.asarray(class_names, dtype=object)
    text_rows = []
    for i in range(n):
        x0, y0 = col[i] * block_w, row[i] * block_h + h + 0.4
        text_rows.append({"x": x0, "y": y0, "text": t("training_charts.true_is", name=names[y_true[i]]),
                          "kind": "true"})
        for rank in range(guesses):
            mark = ("✓ " if right[i] else "✗ ") if rank == 0 else "   "
            text_rows.append({"x": x0, "y": y0 + line * (rank + 1),
                              "text": f"{mark}{names[best[i, rank]]}: {best_p[i, rank]:.0%}",
                              "kind": ("right" if right[i] else "wrong") if rank == 0 else "other"})
    texts = pd.DataFrame(text_rows)
    n_rows = int(row.max()) + 1 if n else 1
    x_scale = alt.Scale(domain=[-0.5, columns * block_w - 1.5], nice=False, zero=False)
    y_scale = alt.Scale(domain=[-0.5, n_rows * block_h - 0.5], nice=False, zero=False, reverse=True)
    rects = alt.Chart(pixels).mark_rect().transform_calculate(x2="datum.x + 1", y2="datum.y + 1").encode(
        x=alt.X("x:Q", axis=None, scale=x_scale), x2="x2:Q",
        y=alt.Y("y:Q", axis=None, scale=y_scale), y2="y2:Q",
        color=alt.Color("v:Q", legend=None, scale=alt.Scale(domain=[0, 1], range=["#FFFFFF", "#000000"])))
    frames = pd.DataFrame({"x": col * block_w, "y": row * block_h, "x2": col * block_w + w,
                           "y2": row * block_h + h, "right": right})
    borders = alt.Chart(frames).mark_rect(filled=False, strokeWidth=2.5).encode(
        x=alt.X("x:Q", scale=x_scale), x2="x2:Q", y=alt.Y("y:Q", scale=y_scale), y2="y2:Q",
        stroke=alt.condition("datum.right", alt.value(CORRECT_COLOR), alt.value(WRONG_COLOR)))
    text_color = alt.Color("kind:N", legend=None, scale=alt.Scale(
        domain=["true", "right", "wrong", "other"], range=["#111111", CORRECT_COLOR, WRONG_COLOR, "#555555"]))
    text_enc = {"x": alt.X("x:Q", scale=x_scale), "y": alt.Y("y:Q", scale=y_scale), "text": "text:N",
                "color": text_color}
    first_guess = "datum.kind == 'right' || datum.kind == 'wrong'"
    text = alt.layer(
        alt.Chart(texts).transform_filter(first_guess).mark_text(
            align="left", baseline="top", fontSize=FONT_SIZE - 1, fontWeight="bold").encode(**text_enc),
        alt.Chart(texts).transform_filter(f"!({first_guess})").mark_text(
            align="left", baseline="top", fontSize=FONT_SIZE - 1).encode(**text_enc),
    )
    layers = [rects, borders, text] if probabilities is not None else [rects, text]
    chart = alt.layer(*layers).resolve_scale(color="independent").properties(
        width=int(columns * block_w * pixel), height=int(n_rows * block_h * pixel))
    return style(chart)


__all__ = [
    "OPTIMIZER_COLORS", "PRECISION_PATHS", "confusion_matrix", "confusion_matrix_chart", "digit_gallery",
    "epochs_to_reach", "loss_error", "loss_surface", "loss_surface_chart", "loss_surface_figure", "multilabel_scores",
    "optimizer_label", "precision_chart", "race_loss_chart", "race_loss_figure", "softmax_bars", "softmax_bars_figure",
    "softmax_loss_paths", "step_sizes_chart", "step_sizes_figure", "top_k",
]
