"""Lesson §7-9: activation functions, which one to choose where, and why hidden layers must be non-linear."""

import numpy as np
import pandas as pd
import streamlit as st

from engine import Dense, Sequential, activations
from engine.datasets import make_dataset
from engine.features import grid_points, plot_range
from ui import charts, function_charts, training
from ui.chart_style import CONTAINER
from ui.i18n import t
from ui.lesson import open_in_playground
from ui.setup import setup_page
from ui.widgets import live_chart

setup_page("acts.title")

HIDDEN = (6, 6)
N_POINTS, NOISE, DATA_SEED = 300, 0.05, 0
LEARNING_RATE, BATCH_SIZE = 0.03, 32
EPOCH_CHOICES = (50, 100, 200, 400)


@st.cache_data(show_spinner=False)
def circle_data():
    return make_dataset("circle", n_points=N_POINTS, noise=NOISE, seed=DATA_SEED)


def build(hidden_activation: str, seed: int) -> Sequential:
    layers = [Dense(units, activation=hidden_activation) for units in HIDDEN] + [Dense(1, activation="sigmoid")]
    return training.compiled(layers, input_dim=2, seed=seed, learning_rate=LEARNING_RATE,
                             loss="binary_crossentropy", metrics=["accuracy"])


@st.cache_data(show_spinner=False, max_entries=32)
def train(hidden_activation: str, epochs: int, seed: int):
    """Weights [W1, b1, ...] and final loss/accuracy of the circle network after `epochs` epochs (deterministic)."""
    data = circle_data()
    model = build(hidden_activation, seed)
    history = model.fit(data.X, data.y, epochs=epochs, batch_size=BATCH_SIZE)
    return model.get_weights(), history.history["loss"][-1], history.history["accuracy"][-1]


def trained_model(hidden_activation: str, epochs: int, seed: int) -> tuple[Sequential, float, float]:
    weights, loss, accuracy = train(hidden_activation, epochs, seed)
    model = build(hidden_activation, seed)
    model.set_weights(weights)
    return model, loss, accuracy


st.markdown(t("acts.intro"))

# ---------------------------------------------------------------- §7: the functions and their slopes
st.header(t("acts.plot_header"))
# The controls in a row above the two plots: beside them, the plots would be too narrow at 1024 px.
left, right = st.columns([1, 1.6], gap="large")
with left:
    chosen = st.multiselect(t("acts.pick"), list(activations.ELEMENTWISE), default=["sigmoid", "relu", "linear"],
                            key="acts.chosen")
with right:
    z_limit = st.slider(t("acts.z_range"), 1.0, 10.0, 5.0, 0.5, key="acts.z_range")
    z_probe = st.slider(t("acts.z_probe"), -z_limit, z_limit, min(1.0, z_limit), 0.1, key="acts.z_probe")
if not chosen:
    st.warning(t("acts.pick_one"))
else:
    with st.container(key="acts_curves_chart"):
        for column, chart in zip(st.columns(2, gap="large"), function_charts.activation_curves(
                chosen, t("acts.g_title"), t("acts.dg_title"), -z_limit, z_limit), strict=True):
            column.altair_chart(chart)
    probe = np.array([z_probe])
    table = pd.DataFrame({
        t("common.activation"): chosen,
        f"g({z_probe:g})": [float(activations.forward(name, probe)[0]) for name in chosen],
        f"g'({z_probe:g})": [float(activations.derivative(name, probe)[0]) for name in chosen],
    })
    st.dataframe(table, hide_index=True, key="acts.probe_table")
st.markdown(t("acts.plot_text"))

# ---------------------------------------------------------------- §8: choosing
st.header(t("acts.choose_header"))
st.markdown(t("acts.output_text"))
st.table(pd.DataFrame({
    t("acts.col_problem"): [t("acts.binary"), t("acts.signed"), t("acts.nonneg")],
    t("acts.col_output"): ["sigmoid", "linear", "relu"],
    t("acts.col_why"): [t("acts.binary_why"), t("acts.signed_why"), t("acts.nonneg_why")],
}))
st.markdown(t("acts.hidden_text"))

# ---------------------------------------------------------------- §9: why non-linear
st.header(t("acts.why_header"))
st.markdown(t("acts.why_text", hidden=" → ".join(str(n) for n in HIDDEN)))
c1, c2, c3 = st.columns([1, 1.2, 0.8])
other = c1.selectbox(t("acts.other"), ["relu", "tanh", "sigmoid", "leaky_relu"], key="acts.other")
epochs = c2.select_slider(t("acts.epochs"), EPOCH_CHOICES, value=200, key="acts.epochs")
seed = int(c3.number_input(t("acts.seed"), 0, 10_000, 0, key="acts.seed"))
hard = st.toggle(t("acts.discretize"), value=True, key="acts.discretize", help=t("acts.discretize_help"))

