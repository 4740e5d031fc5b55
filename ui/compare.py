"""Compare: two Playground configurations trained side by side, from the same initial weights and data.

Configuration A is a Playground configuration (its URL fields, else the Playground's current one); B is A with
some fields overridden, written in the URL as `b_<field>=<value>` (any field of `ui.state.FIELDS`). Per
session, in st.session_state:
- "cmp.a": A's config, "cmp.b": B's overrides {field: value}, "cmp.url": the query this session last read
  or wrote (a new link loads again),
- "cmp.runs": {"a": Run, "b": Run} built for (A, B), "cmp.key": what they were built for,
- "cmp.same_start": whether B started from A's weights (judged when built), "cmp.playing": bool, "cmp.message": the last divergence or build problem, as text.
Both runs train the same number of epochs each tick (lockstep), unless epochs per update is what differs.
"""

import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from engine import TrainingDiverged
from ui import charts, tick_policy
from ui import playground as pg
from ui import playground_view as view
from ui.figure import Figure
from ui.i18n import STRINGS, current_language, t
from ui.state import FIELDS, FIELDS_BY_NAME, _parse_strict, current_config, encode, playground_link, query_for

COMPARE_PATH = "/Compare"
PREFIX = "b_"
# Any Playground field may differ between A and B: the choices are the fields themselves.
DIFFERABLE = tuple(f.name for f in FIELDS)
DEFAULT_OVERRIDE = {"optimizer": "sgd"}  # Adam against gradient descent, the classic comparison
TICK_BUDGET = 0.5  # seconds of training per tick for both runs together
SIDES = ("a", "b")
RUN_COLORS = ["#0072B2", "#D55E00"]


@dataclass
class Run:
    """One side: its config, data, model, history (as ui.playground's) and the latest numbers."""

    config: dict
    data: "pg.DataBundle"
    model: object
    history: dict = field(default_factory=pg.empty_history)
    latest: dict = field(default_factory=dict)


def field_label(name: str) -> str:
    """A field's name as the Playground's widgets call it (or the compare area's own words for it)."""
    key = f"widgets.{name}"
    return t(key) if key in STRINGS else t(f"compare.field.{name}")


def _fit_acts(config: dict) -> dict:
    """One activation per hidden layer (the URL's rule: pad with the last, drop extras)."""
    hidden, acts = tuple(config["hidden"]), tuple(config["acts"])
    if len(acts) != len(hidden):
        fill = acts[-1] if acts else "tanh"
        config = {**config, "acts": acts[:len(hidden)] + (fill,) * max(0, len(hidden) - len(acts))}
    return config


def config_b(a: dict, overrides: dict) -> dict:
    return _fit_acts({**a, **overrides})


def read_query(query: dict[str, str], fallback: dict) -> tuple[dict, dict, list[str]]:
    """(A, B's overrides, names of ignored parameters) from URL parameters; A is `fallback` when the URL has
    no field of its own. A `b_` value that is invalid, or equal to A's, is ignored."""
    ignored = []
    has_base = any(name in query for name in FIELDS_BY_NAME)
    a = {} if has_base else dict(fallback)
    for f in FIELDS:
        if has_base:
            a[f.name] = f.default
            if f.name in query:
                try:
                    a[f.name] = _parse_strict(f, query[f.name])
                except (ValueError, TypeError):
                    ignored.append(f.name)
    a = _fit_acts(a)
    overrides = {}
    for key, text in query.items():
        if not key.startswith(PREFIX):
            continue
        name = key[len(PREFIX):]
        if name not in FIELDS_BY_NAME:
            ignored.append(key)
            continue
        try:
            value = _parse_strict(FIELDS_BY_NAME[name], text)
        except (ValueError, TypeError):
            ignored.append(key)
            continue
        if value != a[name]:
            overrides[name] = value
    return a, overrides, ignored


def compare_query(a: dict, overrides: dict) -> dict[str, str]:
    """URL parameters of a comparison: A's non-default fields, then `b_<field>` for each override."""
    query = query_for(a)
    query.update({PREFIX + name: encode(FIELDS_BY_NAME[name], value) for name, value in overrides.items()})
    return query


def compare_link(a: dict, overrides: dict, lang: str = "en") -> str:
    """A relative link to this comparison.

    >>> compare_link({**{f.name: f.default for f in FIELDS}, "dataset": "spiral"}, {"optimizer": "sgd"})
    '/Compare?dataset=spiral&b_optimizer=sgd'
    """
    query = compare_query(a, overrides)
    if lang != "en":
        query["lang"] = lang
    return COMPARE_PATH + ("?" + urlencode(query) if query else "")


