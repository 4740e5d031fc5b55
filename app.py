"""Home page: what the playground is and where to start (a card for every page in pages/ that exists)."""

import streamlit as st

from ui.i18n import STRINGS, t
from ui.pages import ROOT, page_files, page_name
from ui.setup import setup_page

setup_page("common.app_title")
st.markdown(f"#### {t('home.intro')}")

st.header(t("home.start_here"))
st.markdown(t("home.start_hint"))

PAGE_ICONS = {
    "Playground": "🧪", "One_Neuron": "⚪", "Demand_Case_Study": "👕", "Forward_Pass": "➡️",
    "Activations": "📈", "Softmax": "🎲", "Multi_Label": "🏷️", "Optimizers": "🏁", "Digits": "🔢",
}

# Two cards a row: on a projector a row stays readable from the back of the room.
pages = page_files()
for row_start in range(0, len(pages), 2):
    for column, path in zip(st.columns(2), pages[row_start:row_start + 2], strict=False):
        name = page_name(path)
        key = f"home.page.{name}"
        # A page that has no card text yet still gets a working link, named after its file.
        label = t(f"{key}.name") if f"{key}.name" in STRINGS else name.replace("_", " ")
        with column.container(border=True, key=f"home_card_{name}"):
            st.page_link(str(path.relative_to(ROOT)), label=f"**{label}**", icon=PAGE_ICONS.get(name, "📄"))
            st.markdown(t(f"{key}.what") if f"{key}.what" in STRINGS else t("home.page_missing_text"))
            if f"{key}.notes" in STRINGS:
                st.caption(t("home.notes_section", section=t(f"{key}.notes")))

st.divider()
st.caption(t("home.footer"))
