"""The Playground's whole shareable configuration, declared once (the model is TensorFlow Playground's state.ts).

Every field is a URL query parameter of the same name and lives in `st.session_state["pg." + name]`.
A value that cannot be parsed or is out of range falls back to the field's default, so a hand-edited or
stale link always opens something sensible.

`load_from_url()` (every run, first thing) copies the URL into session state when the URL carries a
configuration this session has not seen (first visit, or a link followed from another page);
`write_to_url()` (every full run, after the widgets) puts the non-default fields back into the URL.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from engine.activations import ELEMENTWISE
from engine.datasets import DATASETS
from engine.features import FEATURES
from engine.heads import HEADS
from engine.initializers import INITIALIZERS
from engine.optimizers import OPTIMIZERS

PLAYGROUND_PATH = "/Playground"
FEATURE_NAMES = tuple(FEATURES)
# What changing a field does: "data" makes new data (and a new model), "structure" builds a new model,
# "live" is set on the running model (training goes on), "view" only redraws.
EFFECTS = ("data", "structure", "live", "view")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "int" | "float" | "str" | "bool" | "ints" (comma list) | "strs" (comma list)
    default: Any
    effect: str  # one of EFFECTS
    choices: tuple | None = None  # allowed values (each item, for list kinds)
    low: float | None = None  # the widget's and the URL's range (each item, for list kinds)
    high: float | None = None
    step: float | None = None  # the widget's step (None: Streamlit's default)
    help: str = ""


FIELDS: tuple[Field, ...] = (
    # data (dataset choices: engine.datasets.DATASETS or "upload", checked in _parse_strict)
    Field("dataset", "str", "circle", "data", help="data set key from engine.datasets.DATASETS, or 'upload'"),
    Field("n_points", "int", 400, "data", low=20, high=3000, step=10),
    Field("noise", "float", 0.1, "data", low=0.0, high=1.0, step=0.01),
    Field("test_pct", "int", 30, "data", low=10, high=90, step=5, help="percent of points held out for testing"),
    Field("data_seed", "int", 0, "data", low=0, high=2**31 - 1, step=1),
    Field("classes", "int", 3, "data", low=2, high=6, help="classes of a K-class set, labels of a multi-label set"),
    Field("imbalance", "float", 0.0, "data", low=0.0, high=0.9, step=0.05),
    Field("label_noise", "float", 0.0, "data", low=0.0, high=0.5, step=0.01),
    # the inputs (listed with the data, kept in this order for the URL) change the network, not the data
    Field("features", "strs", ("x1", "x2"), "structure", choices=FEATURE_NAMES),
    Field("scale", "bool", True, "structure", help="standardise features (Keras Normalization)"),
    # network
    Field("hidden", "ints", (8, 8, 8), "structure", low=1, high=64, help="units per hidden layer; 0 to 8 layers"),
    Field("acts", "strs", ("tanh", "tanh", "tanh"), "structure",
          choices=ELEMENTWISE),
    Field("head", "str", "auto", "structure", choices=("auto", *HEADS)),
    Field("loss", "str", "auto", "structure", choices=("auto", *dict.fromkeys(head.loss for head in HEADS.values()))),
    Field("init", "str", "glorot_uniform", "structure",
          choices=tuple(INITIALIZERS)),
    Field("seed", "int", 0, "structure", low=0, high=2**31 - 1, step=1, help="seed of weight initialization and shuffling"),
    # training
    Field("optimizer", "str", "adam", "live", choices=tuple(OPTIMIZERS)),
    Field("lr", "float", 0.003, "live", low=1e-6, high=100.0),
    Field("momentum", "float", 0.0, "live", low=0.0, high=0.99, step=0.01),
    Field("batch", "int", 10, "live", low=1, high=3000),
    # Epochs per update (one frame drawn): 5 at 30 frames/s is 150 epochs/s (TF Playground: 1 per frame, 60/s).
    Field("epochs_per_tick", "int", 5, "live", low=1, high=100, step=1),
    Field("reg", "str", "none", "live", choices=("none", "l1", "l2")),
    Field("reg_rate", "float", 0.001, "live", low=0.0, high=10.0),
    # view
    Field("discretize", "bool", False, "view"),
    Field("show_test", "bool", True, "view"),
    Field("presenter", "bool", False, "view", help="presenter mode: no sidebar, larger type and marks"),
)
FIELDS_BY_NAME = {field.name: field for field in FIELDS}


def fields_with(effect: str) -> tuple[str, ...]:
    """Names of the fields whose change has `effect` (one of EFFECTS), in FIELDS order."""
    if effect not in EFFECTS:
        raise ValueError(f"unknown effect {effect!r}; one of {EFFECTS}")
    return tuple(field.name for field in FIELDS if field.effect == effect)


def _parse_item(field: Field, text: str):
    if field.kind in ("int", "ints"):
        value = int(text)
    elif field.kind == "float":
        value = float(text)
    else:
        value = text
    if field.choices is not None and value not in field.choices:
        raise ValueError(text)
    if isinstance(value, int | float) and not (
        (field.low is None or value >= field.low) and (field.high is None or value <= field.high)
    ):
        raise ValueError(text)
    return value


MAX_HIDDEN_LAYERS = 8
MAX_LIST_ITEMS = 32  # items a list field's URL text may hold before it is refused outright


def _parse_strict(field: Field, text: str):
    """The field's value from its URL text; ValueError when the text is not a valid value."""
    if field.kind == "bool":
        if text not in ("0", "1", "true", "false"):
            raise ValueError(text)
        return text in ("1", "true")
    if field.kind in ("ints", "strs"):
        parts = text.split(",")
        if len(parts) > MAX_LIST_ITEMS:  # a hostile link: never parse (or write back) thousands of items
            raise ValueError(text[:40])
        items = tuple(_parse_item(field, item) for item in parts if item != "")
        if field.name == "features":
            items = tuple(dict.fromkeys(items))  # each input once: x1,x1 is one input, not two identical ones
            if not items:
                raise ValueError(text)
        if field.name in ("hidden", "acts") and len(items) > MAX_HIDDEN_LAYERS:
            raise ValueError(text)
        return items
    value = _parse_item(field, text)
    if field.kind == "float" and value != value:  # NaN
        raise ValueError(text)
    if field.name == "dataset":
        if value not in DATASETS and value != "upload":
            raise ValueError(text)
    return value


