"""The Playground's live view assembled from the model and the data: map(s), network diagram, picked point,
curves and the status line above them. The page only composes what these return.

Every function reads the session's state through its arguments (the model, `ui.playground.DataBundle`,
the configuration) and returns text or `ui.charts.Figure`s; none draws.
"""

import numpy as np

from ui import charts, timeline
from ui import playground as pg
from ui.i18n import plain, t

MAP_PX = 330
DIAGRAM_PX = 480  # the diagram fits its column: narrower layers as layers are added


def class_names(data: "pg.DataBundle", units: int) -> list[str]:
    """The names of the model's `units` outputs (one for regression and for a single sigmoid unit)."""
    names = list(data.ds.target_names)
    if data.ds.problem == "regression":
        return names[:1]
    if units == 1:
        return names[-1:]
    return names[:units]


def status_line(model, latest: dict) -> str:
    """Epoch counter, losses and accuracies of the last update (`latest`), as one line of Markdown."""
    parts = [f"{t('common.epoch')} **{model.epochs_trained}**"]
    if "loss" in latest:
        parts += [f"{t('pg.train_loss')} **{latest['loss']:.4f}**", f"{t('pg.test_loss')} **{latest['val_loss']:.4f}**"]
    if "accuracy" in latest:
        parts += [f"{t('pg.train_accuracy')} **{latest['accuracy']:.1%}**",
                  f"{t('pg.test_accuracy')} **{latest['val_accuracy']:.1%}**"]
    return "#### " + " &nbsp;·&nbsp; ".join(parts)


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


def diagram_figure(model, data: "pg.DataBundle", units: int) -> charts.Figure:
    """The network diagram, each neuron's map drawn in its node while the network is small enough."""
    nodes = sum(layer.units for layer in model.layers) + data.X_train.shape[1]
    node_maps = None
    if data.is_2d and nodes <= pg.MAX_NODES_WITH_MAPS:
        outputs = model.layer_outputs(data.node_grid)
        node_maps = charts.unit_maps([model.normalize(data.node_grid)] + [o["a"] for o in outputs],
                                     pg.NODE_MAP_RESOLUTION)
    columns = len(model.layers) + 1
    return charts.network_diagram_figure(model, data.feature_names, class_names(data, units), node_maps=node_maps,
                                         column_px=max(60, min(115, (DIAGRAM_PX - 80) // columns)), max_height=520)


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


def picked_point(model, data: "pg.DataBundle", units: int, index: int) -> tuple[str, charts.Figure | None]:
    """The test point `index`: a caption (inputs, and for regression the prediction) and its class bars."""
    problem = data.ds.problem
    out = model.predict_proba(data.X_test[index:index + 1])[0]
    true = data.test.y[index]
    caption = t("pg.point_caption", index=index, values=", ".join(f"{v:.2f}" for v in data.test.X[index][:6]))
    if problem == "regression":
        return caption + " · " + t("pg.point_regression", prediction=f"{out[0]:.4g}", true=f"{true:.4g}"), None
    if units == 1:
        p = float(np.clip(out[0], 0, 1))
        probs, names, true_class = [1 - p, p], list(data.ds.target_names)[:2], int(true)
    elif problem == "multilabel":
        probs, names, true_class = np.clip(out, 0, 1), class_names(data, units), None
        # Label names may be a CSV's own column names: shown as typed, never as Markdown.
        caption += " · " + t("pg.true_labels", labels=plain(", ".join(
            charts.display_name(n) for n, v in zip(names, true, strict=True) if v)) or "-")
    else:
        probs, names, true_class = np.clip(out, 0, 1), class_names(data, units), int(true)
    return caption, charts.probability_bars_figure(probs, names, true_class, width=240)


def live_view(model, data: "pg.DataBundle", config: dict, *, history: dict, latest: dict, pick: int,
              class_maps: bool, marker_epoch: int | None = None) -> tuple[str, charts.Figure]:
    """Everything one tick shows: (Markdown of the status line and notes, one combined figure).

    Layout: diagram and map on top, curves and the picked point's bars below, per-class maps last.
    `marker_epoch`: an epoch to mark on the curves.
    """
    units = model.output_units
    top = [("diagram", diagram_figure(model, data, units))]
    pick = min(pick, data.test.n_examples - 1)
    if data.is_2d:
        top += boundary_figures(model, data, units, config, class_maps, pick)
    elif data.X_train.shape[1] == 1:
        top.append(("fit", one_input_figure(model, data, pick)))
    caption, bars = picked_point(model, data, units, pick)
    bottom = [("curves", charts.loss_curves_figure(history, width=240, height=180, max_points=pg.CURVE_POINTS))]
    if marker_epoch is not None:  # the epoch the timeline looks at (ui.timeline)
        bottom[0] = ("curves", timeline.mark_epoch(bottom[0][1], marker_epoch))
    if bars is not None:
        bottom.append(("point", bars))
    rows = [top[:2], bottom] + ([top[2:]] if len(top) > 2 else [])
    weights = sum(layer.W.size for layer in model.layers)
    notes = [f"{t('pg.point_title')}: {caption}"]
    if weights > charts.MAX_LINKS:
        notes.append(t("pg.strongest_links", shown=charts.MAX_LINKS, total=weights))
    if not data.is_2d and data.X_train.shape[1] > 1:
        notes.append(t("pg.no_map", n=data.X_train.shape[1]))
    text = status_line(model, latest) + "\n\n" + "  \n".join(f":gray[{note}]" for note in notes)
    return text, charts.combine(rows)
