"""Every chart family takes its fonts and frame from ui.chart_style (one place to restyle them all)."""

import numpy as np

from ui import chart_style, charts, function_charts, training_charts


def _config(spec: dict) -> dict:
    return spec["config"]


def test_builders_share_the_projector_fonts_and_no_frame():
    specs = [
        charts.loss_curves_figure({"epoch": [1], "loss": [0.5]}).spec(),
        charts.probability_bars_figure([0.4, 0.6], ["a", "b"]).spec(),
        training_charts.race_loss_figure({"sgd": [1.0, 0.5], "adam": [1.0, 0.2]}).spec(),
    ]
    for spec in specs:
        config = _config(spec)
        assert config["axis"]["labelFontSize"] == chart_style.FONT_SIZE - 1
        assert config["axis"]["titleFontSize"] == chart_style.FONT_SIZE
        assert config["title"]["fontSize"] == chart_style.FONT_SIZE + 2
        assert config["view"]["stroke"] is None
        assert spec["autosize"] == {"type": "pad", "contains": "padding"}


def test_a_framed_chart_keeps_its_view_stroke():
    spec = training_charts.confusion_matrix_chart(np.array([[3, 1], [0, 2]]), ["a", "b"]).to_dict()
    assert _config(spec)["axis"]["titleFontSize"] == chart_style.FONT_SIZE
    assert "stroke" not in _config(spec).get("view", {})


def test_lesson_function_plots_use_the_lesson_font():
    for chart in function_charts.activation_curves(["tanh"], "g", "dg"):
        spec = chart.to_dict()
        assert _config(spec)["axis"]["titleFontSize"] == chart_style.LESSON_FONT_SIZE
        assert _config(spec)["axis"]["grid"] is True


def test_a_chart_as_wide_as_its_column_fits_its_legends_inside_that_width():
    # Vega-Lite "container" width (Streamlit fills in the column's pixels) with "fit-x": axes, legends and titles
    # count inside the width, so the chart never reaches past its column; a fixed-size chart keeps "pad".
    wide = charts.loss_curves_figure({"epoch": [1], "loss": [0.5]}, width=chart_style.CONTAINER).spec()
    assert wide["width"] == "container"
    assert wide["autosize"] == {"type": "fit-x", "contains": "padding"}
    for chart in (*function_charts.activation_curves(["tanh"], "g", "dg"),
                  *function_charts.weight_bars(np.eye(2), ["a", "b"], ["n0", "n1"], "w")):
        assert chart.to_dict()["autosize"]["type"] == "fit-x"
    fixed = charts.loss_curves_figure({"epoch": [1], "loss": [0.5]}, width=300).spec()
    assert fixed["autosize"]["type"] == "pad"


def test_hex_to_rgb_and_palette_cycle():
    np.testing.assert_allclose(chart_style.hex_to_rgb("#FF8000"), [1.0, 128 / 255, 0.0])
    n = len(chart_style.CLASS_COLORS)
    assert chart_style.class_color(n + 1) == chart_style.CLASS_COLORS[1]
    assert chart_style.class_shape(len(chart_style.CLASS_SHAPES)) == chart_style.CLASS_SHAPES[0]
