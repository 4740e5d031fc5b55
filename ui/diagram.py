"""The network diagram: a column of nodes per layer, links coloured by the weight's sign and as wide as its
size (hover: the value), optionally each node's output over the input plane drawn inside it."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd

from ui.chart_style import (
    FONT_SIZE,
    NEGATIVE_COLOR,
    POSITIVE_COLOR,
    class_color,
    display_name,
)
from ui.figure import Figure
from ui.i18n import current_language, t
from ui.maps import field_colors, field_columns, field_layer


def unit_maps(layer_values: Sequence[np.ndarray | None], resolution: int) -> list[np.ndarray | None]:
    """Node maps for `network_diagram` from values on a resolution x resolution grid (row-major, as `decision_map`).

    layer_values: per diagram column (inputs, then each Dense layer) None or an array (resolution**2, units).
    Returns per column None or (units, resolution, resolution).
    """
    return [None if v is None else np.asarray(v, dtype=float).T.reshape(-1, resolution, resolution)
            for v in layer_values]


@dataclass(frozen=True)
class _Layout:
    """The diagram in pixels: node centres per column, the node side, the plot size."""

    centres: list
    node_px: float
    width: float
    height: float


TITLE_PX = 44  # room above the first row for one line of layer title and the activation under it
MAX_LINKS = 1000  # a diagram draws at most this many weights (the largest |w|)


def _text_px(text: str, font_size: float) -> float:
    """About how wide `text` is in bold sans-serif at `font_size` px (CJK characters are square)."""
    return sum(font_size if ord(ch) >= 0x2E80 else 0.6 * font_size for ch in text)


def _wrap(text: str, width_px: float, font_size: float) -> list[str]:
    """`text` broken at spaces into lines of at most `width_px` (a word longer than that keeps its own line)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and _text_px(f"{lines[-1]} {word}", font_size) <= width_px:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _layer_headings(n_cols: int, column_px: int) -> tuple[list[str], int]:
    """Each column's heading ("input layer", "hidden layer k", "output layer"), wrapped to its column so
    neighbours never run into each other (lines joined by newlines), and the font size used."""
    font = FONT_SIZE if column_px >= 80 else FONT_SIZE - 2
    titles = ([t("common.input_layer")] + [f"{t('common.hidden_layer')} {k}" for k in range(1, n_cols - 1)]
              + [t("common.output_layer")])
    return ["\n".join(_wrap(title, column_px - 8, font)) for title in titles], font


def _layout(sizes: Sequence[int], column_px: int, row_px: int, max_height: int, heading_lines: int = 1) -> _Layout:
    tallest = max(sizes)
    title_px = TITLE_PX + (heading_lines - 1) * (FONT_SIZE + 2)
    row = min(float(row_px), (max_height - title_px) / tallest)
    node = 0.74 * row
    centres = [np.column_stack([np.full(n, column_px * (col + 0.5) + 40.0),
                                title_px + row * (np.arange(n) + (tallest - n) / 2 + 0.5)])
               for col, n in enumerate(sizes)]
    return _Layout(centres, node, column_px * len(sizes) + 80.0, title_px + row * tallest + 4)


