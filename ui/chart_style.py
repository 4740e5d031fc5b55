"""Chart styling shared by every chart builder: palette, marker shapes, font sizes, axis/legend/title config.

Palette: Okabe-Ito (colour-blind safe). Binary maps run orange (class 0) to blue (class 1), as TF Playground;
a weight's sign is blue (+) or orange (-) in every chart.
"""

import functools

import altair as alt
import numpy as np

from ui.display import shown
from ui.i18n import STRINGS, t

# Okabe-Ito, reordered so classes 0 and 1 match the binary map's ends and yellow (weak on white) comes last.
CLASS_COLORS = ("#E69F00", "#0072B2", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442")
CLASS_SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-left",
                "triangle-right")
# The same Okabe-Ito colours in an order for lines: blue, orange, green, vermillion, purple, sky blue, black.
LINE_COLORS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
NEGATIVE_COLOR, NEUTRAL_COLOR, POSITIVE_COLOR = "#E69F00", "#F7F7F7", "#0072B2"
TRAIN_STROKE, TEST_STROKE = "#FFFFFF", "#111111"
FONT_SIZE = 14  # readable on a classroom projector
LESSON_FONT_SIZE = 15  # the lessons' function plots (one chart per row, larger)


@functools.lru_cache(maxsize=64)
def hex_to_rgb(color: str) -> np.ndarray:
    """"#RRGGBB" -> (3,) floats in 0..1, read-only (one array per colour: maps colour every tick)."""
    rgb = np.array([int(color[i:i + 2], 16) for i in (1, 3, 5)], dtype=float) / 255.0
    rgb.setflags(write=False)
    return rgb


def class_color(index: int) -> str:
    return CLASS_COLORS[index % len(CLASS_COLORS)]


def class_shape(index: int) -> str:
    return CLASS_SHAPES[index % len(CLASS_SHAPES)]


def display_name(name) -> str:
    """A class or label name as shown in the current language: the built-in data sets' English names
    ("class 0", "same sign", ...; listed in ui/strings/charts.py as "charts.name.<name>") are translated, and a
    generated numbered name counts from 1 ("class 0" -> "class 1", `ui.display.shown`); any other name (a CSV's
    own, "setosa", "7") is shown as it is."""
    name = str(name)
    if f"charts.name.{name}" in STRINGS:
        return t(f"charts.name.{name}")
    stem, _, number = name.rpartition(" ")
    if number.isdigit() and f"charts.name.{stem} {{n}}" in STRINGS:
        return t(f"charts.name.{stem} {{n}}", n=shown(number))
    return name


# A chart's width when it takes the width of the column it is drawn in (Vega-Lite's "container"; Streamlit
# replaces it with the column's width in pixels and redraws the chart when the column changes).
CONTAINER = "container"


def fills_container(chart) -> bool:
    """Whether `chart` (one view or a layer) asks for its column's width."""
    return getattr(chart, "width", None) == CONTAINER


def _autosize(chart) -> alt.AutoSizeParams:
    """"fit-x" for a chart as wide as its column: the axes, legends and titles fit inside that width and the
    plot takes what is left (its height stays as asked). Otherwise "pad": the chart keeps the size it asks for
    and grows to fit its legends (Streamlit's default, "fit", squeezes the plot and can cut a legend off)."""
    return alt.AutoSizeParams(type="fit-x" if fills_container(chart) else "pad", contains="padding")


def style(chart, *, view_frame: bool = False):
    """Projector-sized axis, legend and title fonts (FONT_SIZE); no frame around the plot unless `view_frame`.
    A chart of width CONTAINER fits its column (see `_autosize`)."""
    chart = chart.properties(autosize=_autosize(chart)).configure_axis(
        labelFontSize=FONT_SIZE - 1, titleFontSize=FONT_SIZE).configure_legend(
        labelFontSize=FONT_SIZE - 1, titleFontSize=FONT_SIZE, symbolSize=120,
    ).configure_title(fontSize=FONT_SIZE + 2)
    return chart if view_frame else chart.configure_view(stroke=None)


def lesson_style(chart):
    """The lessons' function plots: LESSON_FONT_SIZE fonts, a light grid, titles on the left, a faint frame."""
    font = LESSON_FONT_SIZE
    if fills_container(chart):
        chart = chart.properties(autosize=_autosize(chart))
    return (
        chart.configure_axis(labelFontSize=font - 1, titleFontSize=font, grid=True, gridOpacity=0.4)
        .configure_legend(labelFontSize=font - 1, titleFontSize=font, symbolSize=140, labelLimit=320)
        .configure_header(labelFontSize=font, titleFontSize=font)
        .configure_title(fontSize=font + 2, anchor="start")
        .configure_view(strokeOpacity=0.3)
    )


def picked_ring(data, x, y):
    """A dark ring around the picked point, large enough to see from the back of a classroom."""
    return alt.Chart(data).mark_point(shape="circle", size=520, filled=False, strokeWidth=3.5, color="#111111",
                                      opacity=1, clip=True).encode(x=x, y=y)
