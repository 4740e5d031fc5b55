"""Lesson §10-11: softmax a_j = e^{z_j} / Σ e^{z_k}, the loss -log a_y, a softmax head trained live, from_logits."""

import numpy as np
import pandas as pd
import streamlit as st

from engine import Dense, Sequential, SparseCategoricalCrossentropy, activations
from engine.datasets import make_dataset, train_test_split
from engine.features import grid_points, plot_range
from ui import charts, training, training_charts
from ui.chart_style import CONTAINER
from ui.display import shown
from ui.i18n import t
from ui.lesson import open_in_playground
from ui.setup import setup_page
from ui.widgets import live_chart

setup_page("softmax.title")

P = "sm."  # session-state prefix of this page
DEFAULT_LOGITS = (2.0, 1.0, 0.1, -1.0, 0.5, -2.0)
N_POINTS, NOISE, TEST_FRACTION, SEED = 300, 0.12, 0.25, 0
BATCH_SIZE, EPOCHS_PER_TICK, EPOCHS_PER_CLICK = 16, 5, 20
GRID = 40  # map resolution per axis
# Three maps of 150 px to a row (with their axes ~600 px) fit the page at 1024 px with the sidebar open.
MAP_PX, MAP_COLUMNS = 150, 3
TICK_SECONDS = 0.3
PRESETS = {  # name -> (logits, true class): each shows the naive path failing in its own way
    "[-100, 0, 50], y = 1": ((-100.0, 0.0, 50.0), 0),
    "[10, 20, 30], y = 1": ((10.0, 20.0, 30.0), 0),
    "[1000, 999, 990], y = 3": ((1000.0, 999.0, 990.0), 2),
    "[20, 0, 0], y = 1": ((20.0, 0.0, 0.0), 0),
}

st.markdown(t("softmax.intro"))

# ----- 1 · explorer --------------------------------------------------------------------------------------
st.header(t("softmax.explorer_header"))
st.markdown(t("softmax.explorer_text"))
st.latex(r"a_j = \frac{e^{z_j}}{\sum_{k=1}^{N} e^{z_k}} \qquad\qquad \text{loss} = -\log a_y")

controls, figure = st.columns([1, 2], gap="large")
with controls:
    n_classes = st.slider(t("softmax.n_classes"), 2, 6, 4, key=P + "k")
    logits = np.array([st.slider(f"z_{j + 1}", -10.0, 10.0, DEFAULT_LOGITS[j], 0.1, key=f"{P}z{j}")
                       for j in range(n_classes)])
    if st.session_state.get(P + "y", 0) >= n_classes:
        st.session_state[P + "y"] = 0
    true_class = st.radio(t("softmax.true_class"), list(range(n_classes)), horizontal=True, key=P + "y",
                          format_func=lambda j: f"y = {shown(j)}")
class_names = [t("softmax.class_name", j=shown(j)) for j in range(n_classes)]
probabilities = activations.forward("softmax", logits.reshape(1, -1))[0]
loss_object = SparseCategoricalCrossentropy(from_logits=True)
example_loss = loss_object(loss_object.prepare_targets(np.array([true_class]), n_classes, float),
                           logits.reshape(1, -1))
with figure:
    with st.container(key="softmax_bars"):
        for column, panel in zip(st.columns(2), ("z", "a"), strict=True):
            with column:
                live_chart(training_charts.softmax_bars_figure(logits, probabilities, true_class, class_names,
                                                               width=CONTAINER, panel=panel))
    with st.container(horizontal=True):
        st.metric(t("softmax.a_y"), f"{probabilities[true_class]:.4f}", width="content")
        st.metric(t("softmax.loss_y"), f"{example_loss:.4f}", width="content")
        st.metric(t("softmax.sum_a"), f"{probabilities.sum():.4f}", width="content")
    exp_z = np.exp(logits)
    st.dataframe(pd.DataFrame({t("softmax.col_class"): class_names, "z_j": logits, "e^z_j": exp_z,
                               "a_j = e^z_j / Σ": probabilities}),
                 hide_index=True, key="softmax_table",
                 column_config={"e^z_j": st.column_config.NumberColumn(format="%.4g"),
                                "a_j = e^z_j / Σ": st.column_config.NumberColumn(format="%.4f")})
    st.caption(t("softmax.table_caption"))

