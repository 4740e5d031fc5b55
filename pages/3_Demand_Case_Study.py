"""Lesson §3-4: the 4-3-1 T-shirt demand network; after training, what each hidden neuron responds to."""

import numpy as np
import pandas as pd
import streamlit as st

from engine import Dense, Normalization, Sequential
from engine.datasets import make_dataset, train_test_split
from ui import charts, function_charts, training
from ui.chart_style import CONTAINER
from ui.i18n import t
from ui.lesson import open_in_playground
from ui.setup import setup_page
from ui.widgets import live_chart

setup_page("demand.title")

EPOCHS_PER_CLICK = 100
LEARNING_RATE = 0.03
BATCH_SIZE = 32
TEST_FRACTION = 0.25
HIDDEN_ACTIVATIONS = ("sigmoid", "relu", "tanh")


@st.cache_data
def load(n_points: int, noise: float, seed: int):
    data = make_dataset("tshirt_demand", n_points=n_points, noise=noise, seed=seed)
    return train_test_split(data, TEST_FRACTION, seed=seed)


def build(X_train: np.ndarray, hidden_activation: str, seed: int) -> Sequential:
    """The notes' 4-3-1 network: 3 hidden neurons, one sigmoid output neuron.

    Prices are in dollars and marketing in $k, so a Normalization layer (adapted to the training data, as in
    Keras) standardises the 4 features first.
    """
    return training.compiled([Normalization().adapt(X_train), Dense(3, activation=hidden_activation, name="hidden"),
                              Dense(1, activation="sigmoid", name="output")], seed=seed,
                             learning_rate=LEARNING_RATE, loss="binary_crossentropy", metrics=["accuracy"])


def train_clicked(X_train, y_train, X_test, y_test) -> None:
    error = training.fit_into(st.session_state["demand.history"], st.session_state["demand.model"], X_train,
                              y_train, epochs=EPOCHS_PER_CLICK, batch_size=BATCH_SIZE,
                              validation_data=(X_test, y_test))
    if error is not None:
        st.session_state["demand.error"] = error


def reset() -> None:
    training.forget("demand.model", "demand.history", "demand.config")


st.markdown(t("demand.intro"))

with st.sidebar:
    st.subheader(t("demand.settings"))
    n_points = st.slider(t("demand.n_points"), 100, 1000, 400, 50, key="demand.n_points")
    noise = st.slider(t("demand.noise"), 0.0, 1.0, 0.1, 0.05, key="demand.noise", help=t("demand.noise_help"))
    data_seed = int(st.number_input(t("demand.data_seed"), 0, 10_000, 0, key="demand.data_seed"))
    hidden_activation = st.selectbox(t("demand.hidden_activation"), HIDDEN_ACTIVATIONS, key="demand.hidden_act",
                                     help=t("demand.hidden_activation_help"))
    seed = int(st.number_input(t("demand.seed"), 0, 10_000, 0, key="demand.seed", help=t("demand.seed_help")))

train, test = load(n_points, noise, data_seed)
X_train, X_test = train.X, test.X

config = (n_points, noise, data_seed, hidden_activation, seed)
if st.session_state.get("demand.config") != config:
    st.session_state["demand.config"] = config
    st.session_state["demand.model"] = build(X_train, hidden_activation, seed)
    st.session_state["demand.history"] = training.new_history("loss", "accuracy", "val_loss", "val_accuracy")
model: Sequential = st.session_state["demand.model"]
log = st.session_state["demand.history"]

feature_names = [t(f"demand.f.{name}") for name in train.feature_names]
latent_names = [t(f"demand.latent.{name}") for name in train.latent_names]
hidden_names = [t("demand.hidden_neuron", i=i + 1) for i in range(3)]
class_names = [t("demand.class_no"), t("demand.class_yes")]

with st.expander(t("demand.story_header")):
    st.markdown(t("demand.story_text"))
    st.code(
        "affordability     = sigmoid(-(price + shipping - 30) / 4)\n"
        "awareness         = sigmoid((marketing - 4) / 1.2)\n"
        "perceived_quality = sigmoid(0.15 * price + 0.6 * material - 5.5)\n"
        "score             = 6 * affordability + 5 * awareness + 5 * perceived_quality - 9\n"
        "best_seller       = score + noise > 0",
        language="python",
    )

st.header(t("demand.data_header"))
st.markdown(t("demand.data_text", n=train.n_examples, d=train.n_features, n_test=test.n_examples))
table = pd.DataFrame(train.X, columns=feature_names)
table[t("demand.target")] = [class_names[c] for c in train.y]
st.dataframe(table.head(8), hide_index=True, key="demand.data_table")
st.caption(t("demand.shapes", x=str(train.X.shape), y=str(train.y.shape)))

