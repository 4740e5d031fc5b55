"""ui.charts builders: the data each chart carries matches its inputs, and every chart is valid Vega-Lite."""

import numpy as np
import pytest

from engine import Dense, Sequential
from ui import charts, diagram
from ui.i18n import t

R = 12
XS = np.linspace(-6, 6, R)
YS = np.linspace(-6, 6, R)
GX, GY = np.meshgrid(XS, YS)  # row i at x2 = YS[i]


def row_colors(colors) -> np.ndarray:
    """`field_rows` "colors" (one string per row) -> (rows, columns, 3) in 0..255, in the frame's order."""
    return np.array([[rgb(color) for color in row.split(" ")] for row in colors])


def pixels(field) -> np.ndarray:
    """A `field_rows` frame back to colours (rows, columns, 3) in 0..255, top row (highest x2) first."""
    assert (np.diff(field["y0"]) > 0).all()  # rows from the lowest x2 up
    return row_colors(field["colors"])[::-1]


def rgb(color: str) -> np.ndarray:
    return np.array([int(color[i:i + 2], 16) for i in (1, 3, 5)])


def test_binary_map_colours_follow_the_probability_and_points_match():
    p = (GX > 0).astype(float)  # class 1 (blue) right of x1 = 0
    X = np.array([[1.0, 2.0], [-3.0, 0.5], [4.0, -4.0]])
    y = np.array([1, 0, 1])
    fig = charts.decision_map_figure(p, XS, YS, kind="binary", points_X=X, points_y=y,
                                     is_test=[False, True, False], class_names=["neg", "pos"])
    image = pixels(fig.frames["field"])
    assert image.shape == (2 * R, R, 3)  # each row split in two (smoother steps)
    left, right = image[R // 2, 0], image[R // 2, -1]
    assert left[0] > left[2] and right[2] > right[0]  # orange for p=0, blue for p=1
    points = fig.frames["points"]
    assert np.allclose(points[["x1", "x2"]].to_numpy(), X)
    assert list(points["class"]) == ["pos", "neg", "pos"]
    assert list(points["split"]) == ["train", "test", "train"]
    charts.decision_map(p, XS, YS, kind="binary", points_X=X, points_y=y).to_dict()  # valid Vega-Lite


def test_field_rows_put_high_x2_at_the_top_and_cover_the_plot():
    p = (GY > 0).astype(float)  # blue above x2 = 0
    field = charts.decision_map_figure(p, XS, YS).frames["field"]
    step = XS[1] - XS[0]
    assert field["y0"].iloc[0] == pytest.approx(YS[0] - step / 2) and field["y1"].iloc[-1] == pytest.approx(
        YS[-1] + step / 2)
    np.testing.assert_allclose(field["x0"], XS[0] - step / 2, rtol=1e-6)
    np.testing.assert_allclose(field["x1"], XS[-1] + step / 2, rtol=1e-6)
    assert (field["y1"].iloc[:-1].to_numpy() > field["y0"].iloc[1:].to_numpy()).all()  # rows overlap: no seams
    image = pixels(field)
    assert image[0, R // 2][2] > image[0, R // 2][0]  # top row: blue
    assert image[-1, R // 2][0] > image[-1, R // 2][2]  # bottom row: orange


def test_softmax_map_uses_class_colours_and_certainty():
    probs = np.zeros((R, R, 3))
    probs[..., 2] = 1.0  # certain class 2 everywhere...
    probs[:, : R // 2] = 1.0 / 3  # ...except the left half: a coin toss
    fig = charts.decision_map_figure(probs, XS, YS, kind="softmax", class_names=["a", "b", "c"])
    image = pixels(fig.frames["field"])
    certain, unsure = image[0, -1], image[0, 0]
    green = rgb(charts.class_color(2))
    assert np.abs(certain - green).sum() < np.abs(unsure - green).sum()
    assert unsure.min() > 230  # 1/K everywhere is (nearly) white
    discrete = pixels(charts.decision_map_figure(probs, XS, YS, kind="softmax", discretize=True)
                      .frames["field"])
    assert discrete[0, 0].min() < 230  # discretized: even a coin toss gets its winner's full colour
    charts.decision_map(probs, XS, YS, kind="softmax").to_dict()


def test_regression_map_and_discretize():
    values = GX / 6.0  # -1 .. 1
    fig = charts.decision_map_figure(values, XS, YS, kind="regression", value_domain=(-1, 1),
                                     points_X=[[0.0, 0.0]], points_y=[0.25])
    assert fig.frames["points"]["target"][0] == pytest.approx(0.25)
    smooth = pixels(fig.frames["field"])
    hard = pixels(charts.decision_map_figure(values, XS, YS, kind="regression", value_domain=(-1, 1),
                                             discretize=True).frames["field"])
    assert len({tuple(c) for c in hard.reshape(-1, 3)}) == 2
    assert len({tuple(c) for c in smooth.reshape(-1, 3)}) > 2
    with pytest.raises(ValueError):
        charts.decision_map_figure(values, XS, YS, kind="nope")


def test_spec_is_the_same_for_new_numbers_and_names_its_data():
    first = charts.decision_map_figure(GX / 6, XS, YS, kind="binary", points_X=[[0, 0]], points_y=[1])
    second = charts.decision_map_figure(-GX / 6, XS, YS, kind="binary", points_X=[[0, 0]], points_y=[1])
    assert first.key == second.key and first.spec() == second.spec()
    text = str(first.spec())
    assert "'name': 'field'" in text and "'name': 'points'" in text
    assert first.spec()["usermeta"]["embedOptions"]["renderer"] == "canvas"
    assert list(first.frames["field"]["colors"]) != list(second.frames["field"]["colors"])


def test_probability_maps_one_panel_per_class_with_membership():
    probs = np.stack([GX > 0, GX <= 0], axis=-1).astype(float)
    Y = np.array([[1, 0], [1, 1], [0, 0]])
    fig = charts.probability_maps_figure(probs, XS, YS, ["A", "B"], points_X=np.zeros((3, 2)), points_y=Y)
    assert sorted(fig.frames) == ["field0", "field1", "points0", "points1"]
    a, b = pixels(fig.frames["field0"]), pixels(fig.frames["field1"])
    assert a[0, -1].sum() < a[0, 0].sum() and b[0, 0].sum() < b[0, -1].sum()  # each coloured where p is high
    assert list(fig.frames["points0"]["member"]) == [1, 1, 0]
    assert list(fig.frames["points1"]["member"]) == [0, 1, 0]
    labels = charts.probability_maps_figure(probs, XS, YS, ["A", "B"], points_X=np.zeros((3, 2)),
                                            points_y=np.array([0, 1, 1]))
    assert list(labels.frames["points1"]["member"]) == [0, 1, 1]
    charts.probability_maps(probs, XS, YS, ["A", "B"]).to_dict()


def test_loss_curves_carry_the_history_and_skip_missing_test_values():
    history = {"epoch": [1, 2, 3], "loss": [0.9, 0.5, 0.3], "val_loss": [float("nan"), float("nan"), 0.4],
               "accuracy": [0.5, 0.7, 0.8], "val_accuracy": [float("nan"), float("nan"), 0.75]}
    fig = charts.loss_curves_figure(history)
    loss = fig.frames["loss"]
    assert np.allclose(loss["value"], [0.9, 0.5, 0.3, 0.4])
    assert list(loss["split"]) == ["train", "train", "train", "test"]
    assert list(fig.frames["accuracy"]["epoch"]) == [1, 2, 3, 3]
    charts.loss_curves(history).to_dict()
    regression = charts.loss_curves_figure({"epoch": [1, 2], "loss": [1.0, 0.5], "val_loss": [1.1, 0.6]})
    assert "accuracy" not in regression.frames


def test_loss_curves_thin_long_histories_but_keep_the_last_epoch():
    n = 5000
    history = {"epoch": list(range(1, n + 1)), "loss": list(np.linspace(1, 0, n))}
    loss = charts.loss_curves_figure(history, max_points=200).frames["loss"]
    assert len(loss) <= 201 and loss["epoch"].iloc[-1] == n and loss["epoch"].iloc[0] == 1


def test_loss_curves_thin_each_series_on_its_own_points():
    # The Playground evaluates the test set once per update (every 30th epoch here): thinning the train curve
    # must not drop those points.
    n = 3000
    val = np.full(n, np.nan)
    val[29::30] = np.linspace(1, 0.5, n // 30)
    history = {"epoch": list(range(1, n + 1)), "loss": list(np.linspace(1, 0, n)), "val_loss": list(val)}
    loss = charts.loss_curves_figure(history, max_points=120).frames["loss"]
    test = loss[loss["split"] == "test"]
    assert len(test) == n // 30 and test["epoch"].iloc[0] == 30 and test["epoch"].iloc[-1] == n
    assert 100 <= (loss["split"] == "train").sum() <= 121


def test_probability_bars_mark_the_true_class():
    fig = charts.probability_bars_figure([0.2, 0.7, 0.1], ["a", "b", "c"], true_class=1)
    bars = fig.frames["bars"]
    assert list(bars["class"]) == ["a", "b ✓", "c"]
    assert np.allclose(bars["p"], [0.2, 0.7, 0.1])
    charts.probability_bars([0.2, 0.7, 0.1], ["a", "b", "c"]).to_dict()


def test_network_diagram_links_are_the_weights():
    model = Sequential([Dense(3, activation="relu"), Dense(2, activation="softmax")], input_dim=2, seed=1)
    fig = charts.network_diagram_figure(model, ["x1", "x2"], ["no", "yes"])
    links = fig.frames["links"]
    weights = np.concatenate([layer.W.ravel() for layer in model.layers])
    assert len(links) == 2 * 3 + 3 * 2
    assert np.allclose(links["w"], weights) and np.allclose(links["abs_w"], np.abs(weights))
    assert list(links["sign"]) == ["+" if w >= 0 else "-" for w in weights]
    assert links["link"][0].startswith("x1 →")
    nodes = fig.frames["nodes"]
    assert len(nodes) == 2 + 3 + 2
    assert np.allclose(nodes["bias"][2:], np.concatenate([layer.b for layer in model.layers]))
    assert list(nodes["label"][-2:]) == ["no", "yes"]
    charts.network_diagram(model, ["x1", "x2"]).to_dict()


def test_network_diagram_node_maps_are_drawn_inside_each_node():
    model = Sequential([Dense(3, activation="tanh"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
    grid = np.column_stack([GX.ravel(), GY.ravel()])
    outputs = model.layer_outputs(grid)
    maps = charts.unit_maps([grid] + [o["a"] for o in outputs], R)
    assert [m.shape for m in maps] == [(2, R, R), (3, R, R), (1, R, R)]
    assert np.allclose(maps[0][0], GX)  # unit 0 of the input column is x1 on the grid
    fig = charts.network_diagram_figure(model, ["x1", "x2"], ["y"], node_maps=maps)
    fields, nodes = fig.frames["fields"], fig.frames["nodes"]
    assert len(fields) == 6 * R  # R rows per node
    for i in range(6):  # each node's rows fill its box, around its centre
        rows = fields.iloc[i * R:(i + 1) * R]
        assert rows["x0"].iloc[0] < nodes["x"][i] < rows["x1"].iloc[0]
        assert rows["y1"].min() < nodes["y"][i] < rows["y0"].max()
    x1 = row_colors(fields["colors"].iloc[:R])
    assert x1[R // 2, -1][2] > x1[R // 2, -1][0] and x1[R // 2, 0][0] > x1[R // 2, 0][2]
    charts.network_diagram(model, ["x1", "x2"], ["y"], node_maps=maps).to_dict()


def test_combine_prefixes_each_figures_data_and_makes_one_valid_chart():
    model = Sequential([Dense(2, activation="tanh"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
    field = charts.decision_map_figure(GX / 6, XS, YS, points_X=[[0.0, 0.0]], points_y=[1])
    diagram = charts.network_diagram_figure(model, ["x1", "x2"])
    curves = charts.loss_curves_figure({"epoch": [1, 2], "loss": [1.0, 0.5]})
    both = charts.combine([[("diagram", diagram), ("map", field)], [("curves", curves)]])
    assert set(both.frames) == {"diagram_links", "diagram_nodes", "map_field", "map_points", "curves_loss",
                                "curves_frame"}
    assert both.frames["map_field"] is field.frames["field"]
    text = str(both.spec())
    assert "'name': 'map_points'" in text and "'name': 'curves_loss'" in text
    both.chart().to_dict()  # valid Vega-Lite, configuration only at the top
    again = charts.combine([[("diagram", charts.network_diagram_figure(model, ["x1", "x2"])),
                             ("map", charts.decision_map_figure(-GX / 6, XS, YS, points_X=[[0.0, 0.0]],
                                                                points_y=[1]))],
                            [("curves", charts.loss_curves_figure({"epoch": [1, 2, 3], "loss": [1, .5, .2]}))]])
    assert again.key == both.key  # new numbers, same chart: Vega updates it in place


def test_loss_curves_say_not_trained_before_the_first_epoch_and_never_show_long_zero_ticks():
    empty = charts.loss_curves_figure({"epoch": [], "loss": [], "val_loss": []})
    assert list(empty.frames["frame"]["text"]) == [t("charts.no_epochs"), ""]
    trained = charts.loss_curves_figure({"epoch": [1, 2], "loss": [1.0, 0.5], "val_loss": [1.1, 0.6]})
    # Same chart, the note just goes away; its frame points are the loss curve's ends (never an empty layer).
    assert list(trained.frames["frame"]["text"]) == ["", ""] and trained.key == empty.key
    assert list(trained.frames["frame"]["epoch"]) == [1, 2]
    loss = trained.frames["loss"]
    assert set(trained.frames["frame"]["value"]) <= set(loss["value"])
    spec = str(trained.chart().to_dict())
    assert "',.3~r'" in spec and "'title': '" + t("charts.curves") + "'" in spec


def test_decision_map_legends_sit_under_the_map():
    fig = charts.decision_map_figure(GX / 6, XS, YS, points_X=[[0.0, 0.0], [1.0, 1.0]], points_y=[0, 1],
                                     class_names=["a much longer class name", "b"])
    legends = [v["legend"] for v in _walk(fig.chart().to_dict())
               if isinstance(v, dict) and isinstance(v.get("legend"), dict) and "orient" in v["legend"]]
    assert len(legends) == 4 and all(legend["orient"] == "bottom" for legend in legends)


def test_network_diagram_headings_fit_their_columns():
    model = Sequential([Dense(3, activation="tanh") for _ in range(6)] + [Dense(1, activation="sigmoid")],
                       input_dim=2, seed=0)
    for column_px in (60, 80, 115, 170):
        headings, font = diagram._layer_headings(len(model.layers) + 1, column_px)
        assert len(headings) == 8 and headings[1].replace("\n", " ") == t("common.hidden_layer") + " 1"
        assert all(diagram._text_px(line, font) <= column_px - 8 for h in headings for line in h.split("\n"))
        charts.network_diagram(model, ["x1", "x2"], column_px=column_px).to_dict()


def _walk(value):
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def test_built_in_class_names_are_shown_in_chinese(monkeypatch):
    import ui.i18n

    monkeypatch.setattr(ui.i18n, "current_language", lambda: "zh")
    assert [charts.display_name(n) for n in ("class 0", "arm 12", "same sign", "setosa", "7", "class x")] == [
        "类别 1", "旋臂 13", "同号", "setosa", "7", "class x"]  # generated numbers count from 1 (ui.display)
    bars = charts.probability_bars_figure([0.3, 0.7], ["different signs", "same sign"], true_class=1)
    assert list(bars.frames["bars"]["class"]) == ["异号", "同号 ✓"]
    field = charts.decision_map_figure(GX / 6, XS, YS, points_X=[[0.0, 0.0]], points_y=[1],
                                       class_names=["outside", "inside"])
    assert list(field.frames["points"]["class"]) == ["内圈"]
    model = Sequential([Dense(2, activation="softmax")], input_dim=2, seed=0)
    nodes = charts.network_diagram_figure(model, ["x1", "x2"], ["blob 0", "blob 1"]).frames["nodes"]
    assert list(nodes["label"][-2:]) == ["团簇 1", "团簇 2"]
