"""`Figure`: a chart as named data frames plus a recipe for its spec, so a live view ships only data per tick;
`combine` joins figures into one chart (one Vega view, one Streamlit element).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from ui.chart_style import style


@dataclass
class Figure:
    """A chart as data frames (`frames`, name -> DataFrame) and a recipe `make(data_of)` for its (unstyled) spec.

    `key` names everything the spec depends on; the same key with new frames is the same chart with new data.
    Figures combine into one chart with `combine` (one Vega view, one Streamlit element to update per tick).
    """

    key: tuple
    frames: dict[str, pd.DataFrame]
    make: Callable[[Callable[[str], Any]], Any]

    def chart(self):
        """The Altair chart with its data inline."""
        return style(self.make(self.frames.__getitem__))

    def spec(self) -> dict:
        """The Vega-Lite spec with data referenced by name (fill `datasets` with `frames` to draw it).

        Drawn on a canvas: a few hundred marks redraw several times a second faster than as SVG nodes.
        """
        spec = style(self.make(lambda name: alt.NamedData(name=name))).to_dict(validate=False)
        spec["usermeta"] = {**spec.get("usermeta", {}), "embedOptions": {"renderer": "canvas"}}
        return spec


def combine(rows: Sequence[Sequence[tuple[str, Figure]]], spacing: int = 30) -> Figure:
    """Several figures as one chart: rows of (name, figure), drawn as a grid (each row left to right).

    Each figure's data frames are renamed "<name>_<frame>"; every scale and legend stays the figure's own.
    """
    frames, keys = {}, []
    for row in rows:
        for name, figure in row:
            keys.append((name, figure.key))
            frames.update({f"{name}_{frame}": data for frame, data in figure.frames.items()})

    def make(data_of):
        def part(name, figure):
            return figure.make(lambda frame: data_of(f"{name}_{frame}"))

        # Every level of the grid keeps its parts' scales and legends apart (one level does not pass it down).
        scales = {channel: "independent" for channel in (
            "x", "y", "color", "shape", "stroke", "strokeDash", "strokeWidth", "opacity", "size")}
        legends = {channel: "independent" for channel in ("color", "shape", "stroke", "strokeDash", "strokeWidth")}
        lines = [alt.hconcat(*[part(name, figure) for name, figure in row], spacing=spacing)
                 .resolve_scale(**scales).resolve_legend(**legends) for row in rows]
        chart = alt.vconcat(*lines, spacing=spacing) if len(lines) > 1 else lines[0]
        return chart.resolve_scale(**scales).resolve_legend(**legends)

    return Figure(("combined", tuple(keys), spacing), frames, make)


def named(name: str, figure: Figure) -> Figure:
    """`figure` with its data frames renamed "<name>_<frame>" (as `combine` names them), drawn on its own."""
    return Figure(("named", name, figure.key), {f"{name}_{frame}": data for frame, data in figure.frames.items()},
                  lambda data_of: figure.make(lambda frame: data_of(f"{name}_{frame}")))
