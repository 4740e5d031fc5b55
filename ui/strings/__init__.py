"""Translated UI text: one subpackage per language, one module per page or area in each.

    ui/strings/en/<area>.py    STRINGS = {"area.key": "English text", ...}   (every key; the fallback)
    ui/strings/zh/<area>.py    STRINGS = {"area.key": "中文文本", ...}         (the same keys, or some of them)

Keys are prefixed with the module's area so modules never collide; `ui.i18n` merges each language's modules.
A language package's `__init__` names it (`NAME = "中文"`); adding a language is one such package.
"""
