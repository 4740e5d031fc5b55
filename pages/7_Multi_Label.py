"""Lesson §12: multi-label classification with one sigmoid per label, beside the wrong choice (softmax)."""

import numpy as np
import pandas as pd
import streamlit as st

from engine import Dense, Sequential
from engine.datasets import make_dataset, train_test_split
from engine.features import grid_points, plot_range
from ui import charts, training, training_charts
from ui.i18n import t
from ui.lesson import open_in_playground
from ui.setup import setup_page
from ui.widgets import live_chart

setup_page("multilabel.title")

P = "ml."  # session-state prefix of this page
N_POINTS, NOISE, TEST_FRACTION, SEED = 400, 0.03, 0.25, 0
HIDDEN_LAYERS, BATCH_SIZE, EPOCHS_PER_CLICK, GRID = 2, 16, 40, 36
HEADS = ("sigmoid", "softmax")

st.markdown(t("multilabel.intro"))

c1, c2, c3 = st.columns(3)
n_labels = c1.slider(t("multilabel.labels"), 2, 4, 3, key=P + "labels")
hidden_units = c2.slider(t("multilabel.hidden_units"), 4, 32, 16, key=P + "units")
learning_rate = c3.select_slider(t("multilabel.learning_rate"), [0.001, 0.003, 0.01, 0.03, 0.1, 0.3], value=0.01,
                                 key=P + "lr")
label_names = [t(f"multilabel.label_{j}") for j in range(n_labels)]


@st.cache_data
def load(labels: int):
    """(train, test): X (n, 2), y (n, labels) 0/1."""
    return train_test_split(make_dataset("multilabel", n_points=N_POINTS, noise=NOISE, seed=SEED, classes=labels),
                            TEST_FRACTION, seed=SEED)


