"""The Playground under the hand: a click on the map picks the nearest point or (in edit mode) adds/removes one;
the drawn data's panel (class of new points, undo, back to the generated set, CSV); a weight or a bias set by
hand on the running model.

Session state: "pg.pick" = ("train" | "test", row) the picked point; "pg.edit_mode" bool; "pg.edits" (see
`ui.data_edits`); "pg.selected_neuron" = (layer, unit) or None (read by the explain panel, issue 14).
"""

import numpy as np
import streamlit as st

from ui import data_edits
from ui import playground as pg
from ui.diagram_canvas import event as diagram_event
from ui.i18n import t
from ui.map_canvas import clicked

PICK_KEY, MODE_KEY, NEURON_KEY = "pg.pick", "pg.edit_mode", "pg.selected_neuron"
VIEW_KEY = "pg_view"  # the live view (ui.live_canvas): one component answers map clicks and diagram edits
EDITED_KEY = "pg.edited"


def current_pick(data: "pg.DataBundle") -> tuple[str, int]:
    """The picked point, kept inside the current sets (an edit may have removed its row)."""
    which, index = st.session_state.get(PICK_KEY) or ("test", 0)
    split = data.train if which == "train" else data.test
    if split.n_examples == 0:
        which, split = "test", data.test
    return which, int(min(max(index, 0), split.n_examples - 1))


def nearest_point(data: "pg.DataBundle", point, show_test: bool = True) -> tuple[str, int]:
    """The training or (when shown) test point nearest to `point` on screen."""
    scale = (float(np.ptp(data.xs)) or 1.0, float(np.ptp(data.ys)) or 1.0)
    i, d_train = data_edits.nearest(data.train.X, point, scale)
    j, d_test = data_edits.nearest(data.test.X, point, scale) if show_test else (-1, np.inf)
    return ("test", j) if d_test <= d_train else ("train", i)


def new_point_value(data: "pg.DataBundle"):
    """The class (or regression value) a click adds, as chosen in the edit panel."""
    if data.ds.problem == "regression":
        return float(st.session_state.get("w.edit_value", float(np.median(data.ds.y))))
    return int(st.session_state.get("w.edit_class", 0) or 0)


def on_map_click() -> None:
    """The map's click callback: pick the nearest point, or in edit mode add/remove one."""
    point = clicked(VIEW_KEY)
    cached = st.session_state.get("pg.bundle")
    if point is None or cached is None:
        return
    data = cached[1]
    xy = (point["x"], point["y"])
    if st.session_state.get(MODE_KEY):
        scale = (float(np.ptp(data.xs)) or 1.0, float(np.ptp(data.ys)) or 1.0)
        edit = data_edits.click_edit(data.train.X, xy, new_point_value(data), scale)
        st.session_state[data_edits.EDITS_KEY] = [*pg.edits(), edit]
        st.session_state[EDITED_KEY] = True  # the live fragment then reruns the page (counts, download, undo)
        if edit["op"] == "add":
            st.session_state[PICK_KEY] = ("train", data.train.n_examples)  # the new row
    else:
        st.session_state[PICK_KEY] = nearest_point(data, xy, pg.current_config()["show_test"])


def _undo() -> None:
    st.session_state[data_edits.EDITS_KEY] = pg.edits()[:-1]


def _restore() -> None:
    st.session_state[data_edits.EDITS_KEY] = []


def edit_controls(data: "pg.DataBundle") -> None:
    """Beside Play: the edit-mode toggle and, while editing, the new points' class (or value), undo, restore."""
    editable = data.is_2d and data.ds.problem != "multilabel"
    st.toggle(t("pg.edit_mode"), key=MODE_KEY, help=t("pg.edit_mode_help") if editable else t("pg.edit_only_2d"),
              disabled=not editable)
    if not (editable and st.session_state.get(MODE_KEY)):
        return
    if data.ds.problem == "regression":
        st.number_input(t("pg.edit_value"), value=float(np.median(data.ds.y)), key="w.edit_value",
                        label_visibility="collapsed", width=110)
    else:
        from ui.chart_style import display_name

        names = list(data.ds.target_names)
        st.selectbox(t("pg.edit_class"), range(len(names)), format_func=lambda i: display_name(names[i]),
                     key="w.edit_class", label_visibility="collapsed", width=130)
    st.button(t("pg.edit_undo"), icon=":material/undo:", on_click=_undo, disabled=not pg.edits(), key="pg_undo")
    st.button(t("pg.edit_restore"), icon=":material/restart_alt:", on_click=_restore, disabled=not pg.edits(),
              key="pg_restore")


def edits_panel(data: "pg.DataBundle") -> None:
    """Below the live view, once the set is edited: how many edits, and the edited training set as CSV."""
    if not pg.edits() or not data.is_2d:
        return
    with st.container(horizontal=True, vertical_alignment="center", key="pg_edits"):
        st.caption(t("pg.edit_count", n=len(pg.edits()), rows=data.train.n_examples))
        st.download_button(t("pg.edit_download"), data_edits.to_csv(
            data.train.X, data.train.y, data.ds.feature_names, data.ds.target_names[0]
            if data.ds.problem == "regression" else "label"), file_name="training_set.csv", mime="text/csv",
            icon=":material/download:", key="pg_edits_csv")