def difference_text(a: dict, overrides: dict) -> tuple[str, str]:
    """How A and B are named in the legend: by the fields that differ and their values."""
    if not overrides:
        return t("compare.side_a"), t("compare.side_b")

    def describe(config):
        return ", ".join(f"{field_label(name)} = {encode(FIELDS_BY_NAME[name], config[name])}" for name in overrides)

    return f"A: {describe(a)}", f"B: {describe(config_b(a, overrides))}"


# ----- the two runs --------------------------------------------------------------------------------------

def _bundle_for(config: dict) -> "pg.DataBundle | None":
    ds = pg.current_dataset(config)
    return None if ds is None else pg.make_bundle(ds, config)


def build_runs(a: dict, overrides: dict) -> dict[str, Run]:
    """The two runs, untrained. B starts from A's initial weights and shuffling whenever the weights have the
    same shapes and initializer (any difference but the data, the inputs, the layers, the head, the
    initializer or the seed); ValueError when a side cannot be built."""
    b = config_b(a, overrides)
    data_a = _bundle_for(a)
    data_b = data_a if pg.data_key(b) == pg.data_key(a) else _bundle_for(b)
    if data_a is None or data_b is None:
        raise ValueError(t("pg.no_data"))
    model_a, model_b = pg.build_model(a, data_a), pg.build_model(b, data_b)
    same_shapes = [w.shape for w in model_a.get_weights()] == [w.shape for w in model_b.get_weights()]
    if same_shapes and a["init"] == b["init"] and a["seed"] == b["seed"]:
        # Equal already (same seed, same draws); set so that it holds by construction, not by coincidence.
        model_b.set_weights(model_a.get_weights())
        model_b.rng.bit_generator.state = model_a.rng.bit_generator.state
    return {"a": Run(a, data_a, model_a), "b": Run(b, data_b, model_b)}


def same_start(runs: dict[str, Run]) -> bool:
    wa, wb = runs["a"].model.get_weights(), runs["b"].model.get_weights()
    return len(wa) == len(wb) and all(x.shape == y.shape and np.array_equal(x, y) for x, y in zip(wa, wb, strict=True))


def _train_epochs(run: Run, epochs: int) -> dict:
    y = pg.targets(run.data.train, run.model.output_units)
    return run.model.fit(run.data.X_train, y, epochs=epochs, batch_size=run.config["batch"])


def _log(run: Run, result) -> None:
    """Record a tick's epochs in the run's history; the test set once, at the tick's last epoch."""
    test = run.model.evaluate(run.data.X_test, pg.targets(run.data.test, run.model.output_units),
                              return_dict=True)
    logs = {name: list(values) for name, values in result.history.items()}
    stride = run.history["stride"]
    last_kept = max((i for i, epoch in enumerate(result.epoch) if epoch % stride == 0), default=None)
    for name, value in test.items():
        logs["val_" + name] = [value if i == last_kept else float("nan") for i in range(len(result.epoch))]
    pg.record(run.history, result.epoch, logs)
    run.latest = {name: values[-1] for name, values in logs.items() if not name.startswith("val_")}
    run.latest.update({"val_" + name: value for name, value in test.items()})


def tick(runs: dict[str, Run]) -> str | None:
    """Train both runs one tick (lockstep: the same epochs each, unless epochs per update differs);
    returns the divergence message (in the current language) when a run blew up, else None."""
    try:
        firsts, costs = {}, {}
        for side, run in runs.items():
            start = time.perf_counter()
            firsts[side] = _train_epochs(run, 1)
            costs[side] = max(time.perf_counter() - start, 1e-6)
        # A Compare tick draws one state (its Vega charts cannot play frames back), so it trains what one of the
        # Playground's ticks trains: its FRAMES_PER_TICK updates (ui/tick_policy).
        wanted = {side: run.config["epochs_per_tick"] * tick_policy.FRAMES_PER_TICK for side, run in runs.items()}
        scale = min(1.0, TICK_BUDGET / sum(wanted[s] * costs[s] for s in runs))
        for side, run in runs.items():
            more = max(0, int(wanted[side] * scale) - 1)
            result = firsts[side]
            if more:
                rest = _train_epochs(run, more)
                result.epoch += rest.epoch
                for name, values in rest.history.items():
                    result.history[name] += values
            _log(run, result)
    except TrainingDiverged as error:
        return t("compare.diverged", epoch=error.epoch)
    return None


