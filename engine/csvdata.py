"""A user's own table (an uploaded CSV or a pasted table) read, checked, and turned into a `Dataset`.

>>> table = read_table("size,rooms,price\\n50,2,1.5\\n80,3,2.4\\n65,2,1.9\\n")
>>> ds = dataset_from_table(table, ["size", "rooms"], ["price"], propose_problem(table.column_cells("price")))
>>> ds.X.shape, ds.y.shape, ds.problem
((3, 2), (3,), 'regression')
>>> try:
...     dataset_from_table(table, ["size", "price"], ["price"], "regression")
... except CSVError as error:
...     print(error.code, error.params)
target_is_feature {'column': 'price'}

Reading: UTF-8 (with or without BOM), falling back to GB18030; the delimiter is whichever of `,` `;` tab
splits every line into the same number (>1) of fields; the first row is a header when none of its cells is a
number (else columns are named "column 1", ...). With `;` or tab as delimiter a decimal comma ("1,5") is read
as a decimal point. Empty cells and "nan" are missing values; "inf" (or a number too large for a float) is an
infinite value, reported as such when its column is chosen.

Every problem raises `CSVError` (a ValueError) with a plain English message, plus `code` and `params` so a
page can show the message in its own language (ui/strings/data.py has a text per code).
"""

import csv
import io
from dataclasses import dataclass

import numpy as np

from engine.datasets import Dataset

MAX_BYTES = 2_000_000  # 2 MB
MAX_ROWS = 20_000  # data rows, header not counted
MAX_COLUMNS = 1_000
MAX_CLASSES = 50
MIN_ROWS = 2
# Above this size a number's square, summed over up to MAX_ROWS rows (the variance in feature scaling, the
# squared error of a regression), overflows float64: sqrt(1.8e308 / 20 000) is about 9.5e151.
MAX_MAGNITUDE = 1e150
DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
PROBLEMS = ("binary", "multiclass", "multilabel", "regression")

# The csv module refuses a field longer than its limit (131 072 characters by default) with csv.Error. A notes
# column of that size is ordinary data, and no field can be longer than the whole input, which read_table caps
# at MAX_BYTES; so the limit is raised to that cap (it is process-wide: only ever raised, never lowered).
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))


class CSVError(ValueError):
    """A table that cannot be used, with a plain message; `code` and `params` let the UI translate it."""

    def __init__(self, code: str, message: str, **params):
        super().__init__(message)
        self.code, self.params = code, params


@dataclass
class Table:
    """A parsed table: `columns` names, `cells` rows of stripped strings, `numbers` (n_rows, n_cols) float64.

    `numbers` holds each cell's value (±inf for "inf" or a number beyond float64), NaN where the cell is empty,
    "nan", or text; `is_text` marks the cells that hold text that is not a number.
    """

    columns: list[str]
    cells: list[list[str]]
    numbers: np.ndarray
    is_text: np.ndarray
    has_header: bool
    delimiter: str

    @property
    def n_rows(self) -> int:
        return len(self.cells)

    @property
    def numeric_columns(self) -> list[str]:
        """Columns whose every non-empty cell is a number (at least one of them)."""
        has_number = np.isfinite(self.numbers).any(axis=0)
        return [c for j, c in enumerate(self.columns) if has_number[j] and not self.is_text[:, j].any()]

    def index(self, column: str) -> int:
        if column not in self.columns:
            raise CSVError("unknown_column", f"There is no column named {column!r}.", column=column)
        return self.columns.index(column)

    def column_cells(self, column: str) -> list[str]:
        j = self.index(column)
        return [row[j] for row in self.cells]

    def column_values(self, column: str) -> np.ndarray:
        """(n_rows,) float64, NaN where a cell is missing or text, ±inf where it is infinite."""
        return self.numbers[:, self.index(column)]

    def head(self, n: int = 5) -> list[list[str]]:
        return self.cells[:n]


