"""Pieces every lesson page shares."""

from urllib.parse import urlencode

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from ui.i18n import current_language, t
from ui.state import PLAYGROUND_PATH, query_for

PLAYGROUND_PAGE = "pages/1_Playground.py"
# A Material icon: an emoji (🧪) draws as an empty box in a browser without an emoji font.
PLAYGROUND_ICON = ":material/science:"


def open_in_playground(**config) -> None:
    """A link to the Playground that carries this lesson's configuration (ui.state field name -> value)."""
    query = query_for(config)
    if current_language() != "en":
        query["lang"] = current_language()
    try:
        st.page_link(PLAYGROUND_PAGE, label=t("common.open_in_playground"), icon=PLAYGROUND_ICON, query_params=query)
    except StreamlitPageNotFoundError:
        # A page run on its own (AppTest.from_file("pages/...")) has no page registry: link by URL instead.
        st.link_button(t("common.open_in_playground"), PLAYGROUND_PATH + "?" + urlencode(query), icon=PLAYGROUND_ICON)
