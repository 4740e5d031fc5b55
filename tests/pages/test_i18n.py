"""The string tables: every language a subset of English with the same placeholders, English fallback, and a
third language picked up from one more package."""

import ast
import importlib
import sys
from pathlib import Path

import pytest

import ui.i18n
import ui.strings
from ui.i18n import DEFAULT, LANGUAGES, STRINGS, TABLES, load_tables, placeholders, translate

STRINGS_DIR = Path(ui.strings.__file__).parent
OTHERS = [lang for lang in LANGUAGES if lang != DEFAULT]


def test_english_comes_first_and_chinese_is_there():
    assert list(LANGUAGES)[:2] == ["en", "zh"]
    assert LANGUAGES["zh"] == "中文"
    assert STRINGS is TABLES["en"] and len(STRINGS) > 600


@pytest.mark.parametrize("lang", OTHERS)
def test_a_language_has_no_key_that_english_lacks(lang):
    assert set(TABLES[lang]) <= set(STRINGS), sorted(set(TABLES[lang]) - set(STRINGS))


@pytest.mark.parametrize("lang", OTHERS)
def test_a_translation_has_the_placeholders_of_its_english(lang):
    wrong = {key: (placeholders(STRINGS[key]), placeholders(text)) for key, text in TABLES[lang].items()
             if key in STRINGS and placeholders(text) != placeholders(STRINGS[key])}
    assert not wrong


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_text_is_a_non_empty_string(lang):
    assert all(isinstance(text, str) and text.strip() for text in TABLES[lang].values())


def test_every_area_module_of_a_language_has_an_english_one():
    areas = {path.stem for path in (STRINGS_DIR / "en").glob("*.py")} - {"__init__"}
    for lang in OTHERS:
        extra = {path.stem for path in (STRINGS_DIR / lang).glob("*.py")} - {"__init__"} - areas
        assert not extra, (lang, extra)


def _literal_keys(path: Path) -> list[str]:
    """The keys of a module's STRINGS dict as written, duplicates included (a dict literal keeps the last)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    table = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                 and node.targets[0].id == "STRINGS")
    return [ast.literal_eval(key) for key in table.keys]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_no_key_is_written_twice_within_a_language(lang):
    keys = [key for path in sorted((STRINGS_DIR / lang).glob("*.py")) if path.stem != "__init__"
            for key in _literal_keys(path)]
    assert len(keys) == len(set(keys)), sorted({key for key in keys if keys.count(key) > 1})
    assert len(keys) == len(TABLES[lang])


def test_a_key_missing_in_a_language_falls_back_to_english(monkeypatch):
    monkeypatch.delitem(TABLES["zh"], "common.loss")
    assert translate("common.loss", "zh") == "loss"
    assert translate("common.accuracy", "zh") == "准确率"
    monkeypatch.setattr(ui.i18n, "current_language", lambda: "zh")
    assert ui.i18n.t("common.loss") == "loss"
    assert ui.i18n.t("home.notes_section", section="§1") == "讲义：§1"


def test_an_unknown_key_or_language_shows_the_key_or_english():
    assert translate("no.such.key", "zh") == "no.such.key"
    assert translate("common.loss", "xx") == "loss"
    assert translate("charts.probability_of", "en", name="A") == "P(A)"


def _write_package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def third_language(tmp_path, monkeypatch):
    """A made-up language "xx" with one area file, added to ui.strings' search path."""
    _write_package(tmp_path, {
        "xx/__init__.py": 'NAME = "Xx-lang"\n',
        "xx/common.py": 'STRINGS = {"common.loss": "xx-loss", "common.epoch": "xx-epoch"}\n',
    })
    monkeypatch.setattr(ui.strings, "__path__", [*ui.strings.__path__, str(tmp_path)])
    yield
    for name in [name for name in sys.modules if name.startswith("ui.strings.xx")]:
        del sys.modules[name]


def test_a_third_language_is_one_more_package_and_falls_back_to_english(third_language, monkeypatch):
    names, tables = load_tables()
    assert list(names) == ["en", "xx", "zh"] and names["xx"] == "Xx-lang"
    assert tables["xx"] == {"common.loss": "xx-loss", "common.epoch": "xx-epoch"}
    monkeypatch.setattr(ui.i18n, "LANGUAGES", names)
    monkeypatch.setattr(ui.i18n, "TABLES", tables)
    assert translate("common.loss", "xx") == "xx-loss"
    assert translate("common.accuracy", "xx") == "accuracy"  # no xx text: English
    monkeypatch.setattr(ui.i18n, "current_language", lambda: "xx")
    assert ui.i18n.t("common.epoch") == "xx-epoch"
    assert ui.i18n.t("home.notes_section", section="§2") == "Notes: §2"


def _strings_package(tmp_path, monkeypatch, name: str, modules: dict[str, str]):
    """A strings package `name` with an English package holding a.py, plus `modules` (path -> source)."""
    _write_package(tmp_path, {f"{name}/__init__.py": "", f"{name}/en/__init__.py": 'NAME = "English"\n',
                              f"{name}/en/a.py": 'STRINGS = {"a.x": "one"}\n',
                              **{f"{name}/{path}": text for path, text in modules.items()}})
    monkeypatch.syspath_prepend(str(tmp_path))
    return importlib.import_module(name)


