"""Shared widgets: live charts, widgets bound to Playground fields, and the network builder.

`live_chart(figure)` draws a `ui.charts.Figure` so that a chart redrawn every training tick keeps its Vega view:
the spec is built once per structure and language (kept in st.session_state), each tick only ships the data.
"""

import streamlit as st

from ui.figure import Figure
from ui.i18n import current_language, t
from ui.state import (
    FEATURE_NAMES,
    FIELDS_BY_NAME,
    MAX_HIDDEN_LAYERS,
    control_mode,
    current_config,
    session_key,
)

_SPEC_CACHE_KEY = "_live_chart_specs"
_SPEC_CACHE_SIZE = 64


def live_chart(figure: Figure, key: str | None = None) -> None:
    """Draw `figure` (from a `ui.charts.*_figure` builder or `combine`); cheap to call many times a second.

    `key` gives the chart a stable identity."""
    cache = st.session_state.setdefault(_SPEC_CACHE_KEY, {})
    cache_key = (figure.key, current_language())
    spec = cache.get(cache_key)
    if spec is None:
        if len(cache) >= _SPEC_CACHE_SIZE:
            cache.clear()
        spec = cache[cache_key] = figure.spec()
    # Constant inline data (titles, labels) is already in the spec's datasets; the frames are the live data.
    st.vega_lite_chart(spec={**spec, "datasets": {**spec.get("datasets", {}), **figure.frames}},
                       width="stretch" if spec.get("width") == "container" else "content", key=key)


# ----- widgets bound to a Playground field ------------------------------------------------------------------
# The field's value lives in st.session_state["pg.<name>"] (see ui.state); the widget has its own key "w.<name>",
# seeded from the field on every run and copied back on change. So the value survives page switches (Streamlit
# drops a widget's own key when a page stops drawing it) and the URL, the widgets and the model agree.

def _widget_key(name: str) -> str:
    return "w." + name


def _copy_back(name: str, convert=None) -> None:
    value = st.session_state[_widget_key(name)]
    st.session_state[session_key(name)] = convert(value) if convert else value


def bound(widget, name: str, label: str, convert=None, **kwargs):
    """Draw `widget` (st.selectbox, st.slider, ...) for Playground field `name`; returns the widget's value.
    A control hidden by a class link is not drawn; a locked one is drawn disabled (ui.state.control_mode)."""
    mode = control_mode(name)
    if mode == "hidden":
        return st.session_state[session_key(name)]
    if mode == "locked":
        kwargs["disabled"] = True
    key = _widget_key(name)
    value = st.session_state[session_key(name)]
    st.session_state[key] = list(value) if isinstance(value, tuple) else value
    return widget(label, key=key, on_change=_copy_back, args=(name, convert), **kwargs)


def field_range(name: str) -> dict:
    """The widget arguments min_value, max_value (and step when the field sets one) of Playground field `name`."""
    field = FIELDS_BY_NAME[name]
    convert = int if field.kind in ("int", "ints") else float
    limits = {"min_value": convert(field.low), "max_value": convert(field.high)}
    if field.step is not None:
        limits["step"] = convert(field.step)
    return limits


def bound_range(widget, name: str, label: str, **kwargs):
    """`bound` for a slider or number input whose range and step are the field's."""
    return bound(widget, name, label, **field_range(name), **kwargs)


def choices_with(value, choices) -> list:
    """`choices` plus `value` (kept sorted) when a link asked for a value the list lacks."""
    return sorted(set(choices) | {value})


# ----- network builder -------------------------------------------------------------------------------------

UNITS_FIELD = FIELDS_BY_NAME["hidden"]
LAYER_UNITS_ON_PAGE = 16  # the page's widgets offer 1..16 units; a link may ask for up to UNITS_FIELD.high
ACTIVATIONS = FIELDS_BY_NAME["acts"].choices


def _set_layers(hidden, acts) -> None:
    st.session_state[session_key("hidden")] = tuple(int(u) for u in hidden)
    st.session_state[session_key("acts")] = tuple(acts)


def _add_layer() -> None:
    hidden, acts = current_config()["hidden"], current_config()["acts"]
    if len(hidden) < MAX_HIDDEN_LAYERS:
        _set_layers(hidden + ((hidden[-1] if hidden else 4),), acts + ((acts[-1] if acts else "tanh"),))


def _remove_layer() -> None:
    hidden, acts = current_config()["hidden"], current_config()["acts"]
    if hidden:
        _set_layers(hidden[:-1], acts[:-1])


def _set_units(index: int) -> None:
    hidden = list(current_config()["hidden"])
    hidden[index] = int(st.session_state[f"w.units.{index}"])
    _set_layers(hidden, current_config()["acts"])


