"""Lesson: a softmax network on the shipped 8x8 handwritten digits; top-3 guesses, confusion matrix, mistakes."""

import numpy as np
import streamlit as st

from engine import Dense, SparseCategoricalCrossentropy
from engine.datasets import make_dataset, train_test_split
from engine.preprocessing import Normalization
from ui import charts, training, training_charts
from ui.chart_style import CONTAINER
from ui.i18n import t
from ui.lesson import open_in_playground
from ui.setup import setup_page
from ui.widgets import live_chart

setup_page("digits.title")

P = "dg."  # session-state prefix of this page
TEST_FRACTION, DATA_SEED, BATCH_SIZE = 0.25, 0, 32
# Six images to a row at 9 screen pixels per image pixel: 540 px, inside the page at 1024 px with the sidebar
# open, and drawn at that size (never stretched or squeezed to the column, so every image stays square).
GALLERY_SIZE, MISTAKES_SHOWN, COLUMNS, PIXEL = 24, 24, 6, 9


@st.cache_data
def digits():
    """(train, test) of the shipped digits: X (n, 64) pixels 0..16, y (n,) 0..9, images (n, 8, 8)."""
    return train_test_split(make_dataset("digits", seed=DATA_SEED), TEST_FRACTION, seed=DATA_SEED)


train, test = digits()
st.markdown(t("digits.intro", n=train.n_examples + test.n_examples, shape=f"({train.n_examples + test.n_examples}, 64)"))

c1, c2, c3, c4 = st.columns(4)
hidden_units = c1.select_slider(t("digits.hidden_units"), [8, 16, 32, 64], value=32, key=P + "units")
epochs = c2.slider(t("digits.epochs"), 1, 30, 10, key=P + "epochs")
learning_rate = c3.select_slider(t("digits.learning_rate"), [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 1.0, 10.0],
                                 value=0.01, key=P + "lr")
seed = c4.number_input(t("digits.seed"), 0, 999, 0, key=P + "seed")


def train_network() -> None:
    """Normalization -> ReLU hidden layer -> 10 linear outputs, softmax inside the loss; results into the state."""
    model = training.compiled([Normalization().adapt(train.X), Dense(hidden_units, activation="relu"),
                               Dense(10, activation="linear")], seed=int(seed), learning_rate=learning_rate,
                              loss=SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    history, error = training.fit(model, train.X, train.y, epochs=epochs, batch_size=BATCH_SIZE,
                                  validation_data=(test.X, test.y))
    if error is not None:
        st.session_state[P + "error"] = t("digits.bad_training", message=error)
        return
    probabilities = model.predict_proba(test.X)
    predicted = probabilities.argmax(axis=1)
    st.session_state[P + "result"] = {
        "model": model,
        "history": {"epoch": history.epoch, **history.history},
        "probabilities": probabilities,
        "predicted": predicted,
        "confusion": training_charts.confusion_matrix(test.y, predicted, 10),
        "test_accuracy": float(np.mean(predicted == test.y)),
        "train_accuracy": float(np.mean(model.predict_proba(train.X).argmax(axis=1) == train.y)),
    }


st.button(t("digits.train"), key=P + "train", type="primary", on_click=train_network)
if P + "error" in st.session_state:
    st.error(st.session_state.pop(P + "error"))

result = st.session_state.get(P + "result")
if result is None:
    st.info(t("digits.press_train"))
    st.subheader(t("digits.examples"))
    with st.container(key="digits_examples"):
        st.altair_chart(training_charts.digit_gallery(train.images[:18], train.y[:18], None, train.target_names,
                                                      columns=COLUMNS, pixel=PIXEL), width="content")
else:
    mistakes = np.flatnonzero(result["predicted"] != test.y)
    with st.container(horizontal=True):
        st.metric(t("digits.test_accuracy"), f"{result['test_accuracy']:.1%}", width="content")
        st.metric(t("digits.train_accuracy"), f"{result['train_accuracy']:.1%}", width="content")
        st.metric(t("digits.test_size"), test.n_examples, width="content")
        st.metric(t("digits.mistake_count"), len(mistakes), width="content")

    matrix_col, curve_col = st.columns([1.2, 1], gap="large")
    with matrix_col:
        st.subheader(t("digits.confusion_header"))
        st.markdown(t("digits.confusion_text"))
        with st.container(key="digits_confusion"):
            st.altair_chart(training_charts.confusion_matrix_chart(result["confusion"], test.target_names, size=360,
                                                                   width=CONTAINER))
    with curve_col, st.container(key="digits_loss"):
        for metric in ("loss", "accuracy"):
            live_chart(charts.loss_curves_figure(result["history"], width=CONTAINER, height=190, metric=metric))

    st.subheader(t("digits.gallery_header"))
    st.markdown(t("digits.gallery_text"))
    start = st.slider(t("digits.page"), 0, test.n_examples - GALLERY_SIZE, 0, GALLERY_SIZE, key=P + "start")
    shown = slice(start, start + GALLERY_SIZE)
    with st.container(key="digits_gallery"):
        st.altair_chart(training_charts.digit_gallery(test.images[shown], test.y[shown],
                                                      result["probabilities"][shown], test.target_names,
                                                      columns=COLUMNS, pixel=PIXEL), width="content")

    st.subheader(t("digits.mistakes_header"))
    if len(mistakes) == 0:
        st.success(t("digits.no_mistakes"))
    else:
        wrong = mistakes[:MISTAKES_SHOWN]
        with st.container(key="digits_mistakes"):
            st.altair_chart(training_charts.digit_gallery(test.images[wrong], test.y[wrong],
                                                          result["probabilities"][wrong], test.target_names,
                                                          columns=COLUMNS, pixel=PIXEL), width="content")

open_in_playground(dataset="digits", hidden=(hidden_units,), acts=("relu",), head="softmax",
                   loss="categorical_crossentropy", optimizer="adam", lr=learning_rate, batch=BATCH_SIZE,
                   test_pct=int(TEST_FRACTION * 100), seed=int(seed), data_seed=DATA_SEED)
