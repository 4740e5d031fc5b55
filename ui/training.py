"""Training that every lesson shares: build and compile a model, fit it, keep its history, report a divergence.

A lesson keeps its model and history in st.session_state under its own keys; these helpers do the steps each
lesson used to copy: build + compile, a fresh history, fit and append (a `TrainingDiverged` becomes a message,
the engine having kept the last finite weights), and dropping the stored model on reset.
"""

from collections.abc import Sequence

import streamlit as st

from engine import Sequential, TrainingDiverged
from engine.optimizers import OPTIMIZERS, Optimizer
from ui.i18n import error_text


def make_optimizer(name: str, learning_rate: float) -> Optimizer:
    """The optimizer named `name` ("sgd", "adam", ...; engine.optimizers.OPTIMIZERS) at `learning_rate`."""
    return OPTIMIZERS[name](learning_rate)


def compiled(layers: Sequence, *, loss, learning_rate: float, optimizer: str = "adam", metrics=None,
             input_dim: int | None = None, seed: int | None = None) -> Sequential:
    """A `Sequential` of `layers` compiled with `optimizer` at `learning_rate`, `loss` and `metrics`."""
    model = Sequential(list(layers), input_dim=input_dim, seed=seed)
    model.compile(optimizer=make_optimizer(optimizer, learning_rate), loss=loss, metrics=metrics)
    return model


def new_history(*names: str) -> dict[str, list]:
    """An empty history log: "epoch" and one list per metric name ("loss", "val_accuracy", ...)."""
    return {"epoch": [], **{name: [] for name in names}}


def fit(model: Sequential, X, y, **fit_args):
    """`model.fit(X, y, **fit_args)` -> (History, None), or (None, message) when training diverged."""
    try:
        return model.fit(X, y, **fit_args), None
    except TrainingDiverged as err:
        return None, error_text(err, "engine")


def fit_into(log: dict[str, list] | None, model: Sequential, X, y, **fit_args) -> str | None:
    """Train `model` and append the epochs and every metric `log` lists; the divergence message, or None."""
    history, error = fit(model, X, y, **fit_args)
    if history is not None and log is not None:
        log["epoch"] += history.epoch
        for name in log:
            if name != "epoch":
                log[name] += history.history[name]
    return error


def forget(*keys: str) -> None:
    """Drop stored training state (model, history, message) from st.session_state; missing keys are fine."""
    for key in keys:
        st.session_state.pop(key, None)
