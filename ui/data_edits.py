"""The learner's own edits to a generated 2-D training set: points added by a click, points removed by a click.

Edits are a JSON-able list applied in order to the generated training set (st.session_state["pg.edits"]; issue 16
saves it as is): `{"op": "add", "x": [x1, x2], "y": <class index or value>}` or
`{"op": "remove", "index": <row in the training set as edited so far>}`. Everything here is pure: arrays in,
arrays out, no Streamlit. A malformed edit (a forged link, an old save) is skipped, never raised.
"""

import math

import numpy as np

EDITS_KEY = "pg.edits"


def _valid_add(edit: dict, problem: str, n_classes: int) -> tuple[list[float], float] | None:
    x, y = edit.get("x"), edit.get("y")
    if not isinstance(x, list | tuple) or len(x) != 2 or isinstance(y, bool):
        return None
    try:
        point = [float(v) for v in x]
        value = float(y)
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in [*point, value]):
        return None
    if problem != "regression" and (value != int(value) or not 0 <= value < n_classes):
        return None
    return point, value


def apply_edits(X: np.ndarray, y: np.ndarray, edits, problem: str, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """The training set (X (n, 2), y (n,)) with `edits` applied in order; malformed edits skipped.

    >>> X, y = apply_edits(np.zeros((2, 2)), np.array([0, 1]), [{"op": "add", "x": [1, 2], "y": 1},
    ...                    {"op": "remove", "index": 0}], "binary", 2)
    >>> X.tolist(), y.tolist()
    ([[0.0, 0.0], [1.0, 2.0]], [1, 1])
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if not isinstance(edits, list):
        return X, y
    rows, values = list(X), list(y)
    for edit in edits:
        if not isinstance(edit, dict):
            continue
        if edit.get("op") == "add":
            valid = _valid_add(edit, problem, n_classes)
            if valid is not None:
                rows.append(np.array(valid[0]))
                values.append(valid[1] if problem == "regression" else int(valid[1]))
        elif edit.get("op") == "remove":
            index = edit.get("index")
            if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(rows) and len(rows) > 1:
                del rows[index], values[index]
    X_out = np.vstack(rows) if rows else np.zeros((0, X.shape[1]))
    return X_out, np.asarray(values, dtype=y.dtype if problem != "regression" else float)


def nearest(X: np.ndarray, point, scale=(1.0, 1.0)) -> tuple[int, float]:
    """(row of X nearest to `point`, its distance), distances measured with each axis divided by `scale`
    (the map's extent), so "near" means near on screen. (-1, inf) for an empty X."""
    X = np.asarray(X, dtype=float)
    if X.shape[0] == 0:
        return -1, math.inf
    d = np.hypot((X[:, 0] - point[0]) / scale[0], (X[:, 1] - point[1]) / scale[1])
    i = int(np.argmin(d))
    return i, float(d[i])


def click_edit(X: np.ndarray, point, value, scale, radius: float = 0.02) -> dict:
    """The edit a click at `point` makes: remove the training point within `radius` (a fraction of the map's
    extent `scale`) of it, else add a point of class/value `value` there."""
    i, distance = nearest(X, point, scale)
    if i >= 0 and distance <= radius:
        return {"op": "remove", "index": i}
    return {"op": "add", "x": [float(point[0]), float(point[1])], "y": value}


def to_csv(X: np.ndarray, y: np.ndarray, feature_names, target_name: str) -> str:
    """The (edited) training set as CSV text: the features' columns then the target's."""
    header = ",".join([*map(str, feature_names), str(target_name)])
    lines = [header] + [",".join([f"{a:.6g}", f"{b:.6g}", f"{v:.6g}" if isinstance(v, float) else str(v)])
                        for (a, b), v in zip(X.tolist(), y.tolist(), strict=True)]
    return "\n".join(lines) + "\n"
