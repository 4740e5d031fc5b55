"""Lesson §13-14: gradient descent vs Adam (a learning rate per parameter); epochs, batch size, learning rate."""

import numpy as np
import pandas as pd
import streamlit as st

from engine import Dense, Sequential
from engine.datasets import make_dataset
from engine.features import grid_points, plot_range
from ui import charts, training, training_charts
from ui.chart_style import CONTAINER
from ui.i18n import t
from ui.lesson import open_in_playground
from ui.setup import setup_page
from ui.widgets import live_chart

setup_page("optimizers.title")

P = "opt."  # session-state prefix of this page
OPTIMIZERS = ("sgd", "adam")
# §1: one neuron on T-shirt prices (in tens of dollars), its loss drawn over this (w, b) box.
PRICE_POINTS, PRICE_SCALE = 60, 10.0
W_RANGE, B_RANGE, SURFACE_GRID = (-8.0, 3.0), (-7.0, 14.0), 56
# §2: the race.
RACE_POINTS, RACE_NOISE, RACE_HIDDEN, SEED, MAP_GRID = 300, 0.1, (8, 8), 0, 40
RACE_SETS = ("circle", "moons", "xor", "spiral")

st.markdown(t("optimizers.intro"))

# ----- 1 · two parameters on the loss surface ------------------------------------------------------------
st.header(t("optimizers.surface_header"))
st.markdown(t("optimizers.surface_text"))


@st.cache_data
def price_data():
    """T-shirt prices x (n,) in tens of dollars and best-seller labels y (n,)."""
    ds = make_dataset("tshirt_price", n_points=PRICE_POINTS, noise=0.1, seed=SEED)
    return ds.X[:, 0] / PRICE_SCALE, ds.y


@st.cache_data
def surface(x, y):
    ws = np.linspace(*W_RANGE, SURFACE_GRID)
    bs = np.linspace(*B_RANGE, SURFACE_GRID)
    return ws, bs, training_charts.loss_surface(x, y, ws, bs)


def neuron_paths(x, y, start_w, start_b, learning_rates: dict, epochs: int):
    """Train one neuron per optimizer from (start_w, start_b), full batch; record (w, b, loss) and Adam's steps.

    Returns (paths frame: optimizer, step, w, b, loss; step sizes frame: step, parameter, effective, update;
    per-optimizer loss lists; per-optimizer error message or None).
    """
    rows, steps, losses, errors = [], [], {}, {}
    for name in OPTIMIZERS:
        model = training.compiled([Dense(1, activation="sigmoid")], input_dim=1, seed=SEED, optimizer=name,
                                  learning_rate=learning_rates[name], loss="binary_crossentropy")
        model.set_weights([np.array([[start_w]]), np.array([start_b])])
        X = x.reshape(-1, 1)
        rows.append({"optimizer": name, "step": 0, "w": start_w, "b": start_b, "loss": model.evaluate(X, y)})
        losses[name], errors[name] = [], None
        for step in range(1, epochs + 1):
            history, errors[name] = training.fit(model, X, y, epochs=1, batch_size=None, shuffle=False)
            if history is None:
                break
            w, b = model.flat_weights
            losses[name].append(history.history["loss"][0])
            rows.append({"optimizer": name, "step": step, "w": float(w), "b": float(b),
                         "loss": model.evaluate(X, y)})
            if name == "adam":
                effective = model.optimizer.effective_learning_rate()
                update = np.abs(model.optimizer.last_update)
                for index, param in enumerate(("w", "b")):
                    steps.append({"step": step, "parameter": param, "effective": float(effective[index]),
                                  "update": float(update[index])})
    return pd.DataFrame(rows), pd.DataFrame(steps), losses, errors


x_price, y_price = price_data()
ws, bs, surface_losses = surface(x_price, y_price)

controls, figure = st.columns([1, 2], gap="large")
with controls:
    start_w = st.slider(t("optimizers.start_w"), -7.0, 2.5, 1.0, 0.5, key=P + "w0")
    start_b = st.slider(t("optimizers.start_b"), -6.0, 13.0, -5.0, 0.5, key=P + "b0")
    lr_sgd = st.select_slider(t("optimizers.lr_sgd"), [0.1, 0.3, 1.0, 2.0, 3.0, 5.0, 8.0], value=3.0,
                              key=P + "lr_sgd")
    lr_adam = st.select_slider(t("optimizers.lr_adam"), [0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0], value=0.5,
                               key=P + "lr_adam")
    surface_epochs = st.slider(t("optimizers.steps"), 1, 300, 60, key=P + "surface_epochs")

paths, step_sizes, surface_loss_lists, surface_errors = neuron_paths(
    x_price, y_price, start_w, start_b, {"sgd": lr_sgd, "adam": lr_adam}, surface_epochs)