# ----- the view ------------------------------------------------------------------------------------------

def curves_figure(runs: dict[str, Run], names: tuple[str, str], width: int = 420, height: int = 200) -> Figure:
    """Loss (and accuracy) of both runs over epochs: colour is the run (named by what differs), dash the split."""
    splits = [t("common.train"), t("common.test")]
    frames = {}
    metrics = ["loss"] + (["accuracy"] if all("accuracy" in run.history and run.history["accuracy"]
                                              for run in runs.values()) else [])
    for metric in metrics:
        parts = []
        for code, run in enumerate(runs.values()):
            epochs = np.asarray(run.history["epoch"], dtype=np.float32)
            for split, prefix in enumerate(("", "val_")):
                values = np.asarray(run.history.get(prefix + metric) or [], dtype=np.float32)[:len(epochs)]
                keep = np.flatnonzero(np.isfinite(values))
                if len(keep) > pg.CURVE_POINTS:
                    keep = keep[np.unique(np.r_[np.linspace(0, len(keep) - 1, pg.CURVE_POINTS).astype(int),
                                                len(keep) - 1])]
                parts.append(pd.DataFrame({"epoch": epochs[keep], "value": values[keep],
                                           "run": pd.Categorical.from_codes(np.full(len(keep), code), list(names)),
                                           "split": pd.Categorical.from_codes(np.full(len(keep), split), splits)}))
        frames[metric] = pd.concat(parts, ignore_index=True)
    if frames["loss"].empty:  # before the first epoch: one invisible point, so no layer's data is empty
        frames["loss"] = pd.DataFrame({"epoch": [0.0], "value": [0.0],
                                       "run": pd.Categorical.from_codes([0], list(names)),
                                       "split": pd.Categorical.from_codes([0], splits)})

    def make(data_of):
        color = alt.Color("run:N", title=t("compare.legend"), scale=alt.Scale(domain=list(names), range=RUN_COLORS),
                          legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=600))
        dash = alt.StrokeDash("split:N", title=t("charts.curves"),
                              scale=alt.Scale(domain=splits, range=[[1, 0], [6, 3]]),
                              legend=alt.Legend(orient="bottom", direction="horizontal"))

        def panel(metric):
            y = alt.Y("value:Q", title=t(f"common.{metric}"),
                      scale=alt.Scale(domain=[0, 1]) if metric == "accuracy" else alt.Scale(zero=True),
                      axis=alt.Axis(format=".0%") if metric == "accuracy" else alt.Axis(format=",.3~r"))
            return alt.Chart(data_of(metric)).mark_line(strokeWidth=2.5).encode(
                x=alt.X("epoch:Q", title=t("common.epoch"), axis=alt.Axis(format="d", tickMinStep=1)), y=y,
                color=color, strokeDash=dash, detail="split:N",
            ).properties(width=width, height=height, title=t(f"common.{metric}"))

        return alt.hconcat(*[panel(metric) for metric in metrics])

    return Figure(("compare_curves", tuple(names), tuple(metrics), width, height), frames, make)


def side_figures(run: Run, side: str) -> tuple[list, list]:
    """(maps row items, diagram row items) of one run, named for `side`."""
    units = run.model.output_units
    maps = []
    if run.data.is_2d:
        maps = [(f"{side}_{name}", figure) for name, figure in view.boundary_figures(
            run.model, run.data, units, run.config, class_maps=False)[:1]]
    elif run.data.X_train.shape[1] == 1:
        maps = [(f"{side}_fit", view.one_input_figure(run.model, run.data, 0))]
    return maps, [(f"{side}_diagram", view.diagram_figure(run.model, run.data, units))]


def status_text(runs: dict[str, Run], names: tuple[str, str]) -> str:
    lines = []
    for name, run in zip(names, runs.values(), strict=True):
        parts = [f"{t('common.epoch')} **{run.model.epochs_trained}**"]
        if "loss" in run.latest:
            parts.append(f"{t('pg.test_loss')} **{run.latest['val_loss']:.4f}**")
        if "val_accuracy" in run.latest:
            parts.append(f"{t('pg.test_accuracy')} **{run.latest['val_accuracy']:.1%}**")
        lines.append(f"**{name}** · " + " · ".join(parts))
    return "  \n".join(lines)


