"""Shared widgets: live charts, the network builder and the training controls.

`live_chart(figure)` draws a `ui.charts.Figure` so that a chart redrawn every training tick keeps its Vega view:
the spec is built once per structure and language (kept in st.session_state), each tick only ships the data.
"""

import streamlit as st

from ui.charts import Figure
from ui.i18n import current_language

_SPEC_CACHE_KEY = "_live_chart_specs"
_SPEC_CACHE_SIZE = 64


def live_chart(figure: Figure) -> None:
    """Draw `figure` (from a `ui.charts.*_figure` builder); cheap to call many times a second."""
    cache = st.session_state.setdefault(_SPEC_CACHE_KEY, {})
    cache_key = (figure.key, current_language())
    spec = cache.get(cache_key)
    if spec is None:
        if len(cache) >= _SPEC_CACHE_SIZE:
            cache.clear()
        spec = cache[cache_key] = figure.spec()
    # Constant inline data (titles, labels) is already in the spec's datasets; the frames are the live data.
    st.vega_lite_chart(spec={**spec, "datasets": {**spec.get("datasets", {}), **figure.frames}},
                       width="content")
