"""English / Chinese text for every label. English is the default; the choice lives in the URL (`?lang=zh`).

`t("common.loss")` returns the text in the current language; `t("x.y", n=3)` formats `{n}` placeholders.
"""

import importlib
import pkgutil

import streamlit as st

import ui.strings

LANGUAGES = {"en": "English", "zh": "中文"}
LANG_KEY = "lang"


def _load_strings() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(ui.strings.__path__):
        module = importlib.import_module(f"ui.strings.{info.name}")
        for key, pair in module.STRINGS.items():
            if key in merged:
                raise KeyError(f"text key {key!r} defined twice (in ui/strings/{info.name}.py)")
            merged[key] = pair
    return merged


STRINGS = _load_strings()


def current_language() -> str:
    lang = st.session_state.get(LANG_KEY, "en")
    return lang if lang in LANGUAGES else "en"


def t(key: str, **fmt) -> str:
    """The text for `key` in the current language (the key itself if it is missing, so a gap shows)."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if current_language() == "zh" else pair[0]
    return text.format(**fmt) if fmt else text
