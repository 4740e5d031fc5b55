"""Training curves: loss (and accuracy) over epochs, train and test, hoverable."""

import altair as alt
import numpy as np
import pandas as pd

from ui.chart_style import FONT_SIZE, picked_ring
from ui.figure import Figure
from ui.i18n import t


def thinned_index(series: np.ndarray, n_epochs: int, max_points: int) -> np.ndarray:
    """Indices of the points of `series` (one value per epoch, NaN where not measured) that a curve draws."""
    # Epochs without a test evaluation hold NaN: only real points are kept.
    index = np.flatnonzero(np.isfinite(series[:n_epochs]))
    if len(index) > max_points:
        # A curve needs no more points than the chart has pixels: every k-th, and always the last.
        index = index[np.unique(np.r_[np.linspace(0, len(index) - 1, max_points).astype(int), len(index) - 1])]
    return index


def loss_curves_figure(history: dict, *, log_scale: bool = False, width: int | str = 340,
                       height: int = 210, max_points: int = 300, metric: str | None = None) -> Figure:
    """See `loss_curves`. metric "loss" or "accuracy": that panel only (one view, so it can take its column's
    width, `width=CONTAINER`; two panels side by side cannot)."""
    epochs = np.asarray(history.get("epoch", []), dtype=float)
    splits = (t("common.train"), t("common.test"))
    frames = {}
    for name in ("loss", "accuracy"):
        parts = []
        for code, prefix in ((0, ""), (1, "val_")):
            series = np.asarray(history.get(prefix + name) or [], dtype=np.float32)
            index = thinned_index(series, len(epochs), max_points)
            if len(series):
                parts.append((code, series[index], index))
        if not parts and name == "accuracy":
            continue
        epoch = np.concatenate([epochs[index] for _, _, index in parts] or [np.zeros(0)]).astype(np.float32)
        value = np.concatenate([series for _, series, _ in parts] or [np.zeros(0, np.float32)])
        codes = np.concatenate([np.full(len(index), code, np.int8) for code, _, index in parts] or [np.zeros(0, np.int8)])
        frames[name] = pd.DataFrame({"epoch": epoch, "value": value,
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
    structure = (has_accuracy, log_scale, width, height, metric)

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
            # In the middle of the plot whatever its width (a chart as wide as its column knows it only in Vega).
            note = extent.transform_filter("datum.text").mark_text(
                fontSize=FONT_SIZE, color="#666666", x=alt.expr("width / 2"), y=alt.expr("height / 2")).encode(
                text="text:N")
            return alt.layer(lines, dots, frame, note).properties(width=width, height=height, title=name)

        if metric is not None:
            return panel(metric)
        return alt.hconcat(panel("loss"), panel("accuracy")) if has_accuracy else panel("loss")

    return Figure(("loss_curves", structure), frames, make)


def loss_curves(history: dict, **options):
    """Loss (train and test) and, when present, accuracy over epochs; hovering shows the numbers at an epoch.

    history: {"epoch": [...], "loss": [...], "val_loss": [...], "accuracy": [...], "val_accuracy": [...]},
    lists of equal length, any but "epoch" optional. log_scale: loss axis logarithmic.
    """
    return loss_curves_figure(history, **options).chart()


def fit_curve_figure(x, y, is_test, grid_x, grid_y, *, x_name: str, y_name: str, picked=None,
                     width: int = 330, height: int = 330) -> Figure:
    """One-input data and the model over it: points (x, y) (n,), is_test (n,) bool, the model's output grid_y
    (r,) along grid_x (r,) as a line; `picked` (x, y) is ringed. For classes y is 0/1 and the line P(class 1)."""
    x, y = np.asarray(x, dtype=np.float32), np.asarray(y, dtype=np.float32)
    test = np.asarray(is_test, dtype=bool)
    splits = [t("common.train"), t("common.test")]
    frames = {
        "points": pd.DataFrame({"x": x, "y": y, "split": pd.Categorical.from_codes(test.astype(np.int8), splits)}),
        "curve": pd.DataFrame({"x": np.asarray(grid_x, dtype=np.float32), "y": np.asarray(grid_y, dtype=np.float32)}),
    }
    if picked is not None:
        frames["picked"] = pd.DataFrame({"x": [float(picked[0])], "y": [float(picked[1])]})
    x_domain = [float(np.min(grid_x)), float(np.max(grid_x))]
    low, high = float(min(y.min(), 0.0 if y.min() >= 0 else y.min())), float(y.max())
    pad = 0.08 * (high - low or 1.0)
    y_domain = [low - pad, high + pad]
    structure = (x_name, y_name, tuple(x_domain), tuple(y_domain), width, height, picked is not None)

    def make(data_of):
        ex = alt.X("x:Q", title=x_name, scale=alt.Scale(domain=x_domain, nice=False, zero=False))
        ey = alt.Y("y:Q", title=y_name, scale=alt.Scale(domain=y_domain, nice=False, zero=False))
        layers = [
            alt.Chart(data_of("points")).mark_point(filled=True, size=60, opacity=0.8, clip=True).encode(
                x=ex, y=ey, color=alt.Color("split:N", title=t("charts.points"),
                                            scale=alt.Scale(domain=splits, range=["#0072B2", "#D55E00"]),
                                            legend=alt.Legend(orient="bottom", direction="horizontal"))),
            alt.Chart(data_of("curve")).mark_line(strokeWidth=3, color="#111111", clip=True).encode(x=ex, y=ey),
        ]
        if picked is not None:
            layers.append(picked_ring(data_of("picked"), ex, ey))
        return alt.layer(*layers).properties(width=width, height=height)

    return Figure(("fit_curve", structure), frames, make)