def network_diagram_figure(model, feature_names: Sequence[str], output_names: Sequence[str] | None = None, *,
                           node_maps: Sequence[np.ndarray | None] | None = None, column_px: int = 130,
                           row_px: int = 62, max_height: int = 600, max_links: int = MAX_LINKS,
                           link_values: np.ndarray | None = None, link_title: str | None = None) -> Figure:
    """See `network_diagram`. `link_values`: drawn on the links instead of the weights (e.g. dL/dw), named
    `link_title`. (The Playground's live diagram, which answers clicks, is `ui/diagram_canvas.py`.)"""
    feature_names = tuple(str(name) for name in feature_names)
    sizes = [len(feature_names)] + [layer.units for layer in model.layers]
    activations = tuple(layer.activation for layer in model.layers)
    n_cols = len(sizes)
    headings, heading_font = _layer_headings(n_cols, column_px)
    heading_lines = max(heading.count("\n") + 1 for heading in headings)
    layout = _layout(sizes, column_px, row_px, max_height, heading_lines)
    centres = layout.centres
    output_names = tuple(display_name(name) for name in output_names) if output_names is not None else tuple(
        str(i) for i in range(model.layers[-1].units))
    static = _diagram_static(tuple(sizes), activations, feature_names, output_names, column_px, row_px,
                             max_height, current_language())
    w = np.concatenate([np.asarray(layer.W, dtype=float).ravel() for layer in model.layers])
    if link_values is not None:
        w = np.asarray(link_values, dtype=float).ravel()  # another number per link (a gradient, a step)
    link_format = ".3f" if link_values is None else ".3g"  # gradients are often far below 0.001
    link_title = link_title or t("common.weights")
    bias = np.concatenate([np.full(sizes[0], np.nan)] + [np.asarray(layer.b, dtype=float) for layer in model.layers])
    links = {**static["links"], "w": w}
    if w.size > max_links:
        # Too many lines to read or to redraw live: the strongest weights tell the story.
        strongest = np.argpartition(-np.abs(w), max_links)[:max_links]
        links = {name: column[strongest] for name, column in links.items()}
        w = links["w"]
    frames = {
        "links": pd.DataFrame({**links, "abs_w": np.abs(w),
                               "sign": pd.Categorical.from_codes((w < 0).astype(np.int8), categories=["+", "-"])}),
        "nodes": pd.DataFrame({**static["nodes"], "bias": bias}),
    }
    fields = _node_fields(node_maps, sizes, centres, layout.node_px) if node_maps is not None else None
    has_maps = fields is not None
    map_columns = 0
    if has_maps:
        frames["fields"] = fields
        map_columns = next(np.asarray(m).shape[2] for m in node_maps if m is not None)
    structure = (tuple(sizes), activations, feature_names, output_names, column_px, row_px, max_height,
                 map_columns, link_title)

    def make(data_of):
        node_px = layout.node_px
        line_px = heading_font + 2
        titles = pd.DataFrame({
            "x": [float(c[0, 0]) for c in centres], "y": 2.0, "sub_y": 4.0 + heading_lines * line_px,
            "title": headings, "sub": [""] + list(activations),
        })
        x_scale = alt.Scale(domain=[0, layout.width], nice=False, zero=False)
        X = alt.X("x:Q", axis=None, scale=x_scale)
        y_scale = alt.Scale(domain=[0, layout.height], nice=False, zero=False, reverse=True)
        Y = alt.Y("y:Q", axis=None, scale=y_scale)
        layers = [alt.Chart(data_of("links")).mark_rule(opacity=0.8).encode(
            x=X, y=Y, x2="x2:Q", y2="y2:Q",
            color=alt.Color("sign:N", title=link_title,
                            scale=alt.Scale(domain=["+", "-"], range=[POSITIVE_COLOR, NEGATIVE_COLOR]),
                            # Under the plot, not inside it: inside, it covered the bottom input's label.
                            legend=alt.Legend(orient="bottom", direction="horizontal", symbolType="stroke",
                                              symbolStrokeWidth=4, offset=4)),
            strokeWidth=alt.StrokeWidth("abs_w:Q", legend=None, scale=alt.Scale(range=[0.3, 7], zero=True)),
            tooltip=[alt.Tooltip("link:N", title=" "), alt.Tooltip("w:Q", format=link_format, title=link_title)],
        )]
        if has_maps:
            layers.append(field_layer(data_of("fields"), map_columns, x_scale, y_scale, x_axis=None, y_axis=None))
        nodes = alt.Chart(data_of("nodes")).mark_square(
            size=node_px ** 2, filled=True, color="#FFFFFF", stroke="#444444", strokeWidth=1.3,
            fillOpacity=0.0 if has_maps else 1.0).encode(
            x=X, y=Y, tooltip=[alt.Tooltip("name:N", title=t("common.neuron")),
                               alt.Tooltip("activation:N", title=t("common.activation")),
                               alt.Tooltip("bias:Q", format=".3f", title=t("common.bias"))])
        layers.append(nodes)
        layers.append(alt.Chart(data_of("nodes")).transform_filter("datum.column == 0").mark_text(
            align="right", dx=-node_px / 2 - 5, fontSize=FONT_SIZE, fontWeight="bold").encode(
            x=X, y=Y, text="label:N"))
        layers.append(alt.Chart(data_of("nodes")).transform_filter(f"datum.column == {n_cols - 1}").mark_text(
            align="left", dx=node_px / 2 + 5, fontSize=FONT_SIZE, fontWeight="bold").encode(
            x=X, y=Y, text="label:N"))
        layers.append(alt.Chart(titles).mark_text(fontSize=heading_font, fontWeight="bold", baseline="top",
                                                  lineBreak="\n", lineHeight=line_px).encode(
            x=X, y=Y, text="title:N"))
        layers.append(alt.Chart(titles).mark_text(fontSize=FONT_SIZE - 2, color="#555555", baseline="top").encode(
            x=X, y=alt.Y("sub_y:Q", axis=None, scale=y_scale), text="sub:N"))
        chart = alt.layer(*layers).properties(width=layout.width, height=layout.height)
        return chart

    return Figure(("network_diagram", structure), frames, make)


def network_diagram(model, feature_names: Sequence[str], output_names: Sequence[str] | None = None, **options):
    """The network as TF Playground draws it: a column of nodes per layer (input, hidden 1..n, output), a link
    per weight: colour = sign, width = |w| relative to the largest; hover a link for its value, a node for its
    activation and bias.

    model: a built engine Sequential (reads each layer's W (n_in, units), b (units,), activation).
    node_maps: optional, per column (inputs first, then each Dense layer): None or (units, r, r), each node's
    output over the input plane (as `unit_maps` returns); each map is scaled by its own largest |value| and
    drawn inside its node (orange negative, blue positive). Beyond `max_links` weights only the largest |w| are
    drawn. link_values: optional, another number per link in the same order (the layers' W, row-major,
    concatenated; e.g. dL/dw), drawn instead of the weights, with `link_title` naming it in the legend.
    """
    return network_diagram_figure(model, feature_names, output_names, **options).chart()


