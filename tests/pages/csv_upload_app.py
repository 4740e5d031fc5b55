"""Fixture script for tests/pages/test_data_widgets.py: the shared data widgets on an otherwise empty page."""

import streamlit as st

from engine.datasets import make_dataset
from ui.data_widgets import csv_upload, data_summary, dataset_download_button

# What a calling page owns; csv_upload must never touch it.
st.session_state.setdefault("caller_dataset", "the page's current data")

ds = csv_upload("own", confirm=st.session_state.get("confirm", False))
if ds is None:
    st.text("RESULT: none")
else:
    st.text(f"RESULT: {ds.problem} X{ds.X.shape} y{ds.y.shape} targets={ds.target_names}")
    st.session_state["caller_dataset"] = ds
    data_summary(ds)
    dataset_download_button(ds, key="download_upload")

shown = make_dataset(st.session_state.get("summary_key", "blobs"), n_points=40, seed=0)
with st.container(key="summary"):
    data_summary(shown)
