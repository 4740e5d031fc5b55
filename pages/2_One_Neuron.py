"""Lesson §1-2: one neuron is logistic regression, a = 1/(1+e^-(wx+b)); move w and b, then train it."""

import numpy as np
import streamlit as st

from engine import Dense, Sequential
from engine.datasets import make_dataset
from engine.features import grid_points, plot_range
from ui import charts, function_charts, training
from ui.chart_style import CONTAINER
from ui.data_widgets import data_summary
from ui.i18n import t
from ui.lesson import open_in_playground
from ui.setup import setup_page
from ui.widgets import live_chart

setup_page("neuron.title")

EPOCHS_PER_CLICK = 100
LEARNING_RATE = 0.1


@st.cache_data
def load(key: str, n_points: int, noise: float, seed: int):
    return make_dataset(key, n_points=n_points, noise=noise, seed=seed)


def neuron(weights, bias: float) -> Sequential:
    """A one-neuron network (sigmoid, binary cross-entropy) holding the given w (n_in,) and b."""
    weights = np.asarray(weights, dtype=float)
    model = training.compiled([Dense(1, activation="sigmoid")], input_dim=weights.size, seed=0,
                              learning_rate=LEARNING_RATE, loss="binary_crossentropy", metrics=["accuracy"])
    model.set_weights([weights.reshape(-1, 1), np.array([bias])])
    return model


def train_clicked(prefix: str, X, y, start_weights, start_bias) -> None:
    """One click: EPOCHS_PER_CLICK full-batch Adam epochs, starting from the sliders the first time."""
    model = st.session_state.get(prefix + "model")
    if model is None:
        model = neuron(start_weights, start_bias)
        st.session_state[prefix + "history"] = training.new_history("loss", "accuracy")
    error = training.fit_into(st.session_state[prefix + "history"], model, X, y, epochs=EPOCHS_PER_CLICK,
                              batch_size=None)
    if error is not None:
        st.session_state[prefix + "error"] = error
        return
    st.session_state[prefix + "model"] = model


def reset_training(prefix: str) -> None:
    training.forget(*(prefix + name for name in ("model", "history", "error")))


def copy_to_sliders(prefix: str, names: list[str], limits: list[float]) -> None:
    """Put the trained weights and bias on the sliders (clipped to the slider ranges)."""
    model = st.session_state[prefix + "model"]
    W, b = model.get_weights()
    for name, value, limit in zip(names, [*W[:, 0], b[0]], limits, strict=True):
        st.session_state[prefix + name] = float(np.clip(round(float(value), 2), -limit, limit))


def slider(label: str, low: float, high: float, default: float, step: float, key: str, **kwargs) -> float:
    """A slider whose default lives in session_state, so a callback may move it without a warning."""
    st.session_state.setdefault(key, default)
    return st.slider(label, low, high, step=step, key=key, **kwargs)


def training_controls(prefix: str, X, y, start_weights, start_bias, slider_names, slider_limits) -> None:
    # A row that wraps: on a narrow screen a button moves to the next line instead of cutting its label.
    row = st.container(horizontal=True)
    row.button(t("neuron.train", n=EPOCHS_PER_CLICK), key=prefix + "train_button", type="primary",
               on_click=train_clicked, args=(prefix, X, y, start_weights, start_bias))
    trained = st.session_state.get(prefix + "model") is not None
    row.button(t("neuron.copy"), key=prefix + "copy_button", disabled=not trained,
               on_click=copy_to_sliders, args=(prefix, slider_names, slider_limits))
    row.button(t("neuron.reset"), key=prefix + "reset_button", disabled=not trained,
               on_click=reset_training, args=(prefix,))
    if prefix + "error" in st.session_state:
        st.error(st.session_state.pop(prefix + "error"))


def trained_summary(prefix: str, names: list[str]) -> None:
    """The learned weights, bias and loss of the trained neuron, and its loss curve."""
    model = st.session_state.get(prefix + "model")
    if model is None:
        st.info(t("neuron.not_trained"))
        return
    W, b = model.get_weights()
    log = st.session_state[prefix + "history"]
    row = st.container(horizontal=True)
    for name, value in zip(names, [*W[:, 0], b[0]], strict=True):
        row.metric(t("neuron.learned", name=name), f"{value:.3f}", width="content")
    row.metric(t("neuron.trained_loss"), f"{log['loss'][-1]:.4f}", width="content")
    st.caption(t("neuron.trained_epochs", n=model.epochs_trained))
    with st.container(key=prefix + "loss_chart"):
        live_chart(charts.loss_curves_figure({"epoch": log["epoch"], "loss": log["loss"]}, height=180,
                                             width=CONTAINER))


