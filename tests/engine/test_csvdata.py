from pathlib import Path

import numpy as np
import pytest

from engine.csvdata import (
    MAX_BYTES,
    MAX_ROWS,
    CSVError,
    dataset_from_table,
    propose_problem,
    read_table,
    to_csv,
)
from engine.datasets import make_dataset

DATA = Path(__file__).parent.parent / "data"


def _read(name, **limits):
    return read_table((DATA / name).read_bytes(), **limits)


@pytest.mark.parametrize("name,code,words", [
    ("empty.csv", "empty", "empty"),
    ("blank_lines.csv", "empty", "empty"),
    ("spreadsheet_renamed.csv", "binary", "not a CSV"),
    ("header_only.csv", "no_rows", "no data rows"),
    ("no_numbers.csv", "no_numeric", "no numeric columns"),
    ("ragged.csv", "ragged", "Row 3 has 2 fields"),
    ("too_many_rows.csv", "too_many_rows", f"limit is {MAX_ROWS}"),
])
def test_each_bad_file_gets_its_message(name, code, words):
    with pytest.raises(CSVError, match=words) as caught:
        _read(name)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)


def test_a_file_over_the_byte_limit_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.csv"
    big.write_text("x,y\n" + "12345.6789,1\n" * (MAX_BYTES // 12 + 10))
    with pytest.raises(CSVError, match="limit is 2 MB") as caught:
        read_table(big.read_bytes())
    assert caught.value.code == "too_many_bytes"
    with pytest.raises(CSVError, match="MB"):
        _read("iris_text_labels.csv", max_bytes=1000)


def test_binary_junk_without_zero_bytes_is_not_a_csv():
    junk = bytes(range(1, 32)) * 40
    with pytest.raises(CSVError) as caught:
        read_table(junk)
    assert caught.value.code == "binary"


@pytest.mark.parametrize("name,column,code,words", [
    ("missing_values.csv", "x2", "missing_value", "missing value .* data row 2 .*2 in all"),
    ("text_in_feature.csv", "x2", "text_in_column", "text in data row 3: 'n/a'"),
])
def test_nan_or_text_in_a_chosen_feature(name, column, code, words):
    table = _read(name)
    with pytest.raises(CSVError, match=words) as caught:
        dataset_from_table(table, ["x1", column], ["label"], "binary")
    assert caught.value.code == code and caught.value.params["column"] == column
    # The same file is fine when the bad column is not chosen.
    ds = dataset_from_table(table, ["x1"], ["label"], "binary")
    assert ds.X.shape == (4, 1)


def test_a_single_class_is_refused():
    table = _read("single_class.csv")
    for problem in ("binary", "multiclass"):
        with pytest.raises(CSVError, match="single class") as caught:
            dataset_from_table(table, ["x1", "x2"], ["label"], problem)
        assert caught.value.code == "single_class"


def test_more_than_50_classes_is_refused_but_works_as_regression():
    table = _read("many_classes.csv")
    assert propose_problem(table.column_cells("customer_id")) == "regression"
    with pytest.raises(CSVError, match="60 different values") as caught:
        dataset_from_table(table, ["x1", "x2"], ["customer_id"], "multiclass")
    assert caught.value.code == "too_many_classes"
    ds = dataset_from_table(table, ["x1", "x2"], ["customer_id"], "regression")
    assert ds.y.shape == (120,)


def test_choice_errors():
    table = _read("multilabel.csv")
    with pytest.raises(CSVError, match="at least one feature") as caught:
        dataset_from_table(table, [], ["car"], "binary")
    assert caught.value.code == "no_features"
    with pytest.raises(CSVError, match="'car' is the target") as caught:
        dataset_from_table(table, ["x1", "car"], ["car"], "binary")
    assert caught.value.code == "target_is_feature"
    with pytest.raises(CSVError) as caught:
        dataset_from_table(table, ["x1"], [], "binary")
    assert caught.value.code == "no_target"
    with pytest.raises(CSVError, match="two or more"):
        dataset_from_table(table, ["x1", "x2"], ["car"], "multilabel")
    with pytest.raises(CSVError, match="only 0 and 1"):
        dataset_from_table(table, ["car"], ["x1", "x2"], "multilabel")
    with pytest.raises(CSVError, match="no column named"):
        dataset_from_table(table, ["x9"], ["car"], "binary")
    with pytest.raises(CSVError, match="binary needs exactly two"):
        dataset_from_table(_read("iris_text_labels.csv"), ["sepal_length"], ["species"], "binary")


def test_iris_with_text_labels():
    table = _read("iris_text_labels.csv")
    assert table.has_header and table.delimiter == ","
    assert table.numeric_columns == ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    assert propose_problem(table.column_cells("species")) == "multiclass"
    ds = dataset_from_table(table, table.numeric_columns, ["species"], "multiclass")
    assert ds.X.shape == (150, 4) and ds.y.shape == (150,)
    assert ds.target_names == ["setosa", "versicolor", "virginica"]
    assert ds.class_counts().tolist() == [50, 50, 50]
    assert ds.needs_scaling and ds.name == "upload"
    np.testing.assert_allclose(ds.X[0], [5.1, 3.5, 1.4, 0.2])


def test_semicolons_with_decimal_commas():
    table = _read("semicolon_decimal_comma.csv")
    assert table.delimiter == ";" and table.columns == ["temperatur", "dauer", "gut"]
    np.testing.assert_allclose(table.column_values("temperatur"), [200.5, 160.0, 230.2, 280.9])
    assert propose_problem(table.column_cells("gut")) == "binary"
    ds = dataset_from_table(table, ["temperatur", "dauer"], ["gut"], "binary")
    assert ds.y.tolist() == [1, 0, 1, 0]


def test_tabs_without_a_header():
    table = _read("tab_no_header.tsv")
    assert table.delimiter == "\t" and not table.has_header
    assert table.columns == ["column 1", "column 2", "column 3"] and table.n_rows == 4
    ds = dataset_from_table(table, ["column 1", "column 2"], ["column 3"], "binary")
    assert ds.X.shape == (4, 2) and ds.y.tolist() == [0, 1, 1, 0]


def test_multilabel_file():
    table = _read("multilabel.csv")
    assert propose_problem(table.numbers[:, 2:]) == "multilabel"
    ds = dataset_from_table(table, ["x1", "x2"], ["car", "bus", "pedestrian"], "multilabel")
    assert ds.y.shape == (4, 3) and ds.target_names == ["car", "bus", "pedestrian"]
    assert ds.y[0].tolist() == [1, 0, 1] and not ds.needs_scaling


def test_chinese_header_with_bom_and_text_classes():
    table = _read("chinese_bom.csv")
    assert table.columns == ["价格", "运费", "畅销"]
    ds = dataset_from_table(table, ["价格", "运费"], ["畅销"], propose_problem(table.column_cells("畅销")))
    assert ds.problem == "binary" and ds.target_names == ["否", "是"]
    assert ds.y.tolist() == [1, 0, 1, 0, 1]


def test_quoted_header_with_a_comma_and_regression():
    table = _read("house_prices.csv")
    assert table.columns == ["area, m2", "age", "price"]
    assert propose_problem(table.column_cells("price")) == "regression"
    ds = dataset_from_table(table, ["area, m2", "age"], ["price"], "regression")
    np.testing.assert_allclose(ds.y, [1.2, 3.1, 2.0, 4.4, 0.4])
    assert ds.target_names == ["price"] and ds.needs_scaling


def test_propose_problem():
    assert propose_problem([0, 1, 1, 0]) == "binary"
    assert propose_problem(["yes", "no", "yes"]) == "binary"
    assert propose_problem([1, 2, 3, 1]) == "multiclass"
    assert propose_problem(["cat", "dog", "bird"]) == "multiclass"
    assert propose_problem([0.5, 1.7, 2.2, 3.9]) == "regression"
    assert propose_problem(list(range(30))) == "regression"
    assert propose_problem(np.zeros((5, 3))) == "multilabel"


def test_numeric_labels_sort_as_numbers():
    table = read_table("x,label\n1,10\n2,2\n3,1.0\n4,1\n")
    ds = dataset_from_table(table, ["x"], ["label"], "multiclass")
    assert ds.target_names == ["1", "2", "10"]  # "1" and "1.0" are one class
    assert ds.y.tolist() == [2, 1, 0, 0]


@pytest.mark.parametrize("key", ["spiral", "blobs", "multilabel", "house_price", "tshirt_demand", "digits"])
def test_to_csv_reads_back_to_the_same_data(key):
    ds = make_dataset(key, n_points=120, seed=2)
    table = read_table(to_csv(ds))
    targets = table.columns[ds.n_features:]
    back = dataset_from_table(table, table.columns[:ds.n_features], targets, ds.problem)
    np.testing.assert_array_equal(back.X, ds.X)
    np.testing.assert_array_equal(back.y, ds.y)
    assert back.feature_names == ds.feature_names


def test_an_infinite_value_is_reported_as_infinite_not_missing():
    table = _read("infinite_values.csv")
    assert "x2" in table.numeric_columns  # a number, only infinite: it is offered, then explained
    with pytest.raises(CSVError, match="infinite value in data row 3: 'inf' .*2 in all") as caught:
        dataset_from_table(table, ["x1", "x2"], ["label"], "binary")
    assert caught.value.code == "infinite_value"
    assert caught.value.params == {"column": "x2", "row": 3, "value": "inf", "count": 2}
    assert "missing" not in str(caught.value)
    # A number beyond float64 is infinite too, and so is an infinite regression target.
    table = read_table("x,y\n1,2\n2,1e999\n3,4\n")
    with pytest.raises(CSVError) as caught:
        dataset_from_table(table, ["x"], ["y"], "regression")
    assert caught.value.code == "infinite_value" and caught.value.params["row"] == 2


def test_values_whose_squares_overflow_are_refused_with_advice_to_rescale():
    table = _read("values_near_1e300.csv")
    assert table.numeric_columns == ["size", "price"]
    with pytest.raises(CSVError, match="overflow when squared.*Rescale") as caught:
        dataset_from_table(table, ["size"], ["price"], "regression")
    assert caught.value.code == "too_large_value"
    assert caught.value.params == {"column": "size", "row": 1, "value": "1.2e300", "count": 4, "limit": 1e150}
    # The target is checked too: feature scaling would survive 1e100, the squared error of 1e300 would not.
    table = read_table("x,y\n1,1e300\n2,3\n3,5\n")
    with pytest.raises(CSVError) as caught:
        dataset_from_table(table, ["x"], ["y"], "regression")
    assert caught.value.code == "too_large_value" and caught.value.params["column"] == "y"
    # Just below the limit the data are used, and scaling them works.
    from engine.preprocessing import Normalization
    table = read_table("x,y\n1e149,1\n-1e149,2\n5e148,3\n")
    ds = dataset_from_table(table, ["x"], ["y"], "regression")
    norm = Normalization()
    norm.adapt(ds.X)
    assert np.isfinite(norm(ds.X)).all() and ds.needs_scaling


@pytest.mark.parametrize("size", [140_000, 1_500_000])
def test_a_very_large_cell_is_read_not_a_traceback(size):
    """One long notes cell (a realistic 140 kB, or 1.5 MB) is over the csv module's default field limit."""
    text = "x,notes,label\n1,short,0\n2," + "lorem ipsum " * (size // 12) + ",1\n3,,0\n"
    table = read_table(text)
    assert table.columns == ["x", "notes", "label"] and table.n_rows == 3
    assert len(table.cells[1][1]) >= size - 12
    assert table.numeric_columns == ["x", "label"]
    assert dataset_from_table(table, ["x"], ["label"], "binary").n_examples == 3


def test_a_csv_module_error_becomes_a_csv_error():
    """The field limit is raised only to the byte cap: a read allowed more bytes can still meet it."""
    text = "x,notes\n1,a\n2," + "z" * (MAX_BYTES + 10) + "\n"
    with pytest.raises(CSVError, match="Line 3 cannot be read as CSV") as caught:
        read_table(text, max_bytes=2 * MAX_BYTES)
    assert caught.value.code == "unreadable" and caught.value.params["row"] == 3
    assert "field larger than field limit" in caught.value.params["reason"]


def test_random_text_gives_a_table_or_a_csv_error_never_another_exception():
    """Fuzz: short texts from the characters that matter to the reader and the number parser."""
    rng = np.random.default_rng(0)
    alphabet = list(',;\t"\n\r 0123456789.-+eEinfaIN_x\x00\x01\xff\u00e9') + ["inf", "nan", "1e999", '""', "\r\n"]
    outcomes = {"table": 0, "error": 0}
    for _ in range(3000):
        text = "".join(rng.choice(alphabet, rng.integers(0, 60)))
        data = text.encode("utf-8") if rng.random() < 0.5 else text.encode("latin-1", "replace")
        try:
            table = read_table(data)
        except CSVError:
            outcomes["error"] += 1
            continue
        outcomes["table"] += 1
        columns = table.columns
        try:
            propose_problem(table.column_cells(columns[-1]))
            for problem in ("binary", "multiclass", "regression", "multilabel"):
                try:
                    dataset_from_table(table, columns[:1], columns[1:] if problem == "multilabel" else
                                       columns[-1:], problem)
                except CSVError:
                    pass
        except CSVError:
            pass
    assert outcomes["table"] > 100 and outcomes["error"] > 100