st.session_state[P + "surface"] = {"paths": paths, "steps": step_sizes}
with figure:
    for name, message in surface_errors.items():
        if message:
            st.error(t("optimizers.diverged", name=training_charts.optimizer_label(name), message=message))
    with st.container(key="opt_surface"):
        live_chart(training_charts.loss_surface_figure(
            ws, bs, surface_losses, paths, w_title=t("optimizers.w_axis"), b_title=t("optimizers.b_axis"),
            width=CONTAINER, height=420))

target_surface = 0.2
final = paths.groupby("optimizer").tail(1).set_index("optimizer")
st.dataframe(pd.DataFrame({
    t("optimizers.col_optimizer"): [training_charts.optimizer_label(name) for name in OPTIMIZERS],
    "w": [final.loc[name, "w"] for name in OPTIMIZERS],
    "b": [final.loc[name, "b"] for name in OPTIMIZERS],
    t("optimizers.col_final_loss"): [final.loc[name, "loss"] for name in OPTIMIZERS],
    t("optimizers.col_epochs_to_target", target=target_surface): [
        training_charts.epochs_to_reach(surface_loss_lists[name], target_surface) or t("optimizers.never")
        for name in OPTIMIZERS],
}), hide_index=True, key="opt_surface_table",
    column_config={"w": st.column_config.NumberColumn(format="%.3f"), "b": st.column_config.NumberColumn(format="%.3f"),
                   t("optimizers.col_final_loss"): st.column_config.NumberColumn(format="%.4f")})

steps_col, loss_col = st.columns(2, gap="large")
with steps_col:
    st.subheader(t("optimizers.step_header"))
    st.markdown(t("optimizers.step_text"))
    shown = st.radio(t("optimizers.step_value"), ["effective", "update"], horizontal=True, key=P + "step_value",
                     format_func=lambda key: t(f"optimizers.step_{key}"))
    if not step_sizes.empty:
        frame = step_sizes.rename(columns={shown: "value"})[["step", "parameter", "value"]].copy()
        frame["parameter"] = [t("optimizers.adam_param", name=name) for name in frame["parameter"]]
        if shown == "effective":
            reference = pd.DataFrame({"step": np.arange(1, surface_epochs + 1), "value": lr_sgd,
                                      "parameter": t("optimizers.sgd_line")})
            frame = pd.concat([frame, reference], ignore_index=True)
        with st.container(key="opt_step_sizes"):
            live_chart(training_charts.step_sizes_figure(frame, value_title=t(f"optimizers.step_{shown}"),
                                                             width=CONTAINER, height=280))
with loss_col:
    st.subheader(t("optimizers.surface_loss_header"))
    with st.container(key="opt_surface_losses"):
        live_chart(training_charts.race_loss_figure(surface_loss_lists, target_surface, width=CONTAINER,
                                                    height=280))

# ----- 2 · the race on a 2-D data set --------------------------------------------------------------------
st.header(t("optimizers.race_header"))

r1, r2, r3, r4, r5, r6 = st.columns(6)
race_set = r1.selectbox(t("optimizers.dataset"), RACE_SETS, key=P + "dataset")
race_lr_sgd = r2.select_slider(t("optimizers.lr_sgd"), [0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0], value=0.03,
                               key=P + "race_lr_sgd")
race_lr_adam = r3.select_slider(t("optimizers.lr_adam"), [0.001, 0.003, 0.01, 0.03, 0.1, 0.3], value=0.03,
                                key=P + "race_lr_adam")