st.markdown(t("neuron.intro"))
st.latex(r"a = g(z) = \frac{1}{1 + e^{-z}},\qquad z = w\,x + b")

# ---------------------------------------------------------------- §2: one input, the T-shirt price
st.header(t("neuron.one_input_header"))
st.markdown(t("neuron.one_input_text"))

with st.sidebar:
    st.subheader(t("neuron.data_header"))
    noise = st.slider(t("neuron.noise"), 0.0, 1.0, 0.2, 0.05, key="neuron.noise", help=t("neuron.noise_help"))
    n_points = st.slider(t("neuron.n_points"), 20, 400, 80, 10, key="neuron.n_points")
    data_seed = st.number_input(t("neuron.data_seed"), 0, 10_000, 0, key="neuron.data_seed")

price = load("tshirt_price", n_points, noise, int(data_seed))
class_names = [t("neuron.class_no"), t("neuron.class_yes")]
W_LIMIT, B_LIMIT = 2.0, 25.0

left, right = st.columns([1, 2.2], gap="large")
with left:
    w = slider(t("neuron.w"), -W_LIMIT, W_LIMIT, -0.2, 0.01, "neuron.1d.w", help=t("neuron.w_help"))
    b = slider(t("neuron.b"), -B_LIMIT, B_LIMIT, 2.0, 0.1, "neuron.1d.b", help=t("neuron.b_help"))
    at_sliders = neuron([w], b).evaluate(price.X, price.y, return_dict=True)
    m1 = m2 = st.container(horizontal=True)  # metrics side by side while they fit, else one under the other
    m1.metric(t("neuron.loss_here"), f"{at_sliders['loss']:.4f}", help=t("neuron.loss_help"), width="content")
    m2.metric(t("common.accuracy"), f"{at_sliders['accuracy']:.0%}", width="content")
    if w != 0:
        st.metric(t("neuron.decision_price"), f"{-b / w:.2f}", help=t("neuron.decision_help"))
    else:
        st.caption(t("neuron.flat"))

curves = {t("neuron.curve_sliders"): (w, b)}
model_1d = st.session_state.get("neuron.1d.model")
if model_1d is not None:
    W1, b1 = model_1d.get_weights()
    curves[t("neuron.curve_trained")] = (float(W1[0, 0]), float(b1[0]))
with right, st.container(key="neuron_curve_chart"):
    st.altair_chart(function_charts.neuron_curve(
        price.X[:, 0], price.y, curves, x_title=t("neuron.price_axis"), y_title=t("neuron.a_axis"),
        class_names=class_names, width=CONTAINER))

with st.expander(t("neuron.data_arrays")):
    data_summary(price)

st.subheader(t("neuron.train_header"))
st.markdown(t("neuron.train_text", n=EPOCHS_PER_CLICK, lr=LEARNING_RATE))
training_controls("neuron.1d.", price.X, price.y, [w], b, ["w", "b"], [W_LIMIT, B_LIMIT])
trained_summary("neuron.1d.", ["w", "b"])
open_in_playground(dataset="tshirt_price", n_points=n_points, noise=noise, data_seed=int(data_seed), hidden=(),
                   acts=(), head="sigmoid", loss="binary_crossentropy", optimizer="adam", lr=LEARNING_RATE)

# ---------------------------------------------------------------- §1: two inputs, a straight boundary
st.divider()
st.header(t("neuron.two_inputs_header"))
st.markdown(t("neuron.two_inputs_text"))
st.latex(r"a = \frac{1}{1 + e^{-(w_1 x_1 + w_2 x_2 + b)}}")

