"""Classes and points count from 1 wherever a learner reads them in the Playground (as in the lessons and the
notes), while the engine, the URL, the CSV of the drawn data and the model file keep 0-based indices and labels."""

from tests.pages.test_playground import curves_shown, diagram_data, model_of, open_page, status
from ui import data_edits
from ui.chart_style import display_name
from ui.display import index_of, shown


def test_generated_class_numbers_are_shown_from_1_and_own_labels_as_they_are(monkeypatch):
    assert [display_name(n) for n in ("class 0", "arm 2", "blob 5", "7", "cat", "class x")] == [
        "class 1", "arm 3", "blob 6", "7", "cat", "class x"]
    assert index_of(shown(3)) == 3
    import ui.i18n

    monkeypatch.setattr(ui.i18n, "current_language", lambda: "zh")
    assert display_name("class 0") == "类别 1"


def test_the_playground_shows_classes_and_the_picked_point_from_1():
    at = open_page(dataset="blobs", classes="3")
    data = at.session_state["pg.bundle"][1]
    assert list(data.ds.target_names) == ["blob 0", "blob 1", "blob 2"]  # the engine's own names stay
    bars = curves_shown(at)["bars"]
    true = int(data.test.y[0])
    assert bars["labels"] == [f"blob {j + 1}" + (" ✓" if j == true else "") for j in range(3)]
    assert diagram_data(at)["outputs"] == ["blob 1", "blob 2", "blob 3"]
    assert "test #1," in status(at) and "#0" not in status(at)
    # The explain panel names the same point the same way.
    at.toggle(key="ex.open").set_value(True).run()
    assert any("(test set #1)" in m.value for m in at.markdown)
    # The data summary names the class as read, beside the stored 0-based label.
    assert model_of(at).output_units == 3


def test_a_one_input_set_picks_its_point_with_a_slider_from_1():
    at = open_page(dataset="line_1d")
    slider = at.slider(key="w.pick_shown")
    assert slider.min == 1 and slider.value == 1
    slider.set_value(3).run()
    assert at.session_state["pg.pick"] == ("test", 2)  # the row behind "#3"
    assert "test #3," in status(at)


def test_the_drawn_data_csv_keeps_0_based_labels():
    import numpy as np

    text = data_edits.to_csv(np.array([[0.5, -0.5]]), np.array([0]), ["x1", "x2"], "label")
    assert text.strip().splitlines()[-1].split(",")[-1] == "0"
