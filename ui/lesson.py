"""Pieces every lesson page shares."""

import streamlit as st

from ui.i18n import current_language, t
from ui.state import query_for

PLAYGROUND_PAGE = "pages/1_Playground.py"


def open_in_playground(**config) -> None:
    """A link to the Playground that carries this lesson's configuration (ui.state field name -> value)."""
    query = query_for(config)
    if current_language() != "en":
        query["lang"] = current_language()
    st.page_link(PLAYGROUND_PAGE, label=t("common.open_in_playground"), icon="🧪", query_params=query)
