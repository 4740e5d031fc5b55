"""AppTest of the one-neuron lesson (§1-2): sliders move the curve and the loss, training fits the neuron."""

import numpy as np
import pytest

from engine import Dense, Sequential
from engine.datasets import make_dataset
from engine.features import grid_points, plot_range
from tests.pages.lesson_checks import chart_frames, field_of, map_fields, metric_value, page_app

PAGE = "pages/2_One_Neuron.py"
LOSS = "loss at these w, b"


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def bce(y, a):
    return float(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))


@pytest.fixture
def at():
    app = page_app(PAGE)
    assert not app.exception
    return app


def curve(app, name="your w, b"):
    frame = [f for f in chart_frames(app, "neuron_curve_chart") if "curve" in f.columns][0]
    return frame[frame["curve"] == name]


def test_renders_in_chinese():
    app = page_app(PAGE, lang="zh")
    assert not app.exception
    assert app.title[0].value == "一个神经元"
    labels = [m.label for m in app.metric]
    assert "当前 w、b 的损失" in labels
    assert app.slider(key="neuron.1d.w").label == "权重 w"
    assert app.slider(key="neuron.1d.b").label == "偏置 b"


def test_w_slider_moves_the_curve_and_the_loss_is_the_data_loss(at):
    before = curve(at)["a"].to_numpy()
    loss_before = metric_value(at, LOSS)
    at.slider(key="neuron.1d.w").set_value(-0.6).run()
    at.slider(key="neuron.1d.b").set_value(12.0).run()
    shown = curve(at)
    assert not np.allclose(shown["a"].to_numpy(), before)
    np.testing.assert_allclose(shown["a"].to_numpy(), sigmoid(-0.6 * shown["x"].to_numpy() + 12.0), rtol=1e-9)
    # The loss shown is binary cross-entropy of this neuron over the page's data (defaults: 80 points, noise 0.2).
    data = make_dataset("tshirt_price", n_points=80, noise=0.2, seed=0)
    expected = bce(data.y, sigmoid(-0.6 * data.X[:, 0] + 12.0))
    assert metric_value(at, LOSS) != loss_before
    assert float(metric_value(at, LOSS)) == pytest.approx(expected, abs=1e-4)
    assert float(metric_value(at, "price where a = 0.5")) == pytest.approx(20.0, abs=0.01)


def test_noise_slider_changes_the_data(at):
    points = chart_frames(at, "neuron_curve_chart")[0]
    at.slider(key="neuron.n_points").set_value(200).run()
    assert not at.exception
    assert len(chart_frames(at, "neuron_curve_chart")[0]) == 200 != len(points)


def test_training_fits_the_neuron_and_can_be_put_on_the_sliders(at):
    start_loss = float(metric_value(at, LOSS))
    at.button(key="neuron.1d.train_button").click().run()
    model = at.session_state["neuron.1d.model"]
    W, b = model.get_weights()
    assert model.epochs_trained == 100
    # Training starts from the sliders (w=-0.2, b=2) and moves both.
    assert W[0, 0] != pytest.approx(-0.2) and b[0] != pytest.approx(2.0)
    trained_loss = float(metric_value(at, "loss after training"))
    assert trained_loss < start_loss
    assert float(metric_value(at, "learned w")) == pytest.approx(W[0, 0], abs=1e-3)
    trained_curve = curve(at, "trained")
    np.testing.assert_allclose(trained_curve["a"].to_numpy(),
                               sigmoid(W[0, 0] * trained_curve["x"].to_numpy() + b[0]), rtol=1e-9)
    at.button(key="neuron.1d.train_button").click().run()
    assert at.session_state["neuron.1d.model"].epochs_trained == 200
    assert float(metric_value(at, "loss after training")) <= trained_loss + 1e-9
    at.button(key="neuron.1d.copy_button").click().run()
    W, b = at.session_state["neuron.1d.model"].get_weights()
    assert at.slider(key="neuron.1d.w").value == pytest.approx(round(W[0, 0], 2))
    assert at.slider(key="neuron.1d.b").value == pytest.approx(round(b[0], 2))
    at.button(key="neuron.1d.reset_button").click().run()
    assert "neuron.1d.model" not in at.session_state


def test_training_is_deterministic():
    weights = []
    for _ in range(2):
        app = page_app(PAGE)
        app.button(key="neuron.1d.train_button").click().run()
        weights.append(app.session_state["neuron.1d.model"].get_weights())
    for first, second in zip(*weights, strict=True):
        np.testing.assert_array_equal(first, second)


def map_image(app, key):
    """The colours of the probability field drawn in the decision map inside container `key`."""
    return map_fields(app, key)[0]


def expected_image(model):
    """The field the page must draw for `model`: its activation on the page's 50 x 50 grid over the data."""
    data = make_dataset("gaussians", n_points=200, noise=0.1, seed=0)
    x_range, y_range = plot_range(data.X)
    points, xs, ys = grid_points(x_range, y_range, 50)
    return field_of(model.predict(points)[:, 0].reshape(len(ys), len(xs)), "binary")


def test_two_input_neuron_draws_its_probability_over_the_plane(at):
    before = map_image(at, "neuron_boundary_chart")
    at.slider(key="neuron.2d.w1").set_value(1.5).run()
    at.slider(key="neuron.2d.w2").set_value(2.0).run()
    at.slider(key="neuron.2d.b").set_value(-1.0).run()
    neuron = Sequential([Dense(1, activation="sigmoid")], input_dim=2)
    neuron.set_weights([np.array([[1.5], [2.0]]), np.array([-1.0])])
    shown = map_image(at, "neuron_boundary_chart")
    assert shown != before
    assert shown == expected_image(neuron)
    assert "1.50·x₁ + 2.00·x₂ − 1.00 = 0" in " ".join(m.value for m in at.markdown)


def test_two_input_training_adds_a_trained_map(at):
    with pytest.raises(AssertionError, match="no container"):
        chart_frames(at, "neuron_trained_boundary_chart")
    at.button(key="neuron.2d.train_button").click().run()
    assert not at.exception
    model = at.session_state["neuron.2d.model"]
    assert map_image(at, "neuron_trained_boundary_chart") == expected_image(model)
    assert float(metric_value(at, "loss after training")) < 0.2


def test_playground_link_carries_the_lesson(at):
    links = at.get("page_link") + at.get("link_button")
    texts = [str(link.proto) for link in links]
    assert any("tshirt_price" in text for text in texts)
    assert any("gaussians" in text for text in texts)
