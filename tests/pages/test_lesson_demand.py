"""AppTest of the demand case study (§3-4): the 4-3-1 network trains, and the page shows what its hidden
neurons learned with the engine's own numbers (weights, activations, correlation with the story's factors)."""

import numpy as np
import pandas as pd
import pytest

from engine.datasets import make_dataset, train_test_split
from tests.pages.lesson_checks import chart_frames, metric_value, page_app

PAGE = "pages/3_Demand_Case_Study.py"


@pytest.fixture
def at():
    app = page_app(PAGE)
    assert not app.exception
    return app


def training_data():
    """The page's default training split (400 T-shirts, noise 0.1, seed 0, 25 % held out)."""
    data = make_dataset("tshirt_demand", n_points=400, noise=0.1, seed=0)
    return train_test_split(data, 0.25, seed=0)[0]


def all_bars(app, key: str) -> pd.DataFrame:
    """The rows of every chart in the container `key` (one chart per hidden neuron), in the neurons' order."""
    return pd.concat(chart_frames(app, key), ignore_index=True)


def test_renders_in_chinese_with_the_notes_layer_names():
    app = page_app(PAGE, lang="zh")
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    for term in ("输入层", "隐藏层", "输出层", "激活"):
        assert term in text
    names = all_bars(app, "demand_weight_chart")["unit"].unique().tolist()
    assert names == ["隐藏层神经元 1", "隐藏层神经元 2", "隐藏层神经元 3"]
    features = all_bars(app, "demand_weight_chart")["feature"].unique().tolist()
    assert features == ["价格 (美元)", "运费 (美元)", "营销 (千美元)", "材料质量"]


def test_network_is_4_3_1_with_named_layers(at):
    model = at.session_state["demand.model"]
    assert [w.shape for w in model.get_weights()] == [(4, 3), (3,), (3, 1), (1,)]
    assert [layer.activation for layer in model.layers] == ["sigmoid", "sigmoid"]
    frames = chart_frames(at, "demand_network_chart")
    links = next(f for f in frames if "link" in f.columns)
    assert len(links) == 4 * 3 + 3 * 1
    W1, _, W2, _ = model.get_weights()
    np.testing.assert_allclose(np.sort(links["w"].to_numpy()), np.sort(np.concatenate([W1.ravel(), W2.ravel()])))
    titles = next(f for f in frames if "title" in f.columns)["title"].tolist()
    assert titles == ["input layer", "hidden layer 1", "output layer"]


def test_training_changes_the_weights_and_the_weight_bars_are_the_engines(at):
    before = at.session_state["demand.model"].get_weights()[0].copy()
    bars_before = all_bars(at, "demand_weight_chart")["weight"].to_numpy()
    at.button(key="demand.train_button").click().run()
    assert not at.exception
    model = at.session_state["demand.model"]
    W1 = model.get_weights()[0]
    assert not np.allclose(W1, before)
    assert metric_value(at, "epoch") == "100"
    bars = all_bars(at, "demand_weight_chart")
    assert not np.allclose(bars["weight"].to_numpy(), bars_before)
    # One bar per (hidden neuron i, feature j) holding W1[j, i].
    np.testing.assert_allclose(bars["weight"].to_numpy(), W1.T.ravel())
    loss = float(metric_value(at, "training loss"))
    at.button(key="demand.train_button").click().run()
    assert metric_value(at, "epoch") == "200"
    assert float(metric_value(at, "training loss")) < loss


def test_hidden_neurons_match_the_story_after_training(at):
    for _ in range(2):
        at.button(key="demand.train_button").click().run()
    model = at.session_state["demand.model"]
    train = training_data()
    hidden = model.layer_outputs(train.X)[0]["a"]
    expected = np.corrcoef(hidden.T, train.latent.T)[:3, 3:]
    shown = chart_frames(at, "demand_correlation_chart")[0]
    np.testing.assert_allclose(shown["r"].to_numpy(), expected.ravel(), atol=1e-12)
    # The story is rediscovered: every factor is tracked by some hidden neuron (|r| > 0.75), each by a different one.
    best = np.abs(expected).argmax(axis=0)
    assert np.abs(expected).max(axis=0).min() > 0.75
    assert len(set(best.tolist())) == 3
    matches = at.dataframe[1].value
    assert sorted(matches["closest factor"]) == ["affordability", "awareness", "perceived quality"]
    # The activation histograms count every training example once per hidden neuron.
    counts = all_bars(at, "demand_activation_chart")
    assert counts.groupby("unit")["count"].sum().tolist() == [train.n_examples] * 3


def test_training_is_deterministic_by_seed():
    weights = []
    for _ in range(2):
        app = page_app(PAGE)
        app.button(key="demand.train_button").click().run()
        weights.append(app.session_state["demand.model"].get_weights())
    for first, second in zip(*weights, strict=True):
        np.testing.assert_array_equal(first, second)


def test_changing_the_hidden_activation_rebuilds_the_network(at):
    at.button(key="demand.train_button").click().run()
    at.selectbox(key="demand.hidden_act").set_value("relu").run()
    assert not at.exception
    model = at.session_state["demand.model"]
    assert model.layers[0].activation == "relu"
    assert model.epochs_trained == 0
    at.button(key="demand.train_button").click().run()
    assert not at.exception
    assert at.session_state["demand.model"].epochs_trained == 100


def test_data_table_shows_2d_shapes(at):
    assert "X has shape (300, 4)" in " ".join(c.value for c in at.caption)
    assert at.dataframe[0].value.shape == (8, 5)