def test_a_key_in_two_area_modules_of_one_language_is_refused(tmp_path, monkeypatch):
    package = _strings_package(tmp_path, monkeypatch, "dupstrings", {"en/b.py": 'STRINGS = {"a.x": "two"}\n'})
    with pytest.raises(KeyError, match="'a.x' defined twice"):
        load_tables(package)


def test_an_old_format_area_module_is_refused_not_skipped(tmp_path, monkeypatch):
    package = _strings_package(tmp_path, monkeypatch, "oldstrings", {"b.py": 'STRINGS = {"b.x": ("one", "一")}\n'})
    with pytest.raises(ImportError, match="oldstrings.b is not a language package"):
        load_tables(package)


def _coded(error):
    """The error with the `code`/`params` the engine gives TrainingDiverged (set here if this engine lacks them)."""
    if not hasattr(error, "code"):
        lr = error.learning_rate
        error.code = f"diverged_{error.reason}"
        error.params = {"epoch": error.epoch, "step": error.step, "loss": error.loss, "learning_rate": lr,
                        "suggested_learning_rate": lr / 10 if lr else None}
    return error


DIVERGED = [dict(epoch=3, loss=float("inf"), learning_rate=0.5, step=2, reason="loss"),
            dict(epoch=7, loss=1e300, learning_rate=None, reason="loss"),
            dict(epoch=2, loss=float("nan"), learning_rate=0.03, step=5, reason="weights"),
            dict(epoch=4, loss=float("nan"), learning_rate=0.0, reason="weights"),
            dict(epoch=1, loss=float("inf"), learning_rate=0.01, step=1, reason="inputs")]


@pytest.mark.parametrize("args", DIVERGED)
def test_training_diverged_reads_exactly_like_the_engine_in_english(args):
    from engine import TrainingDiverged

    error = _coded(TrainingDiverged(**args))
    assert f"engine.{error.code}" in STRINGS
    assert ui.i18n.error_text(error, "engine", "en") == str(error)


@pytest.mark.parametrize("args", DIVERGED)
def test_training_diverged_is_translated_with_its_numbers(args):
    from engine import TrainingDiverged

    text = ui.i18n.error_text(_coded(TrainingDiverged(**args)), "engine", "zh")
    assert "训练发散" in text and "Training" not in text and "{" not in text
    assert f"第 {args['epoch']} 个 epoch" in text
    assert ("epoch 的第" in text) == bool(args.get("step"))
    if args.get("step"):
        assert f"第 {args['step']} 步" in text
    if args["reason"] == "inputs":
        assert "Normalization" in text
    elif args["learning_rate"]:
        assert f"学习率（{args['learning_rate']:g}）" in text and f"{args['learning_rate'] / 10:g}" in text
    else:
        assert "试试更低的学习率" in text


def test_error_text_uses_the_current_language_and_csv_codes(monkeypatch):
    from engine.csvdata import CSVError

    assert "data.csv_error.empty" in STRINGS
    error = CSVError("empty", "The file is empty.")
    monkeypatch.setattr(ui.i18n, "current_language", lambda: "zh")
    assert ui.i18n.error_text(error, "data.csv_error") == TABLES["zh"]["data.csv_error.empty"]
    assert ui.i18n.error_text(error, "data.csv_error", "en") == STRINGS["data.csv_error.empty"]


def test_error_text_falls_back_to_the_engines_own_message():
    class Coded(ValueError):
        def __init__(self, code, params):
            super().__init__("engine words")
            self.code, self.params = code, params

    assert ui.i18n.error_text(ValueError("plain"), "engine", "zh") == "plain"  # no code
    assert ui.i18n.error_text(Coded("no_such_code", {}), "engine", "zh") == "engine words"  # no text for it
    # Params that do not fit the text (a missing placeholder) give the engine's message, not a traceback.
    assert ui.i18n.error_text(Coded("where_step", {"epoch": 1}), "engine", "zh") == "engine words"
    assert ui.i18n.error_text(Coded("where_step", {"epoch": 1, "step": 2}), "engine", "zh") == "第 1 个 epoch 的第 2 步"


def test_every_data_set_and_csv_error_code_has_its_text_in_every_language():
    import re
    from pathlib import Path

    from engine.datasets import DATASETS
    from ui.i18n import TABLES

    codes = set(re.findall(r'CSVError\(\s*"([a-z_]+)"', Path("engine/csvdata.py").read_text(encoding="utf-8")))
    assert len(codes) > 10
    keys = [f"data.{kind}.{name}" for name in [*DATASETS, "upload"] for kind in ("set", "desc")]
    keys += [f"data.csv_error.{code}" for code in sorted(codes)]
    for lang, table in TABLES.items():
        missing = [key for key in keys if key not in table]
        assert not missing, f"{lang}: no text for {missing}"
