"""Text for every label in each language under ui/strings/ (English the default and the fallback).

The choice lives in the URL (`?lang=zh`). `t("common.loss")` returns the text in the current language;
`t("x.y", n=3)` formats `{n}` placeholders; `error_text` translates an engine error that carries a code.
"""

import importlib
import pkgutil
import re
import string

import streamlit as st

import ui.strings

DEFAULT = "en"
LANG_KEY = "lang"


def _load_language(package: str) -> tuple[str, dict[str, str]]:
    """(display name, {key: text}) of one language package, merging its area modules."""
    lang = importlib.import_module(package)
    merged: dict[str, str] = {}
    for info in pkgutil.iter_modules(lang.__path__):
        module = importlib.import_module(f"{package}.{info.name}")
        for key, text in module.STRINGS.items():
            if key in merged:
                raise KeyError(f"text key {key!r} defined twice (again in {package}.{info.name})")
            merged[key] = text
    return lang.NAME, merged


def load_tables(root=ui.strings) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """({code: display name}, {code: {key: text}}) for every language subpackage of `root`, English first."""
    names: dict[str, str] = {}
    tables: dict[str, dict[str, str]] = {}
    found = sorted(pkgutil.iter_modules(root.__path__), key=lambda info: (info.name != DEFAULT, info.name))
    for info in found:
        if not info.ispkg:
            # An area module in the old one-file {key: (en, zh)} format would otherwise be silently skipped.
            raise ImportError(f"{root.__name__}.{info.name} is not a language package: its STRINGS belong in "
                              f"{root.__name__}/<lang>/{info.name}.py")
        names[info.name], tables[info.name] = _load_language(f"{root.__name__}.{info.name}")
    return names, tables


LANGUAGES, TABLES = load_tables()
# Every key (other languages hold the same keys or fewer), for `key in STRINGS` checks.
STRINGS = TABLES[DEFAULT]


def current_language() -> str:
    lang = st.session_state.get(LANG_KEY, DEFAULT)
    return lang if lang in LANGUAGES else DEFAULT


def translate(key: str, lang: str, **fmt) -> str:
    """The text for `key` in `lang`, else in English, else the key itself (so a gap shows)."""
    text = TABLES.get(lang, {}).get(key)
    if text is None:
        text = STRINGS.get(key)
        if text is None:
            return key
    return text.format(**fmt) if fmt else text


def t(key: str, **fmt) -> str:
    """The text for `key` in the current language (English if it lacks one, the key itself if none has it)."""
    return translate(key, current_language(), **fmt)


def placeholders(text: str) -> set[str]:
    """The field names of the `{placeholders}` in a text ("{lr:g}" -> "lr")."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _diverged_parts(code: str, params: dict, lang: str) -> dict[str, str]:
    """{where} and {advice} of a TrainingDiverged text: parts that depend on which params are None."""
    where = translate("engine.where_step" if params.get("step") else "engine.where_epoch", lang, **params)
    if code == "diverged_inputs":
        advice = translate("engine.advice_inputs", lang)
    elif params.get("learning_rate"):
        advice = translate("engine.advice_learning_rate", lang, **params)
    else:
        advice = translate("engine.advice_lower_learning_rate", lang)
    return {"where": where, "advice": advice}


# Codes whose text has parts composed from the params, by the prefix their keys live under.
_COMPOSED = {("engine", code): _diverged_parts for code in ("diverged_loss", "diverged_weights", "diverged_inputs")}


def error_text(error: BaseException, prefix: str, lang: str | None = None) -> str:
    """The error in `lang` (default: the current language) when it carries `code` and `params` and
    `<prefix>.<code>` has text; else its own (English) message. E.g. `error_text(err, "engine")`."""
    code, params = getattr(error, "code", None), getattr(error, "params", None)
    key = f"{prefix}.{code}"
    if not isinstance(code, str) or not isinstance(params, dict) or key not in STRINGS:
        return str(error)
    lang = lang or current_language()
    compose = _COMPOSED.get((prefix, code))
    fmt = {**params, **compose(code, params, lang)} if compose else params
    try:
        return translate(key, lang, **fmt)
    except (KeyError, IndexError, ValueError):  # params that do not fit the text: the engine's words beat none
        return str(error)


# Characters Markdown (and Streamlit's :color[...] / :icon: directives) act on mid-line.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#!|~$:])")


def plain(text: str) -> str:
    """Text shown literally inside Streamlit elements that render Markdown (st.error, st.caption, ...): a file
    or column named `![x](http://...)` or `**big**` is printed as typed, never as an image, link or bold."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)