batch_size = r4.select_slider(t("optimizers.batch"), [1, 5, 10, 30, 100, RACE_POINTS], value=10, key=P + "batch")
epochs_per_click = r5.slider(t("optimizers.epochs_per_click"), 5, 100, 20, 5, key=P + "epochs_per_click")
target_loss = r6.number_input(t("optimizers.target"), 0.01, 0.69, 0.2, 0.01, key=P + "target")
st.markdown(t("optimizers.race_text", n=RACE_POINTS, batch=batch_size, steps=-(-RACE_POINTS // batch_size)))


@st.cache_data
def race_data(key: str):
    return make_dataset(key, n_points=RACE_POINTS, noise=RACE_NOISE, seed=SEED)


data = race_data(race_set)
race_config = (race_set, batch_size)


def race_model(name: str, learning_rate: float) -> Sequential:
    """The race network; the same seed gives both optimizers the same initial weights and batch order."""
    return training.compiled([*(Dense(units, activation="tanh") for units in RACE_HIDDEN),
                              Dense(1, activation="sigmoid")], input_dim=2, seed=SEED, optimizer=name,
                             learning_rate=learning_rate, loss="binary_crossentropy", metrics=["accuracy"])


def reset_race() -> None:
    models = {"sgd": race_model("sgd", race_lr_sgd), "adam": race_model("adam", race_lr_adam)}
    st.session_state[P + "race"] = {
        "models": models, "losses": {name: [] for name in OPTIMIZERS}, "config": race_config,
        "start": {name: model.flat_weights.copy() for name, model in models.items()}, "errors": {},
    }


def race_epochs(epochs: int) -> None:
    race = st.session_state[P + "race"]
    for name, model in race["models"].items():
        if race["errors"].get(name):
            continue  # a diverged optimizer stays where it blew up; the other keeps racing
        history, error = training.fit(model, data.X, data.y, epochs=epochs, batch_size=batch_size)
        if error is not None:
            race["errors"][name] = error
            continue
        race["losses"][name] += history.history["loss"]


if P + "race" not in st.session_state or st.session_state[P + "race"]["config"] != race_config:
    reset_race()
race = st.session_state[P + "race"]
race["models"]["sgd"].optimizer.learning_rate = race_lr_sgd
race["models"]["adam"].optimizer.learning_rate = race_lr_adam

b1 = b2 = st.container(horizontal=True)  # buttons as wide as their labels, wrapping on a narrow screen
b1.button(t("optimizers.race", n=epochs_per_click), key=P + "race_button", type="primary",
          on_click=race_epochs, args=(epochs_per_click,))
b2.button(t("optimizers.reset"), key=P + "reset", on_click=reset_race)
for name, message in race["errors"].items():
    st.error(t("optimizers.diverged", name=training_charts.optimizer_label(name), message=message))

same_start = np.array_equal(race["start"]["sgd"], race["start"]["adam"])
epochs_done = {name: len(race["losses"][name]) for name in OPTIMIZERS}
# One row of metrics as wide as their labels, wrapping onto a second row on a narrow screen (five equal columns
# cut "gradient descent: epochs to loss ≤ 0.2" short).
m1 = m2 = m3 = m4 = m5 = st.container(horizontal=True)
m1.metric(t("optimizers.epoch_counter"), max(epochs_done.values()), width="content")
for column, name in zip((m2, m3), OPTIMIZERS, strict=True):
    values = race["losses"][name]
    column.metric(t("optimizers.loss_of", name=training_charts.optimizer_label(name)),
                  f"{values[-1]:.4f}" if values else "–", width="content")
for column, name in zip((m4, m5), OPTIMIZERS, strict=True):
    reached = training_charts.epochs_to_reach(race["losses"][name], target_loss)
    column.metric(t("optimizers.reached_in", name=training_charts.optimizer_label(name), target=target_loss),
                  reached if reached is not None else t("optimizers.not_yet"), width="content")
st.caption(t("optimizers.same_start", n=race["start"]["sgd"].size,
             same=t("optimizers.yes") if same_start else "✗"))

if not any(race["losses"].values()):
    st.info(t("optimizers.press_race"))
with st.container(key="opt_race_losses"):
    live_chart(training_charts.race_loss_figure(race["losses"], target_loss, width=CONTAINER, height=260))

(x_range, y_range) = plot_range(data.X)
grid, xs, ys = grid_points(x_range, y_range, MAP_GRID)
map_columns = st.columns(2, gap="large")
for column, name in zip(map_columns, OPTIMIZERS, strict=True):
    model = race["models"][name]
    # The title as text above the map: inside the chart, Vega cuts it to the map's width ("… after 20 epo…").
    column.markdown("**" + t("optimizers.boundary_of", name=training_charts.optimizer_label(name),
                             epochs=epochs_done[name]) + "**")
    with column, st.container(key=f"opt_race_map_{name}"):
        live_chart(charts.decision_map_figure(
            model.predict(grid)[:, 0].reshape(MAP_GRID, MAP_GRID), xs, ys, kind="binary", points_X=data.X,
            points_y=data.y, class_names=data.target_names, width=CONTAINER, height=360))

adam = race["models"]["adam"].optimizer
if adam.iterations:
    effective = adam.effective_learning_rate()
    st.markdown(t("optimizers.adam_spread", low=float(effective.min()), high=float(effective.max()),
                  n=effective.size, lr=race_lr_sgd))

open_in_playground(dataset=race_set, n_points=RACE_POINTS, noise=RACE_NOISE, hidden=RACE_HIDDEN,
                   acts=("tanh",) * len(RACE_HIDDEN), head="sigmoid", loss="binary_crossentropy",
                   optimizer="adam", lr=race_lr_adam, batch=batch_size, seed=SEED, data_seed=SEED)

# ----- the loss surface of section 1 in 3-D (Plotly: turn it with the mouse) -----------------------------
from ui import plotly_charts

st.header(t("landscape.opt3d_header"))
st.markdown(t("landscape.opt3d_text"))
surface_3d, surface_contour = plotly_charts.optimizer_surfaces(
    ws, bs, surface_losses, st.session_state[P + "surface"]["paths"], w_title=t("optimizers.w_axis"),
    b_title=t("optimizers.b_axis"), z_title=t("common.loss"), start_name=t("training_charts.start"))
left_3d, right_3d = st.columns(2, gap="medium")
with left_3d, st.container(key="opt_surface_3d"):
    plotly_charts.show(surface_3d, key="opt_surface_3d_chart")
with right_3d, st.container(key="opt_surface_contour"):
    plotly_charts.show(surface_contour, key="opt_surface_contour_chart")
