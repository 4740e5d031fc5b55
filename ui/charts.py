"""Altair chart builders shared by every page, one module per job, all importable from here (`ui.charts.X`).
Inputs are NumPy arrays and lists; each returns an Altair chart.

- `decision_map(values, xs, ys, kind=...)`: a field over the input plane as a heatmap (binary probability,
  softmax regions in class colours with brightness = probability, or a regression value), with train/test
  points on top (classes told apart by colour AND marker shape).
- `probability_maps(probs, xs, ys, names)`: one small map per class (softmax) or label (multi-label).
- `loss_curves(history)`: train and test loss (and accuracy) over epochs, hoverable.
- `probability_bars(probs, class_names, true_class=None)`: one example's class probabilities.
- `network_diagram(model, feature_names, output_names, node_maps=None)`: a column of nodes per layer, links
  coloured by the weight's sign and as wide as its size (hover: the value), optionally each node's output over
  the input plane drawn inside it (`unit_maps` shapes those maps).
- `display_name(name)`: a built-in data set's class name ("class 0", "same sign") in the current language; every
  builder above shows class names through it.

Show them with `st.altair_chart(chart)`. For views redrawn many times a second, each builder has a
`*_figure` twin returning a `Figure`: its data frames plus a recipe for the spec; `combine(rows)` joins figures
into one chart. `ui.widgets.live_chart(fig)` builds the spec once per structure (sizes, names, domains: never
the numbers drawn) and afterwards sends only the data, so Vega updates the chart in place (building an Altair
chart costs ~50-150 ms; the data ~1 ms). Maps are drawn as gradient-filled rows (`field_rows`): neither
images (Vega draws a new image a frame or more late, so a live map would flicker) nor one mark per cell (too
slow to redraw live).

Where each lives: `ui.chart_style` (palette, shapes, fonts, axis/legend config, `display_name`), `ui.figure`
(`Figure`, `combine`), `ui.maps` (field colours and rows, decision and probability maps), `ui.curves` (loss
curves), `ui.bars` (probability bars), `ui.diagram` (network diagram, `unit_maps`).
"""

from ui.bars import probability_bars, probability_bars_figure
from ui.chart_style import class_color, display_name
from ui.curves import fit_curve_figure, loss_curves, loss_curves_figure
from ui.diagram import MAX_LINKS, network_diagram, network_diagram_figure, unit_maps
from ui.figure import Figure, combine
from ui.maps import (
    decision_map,
    decision_map_figure,
    field_colors,
    field_rows,
    probability_maps,
    probability_maps_figure,
)

__all__ = [
    "MAX_LINKS", "Figure", "class_color", "combine", "decision_map", "decision_map_figure", "display_name",
    "field_colors", "field_rows", "fit_curve_figure", "loss_curves", "loss_curves_figure", "network_diagram", "network_diagram_figure",
    "probability_bars", "probability_bars_figure", "probability_maps", "probability_maps_figure", "unit_maps",
]