data = circle_data()
class_names = [t("acts.outside"), t("acts.inside")]
x_range, y_range = plot_range(data.X)
grid, xs, ys = grid_points(x_range, y_range, 60)
with st.spinner(t("acts.training")):
    linear_model, linear_loss, linear_accuracy = trained_model("linear", epochs, seed)
    bent_model, bent_loss, bent_accuracy = trained_model(other, epochs, seed)
st.session_state["acts.models"] = {"linear": linear_model, other: bent_model}

left, right = st.columns(2, gap="large")
for col, model, name, loss, accuracy in ((left, linear_model, "linear", linear_loss, linear_accuracy),
                                         (right, bent_model, other, bent_loss, bent_accuracy)):
    with col:
        st.subheader(t("acts.side_title", g=name))
        probability = model.predict(grid)[:, 0].reshape(len(ys), len(xs))
        with st.container(key=f"acts_map_{'linear' if name == 'linear' else 'other'}"):
            live_chart(charts.decision_map_figure(probability, xs, ys, kind="binary", points_X=data.X,
                                                  points_y=data.y, class_names=class_names, discretize=hard,
                                                  width=CONTAINER, height=360))
        with st.container(horizontal=True):
            st.metric(t("common.loss"), f"{loss:.4f}", width="content")
            st.metric(t("common.accuracy"), f"{accuracy:.1%}", width="content")

st.subheader(t("acts.collapse_header"))
st.markdown(t("acts.collapse_text"))
weights = linear_model.get_weights()
Ws, bs = weights[0::2], weights[1::2]
W_total, b_total = Ws[0], bs[0]
for W, b in zip(Ws[1:], bs[1:], strict=True):
    # (x W1 + b1) W2 + b2 = x (W1 W2) + (b1 W2 + b2): each layer folds into one affine map.
    W_total, b_total = W_total @ W, b_total @ W + b
logits = linear_model.layer_outputs(data.X)[-1]["z"]
collapsed = data.X @ W_total + b_total
st.session_state["acts.collapsed"] = {"W": W_total, "b": b_total, "logits": logits, "collapsed": collapsed}
shapes = " · ".join(f"W{k + 1} {W.shape}" for k, W in enumerate(Ws))
b_formula = "b_1"
for k in range(2, len(Ws) + 1):
    b_formula = f"({b_formula}) W_{k} + b_{k}" if k > 2 else f"{b_formula} W_{k} + b_{k}"
st.latex(r"W = " + " ".join(f"W_{k}" for k in range(1, len(Ws) + 1)) + r",\qquad b = " + b_formula)
st.markdown(t("acts.collapse_shapes", shapes=shapes, shape=str(W_total.shape)))
c1, c2, c3 = st.columns([1, 1, 2.2])
with c1:
    st.dataframe(pd.DataFrame(W_total, index=["x1", "x2"], columns=["W"]), key="acts.W_total")
with c2:
    st.dataframe(pd.DataFrame({"b": b_total}), hide_index=True, key="acts.b_total")
with c3:
    difference = float(np.max(np.abs(logits - collapsed)))
    st.metric(t("acts.collapse_difference"), f"{difference:.1e}")
    w1, w2, b0 = float(W_total[0, 0]), float(W_total[1, 0]), float(b_total[0])
    st.markdown(t("acts.collapse_line", equation=function_charts.equation_text([w1, w2], ["x₁", "x₂"], b0, 3)))
st.dataframe(pd.DataFrame({"x1": data.X[:6, 0], "x2": data.X[:6, 1], t("acts.net_logit"): logits[:6, 0],
                           t("acts.one_layer_logit"): collapsed[:6, 0]}), hide_index=True, key="acts.logits")

st.divider()
st.markdown(t("acts.takeaway"))
cols = st.columns(2)
with cols[0]:
    st.caption(t("acts.link_linear"))
    open_in_playground(dataset="circle", n_points=N_POINTS, noise=NOISE, hidden=HIDDEN, acts=("linear",) * len(HIDDEN),
                       head="sigmoid", loss="binary_crossentropy", seed=seed, optimizer="adam", lr=LEARNING_RATE,
                       batch=BATCH_SIZE, scale=False)
with cols[1]:
    st.caption(t("acts.link_other", g=other))
    open_in_playground(dataset="circle", n_points=N_POINTS, noise=NOISE, hidden=HIDDEN, acts=(other,) * len(HIDDEN),
                       head="sigmoid", loss="binary_crossentropy", seed=seed, optimizer="adam", lr=LEARNING_RATE,
                       batch=BATCH_SIZE, scale=False)