def _set_activation(index: int) -> None:
    acts = list(current_config()["acts"])
    acts[index] = st.session_state[f"w.act.{index}"]
    _set_layers(current_config()["hidden"], acts)


def network_builder() -> None:
    """Add/remove hidden layers (0 to MAX_HIDDEN_LAYERS), units and activation per layer (Playground fields
    "hidden" and "acts")."""
    hidden, acts = current_config()["hidden"], current_config()["acts"]
    modes = {control_mode("hidden"), control_mode("acts")}
    if "hidden" in modes:  # a class link hides the network: nothing to draw
        return
    # Locked layer sizes fix the units and the layer count; locked activations fix those (and the count too).
    locked, acts_locked = control_mode("hidden") == "locked", control_mode("acts") == "locked"
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(t("widgets.add_layer"), icon=":material/add:", on_click=_add_layer, key="w.add_layer",
                  disabled=len(hidden) >= MAX_HIDDEN_LAYERS or locked or acts_locked)
        st.button(t("widgets.remove_layer"), icon=":material/remove:", on_click=_remove_layer,
                  key="w.remove_layer", disabled=not hidden or locked or acts_locked)
        st.markdown(t("widgets.layer_count", n=len(hidden)))
    if not hidden:
        st.caption(t("widgets.no_hidden"))
        return
    # Rows of four layers: eight narrow columns piled their labels up and cramped "Press Enter to apply".
    columns = [column for start in range(0, len(hidden), 4) for column in st.columns(4)]
    for i, (units, activation) in enumerate(zip(hidden, acts, strict=True)):
        with columns[i]:
            st.markdown(f"**{t('common.hidden_layer')} {i + 1}**")
            st.session_state[f"w.units.{i}"] = int(units)
            st.number_input(t("widgets.units"), min_value=UNITS_FIELD.low,
                            max_value=max(LAYER_UNITS_ON_PAGE, int(units)), step=1, key=f"w.units.{i}",
                            on_change=_set_units, args=(i,), disabled=locked)
            st.session_state[f"w.act.{i}"] = activation
            st.selectbox(t("common.activation"), ACTIVATIONS, key=f"w.act.{i}", on_change=_set_activation,
                         args=(i,), disabled=acts_locked)


def _step_units(index: int, delta: int) -> None:
    hidden = list(current_config()["hidden"])
    hidden[index] = int(min(max(hidden[index] + delta, UNITS_FIELD.low), UNITS_FIELD.high))
    _set_layers(hidden, current_config()["acts"])


def layer_stepper() -> None:
    """The compact network controls beside the live diagram: add/remove a layer, one neuron more/fewer per
    hidden layer (the detailed builder sits below the live view)."""
    hidden = current_config()["hidden"]
    if "hidden" in {control_mode("hidden"), control_mode("acts")}:  # a class link hides the network
        return
    locked = "locked" in {control_mode("hidden"), control_mode("acts")}
    with st.container(horizontal=True, gap="small", key="pg_layer_buttons"):
        st.button("", icon=":material/add:", on_click=_add_layer, key="w.step_add_layer",
                  help=t("widgets.add_layer"), disabled=len(hidden) >= MAX_HIDDEN_LAYERS or locked)
        st.button("", icon=":material/remove:", on_click=_remove_layer, key="w.step_remove_layer",
                  help=t("widgets.remove_layer"), disabled=not hidden or locked)
    st.caption(t("widgets.layer_count", n=len(hidden)))
    for i, units in enumerate(hidden):
        with st.container(horizontal=True, gap="small", vertical_alignment="center", key=f"pg_layer_{i}"):
            st.button("", icon=":material/remove:", key=f"w.less.{i}", on_click=_step_units, args=(i, -1),
                      help=t("pg.neurons_less", n=i + 1), disabled=units <= UNITS_FIELD.low or locked,
                      type="tertiary")
            st.markdown(f"**{units}**")
            st.button("", icon=":material/add:", key=f"w.more.{i}", on_click=_step_units, args=(i, 1),
                      help=t("pg.neurons_more", n=i + 1), disabled=units >= UNITS_FIELD.high or locked,
                      type="tertiary")


# ----- data, output and training controls of the Playground ----------------------------------------------------

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
BATCH_SIZES = (1, 2, 5, 10, 20, 30, 50, 100, 200, 500, 1000, 3000)


