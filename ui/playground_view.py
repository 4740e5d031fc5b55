"""The Playground's live view assembled from the model and the data: map(s), network diagram, picked point,
curves and the status line above them. The page only composes what these return.

Every function reads the session's state through its arguments (the model, `ui.playground.DataBundle`,
the configuration) and returns text or `ui.charts.Figure`s; none draws.
"""

from dataclasses import dataclass

import numpy as np

from ui import charts
from ui import playground as pg
from ui.chart_style import class_color
from ui.curves_canvas import curves_data, probability_bars, value_bars
from ui.diagram_canvas import diagram_data
from ui.display import shown
from ui.figure import named
from ui.i18n import t
from ui.map_canvas import map_data

MAP_PX = 330
DIAGRAM_PX = 280  # the Vega diagram's width (Compare, tests): half the live view at 1024 px with the sidebar open
DIAGRAM_HEIGHT_PX = 400  # its tallest (a layer of many neurons packs them closer)


def class_names(data: "pg.DataBundle", units: int) -> list[str]:
    """The names of the model's `units` outputs (one for regression and for a single sigmoid unit)."""
    names = list(data.ds.target_names)
    if data.ds.problem == "regression":
        return names[:1]
    if units == 1:
        return names[-1:]
    return names[:units]


def status_parts(model, latest: dict) -> list[list[str]]:
    """Epoch counter, losses and accuracies of the last update (`latest`) as [label, number] pairs.

    The live view (`ui.live_canvas`) shows each pair as "label **number**" kept on one line: where the line is
    too narrow (1024 px, Chinese) it wraps between the pairs, never inside one, so every number stays readable
    with its label."""
    parts = [[t("common.epoch"), str(model.epochs_trained)]]
    if "loss" in latest:
        parts += [[t("pg.train_loss"), f"{latest['loss']:.4f}"], [t("pg.test_loss"), f"{latest['val_loss']:.4f}"]]
    if "accuracy" in latest:
        parts += [[t("pg.train_accuracy"), f"{latest['accuracy']:.1%}"],
                  [t("pg.test_accuracy"), f"{latest['val_accuracy']:.1%}"]]
    return parts


def class_probabilities(out: np.ndarray) -> np.ndarray:
    """Outputs (n, K) of a multi-class head as probabilities: negatives (a relu/linear head) clipped, rows summing
    to 1 (an all-zero row stays zero)."""
    probs = np.clip(out, 0, None)
    return probs / np.maximum(probs.sum(axis=1, keepdims=True), 1e-12)


def boundary_figures(model, data: "pg.DataBundle", units: int, config: dict,
                     class_maps: bool, pick: int | None = None) -> list[tuple[str, charts.Figure]]:
    """The decision map (and per-class maps when `class_maps`) as named figures; test point `pick` ringed."""
    problem = data.ds.problem
    r = pg.MAP_RESOLUTION
    out = model.predict_proba(data.grid)
    options = dict(points_X=data.points_X, points_y=data.points_y, is_test=data.points_test,
                   discretize=config["discretize"], show_test=config["show_test"], axis_names=data.ds.feature_names,
                   width=MAP_PX, height=MAP_PX, picked=None if pick is None else data.test.X[pick])
    if problem == "regression":
        y = data.ds.y
        return [("map", charts.decision_map_figure(out[:, 0].reshape(r, r), data.xs, data.ys, kind="regression",
                                                   value_domain=(float(y.min()), float(y.max())), **options))]
    if problem == "multilabel":
        return [("map", charts.probability_maps_figure(
            np.clip(out, 0, 1).reshape(r, r, units)[::2, ::2], data.xs[::2], data.ys[::2],
            class_names(data, units), points_X=data.points_X, points_y=data.points_y,
            discretize=config["discretize"], size=170, columns=2))]
    if units == 1:
        names = list(data.ds.target_names)
        return [("map", charts.decision_map_figure(np.clip(out[:, 0], 0, 1).reshape(r, r), data.xs, data.ys,
                                                   kind="binary", class_names=names[:2], **options))]
    probs = class_probabilities(out)
    names = class_names(data, units) if problem == "multiclass" else list(data.ds.target_names)[:units]
    figures = [("map", charts.decision_map_figure(probs.reshape(r, r, units), data.xs, data.ys, kind="softmax",
                                                  class_names=names, **options))]
    if class_maps:
        # Half the resolution: K more maps every tick.
        figures.append(("classes", charts.probability_maps_figure(
            probs.reshape(r, r, units)[::2, ::2], data.xs[::2], data.ys[::2], names, points_X=data.points_X,
            points_y=data.points_y, discretize=config["discretize"], size=130, columns=units)))
    return figures