def parse(field: Field, text: str):
    """The field's value from its URL text, or its default when the text is invalid."""
    try:
        return _parse_strict(field, text)
    except (ValueError, TypeError):
        return field.default


def session_key(name: str) -> str:
    """Where field `name` lives in st.session_state."""
    return "pg." + name


_LAST_URL_KEY = "pg._url"  # the field parameters this session last read from or wrote to the URL


def _url_fields() -> dict[str, str]:
    return {name: st.query_params[name] for name in FIELDS_BY_NAME if name in st.query_params}


def load_from_url() -> list[str]:
    """Read the configuration from the URL into st.session_state["pg.<name>"] when it is new to this session.

    New means: the session's first run of the page, or a URL with Playground parameters that differ from the
    ones this session last wrote (a shared link, or a lesson's "open in the Playground"). Fields missing from
    such a URL take their defaults. Returns the names of parameters that were invalid and fell back to defaults.
    """
    url = _url_fields()
    # No Playground parameters at all means "no link" (e.g. back from a lesson through the sidebar, which
    # drops the query): the session keeps what the learner built.
    if session_key("dataset") in st.session_state and (not url or url == st.session_state.get(_LAST_URL_KEY)):
        apply_locks()
        return []
    ignored = []
    for field in FIELDS:
        value = field.default
        if field.name in url:
            try:
                value = _parse_strict(field, url[field.name])
            except (ValueError, TypeError):
                ignored.append(field.name)
        st.session_state[session_key(field.name)] = value
    apply_locks()  # a locked control keeps its value whatever the URL says
    st.session_state[_LAST_URL_KEY] = url
    return ignored


def current_config() -> dict:
    """Every field's current value (field name -> value) from session state."""
    return {field.name: st.session_state.get(session_key(field.name), field.default) for field in FIELDS}


def write_to_url() -> None:
    """Put the current configuration into the URL (only fields that differ from their defaults)."""
    query = query_for(current_config())
    for name in FIELDS_BY_NAME:
        if name in query:
            if st.query_params.get(name) != query[name]:
                st.query_params[name] = query[name]
        elif name in st.query_params:
            del st.query_params[name]
    st.session_state[_LAST_URL_KEY] = query


def encode(field: Field, value) -> str:
    if field.kind == "bool":
        return "1" if value else "0"
    if field.kind in ("ints", "strs"):
        return ",".join(str(item) for item in value)
    if field.kind == "float":
        return f"{float(value):g}"
    return str(value)


