"""Helpers for AppTest checks of lesson pages: find a keyed container and read the data its charts draw."""

from pathlib import Path

import pandas as pd
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def page_app(page: str, lang: str | None = None, timeout: float = 60) -> AppTest:
    """An AppTest of `pages/N_Name.py` (path relative to the repo root), run once; `lang` as the URL sets it."""
    app = AppTest.from_file(str(ROOT / page), default_timeout=timeout)
    if lang is not None:
        app.query_params["lang"] = lang
    app.run()
    return app


def _walk(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _walk(child)


def keyed_block(at: AppTest, key: str):
    """The `st.container(key=key)` block of the last run (its element id ends with '-<key>')."""
    for node in _walk(at.main):
        if type(node).__name__ == "Block" and getattr(node.proto, "id", "").endswith("-" + key):
            return node
    raise AssertionError(f"no container with key {key!r} on the page")


def chart_frames(at: AppTest, key: str) -> list[pd.DataFrame]:
    """Every data set of every Altair chart inside the container `key`, as DataFrames."""
    frames = []
    for node in _walk(keyed_block(at, key)):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "datasets") and hasattr(proto, "spec"):
            frames += [convert_arrow_bytes_to_pandas_df(ds.data.data) for ds in proto.datasets]
    if not frames:
        raise AssertionError(f"no chart data inside container {key!r}")
    return frames


def map_fields(at: AppTest, key: str) -> list[list[str]]:
    """Every map drawn inside the container `key` (decision maps, probability maps, a diagram's neuron maps,
    as `ui.charts.field_rows` frames): per frame, its rows' colours."""
    return [list(frame["colors"]) for frame in chart_frames(at, key) if "colors" in frame.columns]


def field_of(values, kind: str = "binary", **options) -> list[str]:
    """The rows' colours `ui.charts` draws for a map of `values` (see `ui.charts.field_colors`)."""
    from ui.charts import field_colors, field_rows

    return list(field_rows(field_colors(values, kind, **options), (0.0, 1.0), (0.0, 1.0))["colors"])


def chart_specs(at: AppTest, key: str) -> str:
    """The Vega-Lite JSON specs (titles, axis names, colours) of the charts inside the container `key`, joined."""
    specs = [node.proto.spec for node in _walk(keyed_block(at, key))
             if getattr(node, "proto", None) is not None and hasattr(node.proto, "spec")]
    if not specs:
        raise AssertionError(f"no chart inside container {key!r}")
    return "\n".join(specs)


def metric_value(at: AppTest, label: str) -> str:
    for metric in at.metric:
        if metric.label == label:
            return metric.value
    raise AssertionError(f"no metric {label!r}; have {[m.label for m in at.metric]}")
