"""AppTest of the forward-pass lesson (§5-6): the numbers shown for a layer are the engine's, the notes' loop
form of dense() gives the matmul form's numbers, and every control changes what is shown."""

import numpy as np
import pytest

from engine.datasets import make_dataset
from tests.pages.lesson_checks import chart_frames, metric_value, page_app

PAGE = "pages/4_Forward_Pass.py"


@pytest.fixture
def at():
    app = page_app(PAGE)
    assert not app.exception
    return app


def frame(app, row_label):
    """The dataframe shown whose single row is labelled `row_label` (e.g. 'a', 'z', 'a (loop)')."""
    for df in app.dataframe:
        if list(df.value.index) == [row_label]:
            return df.value
    raise AssertionError(f"no dataframe with row {row_label!r}")


def coffee_example(index):
    return make_dataset("coffee", n_points=200, noise=0.0, seed=0).X[index:index + 1]


def test_renders_in_chinese():
    app = page_app(PAGE, lang="zh")
    assert not app.exception
    assert app.title[0].value == "前向传播，一步一步"
    assert "循环与 matmul 的最大差值" in [m.label for m in app.metric]


@pytest.mark.parametrize("layer", [1, 2, 3])
def test_layer_numbers_are_the_engines(at, layer):
    at.number_input(key="forward.example").set_value(7).run()
    at.button_group(key="forward.layer.coffee").set_value(layer).run()
    assert not at.exception
    model = at.session_state["forward.model"]
    x = coffee_example(7)
    outputs = model.layer_outputs(x)
    np.testing.assert_allclose(frame(at, "a").to_numpy(), outputs[layer - 1]["a"], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(frame(at, "z").to_numpy(), outputs[layer - 1]["z"], rtol=1e-12, atol=1e-12)
    W = model.layers[layer - 1].W
    assert any(df.value.shape == W.shape and np.allclose(df.value.to_numpy(), W) for df in at.dataframe)
    # Loop form (one unit at a time, W[:, i]) and matmul form show the same numbers.
    np.testing.assert_allclose(frame(at, "a (loop)").to_numpy(), frame(at, "a (matmul)").to_numpy(),
                               rtol=1e-12, atol=1e-15)
    assert float(metric_value(at, "largest difference, loop vs matmul")) < 1e-12
    assert float(metric_value(at, "largest difference from the engine's a")) < 1e-12


def test_input_row_is_2d_and_normalized(at):
    x = coffee_example(0)
    np.testing.assert_allclose(frame(at, "x").to_numpy(), x)
    model = at.session_state["forward.model"]
    np.testing.assert_allclose(frame(at, "a⁰ = (x − mean) / std").to_numpy(), model.normalize(x))
    assert "shape **(1, 2)**" in " ".join(m.value for m in at.markdown)


def test_layer_control_changes_the_figure(at):
    bars = chart_frames(at, "forward_layer_chart")[0]
    at.button_group(key="forward.layer.coffee").set_value(2).run()
    after = chart_frames(at, "forward_layer_chart")[0]
    assert len(bars) == 2 * 3 and len(after) == 2 * 2  # z and a for 3 units, then for 2
    text = " ".join(m.value for m in at.markdown)
    assert "`W2`, shape (3, 2)" in text


def test_example_changes_the_numbers(at):
    a_before = frame(at, "a").to_numpy().copy()
    at.number_input(key="forward.example").set_value(3).run()
    assert not np.allclose(frame(at, "a").to_numpy(), a_before)


def test_typed_features_are_used(at):
    at.radio(key="forward.mode").set_value("type").run()
    at.text_input(key="forward.typed.coffee").input("200, 13.5").run()
    assert not at.exception and not at.error
    np.testing.assert_allclose(frame(at, "x").to_numpy(), [[200.0, 13.5]])
    model = at.session_state["forward.model"]
    probability = model.predict(np.array([[200.0, 13.5]]))[0, 0]
    assert float(metric_value(at, "output layer: P(good roast)")) == pytest.approx(probability, abs=1e-4)


@pytest.mark.parametrize("typed", ["200", "200, hot", "200, nan", "1, 2, 3"])
def test_bad_typed_features_give_a_message_not_a_traceback(at, typed):
    at.radio(key="forward.mode").set_value("type").run()
    at.text_input(key="forward.typed.coffee").input(typed).run()
    assert not at.exception
    assert at.error and "Cannot use what you typed" in at.error[0].value
    np.testing.assert_allclose(frame(at, "x").to_numpy(), coffee_example(0))


def test_demand_network_has_four_features(at):
    at.selectbox(key="forward.network").set_value("tshirt_demand").run()
    assert not at.exception
    model = at.session_state["forward.model"]
    assert model.input_dim == 4 and len(model.layers) == 2
    assert frame(at, "x").shape == (1, 4)
    x = make_dataset("tshirt_demand", n_points=400, noise=0.1, seed=0).X[:1]
    np.testing.assert_allclose(frame(at, "a").to_numpy(), model.layer_outputs(x)[0]["a"], rtol=1e-12)
