"""Built-in challenges: a goal on one metric plus budgets, checked on the Playground while it trains.

Each `Challenge` is declared once in `CHALLENGES`; its texts are `classroom.ch.<id>.title/.task/.hint` (and
`.why` for the one whose first set-up cannot work) in ui/strings/<lang>/classroom.py. `evaluate` gives a
`Verdict` with the numbers (metric, parameters, epochs) and every budget broken; `after_train()` is the one
call in `ui.playground.train`: it stops training when the goal is met or the epoch budget is spent.

Session keys: "pg.challenge" (id of the active challenge or None), "pg.verdict" (the last tick's Verdict).
"""

from dataclasses import dataclass, field

import streamlit as st

from ui.state import FIELDS_BY_NAME, current_config

# Metric -> (the name in the Playground's latest logs, True when lower is better).
METRICS = {"val_loss": ("val_loss", True), "val_accuracy": ("val_accuracy", False)}
DATA_LOCKS = ("dataset", "n_points", "noise", "test_pct", "data_seed", "classes", "imbalance", "label_noise")
# A challenge's Playground is trimmed: the data's finer controls are out of sight (still locked).
DATA_HIDDEN = ("n_points", "test_pct", "data_seed", "imbalance", "label_noise")


@dataclass(frozen=True)
class Challenge:
    """One exercise. `start`: Playground fields it opens with (others default); `locked`: fields that cannot
    change (their start values); budgets of None are free. `max_units` is per hidden layer."""

    id: str
    start: dict
    metric: str  # a METRICS key
    target: float
    max_epochs: int
    max_params: int | None = None
    max_layers: int | None = None
    max_units: int | None = None
    features: tuple[str, ...] | None = None  # allowed inputs
    acts: tuple[str, ...] | None = None  # allowed hidden activations
    head: str | None = None  # the output head it asks for
    locked: tuple[str, ...] = DATA_LOCKS
    hidden: tuple[str, ...] = DATA_HIDDEN
    has_why: bool = False  # a `.why` text explains why the first set-up cannot reach the goal

    def lower_is_better(self) -> bool:
        return METRICS[self.metric][1]


CHALLENGES: dict[str, Challenge] = {c.id: c for c in (
    Challenge("gaussians_one_neuron", {"dataset": "gaussians", "hidden": (), "acts": ()}, "val_accuracy", 0.95,
              max_epochs=300, max_layers=0, features=("x1", "x2")),
    Challenge("circle_squares", {"dataset": "circle", "hidden": (), "acts": (), "features": ("x1", "x2")},
              "val_accuracy", 0.95, max_epochs=600, max_layers=0),
    Challenge("xor_three", {"dataset": "xor", "hidden": (3,), "acts": ("tanh",), "lr": 0.03}, "val_accuracy",
              0.95, max_epochs=900, max_layers=1, max_units=3, features=("x1", "x2")),
    Challenge("circle_linear", {"dataset": "circle", "hidden": (4, 4), "acts": ("linear", "linear"), "lr": 0.03},
              "val_accuracy", 0.9, max_epochs=600, acts=("linear",), features=("x1", "x2", "x1^2", "x2^2"),
              has_why=True),
    Challenge("moons_small", {"dataset": "moons", "hidden": (4,), "acts": ("tanh",), "lr": 0.03}, "val_accuracy",
              0.95, max_epochs=900, max_params=25),
    Challenge("blobs_softmax", {"dataset": "blobs", "classes": 4, "hidden": (4,), "acts": ("relu",), "lr": 0.03,
                                "head": "softmax"},
              "val_accuracy", 0.95, max_epochs=600, head="softmax"),
    Challenge("multilabel_sigmoid", {"dataset": "multilabel", "classes": 3, "hidden": (8,), "acts": ("tanh",),
                                     "lr": 0.03, "head": "multilabel"},
              "val_accuracy", 0.9, max_epochs=900, head="multilabel"),
    Challenge("house_relu_head", {"dataset": "house_price", "hidden": (8,), "acts": ("relu",), "lr": 0.03,
                                  "head": "relu"},
              "val_loss", 0.1, max_epochs=900, head="relu"),
    Challenge("spiral_60", {"dataset": "spiral", "hidden": (6, 4), "acts": ("tanh", "tanh"), "lr": 0.03},
              "val_loss", 0.1, max_epochs=3000, max_params=60),
)}


