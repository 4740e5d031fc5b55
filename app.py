"""Home page: what the playground is and where to start."""

import streamlit as st

from ui.i18n import t
from ui.setup import setup_page

setup_page("common.app_title")
st.write(t("home.intro"))
