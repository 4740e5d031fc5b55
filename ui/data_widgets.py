"""Shared data widgets: your own data (upload or paste), download as CSV, and a data summary.

They assume nothing about the page: every widget key starts with the caller's `key`, and they change no
session state but their own widgets' (plus one parsed-table cache under `<key>.table`).
"""

import hashlib

import numpy as np
import streamlit as st

from engine.csvdata import (
    MAX_BYTES,
    MAX_ROWS,
    CSVError,
    dataset_from_table,
    propose_problem,
    read_table,
    to_csv,
)
from engine.datasets import PROBLEMS, Dataset
from ui.chart_style import display_name
from ui.i18n import plain, t

AUTO = "auto"
HEAD_ROWS = 5


def dataset_label(key: str) -> str:
    """The data set's short name in the current language (`key` from engine.datasets.DATASETS, or "upload")."""
    return t(f"data.set.{key}")


def dataset_description(key: str) -> str:
    """One line on what the data set is, in the current language."""
    return t(f"data.desc.{key}")


def problem_label(problem: str) -> str:
    return t(f"data.problem.{problem}")


def csv_error_text(error: CSVError) -> str:
    """The error in the current language (the engine's English message if no translation exists)."""
    key = f"data.csv_error.{error.code}"
    text = t(key, **error.params)
    # Column names and values in the message come from the user's file: shown as typed.
    return plain(str(error) if text == key else text)


def _table(key: str, data: bytes | str):
    """The parsed table, kept in this user's session so a rerun does not parse the same bytes again."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    digest = hashlib.sha256(raw).hexdigest()
    cached = st.session_state.get(f"{key}.table")
    if cached is not None and cached[0] == digest:
        return cached[1]
    table = read_table(raw)
    st.session_state[f"{key}.table"] = (digest, table)
    return table


def _target_cells(table, targets: list[str]):
    if len(targets) == 1:
        return table.column_cells(targets[0])
    return table.numbers[:, [table.index(c) for c in targets]]


UPLOAD_CEILING_MB = max(1, round(5 * MAX_BYTES / 1e6))  # files up to 5x the limit get the in-page reason


def csv_upload(key: str, confirm: bool = False) -> Dataset | None:
    """A file uploader and a paste-a-table box, column pickers and a problem type (proposed, overridable).

    Returns the Dataset for a good table and choice; for a bad one shows `st.error` and returns None, touching
    nothing of the caller's. With `confirm=True` it returns the Dataset only in the run where the user clicks
    "Use this data" (so the caller replaces its data once, on purpose).
    """
    st.caption(t("data.limits", mb=MAX_BYTES / 1e6, rows=MAX_ROWS))
    # The uploader lets through files well past the limit, so a too-large file is refused in the page with its
    # size and the limit (the browser's own refusal shows its reason only on hover); beyond the ceiling it
    # still refuses them itself, so a huge file never reaches the server.
    uploaded = st.file_uploader(t("data.upload_file"), key=f"{key}.file", max_upload_size=UPLOAD_CEILING_MB)
    pasted = st.text_area(t("data.paste_table"), key=f"{key}.paste", height=120,
                          placeholder=t("data.paste_placeholder"))
    if uploaded is not None:
        data: bytes | str = uploaded.getvalue()
        if pasted and pasted.strip():
            st.caption(t("data.using_file", name=plain(uploaded.name)))
    elif pasted and pasted.strip():
        data = pasted
    else:
        st.info(t("data.no_input"))
        return None

    try:
        table = _table(key, data)
    except CSVError as error:
        st.error(csv_error_text(error))
        return None

    st.caption(t("data.table_read", rows=table.n_rows, cols=len(table.columns)))
    st.caption(t("data.head"))
    head = table.head(HEAD_ROWS)
    st.dataframe({name: [row[j] for row in head] for j, name in enumerate(table.columns)}, hide_index=True)

    numeric = table.numeric_columns
    default_target = table.columns[-1]
    # A table with other columns gets fresh pickers (old choices would not be among the new options).
    columns_id = hashlib.sha256("\x1f".join(table.columns).encode()).hexdigest()[:10]
    targets = st.multiselect(t("data.target_columns"), table.columns, default=[default_target],
                             key=f"{key}.targets.{columns_id}")
    features = st.multiselect(t("data.feature_columns"), table.columns,
                              default=[c for c in numeric if c != default_target],
                              key=f"{key}.features.{columns_id}")
    not_numeric = [c for c in table.columns if c not in numeric and c not in targets]
    if not_numeric:
        st.caption(t("data.not_numeric_columns", columns=plain(", ".join(not_numeric))))
    proposed = propose_problem(_target_cells(table, targets)) if targets else "binary"
    choice = st.selectbox(
        t("data.problem"), [AUTO, *PROBLEMS], key=f"{key}.problem.{columns_id}",
        format_func=lambda p: t("data.problem_auto", problem=problem_label(proposed)) if p == AUTO
        else problem_label(p),
    )
    problem = proposed if choice == AUTO else choice
    try:
        ds = dataset_from_table(table, features, targets, problem)
    except CSVError as error:
        st.error(csv_error_text(error))
        return None
    st.caption(t("data.shapes", x=ds.X.shape, y=ds.y.shape))
    if confirm and not st.button(t("data.use_data"), key=f"{key}.use", type="primary"):
        return None
    return ds


def dataset_download_button(ds: Dataset, key: str) -> None:
    """A button that downloads the data set as CSV (built only when clicked)."""
    st.download_button(t("data.download_csv"), data=lambda: to_csv(ds), file_name=f"{ds.name}.csv",
                       mime="text/csv", key=key, icon=":material/download:")


def data_summary(ds: Dataset, rows: int = HEAD_ROWS) -> None:
    """Shapes (notes §5: X is (n, d), rows = examples), examples per class or label, and the first rows."""
    st.markdown(t("data.shapes", x=f"`{ds.X.shape}`", y=f"`{ds.y.shape}`"))
    if ds.problem in ("binary", "multiclass", "multilabel"):
        counts = ds.class_counts()
        is_labels = ds.problem == "multilabel"
        st.caption(t("data.label_counts" if is_labels else "data.class_counts"))
        name_column = t("data.column.label" if is_labels else "data.column.class")
        st.dataframe({name_column: [display_name(n) for n in ds.target_names], t("data.column.count"): counts.tolist()},
                     hide_index=True)
    else:
        st.caption(t("data.target_range", low=float(ds.y.min()), high=float(ds.y.max()), mean=float(ds.y.mean())))
    table = {name: ds.X[:rows, j] for j, name in enumerate(ds.feature_names[:12])}
    if ds.problem == "multilabel":
        for j, name in enumerate(ds.target_names):
            table[f"y: {name}"] = ds.y[:rows, j]
    elif ds.problem == "regression":
        table[t("data.column.target")] = ds.y[:rows]
    else:
        # The stored label (0-based, as the CSV download has it) and the class's name as the learner reads it.
        table[t("data.column.target")] = [
            str(int(v)) if ds.target_names[int(v)] == str(int(v)) else f"{int(v)} ({display_name(ds.target_names[int(v)])})"
            for v in ds.y[:rows]
        ]
    st.dataframe({k: np.asarray(v).tolist() for k, v in table.items()}, hide_index=True)