def compare_figure(runs: dict[str, Run], names: tuple[str, str]) -> Figure:
    """The whole live view as one chart: the two maps, the two diagrams, the curves of both runs."""
    maps_a, diagram_a = side_figures(runs["a"], "a")
    maps_b, diagram_b = side_figures(runs["b"], "b")
    rows = ([maps_a + maps_b] if maps_a or maps_b else []) + [diagram_a + diagram_b,
                                                             [("curves", curves_figure(runs, names))]]
    return charts.combine(rows)


# ----- the page ------------------------------------------------------------------------------------------

def _load_from_url() -> list[str]:
    query = {key: st.query_params[key] for key in st.query_params if key != "lang"}
    if "cmp.a" in st.session_state and (not query or query == st.session_state.get("cmp.url")):
        return []
    a, overrides, ignored = read_query(query, current_config())
    if not overrides:  # a link without (valid) b_ fields: the classic comparison
        overrides = {name: value for name, value in DEFAULT_OVERRIDE.items() if value != a[name]} or {
            "optimizer": "adam"}
    st.session_state["cmp.a"], st.session_state["cmp.b"] = a, overrides
    st.session_state["cmp.url"] = query
    return ignored


def _write_to_url() -> None:
    query = compare_query(st.session_state["cmp.a"], st.session_state["cmp.b"])
    for key in list(st.query_params):
        if key != "lang" and key not in query:
            del st.query_params[key]
    for key, value in query.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    st.session_state["cmp.url"] = query


def _runs() -> dict[str, Run] | None:
    """The session's two runs for the current (A, B), built again when either changes."""
    a, overrides = st.session_state["cmp.a"], st.session_state["cmp.b"]
    key = (pg.model_key(a), pg.model_key(config_b(a, overrides)))
    if st.session_state.get("cmp.key") != key or st.session_state.get("cmp.runs") is None:
        st.session_state["cmp.key"] = key
        st.session_state["cmp.playing"] = False
        st.session_state["cmp.message"] = None
        try:
            st.session_state["cmp.runs"] = build_runs(a, overrides)
            # Judged once, untrained: after training the weights differ by design.
            st.session_state["cmp.same_start"] = same_start(st.session_state["cmp.runs"])
        except ValueError as error:
            st.session_state["cmp.runs"] = None
            st.session_state["cmp.message"] = str(error)
    runs = st.session_state.get("cmp.runs")
    if runs is not None:
        for run, config in zip(runs.values(), (a, config_b(a, overrides)), strict=True):
            run.config = config
            pg.apply_live_settings(run.model, config)
    return runs


def _restart() -> None:
    st.session_state["cmp.runs"] = None


def _set_playing(playing: bool) -> None:
    st.session_state["cmp.playing"] = playing
    if playing:
        st.session_state["cmp.message"] = None


def _change_field() -> None:
    """A new field to vary: B takes a value of it that differs from A's."""
    name = st.session_state["cmp_field"]
    st.session_state["cmp.b"] = {name: _other_value(FIELDS_BY_NAME[name], st.session_state["cmp.a"][name])}


def _other_value(f, current):
    """A value of field `f` other than `current`, for a first comparison of that field."""
    if f.kind == "bool":
        return not current
    if f.name == "dataset":  # another data set of the same kind of problem, when there is one
        problem = pg.DATASETS[current].problem if current in pg.DATASETS else "binary"
        others = [key for key, spec in pg.DATASETS.items() if key != current]
        return next((key for key in others if pg.DATASETS[key].problem == problem), others[0])
    if f.choices is not None and f.kind in ("str",):
        return next((c for c in f.choices if c != current), current)
    if f.kind == "float":
        return min(float(f.high), current * 10) if current else float(f.high) / 10
    if f.kind == "int":
        return int(min(f.high, max(f.low, current * 2 if current else 1)))
    if f.name == "hidden":
        return tuple(current) + (current[-1] if current else 4,) if len(current) < 8 else tuple(current[:-1])
    if f.name == "acts":
        return tuple("relu" if act != "relu" else "tanh" for act in current)
    return tuple(c for c in f.choices if c not in current)[:1] + tuple(current)  # features: one more input


def _set_value() -> None:
    name = st.session_state["cmp_field"]
    f = FIELDS_BY_NAME[name]
    raw = st.session_state["cmp_value"]
    try:
        value = _parse_strict(f, raw) if isinstance(raw, str) and f.kind in ("ints", "strs") else raw
    except (ValueError, TypeError):
        st.session_state["cmp.message"] = t("compare.bad_value", field=field_label(name))
        return
    st.session_state["cmp.b"] = {name: value} if value != st.session_state["cmp.a"][name] else {}