# ----- a weight or a bias by hand ------------------------------------------------------------------------

def set_parameter(model, layer: int, name: str, index: tuple, value: float) -> None:
    """Set one weight (name "W", index (from, unit)) or bias ("b", (unit,)) of Dense layer `layer` of the running
    model (through set_weights, so every view of the parameters agrees); a non-finite value is ignored."""
    value = float(value)
    if not np.isfinite(value):
        return
    weights = model.get_weights()
    weights[2 * layer + (0 if name == "W" else 1)][index] = value
    model.set_weights(weights)


LINK_KEY = "pg.selected_link"  # (layer, from, unit) of the last link clicked on the diagram, outlined there


def on_diagram_event() -> None:
    """The diagram's callback (`ui.diagram_canvas`): a neuron clicked (its map replaces the decision map, the
    hand panel follows), a link clicked (outlined), or a weight or bias typed on the diagram, set on the running
    model at once. A malformed event or a value the model has no place for is
    ignored."""
    got = diagram_event(VIEW_KEY)
    model = st.session_state.get("pg.model")
    if got is None or model is None:
        return
    if "set" in got:
        layer, name, index, value = got["set"]
        if not 0 <= layer < len(model.layers):
            return
        shape = (model.layers[layer].W if name == "W" else model.layers[layer].b).shape
        if all(0 <= i < n for i, n in zip(index, shape, strict=True)):
            set_parameter(model, layer, name, index, value)
            st.session_state[EDITED_KEY] = True  # the hand panel (outside the live fragment) shows the value
        return
    if "link" in got:
        # Only outlined: the map keeps showing what it showed (the fragment alone redraws).
        layer, src, dst = got["link"]
        if 0 <= layer < len(model.layers) and 0 <= src < model.layers[layer].W.shape[0] and (
                0 <= dst < model.layers[layer].units):
            st.session_state[LINK_KEY] = (layer, src, dst)
        return
    layer, unit = got["neuron"]
    if 0 <= layer < len(model.layers) and 0 <= unit < model.layers[layer].units:
        st.session_state[NEURON_KEY] = (layer, unit)
        st.session_state.pop("w.hand_neuron", None)  # the panel's picker follows the click
        st.session_state[EDITED_KEY] = True  # the hand panel is outside the live fragment: the page reruns


def _neurons(model) -> list:
    return [None] + [(layer, unit) for layer, dense in enumerate(model.layers) for unit in range(dense.units)]


def _set_bias() -> None:
    model, neuron = st.session_state.get("pg.model"), st.session_state.get(NEURON_KEY)
    if model is not None and neuron is not None:
        set_parameter(model, neuron[0], "b", (neuron[1],), st.session_state["w.hand_bias"])


def _set_weight() -> None:
    model, neuron = st.session_state.get("pg.model"), st.session_state.get(NEURON_KEY)
    source = st.session_state.get("w.hand_from")
    if model is not None and neuron is not None and source is not None:
        set_parameter(model, neuron[0], "W", (source, neuron[1]), st.session_state["w.hand_weight"])


def _neuron_chosen() -> None:
    st.session_state[NEURON_KEY] = st.session_state["w.hand_neuron"]


def hand_panel(model, feature_names) -> None:
    """Pick a neuron (its output replaces the decision map), then type its bias or one incoming weight."""
    neurons = _neurons(model)
    chosen = st.session_state.get(NEURON_KEY)
    if chosen is not None and tuple(chosen) not in neurons:
        st.session_state[NEURON_KEY] = chosen = None
    chosen = None if chosen is None else tuple(chosen)
    # The shared key leads (a diagram click or the explain panel's picker may have changed it since).
    st.session_state["w.hand_neuron"] = chosen
    with st.container(horizontal=True, vertical_alignment="bottom", key="pg_hand"):
        picked = st.selectbox(
            t("pg.hand_neuron"), neurons, key="w.hand_neuron", width=200, on_change=_neuron_chosen,
            format_func=lambda n: t("pg.hand_none") if n is None else t(
                "pg.hand_neuron_name", layer=n[0] + 1, unit=n[1] + 1), help=t("pg.hand_help"))
        st.session_state[NEURON_KEY] = picked
        if picked is None:
            return
        dense = model.layers[picked[0]]
        st.session_state["w.hand_bias"] = float(dense.b[picked[1]])
        st.number_input(t("pg.hand_bias"), key="w.hand_bias", on_change=_set_bias, format="%.4f", step=0.1,
                        width=150)
        sources = list(range(dense.W.shape[0]))
        names = feature_names if picked[0] == 0 else [
            t("pg.hand_neuron_name", layer=picked[0], unit=i + 1) for i in sources]
        source = st.selectbox(t("pg.hand_weight_from"), sources, key="w.hand_from", width=180,
                              format_func=lambda i: str(names[i]) if i < len(names) else str(i))
        st.session_state["w.hand_weight"] = float(dense.W[source, picked[1]])
        st.number_input(t("pg.hand_weight"), key="w.hand_weight", on_change=_set_weight, format="%.4f", step=0.1,
                        width=150)