def diagram_figure(model, data: "pg.DataBundle", units: int, width_px: int = DIAGRAM_PX) -> charts.Figure:
    """The network diagram as a Vega figure (Compare), each neuron's map drawn in its node while the network is
    small enough."""
    node_maps = diagram_node_maps(model, data)
    columns = len(model.layers) + 1
    return charts.network_diagram_figure(model, data.feature_names, class_names(data, units), node_maps=node_maps,
                                         column_px=max(36, min(115, (width_px - 80) // columns)),
                                         max_height=DIAGRAM_HEIGHT_PX)


def diagram_node_maps(model, data: "pg.DataBundle") -> list | None:
    """Each diagram node's output over the input plane, per column (inputs first) (units, r, r), while the
    network is small enough (`pg.MAX_NODES_WITH_MAPS`) and the data 2-D; else None."""
    nodes = sum(layer.units for layer in model.layers) + data.X_train.shape[1]
    if not data.is_2d or nodes > pg.MAX_NODES_WITH_MAPS:
        return None
    outputs = model.layer_outputs(data.node_grid)
    return charts.unit_maps([model.normalize(data.node_grid)] + [o["a"] for o in outputs], pg.NODE_MAP_RESOLUTION)


def one_input_figure(model, data: "pg.DataBundle", pick: int) -> charts.Figure:
    """One input: the data over x and the model's curve (its prediction, or P(class 1) for two classes)."""
    X = np.vstack([data.train.X, data.test.X])[:, 0]
    y = np.concatenate([data.train.y, data.test.y]).astype(float)
    is_test = np.r_[np.zeros(data.train.n_examples, bool), np.ones(data.test.n_examples, bool)]
    margin = 0.05 * (float(X.max() - X.min()) or 1.0)
    grid = np.linspace(X.min() - margin, X.max() + margin, 120)
    out = model.predict_proba(grid.reshape(-1, 1))
    regression = data.ds.problem == "regression"
    curve = out[:, 0] if regression else out[:, -1]
    names = list(data.ds.target_names)
    y_name = names[0] if regression else t("charts.probability_of", name=charts.display_name(names[-1]))
    return charts.fit_curve_figure(X, y, is_test, grid, curve, x_name=data.ds.feature_names[0], y_name=y_name,
                                   picked=(data.test.X[pick, 0], float(data.test.y[pick])),
                                   width=MAP_PX, height=MAP_PX)


def picked_point(model, data: "pg.DataBundle", units: int, pick) -> tuple[str, dict]:
    """The picked point (("train" | "test", row), or a test row): a caption (inputs, and for regression the
    prediction) and its bars for `ui.curves_canvas` (class probabilities, or prediction and target)."""
    problem = data.ds.problem
    which, index = pick if isinstance(pick, tuple) else ("test", pick)
    split, inputs = (data.train, data.X_train) if which == "train" else (data.test, data.X_test)
    out = model.predict_proba(inputs[index:index + 1])[0]
    true = split.y[index]
    caption = t(f"pg.point_caption_{which}", index=shown(index), values=", ".join(f"{v:.2f}" for v in split.X[index][:6]))
    if problem == "regression":
        y = data.ds.y.astype(float)
        return (caption + " · " + t("pg.point_regression", prediction=f"{out[0]:.4g}", true=f"{true:.4g}"),
                value_bars(float(out[0]), float(true), (float(y.min()), float(y.max()))))
    if units == 1:
        p = float(np.clip(out[0], 0, 1))
        probs, names, true_class = [1 - p, p], list(data.ds.target_names)[:2], int(true)
    elif problem == "multilabel":
        probs, names, true_class = np.clip(out, 0, 1), class_names(data, units), None
        # Label names may be a CSV's own column names: shown as typed (the live view sets them as text).
        caption += " · " + t("pg.true_labels", labels=", ".join(
            charts.display_name(n) for n, v in zip(names, true, strict=True) if v) or "-")
    else:
        probs, names, true_class = np.clip(out, 0, 1), class_names(data, units), int(true)
    return caption, probability_bars(probs, names, true_class)


@dataclass
class LiveView:
    """What one tick draws: the status line ({"parts": `status_parts`, "notes": lines of text}), the diagram
    (canvas data for `ui.diagram_canvas`), the map (canvas
    data for `ui.map_canvas`, or a Vega figure for multi-label and one-input data, or None), the per-class maps
    below (a Vega figure, or None), and the curves with the picked point's bars (`ui.curves_canvas` data)."""

    status: dict
    diagram: dict
    map_data: dict | None
    map_figure: charts.Figure | None
    below: charts.Figure | None
    curves: dict | None = None


def _map_colors(model, data: "pg.DataBundle", units: int, config: dict, neuron=None):
    """(colours (r, r, 3), point colour indices, palette) of the decision map, or of neuron `neuron`
    (layer, unit)'s output when one is selected (drawn large in place of the decision map)."""
    problem = data.ds.problem
    r = pg.MAP_RESOLUTION
    discretize = config["discretize"]
    if neuron is not None and not (0 <= neuron[0] < len(model.layers) and 0 <= neuron[1] < model.layers[neuron[0]].units):
        neuron = None  # a neuron the network no longer has (layers removed since it was chosen)
    if neuron is not None:
        layer, unit = neuron
        values = model.layer_outputs(data.grid)[layer]["a"][:, unit].reshape(r, r)
        if layer == len(model.layers) - 1 and values.min() >= 0 and values.max() <= 1:
            rgb = charts.field_colors(values, "binary", discretize=discretize)  # a probability, as the map draws it
        else:  # as the diagram draws a neuron: scaled by its own largest |value|
            scale = float(np.abs(values).max()) or 1.0
            rgb = charts.field_colors(values / scale, "regression", value_domain=(-1.0, 1.0), discretize=discretize)
    else:
        out = model.predict_proba(data.grid)
        if problem == "regression":
            y = data.ds.y
            rgb = charts.field_colors(out[:, 0].reshape(r, r), "regression", discretize=discretize,
                                      value_domain=(float(y.min()), float(y.max())))
        elif units == 1:
            rgb = charts.field_colors(np.clip(out[:, 0], 0, 1).reshape(r, r), "binary", discretize=discretize)
        else:
            rgb = charts.field_colors(class_probabilities(out).reshape(r, r, units), "softmax",
                                      discretize=discretize)
    if problem == "regression":
        y = data.ds.y.astype(float)
        steps = 9
        lo, hi = float(y.min()), float(y.max())
        palette = ["#" + bytes(np.clip(np.rint(c * 255), 0, 255).astype(np.uint8)).hex() for c in charts.field_colors(np.linspace(lo, hi, steps)[None, :], "regression",
                                                                     value_domain=(lo, hi))[0]]
        index = np.clip(np.rint((data.points_y.astype(float) - lo) / max(hi - lo, 1e-12) * (steps - 1)), 0,
                        steps - 1)
        return rgb, index.astype(int), palette
    k = max(2, int(data.points_y.max()) + 1 if data.points_y.size else 2)
    return rgb, data.points_y.astype(int), [class_color(i) for i in range(k)]


def map_canvas_data(model, data: "pg.DataBundle", units: int, config: dict, *, picked=None, mode: str = "pick",
                    neuron=None, presenter: bool = False) -> dict:
    """The canvas map's data for this tick (`ui.map_canvas.map_data`); test points shown as configured."""
    rgb, colors, palette = _map_colors(model, data, units, config, neuron)
    box_x, box_y = _extent(data.xs), _extent(data.ys)
    shown = np.ones(data.points_X.shape[0], bool) if config["show_test"] else ~data.points_test
    return map_data(rgb, box_x, box_y, data.points_X[shown], colors[shown], data.points_test[shown], palette,
                    picked=picked, axis_names=data.ds.feature_names, mode=mode,
                    font=18 if presenter else 13, mark=5.5 if presenter else 3.5,
                    max_vh=0.7 if presenter else 0.62)


def _extent(centres: np.ndarray) -> tuple[float, float]:
    step = float(centres[1] - centres[0])
    return float(centres[0]) - step / 2, float(centres[-1]) + step / 2


def picked_xy(data: "pg.DataBundle", pick: tuple[str, int]):
    """The raw 2-D point of pick ("train" | "test", row), to ring on the map."""
    which, index = pick
    return (data.train if which == "train" else data.test).X[index]


def live_view(model, data: "pg.DataBundle", config: dict, *, history: dict, latest: dict,
              pick: tuple[str, int], class_maps: bool, mode: str = "pick", neuron=None,
              presenter: bool = False, marker_epoch: int | None = None,
              link=None, curves: bool = True) -> LiveView:
    """Everything one tick shows. Layout: diagram and map side by side; curves and the picked point's bars below,
    per-class maps last. `marker_epoch`: an epoch to mark on the curves (the timeline's); `neuron` (layer,
    unit) and `link` (layer, from, unit): ringed / outlined on the diagram (`ui.diagram_canvas.diagram_data`).
    `curves=False`: a frame played back before the tick's last (ui.tick_policy): no curves, no per-class maps."""
    units = model.output_units
    which, index = pick
    n = (data.train if which == "train" else data.test).n_examples
    pick = (which, min(index, n - 1))
    diagram = diagram_data(model, data.feature_names, class_names(data, units), diagram_node_maps(model, data),
                           selected=neuron, presenter=presenter, link=link, max_height=DIAGRAM_HEIGHT_PX)
    canvas, map_figure, extra = None, None, []
    if data.is_2d and data.ds.problem != "multilabel":
        canvas = map_canvas_data(model, data, units, config, picked=picked_xy(data, pick), mode=mode,
                                 neuron=neuron, presenter=presenter)
        if curves and class_maps and data.ds.problem == "multiclass" and units > 1:
            extra = boundary_figures(model, data, units, config, True)[1:]
    elif data.is_2d:
        map_figure = named("map", boundary_figures(model, data, units, config, class_maps)[0][1])
    elif data.X_train.shape[1] == 1:
        map_figure = named("fit", one_input_figure(model, data, pick[1] if which == "test" else 0))
    caption, bars = picked_point(model, data, units, pick)
    # marker_epoch: the epoch the timeline looks at (ui.timeline)
    curves = curves_data(history, marker_epoch=marker_epoch, bars=bars, presenter=presenter,
                         accuracy=data.ds.problem != "regression", max_points=pg.CURVE_POINTS) if curves else None
    weights = sum(layer.W.size for layer in model.layers)
    notes = [f"{t('pg.point_title')}: {caption}"]
    if neuron is not None and canvas is not None:
        notes.insert(0, t("pg.map_neuron", layer=neuron[0] + 1, unit=neuron[1] + 1))
    if weights > charts.MAX_LINKS:
        notes.append(t("pg.strongest_links", shown=charts.MAX_LINKS, total=weights))
    if not data.is_2d and data.X_train.shape[1] > 1:
        notes.append(t("pg.no_map", n=data.X_train.shape[1]))
    status = {"parts": status_parts(model, latest), "notes": notes}
    return LiveView(status, diagram, canvas, map_figure, charts.combine([extra]) if extra else None, curves)
