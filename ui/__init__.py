"""Streamlit-side pieces shared by every page: setup, language, chart builders, widgets."""
