"""One example's class probabilities as bars in the class colours."""

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from ui.chart_style import FONT_SIZE, class_color, display_name
from ui.figure import Figure
from ui.i18n import t


def probability_bars_figure(probs, class_names: Sequence[str], true_class: int | None = None, *,
                            width: int = 300) -> Figure:
    """See `probability_bars`."""
    probs = np.asarray(probs, dtype=float).reshape(-1)
    labels = tuple(f"{display_name(name)} ✓" if i == true_class else display_name(name)
                   for i, name in enumerate(class_names))
    data = pd.DataFrame({"class": labels, "p": probs, "text": [f"{p:.1%}" for p in probs]})

    def make(data_of):
        y = alt.Y("class:N", title=None, sort=list(labels), axis=alt.Axis(labelFontSize=FONT_SIZE))
        x = alt.X("p:Q", title=t("charts.probability"), scale=alt.Scale(domain=[0, 1]),
                  axis=alt.Axis(format=".0%", tickCount=5))
        bars = alt.Chart(data_of("bars")).mark_bar(size=24).encode(
            x=x, y=y,
            color=alt.Color("class:N", legend=None, scale=alt.Scale(
                domain=list(labels), range=[class_color(i) for i in range(len(labels))])),
            tooltip=[alt.Tooltip("class:N", title=t("charts.class")),
                     alt.Tooltip("p:Q", format=".2%", title=t("charts.probability"))],
        )
        # Each number beside its bar, or inside it near 100%: it never reaches past the plot into a neighbour.
        outside = alt.Chart(data_of("bars")).transform_filter("datum.p <= 0.75").mark_text(
            align="left", dx=4, fontSize=FONT_SIZE).encode(x=x, y=y, text="text:N")
        inside = alt.Chart(data_of("bars")).transform_filter("datum.p > 0.75").mark_text(
            align="right", dx=-4, fontSize=FONT_SIZE, color="#FFFFFF", fontWeight="bold").encode(
            x=x, y=y, text="text:N")
        return alt.layer(bars, outside, inside).properties(width=width, height=38 * len(labels))

    return Figure(("probability_bars", (labels, width)), {"bars": data}, make)


def probability_bars(probs, class_names: Sequence[str], true_class: int | None = None, **options):
    """Horizontal bars of one example's class probabilities (0 to 1) in class colours; the true class gets a ✓.

    probs: (K,) numbers that sum to 1 (softmax) or K independent probabilities (multi-label).
    """
    return probability_bars_figure(probs, class_names, true_class, **options).chart()
