"""Home page: what the playground is and where to start (a card for every page in pages/ that exists)."""

import streamlit as st

from ui.i18n import STRINGS, t
from ui.pages import ROOT, page_files, page_icon, page_label, page_name
from ui.setup import setup_page

setup_page("common.app_title")
st.markdown(f"### {t('home.tagline')}")
st.markdown(t("home.intro"))

st.header(t("home.start_here"))
st.markdown(t("home.start_hint"))

# Three cards a row: the nine pages fit in three rows, each card still readable on a projector.
pages = page_files()
for row_start in range(0, len(pages), 3):
    for column, path in zip(st.columns(3), pages[row_start:row_start + 3], strict=False):
        name = page_name(path)
        key = f"home.page.{name}"
        # A page that has no card text yet still gets a working link, named after its file.
        label, icon = page_label(name), page_icon(name)
        with column.container(border=True, key=f"home_card_{name}"):
            st.subheader(f"{icon} {label}", anchor=False)
            st.markdown(t(f"{key}.what") if f"{key}.what" in STRINGS else t("home.page_missing_text"))
            if f"{key}.notes" in STRINGS:
                st.caption(t("home.notes_section", section=t(f"{key}.notes")))
            st.page_link(str(path.relative_to(ROOT)), label=t("home.open"), icon=":material/arrow_forward:")

st.divider()
st.caption(t("home.footer"))
