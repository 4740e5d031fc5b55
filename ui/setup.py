"""The one call at the top of every page (Streamlit's `pages/` mode runs a deep-linked page without app.py)."""

import streamlit as st

from ui.i18n import LANG_KEY, LANGUAGES, t
from ui.pages import sidebar_nav


def _sync_language_with_url() -> None:
    if LANG_KEY not in st.session_state:
        requested = st.query_params.get(LANG_KEY, "en")
        st.session_state[LANG_KEY] = requested if requested in LANGUAGES else "en"
    # A widget's own key is dropped when the user switches pages, so the choice lives in a plain key
    # and the widget is re-seeded from it on every page.
    st.session_state["_lang_switch"] = st.session_state[LANG_KEY]
    st.sidebar.segmented_control(
        "Language / 语言",
        options=list(LANGUAGES),
        format_func=LANGUAGES.get,
        required=True,
        key="_lang_switch",
        on_change=lambda: st.session_state.update({LANG_KEY: st.session_state["_lang_switch"]}),
    )
    # English is the default, so it stays out of the URL.
    if st.session_state[LANG_KEY] == "en":
        st.query_params.pop(LANG_KEY, None)
    else:
        st.query_params[LANG_KEY] = st.session_state[LANG_KEY]


# Live figures still built at a fixed size and scaled down to their column: the Compare page's one chart (two
# maps, two diagrams, both runs' curves) and the Playground's remaining Vega charts (the map of multi-label and
# one-input data, the per-class maps row); its diagram, map, curves and bars are canvases sized from their column. Every lesson chart takes its column's width instead
# (ui.chart_style CONTAINER), since a scaled chart shows its tooltips beside the marks; the Playground's curves and
# bars are a canvas sized from its column (ui/curves_canvas.py), as is its map (ui/map_canvas.py).
_SCALED = (".st-key-cmp_live", ".st-key-pg_map_vega", ".st-key-pg_charts")
_FIT_CHARTS_CSS = ("<style>" + ", ".join(f"{key} .vega-embed" for key in _SCALED) + " { max-width: 100%; }\n"
                   + ", ".join(f"{key} .vega-embed canvas, {key} .vega-embed svg.marks" for key in _SCALED)
                   + " { max-width: 100% !important; height: auto !important; }</style>")


def setup_page(title_key: str, icon: str = "🧠") -> None:
    """The language switch (kept in the URL as `?lang=zh`), page config, and the page title."""
    # The switch comes first so that every text below, the tab title included, is in its language.
    nav = st.sidebar.container()  # the page links, drawn above the switch once the language is known
    _sync_language_with_url()
    sidebar_nav(nav)
    st.set_page_config(page_title=t(title_key), page_icon=icon, layout="wide")
    st.html(_FIT_CHARTS_CSS)
    st.title(t(title_key))
