"""AppTest of the shared data widgets through a tiny fixture script (csv_upload_app.py)."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from engine.csvdata import MAX_BYTES
from engine.datasets import Dataset

SCRIPT = str(Path(__file__).parent / "csv_upload_app.py")
DATA = Path(__file__).parent.parent / "data"


def _app(lang="en", **state) -> AppTest:
    at = AppTest.from_file(SCRIPT, default_timeout=30)
    at.session_state["lang"] = lang
    for name, value in state.items():
        at.session_state[name] = value
    return at.run()


def _result(at) -> str:
    return next(el.value for el in at.text if el.value.startswith("RESULT"))


def _widget(widgets, prefix: str):
    return next(w for w in widgets if w.key.startswith(prefix))


def _paste(at, text: str):
    at.text_area(key="own.paste").set_value(text).run()
    assert not at.exception
    return at


def test_nothing_pasted_shows_the_limits_and_returns_none():
    at = _app()
    assert not at.exception and not at.error
    assert _result(at) == "RESULT: none"
    assert any("2 MB and 20000 rows" in c.value for c in at.caption)
    assert at.info  # how to start


def test_a_bad_paste_shows_an_error_returns_none_and_keeps_the_callers_data():
    at = _app()
    for bad, words in [
        ("name,colour\nalice,red\nbob,blue\n", "no numeric columns"),
        ("x1,x2,label\n1,2,0\n3,4\n", "Row 3 has 2 fields"),
        ((DATA / "single_class.csv").read_text(), "single class"),
        ((DATA / "text_in_feature.csv").read_text(), "text in data row 3"),
        ((DATA / "missing_values.csv").read_text(), "missing value"),
        ((DATA / "many_classes.csv").read_text().replace("customer_id", "label"), None),
    ]:
        before = at.session_state["caller_dataset"]
        _paste(at, bad)
        if words is None:  # 60 integer classes: proposed as regression, so no error until forced
            assert _result(at).startswith("RESULT: regression")
            before = at.session_state["caller_dataset"]
            assert before.problem == "regression"
            _widget(at.selectbox, "own.problem").set_value("multiclass").run()
            words = "60 different values"
        assert at.error, bad
        assert words in at.error[0].value
        assert _result(at) == "RESULT: none"
        assert at.session_state["caller_dataset"] is before


def test_a_good_paste_returns_a_dataset_with_shapes_shown():
    at = _app()
    _paste(at, (DATA / "iris_text_labels.csv").read_text())
    assert not at.error
    assert _result(at) == "RESULT: multiclass X(150, 4) y(150,) targets=['setosa', 'versicolor', 'virginica']"
    ds = at.session_state["caller_dataset"]
    assert isinstance(ds, Dataset) and ds.class_counts().tolist() == [50, 50, 50]
    assert any("X: (150, 4)" in c.value and "y: (150,)" in c.value for c in at.caption)
    assert at.dataframe  # the table's head


def test_pickers_and_problem_override():
    at = _app()
    _paste(at, (DATA / "multilabel.csv").read_text())
    assert _result(at).startswith("RESULT: binary")  # the last column alone, 0/1
    targets = _widget(at.multiselect, "own.targets")
    features = _widget(at.multiselect, "own.features")
    assert features.value == ["x1", "x2", "car", "bus"]
    # The target also chosen as a feature: a clear error.
    targets.set_value(["bus", "pedestrian"]).run()
    assert "'bus' is the target" in at.error[0].value and _result(at) == "RESULT: none"
    features = _widget(at.multiselect, "own.features")
    features.set_value(["x1", "x2"]).run()
    assert _result(at) == "RESULT: multilabel X(4, 2) y(4, 2) targets=['bus', 'pedestrian']"
    features = _widget(at.multiselect, "own.features")
    features.set_value([]).run()
    assert "at least one feature" in at.error[0].value


def test_confirm_returns_the_data_only_when_clicked():
    at = _app(confirm=True)
    _paste(at, (DATA / "house_prices.csv").read_text())
    assert _result(at) == "RESULT: none" and not at.error
    at.button(key="own.use").click().run()
    assert _result(at).startswith("RESULT: regression X(5, 2)")


def test_summary_shows_class_counts_and_regression_range():
    at = _app()
    assert any("X: `(40, 2)`" in m.value for m in at.markdown)
    counts = at.dataframe[0].value
    assert list(counts.iloc[:, 1]) == [10, 10, 10, 10]
    at = _app(summary_key="house_price")
    assert any("Target from" in c.value for c in at.caption)


def test_chinese_errors_and_labels():
    at = _app(lang="zh")
    assert any("最多 2 MB" in c.value for c in at.caption)
    _paste(at, "name,colour\nalice,red\n")
    assert "没有数值列" in at.error[0].value
    _paste(at, (DATA / "single_class.csv").read_text())
    assert "只有一个类别" in at.error[0].value


def test_columns_that_are_not_all_numbers_are_named_and_left_out_by_default():
    at = _app()
    _paste(at, (DATA / "text_in_feature.csv").read_text())
    assert any("not chosen as features: x2" in c.value for c in at.caption)
    assert _result(at) == "RESULT: binary X(4, 1) y(4,) targets=['0', '1']"


def test_markdown_in_column_names_is_shown_as_typed_never_as_a_link():
    at = _app()
    _paste(at, "[click](http://evil.example),x1,y\na,1,0\nb,2,1\nc,3,0\nd,4,1\n")
    caption = next(c.value for c in at.caption if "not chosen as features" in c.value)
    # Escaped for Markdown: the brackets and the colon show as typed, so no link is rendered.
    assert r"\[click\]\(http\://evil.example\)" in caption
    _paste(at, "x1,y\n1,0\ninf,1\n3,0\n")
    assert any("infinite" in e.value for e in at.error), [e.value for e in at.error]


def test_a_file_past_the_limit_is_refused_in_the_page_with_its_size_not_only_on_hover():
    at = _app()
    uploader = at.file_uploader(key="own.file")
    # The browser lets it through (its own refusal would say why only in a tooltip) ...
    assert uploader.proto.max_upload_size_mb * 1e6 > 3 * MAX_BYTES
    big = b"x1,x2,y\n" + b"1.0,2.0,0\n" * (int(1.5 * MAX_BYTES) // 10)
    uploader.upload("big.csv", big, "text/csv").run()
    assert not at.exception
    # ... and the page says why, in words, with both numbers.
    assert len(at.error) == 1 and "the limit is 2 MB" in at.error[0].value and "3.0 MB" in at.error[0].value
    assert _result(at) == "RESULT: none"
