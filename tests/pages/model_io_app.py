"""Fixture page for tests/pages/test_model_io.py: a small trained model and the model file panel.

A model uploaded through the panel replaces the page's model, as the Playground does.
"""

import numpy as np
import streamlit as st

from engine import Adam, Dense, Sequential
from ui.model_io import model_io_panel
from ui.setup import setup_page

setup_page("model_io.title")

if "model" not in st.session_state:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 2))
    model = Sequential([Dense(4, activation="tanh"), Dense(1, activation="sigmoid")], seed=0)
    model.compile(optimizer=Adam(0.05), loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(X, (X[:, 0] * X[:, 1] > 0).astype(int), epochs=5)
    st.session_state["model"] = None if st.session_state.get("start_without_model") else model
    st.session_state["adopted"] = 0

loaded = model_io_panel(st.session_state["model"], key="fixture", metadata={"dataset": "xor"},
                        feature_names=["x1", "x2"],
                        class_names=st.session_state.get("fixture_class_names", ["orange", "blue"]))
if loaded is not None:
    st.session_state["model"] = loaded
    st.session_state["adopted"] += 1