blobs = load("gaussians", 200, 0.1, int(data_seed))
blob_names = [t("neuron.class_0"), t("neuron.class_1")]
W2_LIMIT, B2_LIMIT = 3.0, 6.0
left, right = st.columns([1, 2.2], gap="large")
with left:
    w1 = slider("w₁", -W2_LIMIT, W2_LIMIT, 1.0, 0.05, "neuron.2d.w1")
    w2 = slider("w₂", -W2_LIMIT, W2_LIMIT, -0.5, 0.05, "neuron.2d.w2")
    b2 = slider(t("neuron.b"), -B2_LIMIT, B2_LIMIT, 0.0, 0.1, "neuron.2d.b")
    at_sliders_2d = neuron([w1, w2], b2).evaluate(blobs.X, blobs.y, return_dict=True)
    m1 = m2 = st.container(horizontal=True)
    m1.metric(t("neuron.loss_here"), f"{at_sliders_2d['loss']:.4f}", width="content")
    m2.metric(t("common.accuracy"), f"{at_sliders_2d['accuracy']:.0%}", width="content")
    st.markdown(t("neuron.boundary_equation",
                  equation=function_charts.equation_text([w1, w2], ["x₁", "x₂"], b2)))

x_range, y_range = plot_range(blobs.X)
points, xs, ys = grid_points(x_range, y_range, 50)


def boundary_map(model: Sequential, title: str) -> None:
    """The neuron's activation a over the plane (a 50 x 50 grid) with the data on top."""
    probability = model.predict(points)[:, 0].reshape(len(ys), len(xs))
    live_chart(charts.decision_map_figure(probability, xs, ys, kind="binary", points_X=blobs.X, points_y=blobs.y,
                                          class_names=blob_names, title=title, width=CONTAINER, height=430))


with right, st.container(key="neuron_boundary_chart"):
    boundary_map(neuron([w1, w2], b2), t("neuron.curve_sliders"))

training_controls("neuron.2d.", blobs.X, blobs.y, [w1, w2], b2, ["w1", "w2", "b"], [W2_LIMIT, W2_LIMIT, B2_LIMIT])
model_2d = st.session_state.get("neuron.2d.model")
if model_2d is None:
    st.info(t("neuron.not_trained"))
else:
    left, right = st.columns([1, 2.2], gap="large")
    with left:
        W_2d, b_2d = model_2d.get_weights()
        log = st.session_state["neuron.2d.history"]
        for name, value in zip(["w₁", "w₂", "b"], [*W_2d[:, 0], b_2d[0]], strict=True):
            st.metric(t("neuron.learned", name=name), f"{value:.3f}")
        st.metric(t("neuron.trained_loss"), f"{log['loss'][-1]:.4f}")
        st.caption(t("neuron.trained_epochs", n=model_2d.epochs_trained))
        st.markdown(t("neuron.boundary_equation",
                      equation=function_charts.equation_text(W_2d[:, 0], ["x₁", "x₂"], b_2d[0])))
    with right, st.container(key="neuron_trained_boundary_chart"):
        boundary_map(model_2d, t("neuron.curve_trained"))

st.divider()
st.markdown(t("neuron.next"))
open_in_playground(dataset="gaussians", n_points=200, noise=0.1, data_seed=int(data_seed), hidden=(), acts=(),
                   head="sigmoid", loss="binary_crossentropy", optimizer="adam", lr=LEARNING_RATE)

# ---------------------------------------------------------------- the two-input neuron as a surface (Plotly)
from ui import plotly_charts

st.divider()
st.header(t("landscape.neuron3d_header"))
st.markdown(t("landscape.neuron3d_text"))
surface_w = [st.session_state["neuron.2d.w1"], st.session_state["neuron.2d.w2"]]
surface_b = st.session_state["neuron.2d.b"]
st.caption(t("landscape.neuron3d_now", equation=function_charts.equation_text(surface_w, ["x₁", "x₂"], surface_b)))
surface_xs, surface_ys = np.linspace(*x_range, 41), np.linspace(*y_range, 41)
surface_grid = np.column_stack([g.ravel() for g in np.meshgrid(surface_xs, surface_ys)])
with st.container(key="neuron_surface_3d"):
    plotly_charts.show(plotly_charts.neuron_surface(
        surface_xs, surface_ys, neuron(surface_w, surface_b).predict(surface_grid)[:, 0].reshape(41, 41), blobs.X,
        blobs.y, blob_names, x_title="x₁", y_title="x₂", z_title=t("landscape.neuron3d_z")), key="neuron_surface_3d_chart")