@lru_cache(maxsize=16)
def _diagram_static(sizes: tuple, activations: tuple, feature_names: tuple, output_names: tuple, column_px: int,
                    row_px: int, max_height: int, language: str) -> dict:
    """The diagram's columns that depend only on its structure (positions, names), made once per structure:
    rebuilding hundreds of strings and coordinates at every tick would cost more than the rest of the diagram.
    Links are ordered as the concatenated row-major W of each layer."""
    n_cols = len(sizes)
    headings, _ = _layer_headings(n_cols, column_px)
    layout = _layout(sizes, column_px, row_px, max_height, max(heading.count("\n") + 1 for heading in headings))
    centres, half = layout.centres, layout.node_px / 2
    names = [[_node_name(col, i, feature_names, output_names, n_cols) for i in range(n)]
             for col, n in enumerate(sizes)]
    starts, ends, labels = [], [], []
    for k in range(n_cols - 1):
        src, dst = np.meshgrid(np.arange(sizes[k]), np.arange(sizes[k + 1]), indexing="ij")
        starts.append(centres[k][src.ravel()])
        ends.append(centres[k + 1][dst.ravel()])
        labels += [f"{names[k][i]} → {names[k + 1][j]}" for i, j in zip(src.ravel(), dst.ravel(), strict=True)]
    a, b = np.concatenate(starts), np.concatenate(ends)
    links = {"x": a[:, 0] + half, "y": a[:, 1], "x2": b[:, 0] - half, "y2": b[:, 1], "link": pd.Categorical(labels)}
    xy = np.concatenate(centres)
    column = np.concatenate([np.full(n, col) for col, n in enumerate(sizes)])
    label = _thinned(list(feature_names), layout.node_px) + [""] * sum(sizes[1:-1]) + _thinned(
        list(output_names), layout.node_px)
    nodes = {"x": xy[:, 0], "y": xy[:, 1], "label": pd.Categorical(label),
             "activation": pd.Categorical([""] * sizes[0] + [act for act, n in zip(activations, sizes[1:],
                                                                                    strict=True) for _ in range(n)]),
             "column": column, "unit": np.concatenate([np.arange(n) for n in sizes]),
             "name": pd.Categorical([name for col in names for name in col])}
    return {"links": links, "nodes": nodes}


def _thinned(labels: list[str], node_px: float) -> list[str]:
    """Every k-th label of a column whose nodes are too close for a line of text each (64 pixel inputs of the
    digits piled their labels on each other); the others blank (their names stay in the tooltips)."""
    every = max(1, int(np.ceil((FONT_SIZE + 2) / max(node_px / 0.74, 1e-9))))
    return [name if i % every == 0 else "" for i, name in enumerate(labels)]


def _node_name(col: int, index: int, feature_names, output_names, n_cols: int) -> str:
    if col == 0:
        return str(feature_names[index])
    if col == n_cols - 1:
        return f"{t('common.output_layer')}: {output_names[index]}"
    return f"{t('common.hidden_layer')} {col} #{index + 1}"


def node_map_colors(maps, output: bool) -> list[np.ndarray]:
    """One column's node maps (units, r, r) as colours, one (r, r, 3) in [0, 1] per unit (row 0 at the lowest x2).
    Each map is scaled by its own largest |value| onto orange (negative) .. blue (positive); `output` maps that
    are probabilities (all within [0, 1]) are drawn as the decision map draws them: one unit on the binary
    scale, several each in its class colour."""
    maps = np.asarray(maps, dtype=float)
    n = maps.shape[0]
    if output and maps.min() >= 0.0 and maps.max() <= 1.0:
        return [field_colors(maps[0], "binary")] if n == 1 else [
            field_colors(maps[i], "single", color=class_color(i)) for i in range(n)]
    scale = np.abs(maps).reshape(n, -1).max(axis=1)
    normalised = maps / np.where(scale > 0, scale, 1.0)[:, None, None]
    return list(field_colors(normalised, "regression", value_domain=(-1.0, 1.0)))  # one call for the column


def _node_fields(node_maps, sizes, centres, node_px: float) -> pd.DataFrame | None:
    """Each node's map as `field_rows` inside its box (diagram pixels, y down), all nodes in one frame; None
    if no column has maps. Each map is scaled by its own largest |value| onto orange (negative) .. blue
    (positive); output maps that are probabilities (all within [0, 1]) are drawn as the decision map draws
    them: one unit on the binary scale, several each in its class colour."""
    half = node_px / 2
    parts = []
    for col in range(len(sizes)):
        maps = node_maps[col] if col < len(node_maps) else None
        if maps is None:
            continue
        colors = node_map_colors(maps, output=col == len(sizes) - 1)
        for (cx, cy), rgb in zip(centres[col], colors, strict=True):
            parts.append(field_columns(rgb, (cx - half, cx + half), (cy + half, cy - half), split_rows=False))
    if not parts:
        return None
    columns = {name: np.concatenate([part[name] for part in parts]) for name in ("x0", "x1", "y0", "y1")}
    return pd.DataFrame({**columns, "colors": [row for part in parts for row in part["colors"]]})
