"""The Playground's curves and picked-point bars canvas (ui/curves_canvas.py): the data a tick sends, and what the
page sends under AppTest."""

import json

import numpy as np
import pytest

import ui.i18n
from tests.pages.test_playground import curves_shown, model_of, open_page
from ui import curves_canvas as cc
from ui.chart_style import class_color
from ui.playground import CURVE_POINTS

NAN = float("nan")


def long_history(n: int = 1000, every: int = 30) -> dict:
    """A run of n epochs with the test set evaluated every `every`-th epoch (NaN between)."""
    val = np.full(n, NAN)
    val[every - 1::every] = np.linspace(0.9, 0.3, n // every)
    return {"epoch": list(range(1, n + 1)), "loss": list(np.linspace(0.8, 0.1, n)), "val_loss": list(val),
            "accuracy": list(np.linspace(0.5, 0.95, n)), "val_accuracy": list(val / 2 + 0.5)}


def test_missing_test_values_are_skipped_and_each_point_kept_where_it_was():
    history = {"epoch": [1, 2, 3], "loss": [0.9, 0.5, 0.3], "val_loss": [NAN, NAN, 0.4],
               "accuracy": [0.5, 0.7, 0.8], "val_accuracy": [NAN, NAN, 0.75]}
    data = cc.curves_data(history)
    loss, accuracy = data["panels"]
    assert [loss["title"], accuracy["title"]] == ["loss", "accuracy"]
    train, test = loss["series"]
    assert train == {"x": [1, 2, 3], "y": [0.9, 0.5, 0.3]} and test == {"x": [3], "y": [0.4]}
    assert accuracy["series"][1] == {"x": [3], "y": [0.75]} and accuracy["percent"]
    assert data["names"] == ["train", "test"] and data["x_title"] == "epoch" and data["empty"] is None
    assert data["x"] == [0.0, 3.0]


def test_long_runs_are_thinned_to_the_curve_points_keeping_the_last_epoch_and_every_test_point():
    data = cc.curves_data(long_history(3000), max_points=CURVE_POINTS)
    train, test = data["panels"][0]["series"]
    assert CURVE_POINTS - 5 <= len(train["x"]) <= CURVE_POINTS + 1
    assert train["x"][0] == 1 and train["x"][-1] == 3000 and train["x"] == sorted(train["x"])
    assert len(test["x"]) == 100 and test["x"][0] == 30 and test["x"][-1] == 3000  # 100 <= 120: all kept
    assert np.allclose(train["y"], np.linspace(0.8, 0.1, 3000)[np.array(train["x"]) - 1], atol=1e-3)


def test_axes_are_round_and_cover_the_data():
    data = cc.curves_data(long_history())
    loss = data["panels"][0]
    assert loss["y"] == [0.0, 1.0] and [v for v, _ in loss["ticks"]] == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert [s for _, s in data["panels"][1]["ticks"]] == ["0%", "25%", "50%", "75%", "100%"]
    assert [s for _, s in data["x_ticks"]] == ["0", "250", "500", "750", "1000"]
    assert cc.nice_axis(0.0, 0.73) == (0.0, 0.8, [0.0, 0.2, 0.4, 0.6, 0.8])
    assert cc.nice_axis(0.0, 0.0)[1] > 0  # a flat zero curve still gets a range
    low, high, ticks = cc.nice_axis(-2.3, 5.1, 3)
    assert low <= -2.3 and high >= 5.1 and all(np.isclose(t / 2.5, round(t / 2.5)) for t in ticks)


def test_the_timeline_marker_and_the_untrained_note():
    assert cc.curves_data(long_history(), marker_epoch=500)["marker"] == 500
    assert cc.curves_data(long_history())["marker"] is None
    empty = cc.curves_data({"epoch": [], "loss": [], "val_loss": [], "accuracy": [], "val_accuracy": []},
                           accuracy=True)
    assert empty["empty"] == "not trained yet" and len(empty["panels"]) == 2
    assert empty["panels"][0]["y"] == [0.0, 1.0]
    # Regression has no accuracy panel.
    assert [p["title"] for p in cc.curves_data(long_history(), accuracy=False)["panels"]] == ["loss"]


def test_probability_bars_name_each_class_in_its_colour_and_mark_the_true_one():
    bars = cc.probability_bars([0.2, 0.7, 0.1], ["class 0", "class 1", "class 2"], true_class=1)
    assert bars["labels"] == ["class 1", "class 2 ✓", "class 3"]  # the engine's "class 0" read from 1 (ui.display)
    assert bars["values"] == [0.2, 0.7, 0.1] and sum(bars["values"]) == pytest.approx(1)
    assert bars["text"] == ["20.0%", "70.0%", "10.0%"]
    assert bars["colors"] == [class_color(0), class_color(1), class_color(2)]
    assert bars["domain"] == [0.0, 1.0]
    assert cc.probability_bars([1.2, -0.1], ["a", "b"])["values"] == [1.0, 0.0]  # a scale of 0..1, always


def test_value_bars_keep_the_targets_scale_and_reach_both_values():
    bars = cc.value_bars(3.7, -1.2, (-1.0, 2.0))
    assert bars["labels"] == ["prediction", "true value"] and bars["values"] == [3.7, -1.2]
    low, high = bars["domain"]
    assert low <= -1.2 and high >= 3.7
    assert cc.value_bars(0.5, 0.4, (-1.0, 2.0))["domain"] == [-1.0, 2.0]


def test_a_tick_sends_a_small_json_dict():
    data = cc.curves_data(long_history(5000), bars=cc.probability_bars([0.3, 0.7], ["a", "b"], 1),
                          marker_epoch=100, presenter=True)
    text = json.dumps(data, allow_nan=False)  # no NaN reaches the browser
    assert len(text) < 8000, len(text)  # 4 series of <= 120 points, rounded
    assert data["font"] > cc.curves_data(long_history())["font"]


def test_texts_follow_the_language(monkeypatch):
    monkeypatch.setattr(ui.i18n, "current_language", lambda: "zh")
    data = cc.curves_data(long_history(), bars=cc.value_bars(1.0, 2.0, (0.0, 3.0)))
    assert [p["title"] for p in data["panels"]] == ["损失", "准确率"]
    assert data["names"] == ["训练", "测试"] and data["bars"]["labels"] == ["预测值", "真实值"]


def test_the_page_sends_the_history_and_the_picked_points_bars():
    at = open_page(epochs_per_tick="7")
    at.button(key="pg_play").click().run()
    at.run()
    shown = curves_shown(at)
    history = at.session_state["pg.history"]
    train, test = shown["panels"][0]["series"]
    assert train["x"] == history["epoch"] == list(range(1, 15))
    assert train["y"] == pytest.approx(history["loss"], rel=1e-3)
    assert test["x"] == [7, 14]  # evaluated at each tick's end only
    data = at.session_state["pg.bundle"][1]
    p = float(model_of(at).predict_proba(data.X_test[:1])[0, 0])
    assert shown["bars"]["values"] == pytest.approx([1 - p, p], abs=1e-3)


def test_regression_shows_prediction_against_target_and_presenter_mode_bigger_type():
    at = open_page(dataset="plane", presenter="true")
    shown = curves_shown(at)
    data = at.session_state["pg.bundle"][1]
    prediction = float(model_of(at).predict_proba(data.X_test[:1])[0, 0])
    assert shown["bars"]["values"] == pytest.approx([prediction, float(data.test.y[0])], rel=1e-3, abs=1e-4)
    assert [p["title"] for p in shown["panels"]] == ["loss"] and shown["font"] == 18
