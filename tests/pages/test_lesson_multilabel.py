"""AppTest of the multi-label lesson (§12): sigmoid head vs softmax over labels, maps per label, the numbers."""

import json

import numpy as np
import pytest

from engine.datasets import make_dataset, train_test_split
from tests.pages.lesson_checks import chart_specs, map_fields, page_app

PAGE = "pages/7_Multi_Label.py"


@pytest.fixture(scope="module")
def trained():
    app = page_app(PAGE)
    assert not app.exception
    for _ in range(2):
        app.button(key="ml.train").click().run()
    assert not app.exception
    return app


def test_renders_in_chinese_with_the_notes_labels():
    app = page_app(PAGE, lang="zh")
    assert not app.exception
    assert app.title[0].value == "多标签分类问题"
    spec = json.loads(chart_specs(app, "multilabel_maps_sigmoid"))
    assert all(name in json.dumps(spec, ensure_ascii=False) for name in ("P(汽车)", "P(公交车)", "P(行人)"))


def map_images(app, head: str) -> list[list[str]]:
    """The colours of one head's maps, one per label."""
    return map_fields(app, f"multilabel_maps_{head}")


def test_one_map_per_label_for_each_head(trained):
    for head in ("sigmoid", "softmax"):
        assert len(map_images(trained, head)) == 3
        assert trained.session_state[f"ml.maps_{head}"].shape == (36, 36, 3)


def test_softmax_outputs_sum_to_one_and_sigmoids_do_not(trained):
    sigmoid = trained.session_state["ml.maps_sigmoid"]
    softmax = trained.session_state["ml.maps_softmax"]
    np.testing.assert_allclose(softmax.sum(axis=2), 1.0, atol=1e-9)
    assert np.abs(sigmoid.sum(axis=2) - 1.0).max() > 0.5


def test_the_wrong_head_fails_on_points_with_two_labels(trained):
    scores = trained.session_state["ml.scores"]
    assert scores["sigmoid"]["per_label"].mean() > 0.9
    assert scores["sigmoid"]["per_label"].mean() > scores["softmax"]["per_label"].mean() + 0.05
    assert scores["softmax"]["exact_multi"] == 0.0  # at 0.5 a softmax can never switch on two labels
    assert scores["sigmoid"]["exact_multi"] > 0.7


def test_scores_are_the_models_outputs(trained):
    _, test = train_test_split(make_dataset("multilabel", n_points=400, noise=0.03, seed=0, classes=3), 0.25, seed=0)
    model = trained.session_state["ml.models"]["sigmoid"]
    per_label = np.mean((model.predict(test.X) > 0.5) == (test.y > 0.5), axis=0)
    np.testing.assert_allclose(trained.session_state["ml.scores"]["sigmoid"]["per_label"], per_label)
    point = trained.session_state["ml.point_probs"]
    assert test.y[point["index"]].sum() >= 2
    np.testing.assert_allclose(point["softmax"], trained.session_state["ml.models"]["softmax"].predict(
        test.X[point["index"]:point["index"] + 1])[0])
    assert point["softmax"].sum() == pytest.approx(1.0)


def test_training_changes_the_maps():
    app = page_app(PAGE)
    before = map_images(app, "sigmoid")
    weights = app.session_state["ml.models"]["sigmoid"].flat_weights.copy()
    app.button(key="ml.train").click().run()
    assert app.session_state["ml.models"]["sigmoid"].epochs_trained == 40
    assert not np.allclose(app.session_state["ml.models"]["sigmoid"].flat_weights, weights)
    assert all(a != b for a, b in zip(map_images(app, "sigmoid"), before, strict=True))


def test_label_count_and_point_picker(trained):
    trained.slider(key="ml.point").set_value(3).run()
    assert not trained.exception
    trained.slider(key="ml.labels").set_value(4).run()
    assert not trained.exception
    assert trained.session_state["ml.models"]["sigmoid"].output_units == 4
    assert len(map_images(trained, "softmax")) == 4
    url = trained.get("link_button")[0].proto.url
    assert "dataset=multilabel" in url and "classes=4" in url and "head=multilabel" in url


def test_one_point_bars_are_probabilities_on_a_zero_to_one_scale(trained):
    point = trained.session_state["ml.point_probs"]
    frames = [frame.value for frame in trained.dataframe]
    table = next(f for f in frames if len(f) == len(point["sigmoid"]) and len(f.columns) == 4)
    for column in table.columns[2:]:
        assert table[column].between(0, 1).all()  # a probability of 1.00 fills its bar
    sums = next(f for f in frames if len(f) == 1 and len(f.columns) == 4)
    assert float(sums.iloc[0, 2]) == pytest.approx(point["sigmoid"].sum(), abs=0.01)