def data_controls(datasets: dict) -> None:
    """Data set picker ("upload" last) and the controls that apply to the chosen set (`datasets`: key -> spec)."""
    from ui.data_widgets import dataset_description, dataset_label

    config = current_config()
    keys = [*datasets, "upload"]
    bound(st.selectbox, "dataset", t("widgets.dataset"), options=keys, format_func=dataset_label)
    key = config["dataset"]
    spec = datasets.get(key)
    st.caption(dataset_description(key))
    if spec is not None and "n_points" in spec.controls:
        bound_range(st.slider, "n_points", t("widgets.n_points"))
    if spec is not None and "noise" in spec.controls:
        bound_range(st.slider, "noise", t("widgets.noise"))
    if spec is not None and "classes" in spec.controls:
        classes = min(max(config["classes"], spec.min_classes), spec.max_classes)
        st.session_state[session_key("classes")] = classes
        bound(st.slider, "classes",
              t("widgets.labels") if spec.problem == "multilabel" else t("widgets.classes"),
              min_value=spec.min_classes, max_value=spec.max_classes)
    bound_range(st.slider, "test_pct", t("widgets.test_pct"))
    with st.expander(t("widgets.more_data")):
        bound_range(st.number_input, "data_seed", t("widgets.data_seed"))
        if spec is None or spec.problem in ("binary", "multiclass", "multilabel"):
            bound_range(st.slider, "imbalance", t("widgets.imbalance"))
            bound_range(st.slider, "label_noise", t("widgets.label_noise"))


def _features_changed() -> None:
    chosen = st.session_state[_widget_key("features")]
    if chosen:  # an empty choice is refused (the network needs an input); the page says so
        st.session_state[session_key("features")] = tuple(name for name in FEATURE_NAMES if name in chosen)
    st.session_state["pg.features_refused"] = not chosen


def feature_toggles() -> None:
    """TF Playground's input features for 2-D data (x1, x2, x1², ...), as toggles."""
    st.session_state[_widget_key("features")] = list(current_config()["features"])
    if control_mode("features") != "hidden":
        st.pills(t("widgets.features"), FEATURE_NAMES, selection_mode="multi", key=_widget_key("features"),
                 on_change=_features_changed, help=t("widgets.features_help"),
                 disabled=control_mode("features") == "locked")
    if st.session_state.pop("pg.features_refused", False):
        st.warning(t("widgets.features_empty"))
    bound(st.toggle, "scale", t("widgets.scale"), help=t("widgets.scale_help"))


def output_controls() -> None:
    """Output head, loss, initializer and seed."""
    cols = st.columns(2) + st.columns(2)  # two per row: four cut "auto (from the data)" at 1024 px
    with cols[0]:
        bound(st.selectbox, "head", t("widgets.head"), options=FIELDS_BY_NAME["head"].choices,
              format_func=lambda v: t(f"widgets.head.{v}"))
    with cols[1]:
        bound(st.selectbox, "loss", t("common.loss"), options=FIELDS_BY_NAME["loss"].choices,
              format_func=lambda v: t(f"widgets.loss.{v}"))
    with cols[2]:
        bound(st.selectbox, "init", t("widgets.init"), options=FIELDS_BY_NAME["init"].choices)
    with cols[3]:
        bound_range(st.number_input, "seed", t("widgets.seed"))


def training_controls() -> None:
    """Optimizer and its numbers, batch size, epochs per update, regularization: all change a running model."""
    config = current_config()
    bound(st.segmented_control, "optimizer", t("widgets.optimizer"), options=FIELDS_BY_NAME["optimizer"].choices,
          format_func=lambda v: t(f"widgets.optimizer.{v}"), required=True)
    bound(st.selectbox, "lr", t("widgets.lr"), options=choices_with(config["lr"], LEARNING_RATES),
          format_func=lambda v: f"{v:g}")
    if config["optimizer"] == "sgd":
        bound_range(st.slider, "momentum", t("widgets.momentum"))
    bound(st.selectbox, "batch", t("widgets.batch"), options=choices_with(config["batch"], BATCH_SIZES))
    bound_range(st.slider, "epochs_per_tick", t("widgets.epochs_per_tick"))
    cols = st.columns(2)
    with cols[0]:
        bound(st.selectbox, "reg", t("widgets.reg"), options=FIELDS_BY_NAME["reg"].choices,
              format_func=lambda v: t(f"widgets.reg.{v}"))
    with cols[1]:
        bound(st.selectbox, "reg_rate", t("widgets.reg_rate"), options=choices_with(config["reg_rate"], REG_RATES),
              format_func=lambda v: f"{v:g}", disabled=config["reg"] == "none")


def view_controls() -> None:
    bound(st.toggle, "discretize", t("widgets.discretize"))
    bound(st.toggle, "show_test", t("widgets.show_test"))


def presenter_toggle() -> None:
    """Presenter mode (field "presenter"): beside Play, since the mode hides the sidebar."""
    bound(st.toggle, "presenter", t("pg.presenter"), help=t("pg.presenter_help"))