def _value_widget(f, value) -> None:
    """B's value of field `f`, by the field's kind (its range and choices from FIELDS)."""
    label = t("compare.value_b", field=field_label(f.name))
    if f.kind == "bool":
        st.session_state["cmp_value"] = bool(value)
        st.toggle(label, key="cmp_value", on_change=_set_value)
    elif f.choices is not None and f.kind == "str":
        st.session_state["cmp_value"] = value
        st.selectbox(label, f.choices, key="cmp_value", on_change=_set_value)
    elif f.kind in ("int", "float"):
        st.session_state["cmp_value"] = value
        number = int if f.kind == "int" else float
        st.number_input(label, min_value=number(f.low), max_value=number(f.high), key="cmp_value",
                        on_change=_set_value, format=None if f.kind == "int" else "%g",
                        step=number(f.step) if f.step else None)
    elif f.name == "dataset":
        st.session_state["cmp_value"] = value
        st.selectbox(label, [name for name in pg.DATASETS], key="cmp_value", on_change=_set_value)
    else:
        st.session_state["cmp_value"] = encode(f, value)
        st.text_input(label, key="cmp_value", on_change=_set_value, help=t("compare.list_help"))


def compare_page() -> None:
    """The Compare page's body (the page file calls `setup_page` first)."""
    ignored = _load_from_url()
    if ignored:
        st.warning(t("compare.ignored", names=", ".join(ignored)))
    a, overrides = st.session_state["cmp.a"], st.session_state["cmp.b"]
    st.caption(t("compare.intro"))
    with st.container(border=True, key="cmp_setup"):
        name = next(iter(overrides), "optimizer")
        st.session_state["cmp_field"] = name
        cols = st.columns(2)
        with cols[0]:
            st.selectbox(t("compare.field"), DIFFERABLE, key="cmp_field", format_func=field_label,
                         on_change=_change_field, help=t("compare.field_help"))
            st.caption(t("compare.value_a", field=field_label(name), value=encode(FIELDS_BY_NAME[name], a[name])))
        with cols[1]:
            _value_widget(FIELDS_BY_NAME[name], config_b(a, overrides)[name])
    runs = _runs()
    names = difference_text(a, overrides)
    with st.container(horizontal=True, vertical_alignment="center", key="cmp_controls"):
        playing = bool(st.session_state.get("cmp.playing"))
        st.button(t("pg.pause") if playing else t("pg.play"), key="cmp_play", type="primary",
                  icon=":material/pause:" if playing else ":material/play_arrow:", on_click=_set_playing,
                  args=(not playing,), disabled=runs is None)
        st.button(t("timeline.restart"), key="cmp_restart", icon=":material/replay:", on_click=_restart,
                  help=t("compare.restart_help"))
        with st.popover(t("pg.share"), icon=":material/link:"):
            st.caption(t("compare.share_help"))
            st.code(compare_link(a, overrides, lang=current_language()), language=None)
        st.markdown(f"[{t('compare.edit_a')}]({playground_link(lang=current_language(), **a)}) · "
                    f"[{t('compare.edit_b')}]({playground_link(lang=current_language(), **config_b(a, overrides))})")
    message = st.session_state.get("cmp.message")
    if message:
        st.error(message)
    if runs is not None:
        if not overrides:
            st.info(t("compare.no_difference"))
        elif not st.session_state.get("cmp.same_start"):
            st.caption(t("compare.different_start"))
        st.html("<style>.st-key-cmp_live [data-stale='true'] {opacity: 1 !important; transition: none !important;}"
                "</style>")
        with st.container(key="cmp_live"):
            _live(names)
    _write_to_url()


def _live(names: tuple[str, str]) -> None:
    from ui.widgets import live_chart

    @st.fragment(run_every=0.05 if st.session_state.get("cmp.playing") else None)
    def live() -> None:
        """One tick: both runs train (while playing), then the status lines and the one chart are redrawn."""
        runs = st.session_state.get("cmp.runs")
        if runs is None:
            return
        if st.session_state.get("cmp.playing"):
            message = tick(runs)
            if message:
                st.session_state["cmp.playing"] = False
                st.session_state["cmp.message"] = message
                st.rerun()
        st.markdown(status_text(runs, names))
        live_chart(compare_figure(runs, names), key="cmp_charts")

    live()