def one_label_per_row(X: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What softmax needs, one class per example: a row with k labels becomes k rows; rows with none are dropped.

    Same as categorical cross-entropy on the labels divided by their count, up to each row's weight.
    """
    rows, labels = np.nonzero(Y)
    return X[rows], labels


train, test = load(n_labels)
config = (n_labels, hidden_units)


def new_model(head: str) -> Sequential:
    hidden = [Dense(hidden_units, activation="relu") for _ in range(HIDDEN_LAYERS)]
    loss = "binary_crossentropy" if head == "sigmoid" else "sparse_categorical_crossentropy"
    return training.compiled([*hidden, Dense(n_labels, activation=head)], input_dim=2, seed=SEED,
                             learning_rate=learning_rate, loss=loss)


def reset() -> None:
    st.session_state[P + "models"] = {head: new_model(head) for head in HEADS}
    st.session_state[P + "config"] = config


def train_both(epochs: int) -> None:
    models = st.session_state[P + "models"]
    X_soft, y_soft = one_label_per_row(train.X, train.y)
    error = training.fit_into(None, models["sigmoid"], train.X, train.y, epochs=epochs, batch_size=BATCH_SIZE)
    if error is None:
        error = training.fit_into(None, models["softmax"], X_soft, y_soft, epochs=epochs, batch_size=BATCH_SIZE)
    if error is not None:
        st.session_state[P + "error"] = t("multilabel.diverged", message=error)


if st.session_state.get(P + "config") != config or P + "models" not in st.session_state:
    reset()
models = st.session_state[P + "models"]
for model in models.values():
    model.optimizer.learning_rate = learning_rate

b1 = b2 = b3 = st.container(horizontal=True, vertical_alignment="center")  # wraps on a narrow screen
b1.button(t("multilabel.train", n=EPOCHS_PER_CLICK), key=P + "train", type="primary",
          on_click=train_both, args=(EPOCHS_PER_CLICK,))
b2.button(t("multilabel.reset"), key=P + "reset", on_click=reset)
b3.metric(t("multilabel.epochs_done"), models["sigmoid"].epochs_trained, width="content")
if P + "error" in st.session_state:
    st.error(st.session_state.pop(P + "error"))
if models["sigmoid"].epochs_trained == 0:
    st.info(t("multilabel.not_trained"))

(x_range, y_range) = plot_range(np.vstack([train.X, test.X]))
grid, xs, ys = grid_points(x_range, y_range, GRID)
test_probs = {head: models[head].predict(test.X) for head in HEADS}
scores = {head: training_charts.multilabel_scores(test_probs[head], test.y) for head in HEADS}
st.session_state[P + "scores"] = scores

# One head after the other, each with its maps in one row over the page's width (side by side, two heads' maps
# would not fit at 1024 px); the table below compares their numbers.
for head in HEADS:
    st.subheader(t("multilabel.right_header" if head == "sigmoid" else "multilabel.wrong_header"))
    st.markdown(t("multilabel.right_text" if head == "sigmoid" else "multilabel.wrong_text"))
    with st.container(horizontal=True):
        st.metric(t("multilabel.per_label_accuracy"), f"{scores[head]['per_label'].mean():.1%}", width="content")
        st.metric(t("multilabel.exact_match_two"), f"{scores[head]['exact_multi']:.1%}", width="content")
    st.caption(t("multilabel.maps_right" if head == "sigmoid" else "multilabel.maps_wrong"))
    with st.container(key=f"multilabel_maps_{head}"):
        probs = models[head].predict(grid).reshape(GRID, GRID, n_labels)
        st.session_state[P + "maps_" + head] = probs
        # Up to four maps with their axes in ~600 px: the page's width at 1024 px with the sidebar open.
        live_chart(charts.probability_maps_figure(probs, xs, ys, label_names, points_X=train.X, points_y=train.y,
                                                size=140 if n_labels <= 3 else 100, columns=n_labels))

st.subheader(t("multilabel.compare_header"))
rows = []
for head in HEADS:
    row = {t("multilabel.col_model"): t(f"multilabel.model_{head}")}
    row.update({name: f"{value:.1%}" for name, value in zip(label_names, scores[head]["per_label"], strict=True)})
    row[t("multilabel.exact_match")] = f"{scores[head]['exact']:.1%}"
    row[t("multilabel.exact_match_two")] = f"{scores[head]['exact_multi']:.1%}"
    rows.append(row)
st.dataframe(pd.DataFrame(rows), hide_index=True, key="multilabel_scores_table")

st.subheader(t("multilabel.point_header"))
two_labels = np.flatnonzero(test.y.sum(axis=1) >= 2)
if two_labels.size == 0:
    st.warning(t("multilabel.no_two_labels"))
else:
    pick = st.slider(t("multilabel.pick_point"), 1, int(two_labels.size), 1, key=P + "point")
    index = int(two_labels[min(pick, two_labels.size) - 1])
    # Probabilities on a 0-1 scale (a 1.00 is a full bar); their sums, which reach past 1, in their own row below.
    table = pd.DataFrame({
        t("multilabel.col_label"): label_names,
        t("multilabel.col_true"): ["✓" if v else "" for v in test.y[index]],
        t("multilabel.model_sigmoid"): test_probs["sigmoid"][index],
        t("multilabel.model_softmax"): test_probs["softmax"][index],
    })
    sums = pd.DataFrame({
        t("multilabel.col_label"): [t("multilabel.sum_row")],
        t("multilabel.col_true"): [str(int(test.y[index].sum()))],
        t("multilabel.model_sigmoid"): [f"{test_probs['sigmoid'][index].sum():.2f}"],
        t("multilabel.model_softmax"): [f"{test_probs['softmax'][index].sum():.2f}"],
    })
    st.session_state[P + "point_probs"] = {"index": index, "sigmoid": test_probs["sigmoid"][index],
                                     "softmax": test_probs["softmax"][index]}
    st.dataframe(table, hide_index=True, key="multilabel_point_table", column_config={
        t("multilabel.model_sigmoid"): st.column_config.ProgressColumn(format="%.2f", min_value=0, max_value=1),
        t("multilabel.model_softmax"): st.column_config.ProgressColumn(format="%.2f", min_value=0, max_value=1),
    })
    st.dataframe(sums, hide_index=True, key="multilabel_point_sums")
    st.caption(t("multilabel.point_caption"))

open_in_playground(dataset="multilabel", classes=n_labels, n_points=N_POINTS, noise=NOISE,
                   test_pct=int(TEST_FRACTION * 100), hidden=(hidden_units,) * HIDDEN_LAYERS,
                   acts=("relu",) * HIDDEN_LAYERS, head="multilabel", loss="binary_crossentropy", optimizer="adam",
                   lr=learning_rate, batch=BATCH_SIZE, seed=SEED, data_seed=SEED)