# ----- 2 · a softmax head trained live -------------------------------------------------------------------
st.header(t("softmax.train_header"))
st.markdown(t("softmax.train_text"))


@st.cache_data
def load(key: str, classes: int):
    """(train, test) of a K-class set; generated, so caching copies is fine."""
    return train_test_split(make_dataset(key, n_points=N_POINTS, noise=NOISE, seed=SEED, classes=classes),
                            TEST_FRACTION, seed=SEED)


c1, c2, c3, c4, c5 = st.columns(5)
dataset_key = c1.selectbox(t("softmax.dataset"), ["blobs", "multi_spiral"], key=P + "dataset",
                           format_func=lambda key: t(f"softmax.dataset_{key}"))
classes = c2.slider(t("softmax.classes"), 3, 6, 4, key=P + "classes")
hidden_layers = c3.slider(t("softmax.hidden_layers"), 1, 2, 2, key=P + "layers")
hidden_units = c4.slider(t("softmax.hidden_units"), 2, 32, 12, key=P + "units")
learning_rate = c5.select_slider(t("softmax.learning_rate"), [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0],
                                 value=0.03, key=P + "lr")

train, test = load(dataset_key, classes)
data_class_names = [t("softmax.class_name", j=shown(k)) for k in range(train.n_classes)]
config = (dataset_key, classes, hidden_layers, hidden_units)


def new_model() -> Sequential:
    """ReLU hidden layer(s), a linear output of one neuron per class, the loss applying softmax (notes §11)."""
    layers = [Dense(hidden_units, activation="relu") for _ in range(hidden_layers)]
    return training.compiled([*layers, Dense(train.n_classes, activation="linear")], input_dim=2, seed=SEED,
                             learning_rate=learning_rate, loss=SparseCategoricalCrossentropy(from_logits=True),
                             metrics=["accuracy"])


def reset() -> None:
    st.session_state[P + "model"] = new_model()
    st.session_state[P + "history"] = training.new_history("loss", "val_loss", "accuracy", "val_accuracy")
    st.session_state[P + "running"] = False
    st.session_state[P + "config"] = config


def train_epochs(epochs: int) -> bool:
    """Train the stored model `epochs` more epochs; False (and paused, with a message) if training blew up."""
    error = training.fit_into(st.session_state[P + "history"], st.session_state[P + "model"], train.X, train.y,
                              epochs=epochs, batch_size=BATCH_SIZE, validation_data=(test.X, test.y))
    if error is not None:
        st.session_state[P + "running"] = False
        st.session_state[P + "error"] = error
    return error is None


def set_running(running: bool) -> None:
    # Set, never toggle: a click queued behind live ticks can be replayed, and a toggle would undo Pause.
    st.session_state[P + "running"] = running


if st.session_state.get(P + "config") != config or P + "model" not in st.session_state:
    reset()
model = st.session_state[P + "model"]
model.optimizer.learning_rate = learning_rate  # a new learning rate keeps what was learned
running = st.session_state[P + "running"]

b1 = b2 = b3 = st.container(horizontal=True)  # buttons as wide as their labels, wrapping on a narrow screen
b1.button(t("softmax.pause") if running else t("softmax.play"), key=P + "play", type="primary",
          on_click=set_running, args=(not running,))
b2.button(t("softmax.train_n", n=EPOCHS_PER_CLICK), key=P + "train", on_click=train_epochs,
          args=(EPOCHS_PER_CLICK,), disabled=running)
b3.button(t("softmax.reset"), key=P + "reset", on_click=reset)
if P + "error" in st.session_state:
    st.error(st.session_state.pop(P + "error"))
    st.info(t("softmax.diverged_hint"))

