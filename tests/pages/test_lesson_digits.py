"""AppTest of the digits lesson: training reaches a good test accuracy; matrix, galleries and numbers agree."""

import numpy as np
import pytest

from engine.datasets import make_dataset, train_test_split
from tests.pages.lesson_checks import chart_frames, keyed_block, metric_value, page_app

PAGE = "pages/9_Digits.py"


@pytest.fixture(scope="module")
def trained():
    app = page_app(PAGE)
    assert not app.exception
    app.button(key="dg.train").click().run()
    assert not app.exception
    return app


def test_before_training_shows_examples_and_a_prompt():
    app = page_app(PAGE)
    assert not app.exception
    assert app.info and "Train the network" in app.info[0].value
    pixels = chart_frames(app, "digits_examples")[0]
    assert len(pixels) == 18 * 64 and pixels["v"].between(0, 1).all()


def test_renders_in_chinese_and_trains():
    app = page_app(PAGE, lang="zh")
    assert not app.exception
    assert app.title[0].value == "手写数字：图像上的 softmax"
    app.button(key="dg.train").click().run()
    assert not app.exception
    assert any(m.label == "测试准确率" for m in app.metric)


def test_test_accuracy_is_good_and_is_the_models(trained):
    result = trained.session_state["dg.result"]
    _, test = train_test_split(make_dataset("digits", seed=0), 0.25, seed=0)
    predicted = result["model"].predict_proba(test.X).argmax(axis=1)
    accuracy = float(np.mean(predicted == test.y))
    assert accuracy > 0.85
    assert result["test_accuracy"] == accuracy
    assert metric_value(trained, "test accuracy") == f"{accuracy:.1%}"


def test_confusion_matrix_sums_to_the_test_set(trained):
    matrix = trained.session_state["dg.result"]["confusion"]
    assert matrix.shape == (10, 10)
    assert matrix.sum() == 450 == int(metric_value(trained, "test images"))
    assert matrix.sum() - np.trace(matrix) == int(metric_value(trained, "mistakes on the test set"))
    cells = chart_frames(trained, "digits_confusion")[0]
    assert cells["count"].sum() == 450


def test_gallery_shows_top3_probabilities(trained):
    frames = chart_frames(trained, "digits_gallery")
    texts = next(f for f in frames if "text" in f.columns)
    result = trained.session_state["dg.result"]
    first = result["probabilities"][0]
    best = np.argsort(-first)[:3]
    guesses = texts[texts["kind"] != "true"]["text"].tolist()[:3]
    assert [g.split(":")[0].strip(" ✓✗") for g in guesses] == [str(d) for d in best]
    assert guesses[0].endswith(f"{first[best[0]]:.0%}")
    assert (texts["kind"] == "true").sum() == 24


def test_mistakes_are_the_wrong_answers(trained):
    result = trained.session_state["dg.result"]
    _, test = train_test_split(make_dataset("digits", seed=0), 0.25, seed=0)
    n_wrong = int(np.sum(result["predicted"] != test.y))
    if n_wrong == 0:
        assert trained.success
        return
    keyed_block(trained, "digits_mistakes")
    texts = next(f for f in chart_frames(trained, "digits_mistakes") if "text" in f.columns)
    assert set(texts["kind"]) == {"true", "wrong", "other"}
    assert (texts["kind"] == "wrong").sum() == min(n_wrong, 24)


def test_gallery_page_slider_moves_the_images(trained):
    before = chart_frames(trained, "digits_gallery")[0]["v"].to_numpy()
    trained.slider(key="dg.start").set_value(48).run()
    assert not np.array_equal(chart_frames(trained, "digits_gallery")[0]["v"].to_numpy(), before)


def test_training_is_deterministic_and_controls_matter():
    first = page_app(PAGE)
    first.button(key="dg.train").click().run()
    second = page_app(PAGE)
    second.button(key="dg.train").click().run()
    np.testing.assert_array_equal(first.session_state["dg.result"]["model"].flat_weights,
                                  second.session_state["dg.result"]["model"].flat_weights)
    second.select_slider(key="dg.units").set_value(16).run()
    second.button(key="dg.train").click().run()
    assert second.session_state["dg.result"]["model"].layers[0].units == 16


def test_a_learning_rate_that_blows_up_gives_a_message_not_a_traceback():
    app = page_app(PAGE)
    app.select_slider(key="dg.lr").set_value(10.0).run()
    app.slider(key="dg.epochs").set_value(30).run()
    app.button(key="dg.train").click().run()
    assert not app.exception
    result = app.session_state["dg.result"] if "dg.result" in app.session_state else None
    # Either it diverged (a message, no result) or it trained to some finite weights.
    assert app.error or (result is not None and np.isfinite(result["model"].flat_weights).all())