st.header(t("demand.network_header"))
st.markdown(t("demand.network_text"))
# The diagram over the page's width (at 1024 px a column beside the controls is too narrow for it), the
# training controls and curves under it.
with st.container(key="demand_network_chart"):
    live_chart(charts.network_diagram_figure(model, feature_names, [t("demand.output_name")], column_px=150,
                                                row_px=80))
with st.container(horizontal=True):
    st.button(t("demand.train", n=EPOCHS_PER_CLICK), key="demand.train_button", type="primary",
              on_click=train_clicked, args=(X_train, train.y, X_test, test.y))
    st.button(t("demand.reset"), key="demand.reset_button", on_click=reset, disabled=not log["epoch"])
left, right = st.columns([1, 1.3], gap="large")
with left:
    if "demand.error" in st.session_state:
        st.error(st.session_state.pop("demand.error"))
    if log["epoch"]:
        with st.container(horizontal=True):
            st.metric(t("common.epoch"), model.epochs_trained, width="content")
            st.metric(t("demand.test_accuracy"), f"{log['val_accuracy'][-1]:.1%}", width="content")
        with st.container(horizontal=True):
            st.metric(t("demand.train_loss"), f"{log['loss'][-1]:.4f}", width="content")
            st.metric(t("demand.test_loss"), f"{log['val_loss'][-1]:.4f}", width="content")
    else:
        st.info(t("demand.not_trained", n=EPOCHS_PER_CLICK))
    st.caption(t("demand.training_setup", lr=LEARNING_RATE, batch=BATCH_SIZE))
if log["epoch"]:
    with right, st.container(key="demand_loss_chart"):
        live_chart(charts.loss_curves_figure({k: v for k, v in log.items() if "accuracy" not in k},
                                             width=CONTAINER, height=200))

st.header(t("demand.inside_header"))
if not log["epoch"]:
    st.caption(t("demand.inside_untrained"))
W1, b1 = model.get_weights()[:2]
hidden_a = model.layer_outputs(X_train)[0]["a"]

st.subheader(t("demand.weights_header"))
st.markdown(t("demand.weights_text"))
with st.container(key="demand_weight_chart"):
    for column, chart in zip(st.columns(len(hidden_names)), function_charts.weight_bars(
            W1, feature_names, hidden_names, t("common.weights")), strict=True):
        column.altair_chart(chart)

st.subheader(t("demand.activations_header"))
st.markdown(t("demand.activations_text"))
with st.container(key="demand_activation_chart"):
    for column, chart in zip(st.columns(len(hidden_names)), function_charts.activation_by_class(
            hidden_a, train.y, hidden_names, class_names, t("demand.activation_axis")), strict=True):
        column.altair_chart(chart)

st.subheader(t("demand.story_compare_header"))
st.markdown(t("demand.story_compare_text"))
spread = hidden_a.std(axis=0)
# A neuron stuck at one value (dead ReLU) has no correlation with anything: show 0 instead of NaN.
correlation = np.zeros((3, len(latent_names)))
live = spread > 1e-9
if live.any():
    correlation[live] = np.corrcoef(hidden_a[:, live].T, train.latent.T)[:live.sum(), live.sum():]
# The table over the page's width (a column beside the notes squeezes its numbers onto each other at 1024 px).
with st.container(key="demand_correlation_chart"):
    st.altair_chart(function_charts.correlation_heatmap(correlation, hidden_names, latent_names,
                                                        t("demand.hidden_layer_axis"), t("demand.story_axis")))
left, right = st.columns([1, 1], gap="large")
with left:
    best = np.abs(correlation).argmax(axis=1)
    matches = pd.DataFrame({
        t("common.neuron"): hidden_names,
        t("demand.closest_factor"): [latent_names[j] if live[i] else "—" for i, j in enumerate(best)],
        "r": [round(float(correlation[i, j]), 3) for i, j in enumerate(best)],
    })
    st.dataframe(matches, hide_index=True, key="demand.matches")
right.markdown(t("demand.sign_note"))

st.divider()
st.markdown(t("demand.takeaway"))
open_in_playground(dataset="tshirt_demand", n_points=n_points, noise=noise, data_seed=data_seed,
                   test_pct=int(TEST_FRACTION * 100), scale=True, hidden=(3,), acts=(hidden_activation,),
                   head="sigmoid", loss="binary_crossentropy", seed=seed, optimizer="adam", lr=LEARNING_RATE,
                   batch=BATCH_SIZE)
