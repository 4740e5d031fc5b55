"""AppTest of the activations lesson (§7-9): curves and derivatives are the engine's, the linear network's
boundary is a straight line while ReLU's bends, and the linear layers collapse into one W, b."""

import numpy as np
import pytest

from engine import activations
from engine.datasets import make_dataset
from engine.features import grid_points, plot_range
from tests.pages.lesson_checks import chart_frames, field_of, map_fields, metric_value, page_app

PAGE = "pages/5_Activations.py"


@pytest.fixture
def at():
    app = page_app(PAGE)
    assert not app.exception
    return app


def curves(app):
    frames = chart_frames(app, "acts_curves_chart")
    return frames[0], frames[1]  # g(z) panel, g'(z) panel


def circle():
    return make_dataset("circle", n_points=300, noise=0.05, seed=0)


def test_renders_in_chinese():
    app = page_app(PAGE, lang="zh")
    assert not app.exception
    assert app.title[0].value == "激活函数"
    assert "隐藏层" in " ".join(m.value for m in app.markdown)
    assert app.multiselect(key="acts.chosen").label == "要画出的激活函数"


def test_curves_are_the_engines_activations_and_derivatives(at):
    at.multiselect(key="acts.chosen").set_value(["tanh", "leaky_relu"]).run()
    g, dg = curves(at)
    assert set(g["activation"]) == {"tanh", "leaky_relu"}
    for name in ("tanh", "leaky_relu"):
        rows, slope_rows = g[g["activation"] == name], dg[dg["activation"] == name]
        z = rows["z"].to_numpy()
        np.testing.assert_allclose(rows["value"].to_numpy(), activations.forward(name, z))
        np.testing.assert_allclose(slope_rows["value"].to_numpy(), activations.derivative(name, z))
    np.testing.assert_allclose(dg[dg["activation"] == "tanh"]["value"].to_numpy(),
                               1 - np.tanh(g[g["activation"] == "tanh"]["z"].to_numpy()) ** 2)


def test_z_range_and_probe_change_what_is_shown(at):
    assert curves(at)[0]["z"].max() == pytest.approx(5.0)
    at.slider(key="acts.z_range").set_value(8.0).run()
    assert curves(at)[0]["z"].max() == pytest.approx(8.0)
    at.slider(key="acts.z_probe").set_value(-2.0).run()
    table = at.dataframe[0].value
    assert list(table["activation"]) == ["sigmoid", "relu", "linear"]
    np.testing.assert_allclose(table["g(-2)"], [1 / (1 + np.exp(2.0)), 0.0, -2.0])
    np.testing.assert_allclose(table["g'(-2)"], [np.exp(-2.0) / (1 + np.exp(-2.0)) ** 2, 0.0, 1.0])


def test_nothing_picked_gives_a_hint_not_an_error(at):
    at.multiselect(key="acts.chosen").set_value([]).run()
    assert not at.exception
    assert at.warning and "at least one" in at.warning[0].value


def page_grid():
    """The page's 60 x 60 grid over the circle data: points (3600, 2), xs, ys."""
    x_range, y_range = plot_range(circle().X)
    return grid_points(x_range, y_range, 60)


def map_image(app, key):
    return map_fields(app, key)[0]


def test_maps_draw_the_trained_networks(at):
    points, xs, ys = page_grid()
    for key, name in (("acts_map_linear", "linear"), ("acts_map_other", "relu")):
        model = at.session_state["acts.models"][name]
        values = model.predict(points)[:, 0].reshape(len(ys), len(xs))
        assert map_image(at, key) == field_of(values, "binary", discretize=True)


def test_linear_hidden_layers_draw_a_straight_boundary_relu_bends(at):
    points, _, _ = page_grid()
    models = at.session_state["acts.models"]
    collapsed = at.session_state["acts.collapsed"]
    linear_inside = models["linear"].predict(points)[:, 0] > 0.5
    # The linear network's decision is exactly the half-plane x W + b > 0 of the collapsed W, b.
    half_plane = (points @ collapsed["W"] + collapsed["b"])[:, 0] > 0
    np.testing.assert_array_equal(linear_inside, half_plane)
    # ReLU: the centre is inside and every corner outside, which no half-plane can do (the centre is their average).
    relu_inside = models["relu"].predict(points)[:, 0] > 0.5
    corners = [np.argmin(np.hypot(points[:, 0] - cx, points[:, 1] - cy))
               for cx in (points[:, 0].min(), points[:, 0].max()) for cy in (points[:, 1].min(), points[:, 1].max())]
    centre = np.argmin(np.hypot(points[:, 0], points[:, 1]))
    assert relu_inside[centre] and not relu_inside[corners].any()
    accuracies = [float(m.value.rstrip("%")) / 100 for m in at.metric if m.label == "accuracy"]
    assert accuracies[0] < 0.75 < 0.95 < accuracies[1]


def test_linear_layers_collapse_into_one_w_and_b(at):
    model = at.session_state["acts.models"]["linear"]
    W1, b1, W2, b2, W3, b3 = model.get_weights()
    W = W1 @ W2 @ W3
    b = (b1 @ W2 + b2) @ W3 + b3
    data = circle()
    logits = model.layer_outputs(data.X)[-1]["z"]
    np.testing.assert_allclose(data.X @ W + b, logits, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(at.dataframe[1].value["W"].to_numpy(), W[:, 0])
    np.testing.assert_allclose(at.dataframe[2].value["b"].to_numpy(), b)
    assert float(metric_value(at, "largest |z(network) − (x W + b)| over all points")) < 1e-10
    shown = at.dataframe[3].value
    np.testing.assert_allclose(shown["z of the network"], logits[:6, 0])
    np.testing.assert_allclose(shown["x W + b (one layer)"], logits[:6, 0], rtol=1e-10)


def test_more_epochs_train_further_and_the_other_activation_is_used(at):
    before = at.session_state["acts.models"]["relu"].get_weights()
    image = map_image(at, "acts_map_other")
    at.select_slider(key="acts.epochs").set_value(400).run()
    after = at.session_state["acts.models"]["relu"].get_weights()
    assert not np.allclose(before[0], after[0])
    assert map_image(at, "acts_map_other") != image
    at.selectbox(key="acts.other").set_value("tanh").run()
    assert not at.exception
    models = at.session_state["acts.models"]
    assert [layer.activation for layer in models["tanh"].layers] == ["tanh", "tanh", "sigmoid"]
    assert [layer.activation for layer in models["linear"].layers] == ["linear", "linear", "sigmoid"]


def test_decision_toggle_switches_to_probabilities(at):
    before = map_image(at, "acts_map_other")
    at.toggle(key="acts.discretize").set_value(False).run()
    points, xs, ys = page_grid()
    values = at.session_state["acts.models"]["relu"].predict(points)[:, 0].reshape(len(ys), len(xs))
    assert map_image(at, "acts_map_other") == field_of(values, "binary", discretize=False) != before