def query_for(config: dict) -> dict[str, str]:
    """URL parameters for a configuration: only the fields that differ from their defaults."""
    unknown = set(config) - set(FIELDS_BY_NAME)
    if unknown:
        raise KeyError(f"not Playground fields: {sorted(unknown)}")
    out = {}
    for name, value in config.items():
        field = FIELDS_BY_NAME[name]
        value = tuple(value) if field.kind in ("ints", "strs") else value
        if value != field.default:
            out[name] = encode(field, value)
    return out


def playground_link(lang: str = "en", **config) -> str:
    """A relative link that opens the Playground with `config` (field name -> value) applied.

    >>> playground_link(dataset="spiral", hidden=(8, 8), acts=("relu", "relu"))
    '/Playground?dataset=spiral&hidden=8%2C8&acts=relu%2Crelu'
    """
    query = query_for(config)
    if lang != "en":
        query["lang"] = lang
    return PLAYGROUND_PATH + ("?" + urlencode(query) if query else "")


# ----- hidden and locked controls (a class link or a challenge trims the Playground) ----------------------
# Every field, plus the Playground's view toggle that is not a field. `st.session_state["pg.controls"]` holds
# {"hidden": [names], "locked": {name: value}}; ui.widgets.bound skips a hidden control and disables a locked
# one, and the value of a locked field is put back on every run (so neither a widget nor a URL changes it).
CONTROLS = (*FIELDS_BY_NAME, "class_maps")
_CONTROLS_KEY = "pg.controls"


def set_controls(hidden=(), locked: dict | None = None) -> None:
    """Hide the controls `hidden` and lock `locked` (name -> value) for this session; unknown names are dropped."""
    st.session_state[_CONTROLS_KEY] = {"hidden": [n for n in hidden if n in CONTROLS],
                                       "locked": {n: v for n, v in (locked or {}).items() if n in CONTROLS}}
    apply_locks()


def mark_url_seen() -> None:
    """Treat the URL's Playground parameters as already applied (a class link, challenge or saved run opened
    from this URL defines the state; extra parameters beside it are not applied over it)."""
    st.session_state[_LAST_URL_KEY] = _url_fields()


def control_mode(name: str) -> str | None:
    """"hidden", "locked" or None for control `name` in this session."""
    controls = st.session_state.get(_CONTROLS_KEY) or {}
    if name in controls.get("hidden", ()):
        return "hidden"
    return "locked" if name in controls.get("locked", {}) else None


def apply_locks() -> None:
    """Put every locked field's value back; then one activation per hidden layer (a locked layer list with a
    URL's activations, or a URL's `acts=relu`: pad with the last one given, or tanh, and drop extras)."""
    for name, value in (st.session_state.get(_CONTROLS_KEY) or {}).get("locked", {}).items():
        if name in FIELDS_BY_NAME:
            st.session_state[session_key(name)] = tuple(value) if isinstance(value, list) else value
    hidden = st.session_state.get(session_key("hidden"), FIELDS_BY_NAME["hidden"].default)
    acts = st.session_state.get(session_key("acts"), FIELDS_BY_NAME["acts"].default)
    if len(acts) != len(hidden):
        fill = acts[-1] if acts else "tanh"
        # Applied, not ignored (`acts=relu` gives every layer relu), so no "using defaults" warning.
        st.session_state[session_key("acts")] = tuple(acts[:len(hidden)]) + (fill,) * max(0, len(hidden) - len(acts))


def config_from_values(values: dict) -> dict:
    """Every field from a stored configuration (name -> JSON value), each checked as a URL value is.
    ValueError when any value is invalid or a name is unknown (a stored configuration is never repaired)."""
    if not isinstance(values, dict) or set(values) - set(FIELDS_BY_NAME):
        raise ValueError("unknown fields")
    config = {}
    for field in FIELDS:
        if field.name not in values:
            config[field.name] = field.default
            continue
        value = values[field.name]
        value = tuple(value) if isinstance(value, list) else value
        if field.kind in ("ints", "strs") and not isinstance(value, tuple):
            raise ValueError(field.name)
        if field.kind == "bool" and not isinstance(value, bool):
            raise ValueError(field.name)
        if field.kind == "str" and not isinstance(value, str):
            raise ValueError(field.name)
        if field.kind in ("int", "float") and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise ValueError(field.name)
        if field.kind == "int" and value != int(value):
            raise ValueError(field.name)
        # The URL's own parser checks choices and ranges; a float goes as repr, which round-trips exactly.
        config[field.name] = _parse_strict(field, repr(float(value)) if field.kind == "float" else encode(field, value))
    if len(config["acts"]) != len(config["hidden"]):
        raise ValueError("acts")
    return config