def _to_text(data: bytes | str, max_bytes: int) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > max_bytes:
        raise CSVError("too_many_bytes",
                       f"The file is {len(raw) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:g} MB.",
                       size_mb=round(len(raw) / 1e6, 1), limit_mb=max_bytes / 1e6)
    if not raw.strip():
        raise CSVError("empty", "The file is empty.")
    if b"\x00" in raw:
        raise CSVError("binary", "This is not a CSV file: it contains binary data (is it a spreadsheet or an "
                                 "image? Save it as CSV first).")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise CSVError("binary", "This is not a CSV file: it is not readable text.")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    if controls > max(2, len(text) // 200):
        raise CSVError("binary", "This is not a CSV file: it contains binary data (is it a spreadsheet or an "
                                 "image? Save it as CSV first).")
    return text


def _split(lines: list[str], delimiter: str) -> list[list[str]]:
    """The lines split into stripped cells; any csv.Error becomes a CSVError naming the line."""
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        return [[cell.strip() for cell in row] for row in reader]
    except csv.Error as error:
        raise CSVError("unreadable", f"Line {reader.line_num} cannot be read as CSV ({error}).",
                       row=reader.line_num, reason=str(error)) from error


def _detect_delimiter(lines: list[str]) -> str | None:
    """The delimiter that splits the first lines into one equal count > 1 of fields (most fields wins)."""
    sample = lines[:50]
    best, best_count = None, 1
    for delimiter in DELIMITERS:
        counts = {len(row) for row in _split(sample, delimiter)}
        if len(counts) == 1 and (count := counts.pop()) > best_count:
            best, best_count = delimiter, count
    return best


def _parse_number(cell: str, decimal_comma: bool) -> float | None:
    """The cell's number (±inf for "inf" or beyond float64), NaN for an empty/"nan" cell, None for text."""
    if cell == "":
        return np.nan
    if decimal_comma and cell.count(",") == 1 and "." not in cell:
        cell = cell.replace(",", ".")
    try:
        value = float(cell)
    except ValueError:
        return None
    # float() accepts "1_000"; a table cell with that is not a plain number.
    if "_" in cell:
        return None
    return value


def read_table(data: bytes | str, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS) -> Table:
    """Parse CSV text or bytes (delimiter , ; or tab, optional header) into a Table, or raise CSVError."""
    text = _to_text(data, max_bytes)
    lines = [line for line in text.splitlines() if line.strip()]
    delimiter = _detect_delimiter(lines) or ","
    rows = _split(lines, delimiter)
    width = len(rows[0])
    if width > MAX_COLUMNS:
        raise CSVError("too_many_columns", f"The table has {width} columns; the limit is {MAX_COLUMNS}.",
                       n=width, limit=MAX_COLUMNS)
    for line_no, row in enumerate(rows[1:], start=2):
        if len(row) != width:
            raise CSVError("ragged", f"Row {line_no} has {len(row)} fields but the first row has {width} "
                                     f"(the table is split by {DELIMITER_NAMES[delimiter]}s).",
                           row=line_no, found=len(row), expected=width)
    decimal_comma = delimiter != ","
    has_header = all(_parse_number(cell, decimal_comma) is None for cell in rows[0] if cell != "") and any(
        cell != "" for cell in rows[0])
    if has_header and len(rows) > 1:
        columns = _unique_names(rows[0])
        body = rows[1:]
    elif has_header:
        raise CSVError("no_rows", "The table has a header row but no data rows.")
    else:
        columns = [f"column {j + 1}" for j in range(width)]
        body = rows
    if len(body) > max_rows:
        raise CSVError("too_many_rows", f"The table has {len(body)} rows; the limit is {max_rows}.",
                       n=len(body), limit=max_rows)
    numbers = np.full((len(body), width), np.nan)
    is_text = np.zeros((len(body), width), dtype=bool)
    for j in range(width):
        column = [row[j] for row in body]
        try:  # the fast path: a clean numeric column
            numbers[:, j] = np.array(column, dtype=np.float64)
            # An empty cell fails above; "nan" and "inf" read as they should. "1_000" is not a plain number.
            if any("_" in c for c in column):
                raise ValueError
        except ValueError:
            for i, cell in enumerate(column):
                value = _parse_number(cell, decimal_comma)
                if value is None:
                    is_text[i, j] = True
                else:
                    numbers[i, j] = value
    table = Table(columns, body, numbers, is_text, has_header, delimiter)
    if not table.numeric_columns and not np.isfinite(numbers).any():
        raise CSVError("no_numeric", "The table has no numeric columns: a network needs numbers as input.")
    return table


def _unique_names(header: list[str]) -> list[str]:
    names: list[str] = []
    for j, cell in enumerate(header):
        name = cell or f"column {j + 1}"
        base, k = name, 2
        while name in names:
            name, k = f"{base} ({k})", k + 1
        names.append(name)
    return names


def _distinct_labels(cells: list[str]) -> list[str]:
    """Distinct label texts, numbers in numeric order ("2" before "10"), else alphabetical."""
    distinct = set(cells)
    numeric = {c: _parse_number(c, False) for c in distinct}
    if all(v is not None and np.isfinite(v) for v in numeric.values()):
        # "1" and "1.0" are one class
        by_value: dict[float, str] = {}
        for c in sorted(distinct, key=lambda c: (numeric[c], c)):
            by_value.setdefault(numeric[c], c)
        return list(by_value.values())
    return sorted(distinct)


def propose_problem(target_column) -> str:
    """A problem type for a target: cells or values (n,) -> "binary" | "multiclass" | "regression";
    several columns (n, L), L > 1 -> "multilabel".

    Two distinct values -> binary; text, or up to 20 distinct whole numbers -> multiclass; else regression.
    """
    values = np.asarray(target_column, dtype=object)
    if values.ndim == 2:
        if values.shape[1] > 1:
            return "multilabel"
        values = values[:, 0]
    cells = [str(v).strip() for v in values if str(v).strip() not in ("", "nan", "NaN")]
    if not cells:
        return "regression"
    distinct = _distinct_labels(cells)
    parsed = [_parse_number(c, False) for c in distinct]
    if len(distinct) == 2:
        return "binary"
    if any(v is None for v in parsed):
        return "multiclass"
    if len(distinct) <= 20 and all(float(v).is_integer() for v in parsed):
        return "multiclass"
    return "regression"


def _numeric_column(table: Table, column: str, role: str) -> np.ndarray:
    """The column as finite float64 (n,), or CSVError naming the first text or missing cell (1-based data row)."""
    j = table.index(column)
    text_rows = np.flatnonzero(table.is_text[:, j])
    if text_rows.size:
        i = int(text_rows[0])
        raise CSVError("text_in_column",
                       f"Column {column!r} ({role}) has text in data row {i + 1}: {table.cells[i][j]!r}. "
                       f"It must hold numbers only.", column=column, row=i + 1, value=table.cells[i][j])
    values = table.numbers[:, j]
    missing = np.flatnonzero(np.isnan(values))
    if missing.size:
        i = int(missing[0])
        raise CSVError("missing_value",
                       f"Column {column!r} ({role}) has a missing value (empty or NaN) in data row {i + 1} "
                       f"({missing.size} in all). Fill or remove those rows.",
                       column=column, row=i + 1, count=int(missing.size))
    infinite = np.flatnonzero(np.isinf(values))
    if infinite.size:
        i = int(infinite[0])
        raise CSVError("infinite_value",
                       f"Column {column!r} ({role}) has an infinite value in data row {i + 1}: "
                       f"{table.cells[i][j]!r} ({infinite.size} in all). A network needs finite numbers: "
                       f"fix or remove those rows.",
                       column=column, row=i + 1, value=table.cells[i][j], count=int(infinite.size))
    too_large = np.flatnonzero(np.abs(values) > MAX_MAGNITUDE)
    if too_large.size:
        i = int(too_large[0])
        raise CSVError("too_large_value",
                       f"Column {column!r} ({role}) holds {table.cells[i][j]} in data row {i + 1} "
                       f"({too_large.size} such in all): numbers beyond {MAX_MAGNITUDE:g} overflow when squared "
                       f"(feature scaling and the squared error both square them). Rescale the column first, "
                       f"for example divide it by a power of ten.",
                       column=column, row=i + 1, value=table.cells[i][j], count=int(too_large.size),
                       limit=MAX_MAGNITUDE)
    return values


def dataset_from_table(table: Table, feature_columns, target_columns, problem: str) -> Dataset:
    """The Dataset for the chosen columns, or CSVError saying what is wrong with the choice or the data.

    Binary: two distinct target values -> 0/1 in numeric/alphabetical order (0/1 stay 0/1). Multiclass: 2..50
    distinct values (numbers or text) -> 0..K-1, names = the values. Multilabel: two or more 0/1 columns.
    Regression: one numeric column.
    """
    feature_columns, target_columns = list(feature_columns), list(target_columns)
    if problem not in PROBLEMS:
        raise CSVError("bad_problem", f"Unknown problem type {problem!r}.", problem=problem)
    if not feature_columns:
        raise CSVError("no_features", "Choose at least one feature column.")
    if not target_columns:
        raise CSVError("no_target", "Choose a target column.")
    for column in feature_columns + target_columns:
        table.index(column)
    overlap = [c for c in target_columns if c in feature_columns]
    if overlap:
        raise CSVError("target_is_feature",
                       f"Column {overlap[0]!r} is the target; it cannot also be a feature.", column=overlap[0])
    if table.n_rows < MIN_ROWS:
        raise CSVError("too_few_rows", f"The table needs at least {MIN_ROWS} data rows.", limit=MIN_ROWS)
    if problem != "multilabel" and len(target_columns) > 1:
        raise CSVError("one_target", f"A {problem} target is one column; several 0/1 columns are multi-label.",
                       problem=problem)
    X = np.column_stack([_numeric_column(table, c, "feature") for c in feature_columns])

    if problem == "regression":
        y = _numeric_column(table, target_columns[0], "target")
        target_names = [target_columns[0]]
    elif problem == "multilabel":
        if len(target_columns) < 2:
            raise CSVError("multilabel_columns", "A multi-label target needs two or more 0/1 columns "
                                                 "(with one column, choose binary).")
        y = np.column_stack([_numeric_column(table, c, "label") for c in target_columns])
        bad = [c for c, col in zip(target_columns, y.T, strict=True) if not np.isin(col, (0.0, 1.0)).all()]
        if bad:
            raise CSVError("not_binary_labels", f"Label column {bad[0]!r} must hold only 0 and 1.", column=bad[0])
        y = y.astype(np.int64)
        target_names = target_columns
    else:
        column = target_columns[0]
        cells = table.column_cells(column)
        missing = [i for i, c in enumerate(cells) if c == "" or c.lower() == "nan"]
        if missing:
            raise CSVError("missing_value",
                           f"Column {column!r} (target) has a missing value (empty or NaN) in data row "
                           f"{missing[0] + 1} ({len(missing)} in all). Fill or remove those rows.",
                           column=column, row=missing[0] + 1, count=len(missing))
        classes = _distinct_labels(cells)
        if len(classes) < 2:
            raise CSVError("single_class",
                           f"The target {column!r} has a single class ({classes[0]!r}): a classifier needs "
                           f"at least two.", column=column, value=classes[0])
        if len(classes) > MAX_CLASSES:
            raise CSVError("too_many_classes",
                           f"The target {column!r} has {len(classes)} different values: too many classes "
                           f"(at most {MAX_CLASSES}). Is it a regression target?",
                           column=column, n=len(classes), limit=MAX_CLASSES)
        if problem == "binary" and len(classes) > 2:
            raise CSVError("not_binary",
                           f"The target {column!r} has {len(classes)} classes; binary needs exactly two "
                           f"(choose multi-class).", column=column, n=len(classes))
        numeric = all(_parse_number(c, False) is not None for c in classes)
        key = (lambda c: float(c)) if numeric else (lambda c: c)
        index = {key(c): k for k, c in enumerate(classes)}
        y = np.array([index[key(c)] for c in cells], dtype=np.int64)
        target_names = classes

    return Dataset(
        X=X.astype(np.float64),
        y=y,
        problem=problem,
        feature_names=feature_columns,
        target_names=target_names,
        name="upload",
        needs_scaling=bool((np.abs(X).max(axis=0) > 6).any()),
    )


def _format(value) -> str:
    if isinstance(value, np.integer | int):
        return str(int(value))
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def to_csv(ds: Dataset) -> str:
    """The data set as CSV text: a header, then one row per example (features, then target column(s)).

    Binary/multiclass targets are written as class numbers 0..K-1 (names would sort differently when read
    back), so `dataset_from_table` reads the same y; multi-label writes one 0/1 column per label.
    """
    if ds.problem == "multilabel":
        targets = list(ds.target_names)
    elif ds.problem == "regression":
        targets = [ds.target_names[0] if ds.target_names else "target"]
    else:
        targets = ["target"]
    header = _unique_names([*ds.feature_names, *targets])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    y = ds.y if ds.y.ndim == 2 else ds.y[:, None]
    for features, target in zip(ds.X, y, strict=True):
        writer.writerow([_format(v) for v in features] + [_format(v) for v in target])
    return out.getvalue()