@dataclass
class Verdict:
    """The check of one run against a challenge. `broken`: [(code, params)] of budgets broken (text keys
    `classroom.budget.<code>`); `passed` when the goal is met and no budget is broken."""

    metric: float | None
    params: int
    epochs: int
    goal_met: bool
    broken: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.goal_met and not self.broken

    @property
    def within_budget(self) -> bool:
        return not self.broken


def _value(config: dict, name: str):
    value = config.get(name, FIELDS_BY_NAME[name].default)
    return tuple(value) if isinstance(value, list) else value


def start_config(challenge: Challenge) -> dict:
    """Every Playground field: its default, or the challenge's start value."""
    return {name: challenge.start.get(name, f.default) for name, f in FIELDS_BY_NAME.items()}


def evaluate(challenge: Challenge, config: dict, params: int, epochs: int, latest: dict,
             start: dict | None = None) -> Verdict:
    """Check a run (its configuration, trainable parameters, epochs trained, last logs) against `challenge`.
    `start`: the configuration it began from (a class link's; default the challenge's own), whose values of the
    challenge's locked fields the run must keep."""
    name, lower = METRICS[challenge.metric]
    value = latest.get(name)
    value = None if value is None or value != value else float(value)
    goal = value is not None and (value <= challenge.target if lower else value >= challenge.target)
    broken = []
    start = start or start_config(challenge)
    changed = [n for n in challenge.locked if _value(config, n) != _value(start, n)]
    if changed:
        broken.append(("locked", {"names": ", ".join(changed)}))
    if challenge.max_params is not None and params > challenge.max_params:
        broken.append(("params", {"used": params, "limit": challenge.max_params}))
    if epochs > challenge.max_epochs:
        broken.append(("epochs", {"used": epochs, "limit": challenge.max_epochs}))
    hidden, acts = _value(config, "hidden"), _value(config, "acts")
    if challenge.max_layers is not None and len(hidden) > challenge.max_layers:
        broken.append(("layers", {"used": len(hidden), "limit": challenge.max_layers}))
    if challenge.max_units is not None and any(u > challenge.max_units for u in hidden):
        broken.append(("units", {"used": max(hidden), "limit": challenge.max_units}))
    if challenge.features is not None:
        extra = [f for f in _value(config, "features") if f not in challenge.features]
        if extra:
            broken.append(("features", {"names": ", ".join(extra), "allowed": ", ".join(challenge.features)}))
    if challenge.acts is not None:
        extra = sorted({a for a in acts if a not in challenge.acts})
        if extra:
            broken.append(("acts", {"names": ", ".join(extra), "allowed": ", ".join(challenge.acts)}))
    if challenge.head is not None and _value(config, "head") != challenge.head:
        broken.append(("head", {"used": _value(config, "head"), "wanted": challenge.head}))
    return Verdict(value, int(params), int(epochs), goal, broken)


def active() -> Challenge | None:
    return CHALLENGES.get(st.session_state.get("pg.challenge"))


def session_verdict() -> Verdict | None:
    """The active challenge's verdict on the session's model now (None without a challenge or a model)."""
    challenge, model = active(), st.session_state.get("pg.model")
    if challenge is None or model is None:
        return None
    return evaluate(challenge, current_config(), model.count_params(), model.epochs_trained,
                    st.session_state.get("pg.latest") or {}, start=st.session_state.get("pg.challenge_start"))


def after_train() -> None:
    """The stop condition (called at the end of each training tick): pause at the goal or at the epoch budget."""
    verdict = session_verdict()
    if verdict is None:
        return
    st.session_state["pg.verdict"] = verdict
    if verdict.passed or verdict.epochs >= active().max_epochs:
        st.session_state["pg.playing"] = False
        if st.runtime.exists():
            st.rerun()  # from the live fragment: a full run stops its timer and shows the verdict


def epochs_allowed(wanted: int) -> int:
    """Epochs the next tick may train: `wanted`, cut to what the active challenge's epoch budget has left."""
    challenge, model = active(), st.session_state.get("pg.model")
    if challenge is None or model is None:
        return wanted
    return max(1, min(wanted, challenge.max_epochs - model.epochs_trained))