(x_range, y_range) = plot_range(np.vstack([train.X, test.X]))
grid, xs, ys = grid_points(x_range, y_range, GRID)


@st.fragment(run_every=TICK_SECONDS if running else None)
def live_view() -> None:
    """One tick: a few epochs (while playing), then every view of the model redrawn in place."""
    if st.session_state[P + "running"]:
        if not train_epochs(EPOCHS_PER_TICK):
            st.rerun(scope="app")  # redefine the fragment without its timer, show the message
    model = st.session_state[P + "model"]
    log = st.session_state[P + "history"]
    m1 = m2 = m3 = st.container(horizontal=True)
    m1.metric(t("softmax.epochs_done"), model.epochs_trained, width="content")
    m2.metric(t("softmax.train_loss"), f"{log['loss'][-1]:.4f}" if log["loss"] else "–", width="content")
    m3.metric(t("softmax.test_accuracy"), f"{log['val_accuracy'][-1]:.1%}" if log["val_accuracy"] else "–",
              width="content")
    if not log["loss"]:
        st.caption(t("softmax.not_trained"))
    probs = model.predict_proba(grid).reshape(GRID, GRID, -1)
    st.session_state[P + "maps"] = probs
    st.caption(t("softmax.maps_caption"))
    with st.container(key="softmax_maps"):
        live_chart(charts.probability_maps_figure(probs, xs, ys, data_class_names, points_X=train.X,
                                                  points_y=train.y, size=MAP_PX, columns=MAP_COLUMNS))
    with st.container(key="softmax_loss"):
        for column, metric in zip(st.columns(2, gap="large"), ("loss", "accuracy"), strict=True):
            with column:
                live_chart(charts.loss_curves_figure(log, width=CONTAINER, height=220, metric=metric))
    point, bars = st.columns([1, 1], gap="large")
    with point:
        st.subheader(t("softmax.pick_header"))
        # Numbered from 1, as the classes (the notes' a_1 ... a_N).
        index = st.slider(t("softmax.pick_point"), 1, train.n_examples, 1, key=P + "point") - 1
        x_point = train.X[index]
        st.markdown(t("softmax.point_info", x1=x_point[0], x2=x_point[1], name=data_class_names[train.y[index]]))
        point_probs = model.predict_proba(x_point.reshape(1, -1))[0]
        st.session_state[P + "point_probs"] = point_probs
    with bars, st.container(key="softmax_point_bars"):
        live_chart(charts.probability_bars_figure(point_probs, data_class_names, int(train.y[index]),
                                                  width=CONTAINER))


live_view()

open_in_playground(dataset=dataset_key, classes=classes, n_points=N_POINTS, noise=NOISE,
                   hidden=(hidden_units,) * hidden_layers, acts=("relu",) * hidden_layers, head="softmax",
                   loss="categorical_crossentropy", optimizer="adam", lr=learning_rate, batch=BATCH_SIZE,
                   test_pct=int(TEST_FRACTION * 100), seed=SEED, data_seed=SEED)

# ----- 3 · precision: naive softmax-then-log vs from_logits ----------------------------------------------
st.header(t("softmax.precision_header"))
st.markdown(t("softmax.precision_text"))

p1, p2, p3 = st.columns([2, 1, 1])
preset = p1.selectbox(t("softmax.preset"), [*PRESETS, "custom"], key=P + "preset",
                      format_func=lambda name: t("softmax.preset_custom") if name == "custom" else name)
dtype_name = p3.radio(t("softmax.dtype"), ["float32", "float64"], horizontal=True, key=P + "dtype")
precision_logits, precision_class = PRESETS.get(preset, ((1000.0, 999.0, 990.0), 0))
if preset == "custom":
    text = p1.text_input(t("softmax.custom_logits"), "1000, 999, 990", key=P + "custom")
    try:
        precision_logits = tuple(float(part) for part in text.split(","))
        if not 2 <= len(precision_logits) <= 10 or not np.isfinite(precision_logits).all():
            raise ValueError(text)
    except ValueError:
        st.error(t("softmax.bad_logits"))
        precision_logits = None
