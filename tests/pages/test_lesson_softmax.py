"""AppTest of the softmax lesson (§10-11): explorer numbers are the engine's, training moves the maps, precision."""

import math

import numpy as np
import pytest

from tests.pages.lesson_checks import chart_frames, map_fields, metric_value, page_app

PAGE = "pages/6_Softmax.py"


@pytest.fixture
def at():
    app = page_app(PAGE)
    assert not app.exception
    return app


def softmax(z):
    e = np.exp(np.asarray(z, dtype=float) - np.max(z))
    return e / e.sum()


def test_renders_in_chinese():
    app = page_app(PAGE, lang="zh")
    assert not app.exception
    assert app.title[0].value == "Softmax：多分类问题"
    assert any(m.label == "损失 = -log a_y" for m in app.metric)


def test_logit_slider_moves_the_probabilities_and_loss(at):
    before = chart_frames(at, "softmax_bars")[0]["a"].to_numpy()
    at.slider(key="sm.z2").set_value(6.0).run()
    logits = [at.slider(key=f"sm.z{j}").value for j in range(4)]
    assert logits[2] == 6.0
    bars = chart_frames(at, "softmax_bars")[0]
    expected = softmax(logits)
    np.testing.assert_allclose(bars["a"].to_numpy(), expected, rtol=1e-9)
    assert not np.allclose(bars["a"].to_numpy(), before)
    assert float(metric_value(at, "a_y (probability of the true class)")) == pytest.approx(expected[0], abs=1e-4)
    assert float(metric_value(at, "loss = -log a_y")) == pytest.approx(-math.log(expected[0]), abs=1e-4)


def test_true_class_changes_only_the_loss(at):
    at.radio(key="sm.y").set_value(3).run()
    logits = [at.slider(key=f"sm.z{j}").value for j in range(4)]
    expected = softmax(logits)
    assert float(metric_value(at, "loss = -log a_y")) == pytest.approx(-math.log(expected[3]), abs=1e-4)
    assert chart_frames(at, "softmax_bars")[0]["is_true"].tolist() == [False, False, False, True]


def test_number_of_classes_changes_the_bars(at):
    at.slider(key="sm.k").set_value(6).run()
    assert not at.exception
    assert len(chart_frames(at, "softmax_bars")[0]) == 6


@pytest.mark.parametrize("preset", ["[-100, 0, 50], y = 1", "[10, 20, 30], y = 1", "[20, 0, 0], y = 1"])
def test_naive_path_is_less_precise_than_from_logits(at, preset):
    at.selectbox(key="sm.preset").set_value(preset).run()
    errors = at.session_state["sm.precision"]["errors"]
    assert errors["probabilities"] > errors["from_logits"]
    assert errors["probabilities"] > 10 * at.session_state["sm.precision"]["paths"]["exact"] * 1e-7


def test_overflowing_logits_break_the_formula_but_not_from_logits(at):
    at.selectbox(key="sm.preset").set_value("[1000, 999, 990], y = 3").run()
    paths = at.session_state["sm.precision"]["paths"]
    assert math.isnan(paths["textbook"])  # e^1000 overflows to inf, inf/inf is NaN
    assert paths["from_logits"] == pytest.approx(paths["exact"], rel=1e-6)
    assert paths["exact"] == pytest.approx(10.0 + math.log(1 + math.exp(-1) + math.exp(-10)), rel=1e-12)


def test_custom_logits_and_bad_input(at):
    at.selectbox(key="sm.preset").set_value("custom").run()
    at.text_input(key="sm.custom").set_value("1, two, 3").run()
    assert not at.exception
    assert at.error and "Could not read the logits" in at.error[0].value
    at.text_input(key="sm.custom").set_value("0, 0").run()
    assert not at.error
    assert at.session_state["sm.precision"]["paths"]["exact"] == pytest.approx(math.log(2), rel=1e-12)


def map_images(app) -> list[list[str]]:
    """The colours of the per-class maps, one per class."""
    return map_fields(app, "softmax_maps")


def test_training_changes_the_maps_and_the_weights(at):
    images_before = map_images(at)
    assert len(images_before) == 4
    weights_before = at.session_state["sm.model"].flat_weights.copy()
    at.button(key="sm.train").click().run()
    assert not at.exception
    assert metric_value(at, "epochs trained") == "20"
    assert not np.allclose(at.session_state["sm.model"].flat_weights, weights_before)
    images_after = map_images(at)
    assert all(before != after for before, after in zip(images_before, images_after, strict=True))
    assert float(metric_value(at, "test accuracy").rstrip("%")) > 80


def test_each_map_is_one_softmax_output_and_they_sum_to_one(at):
    at.button(key="sm.train").click().run()
    probs = at.session_state["sm.maps"]
    assert probs.shape == (40, 40, 4)
    np.testing.assert_allclose(probs.sum(axis=2), 1.0, atol=1e-9)
    from engine.datasets import make_dataset, train_test_split
    from engine.features import grid_points, plot_range

    train, test = train_test_split(make_dataset("blobs", n_points=300, noise=0.12, seed=0, classes=4), 0.25, seed=0)
    x_range, y_range = plot_range(np.vstack([train.X, test.X]))
    grid, _, _ = grid_points(x_range, y_range, 40)
    expected = at.session_state["sm.model"].predict_proba(grid).reshape(40, 40, 4)
    np.testing.assert_allclose(probs, expected, rtol=1e-12)


def test_play_trains_one_tick_per_run(at):
    at.button(key="sm.play").click().run()
    assert at.session_state["sm.running"]
    first = at.session_state["sm.model"].epochs_trained
    at.run()
    assert at.session_state["sm.model"].epochs_trained == first + 5
    at.button(key="sm.play").click().run()
    assert not at.session_state["sm.running"]


def test_picked_point_bars_are_the_model_probabilities(at):
    at.button(key="sm.train").click().run()
    # Points are numbered from 1, as the classes and the notes' a_1 ... a_N: point 8 is row 7.
    assert at.slider(key="sm.point").min == 1
    at.slider(key="sm.point").set_value(8).run()
    bars = chart_frames(at, "softmax_point_bars")[0]
    model = at.session_state["sm.model"]
    from engine.datasets import make_dataset, train_test_split

    train, _ = train_test_split(make_dataset("blobs", n_points=300, noise=0.12, seed=0, classes=4), 0.25, seed=0)
    assert at.slider(key="sm.point").max == train.n_examples
    np.testing.assert_allclose(bars["p"].to_numpy(), model.predict_proba(train.X[7:8])[0], rtol=1e-6)
    assert bars["class"].str.endswith("✓").sum() == 1


def test_dataset_switch_rebuilds_and_link_carries_the_configuration(at):
    at.selectbox(key="sm.dataset").set_value("multi_spiral").run()
    at.slider(key="sm.classes").set_value(5).run()
    assert not at.exception
    assert at.session_state["sm.model"].output_units == 5
    url = at.get("link_button")[0].proto.url
    assert "dataset=multi_spiral" in url and "classes=5" in url and "head=softmax" in url