if precision_logits is not None:
    choices = list(range(len(precision_logits)))
    if preset != "custom":
        st.session_state[P + "precision_y"] = precision_class
    elif st.session_state.get(P + "precision_y", 0) >= len(choices):
        st.session_state[P + "precision_y"] = 0
    precision_class = p2.selectbox(t("softmax.precision_true"), choices, key=P + "precision_y",
                                   format_func=lambda j: f"y = {j + 1}", disabled=preset != "custom")
    paths = training_charts.softmax_loss_paths(precision_logits, precision_class, np.dtype(dtype_name))
    exact = paths["exact"]
    errors = {name: training_charts.loss_error(paths[name], exact) for name in ("textbook", "probabilities",
                                                                               "from_logits")}
    labels = {name: t(f"softmax.path_{name}") for name in training_charts.PRECISION_PATHS}
    st.session_state[P + "precision"] = {"paths": paths, "errors": errors}
    st.dataframe(pd.DataFrame({
        t("softmax.col_path"): [labels[name] for name in training_charts.PRECISION_PATHS],
        t("softmax.col_loss"): [f"{paths[name]:.10g}" for name in training_charts.PRECISION_PATHS],
        t("softmax.col_error"): ["–"] + [f"{errors[name]:.3g}" for name in errors],
    }), hide_index=True, key="softmax_precision_table")
    numbers, chart = st.columns([1, 2], gap="large")
    numbers.metric(t("softmax.naive_error"), f"{errors['probabilities']:.3g}")
    numbers.metric(t("softmax.logits_error"), f"{errors['from_logits']:.3g}")
    with chart:
        with st.container(key="softmax_precision_chart"):
            short = {name: t(f"softmax.short_{name}") for name in errors}
            st.altair_chart(training_charts.precision_chart(errors, short, width=CONTAINER))
st.caption(t("softmax.code_caption"))
st.code("""model = Sequential([
    Dense(25, activation="relu"),
    Dense(15, activation="relu"),
    Dense(10, activation="linear"),   # logits z, no softmax here
])
model.compile(loss=SparseCategoricalCrossentropy(from_logits=True), optimizer=Adam(learning_rate=1e-3))
model.fit(X, y, epochs=100)
probabilities = tf.nn.softmax(model(X))""", language="python")

# ----- softmax on the triangle (Plotly's ternary plot): three probabilities are one point -----------------
from ui import plotly_charts

st.header(t("landscape.softmax3_header"))
st.markdown(t("landscape.softmax3_text"))
drag, trained_dots = st.columns(2, gap="medium")
with drag:
    if st.session_state[P + "k"] == 3:
        dragged = activations.forward("softmax", np.array([[st.session_state[f"{P}z{j}"] for j in range(3)]]))
        st.session_state[P + "simplex_dragged"] = dragged[0]
        with st.container(key="softmax_simplex_logits"):
            plotly_charts.show(plotly_charts.ternary_figure(
                dragged, [st.session_state[P + "y"]], [t("softmax.class_name", j=j + 1) for j in range(3)],
                marker_size=22, title=t("landscape.softmax3_dragged")), key="softmax_simplex_logits_chart")
    else:
        st.info(t("landscape.softmax3_set_three"))
with trained_dots:
    if train.n_classes == 3 and not st.session_state[P + "running"]:
        trained_probs = st.session_state[P + "model"].predict_proba(train.X)
        st.session_state[P + "simplex_trained"] = trained_probs
        with st.container(key="softmax_simplex_trained"):
            plotly_charts.show(plotly_charts.ternary_figure(
                trained_probs, train.y, data_class_names, title=t("landscape.softmax3_trained")),
                key="softmax_simplex_trained_chart")
    elif train.n_classes != 3:
        st.info(t("landscape.softmax3_train_three"))
