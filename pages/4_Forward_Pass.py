"""Lesson §5-6: data as 2-D arrays and the forward pass, layer by layer, with the real numbers."""

import inspect
import re

import numpy as np
import pandas as pd
import streamlit as st

from engine import Dense, Sequential, activations
from engine.datasets import make_dataset
from engine.preprocessing import Normalization
from ui import charts, training
from ui.function_charts import dense, dense_matmul, layer_values
from ui.i18n import t
from ui.lesson import open_in_playground
from ui.setup import setup_page
from ui.widgets import live_chart

setup_page("forward.title")

# Each small network is trained once, deterministically (fixed seeds), the first time it is shown.
NETWORKS = {
    "coffee": {"dataset": "coffee", "n_points": 200, "noise": 0.0, "layers": ((3, "relu"), (2, "relu"), (1, "sigmoid")),
               "seed": 1, "epochs": 300},
    "tshirt_demand": {"dataset": "tshirt_demand", "n_points": 400, "noise": 0.1,
                      "layers": ((3, "sigmoid"), (1, "sigmoid")), "seed": 0, "epochs": 200},
}
LEARNING_RATE, BATCH_SIZE = 0.03, 32


@st.cache_data(show_spinner=False)
def trained(key: str):
    """(data set, Normalization mean, variance, weights [W1, b1, ...]) of the network `key`, trained once."""
    spec = NETWORKS[key]
    data = make_dataset(spec["dataset"], n_points=spec["n_points"], noise=spec["noise"], seed=0)
    normalization = Normalization().adapt(data.X)
    model = build(key, normalization)
    model.fit(data.X, data.y, epochs=spec["epochs"], batch_size=BATCH_SIZE)
    return data, normalization.mean, normalization.variance, model.get_weights()


def build(key: str, normalization: Normalization) -> Sequential:
    """The network `key`: a Normalization first layer (degrees and minutes are far apart), then Dense layers."""
    spec = NETWORKS[key]
    return training.compiled([normalization, *(Dense(units, activation=act) for units, act in spec["layers"])],
                             seed=spec["seed"], learning_rate=LEARNING_RATE, loss="binary_crossentropy",
                             metrics=["accuracy"])


def parse_features(text: str, n_features: int) -> np.ndarray:
    """'200, 13.5' -> array (n_features,); ValueError with a plain message otherwise."""
    parts = [part for part in re.split(r"[,\s;]+", text.strip()) if part]
    if len(parts) != n_features:
        raise ValueError(t("forward.bad_count", n=n_features, got=len(parts)))
    try:
        values = np.array([float(part) for part in parts])
    except ValueError:
        raise ValueError(t("forward.bad_number")) from None
    if not np.isfinite(values).all():
        raise ValueError(t("forward.bad_number"))
    return values


def matrix_frame(values: np.ndarray, row_names, col_names) -> pd.DataFrame:
    return pd.DataFrame(np.atleast_2d(values), index=list(row_names), columns=list(col_names))


def shape_text(array: np.ndarray) -> str:
    return str(tuple(int(n) for n in np.shape(array)))


st.markdown(t("forward.intro"))

with st.sidebar:
    st.subheader(t("forward.settings"))
    network_key = st.selectbox(t("forward.network"), list(NETWORKS), key="forward.network",
                               format_func=lambda key: t(f"forward.network.{key}"))

with st.spinner(t("forward.training_once")):
    data, mean, variance, weights = trained(network_key)
model = build(network_key, Normalization(mean, variance))
model.set_weights(weights)
feature_names = [t(f"forward.f.{name}") for name in data.feature_names]
n_layers = len(model.layers)

# ---------------------------------------------------------------- §5: data as 2-D arrays
st.header(t("forward.data_header"))
st.markdown(t("forward.data_text", m=data.n_examples, n=data.n_features))
left, right = st.columns([1, 1], gap="large")
with left:
    mode = st.radio(t("forward.input_mode"), ["pick", "type"], key="forward.mode", horizontal=True,
                    format_func=lambda m: t(f"forward.mode.{m}"))
    index = int(st.number_input(t("forward.example"), 0, data.n_examples - 1, 0, key="forward.example",
                                help=t("forward.example_help", n=data.n_examples)))
    x_raw = data.X[index]
    if mode == "type":
        default_text = ", ".join(f"{value:.4g}" for value in x_raw)
        typed = st.text_input(t("forward.typed", names=", ".join(feature_names)), default_text,
                              key=f"forward.typed.{network_key}")
        try:
            x_raw = parse_features(typed, data.n_features)
        except ValueError as err:
            st.error(t("forward.bad_input", reason=str(err)))
    else:
        st.caption(t("forward.true_label", label=t(f"forward.label.{data.name}.{int(data.y[index])}")))
with right:
    st.markdown(t("forward.whole_data", shape=shape_text(data.X)))
    st.dataframe(matrix_frame(data.X[:5], [f"X[{i}]" for i in range(5)], feature_names), key="forward.table")

x_row = x_raw.reshape(1, -1)  # one example is a 1 x n matrix, not a 1-D vector: rows are examples
x_scaled = model.normalize(x_row)
st.markdown(t("forward.x_row", shape=shape_text(x_row)))
cols = st.columns(2)
with cols[0]:
    st.caption(t("forward.raw"))
    st.dataframe(matrix_frame(x_row, ["x"], feature_names), key="forward.x_raw")
with cols[1]:
    st.caption(t("forward.scaled"))
    st.dataframe(matrix_frame(x_scaled, ["a⁰ = (x − mean) / std"], feature_names), key="forward.x_scaled")

# ---------------------------------------------------------------- §6: layer by layer
st.header(t("forward.layers_header"))
st.markdown(t("forward.layers_text"))
with st.container(key="forward_network_chart"):
    # Columns 110 px wide: the diagram of the widest network fits the page at 1024 px with the sidebar open.
    live_chart(charts.network_diagram_figure(model, feature_names, [t(f"forward.output.{data.name}")],
                                             column_px=110))


def layer_name(k: int) -> str:
    kind = t("common.output_layer") if k == n_layers else f"{t('common.hidden_layer')} {k}"
    return t("forward.layer_option", k=k, kind=kind, g=model.layers[k - 1].activation)


layer_k = st.segmented_control(t("forward.step"), list(range(1, n_layers + 1)), format_func=layer_name,
                               default=1, required=True, key=f"forward.layer.{network_key}")
layer_k = int(layer_k or 1)

# Run the whole forward pass both ways, each layer feeding the next, as the notes' sequential() does.
loop_a, matmul_a, matmul_z, inputs = [], [], [], []
a_in = x_scaled
for layer in model.layers:
    g = lambda z, name=layer.activation: activations.forward(name, z)  # noqa: E731
    inputs.append(a_in)
    loop_a.append(dense(a_in[0], layer.W, layer.b, g))
    matmul_z.append(np.matmul(a_in, layer.W) + layer.b)
    matmul_a.append(dense_matmul(a_in, layer.W, layer.b, g))
    a_in = matmul_a[-1]
engine_outputs = model.layer_outputs(x_row)
st.session_state["forward.model"] = model
st.session_state["forward.result"] = {
    "x_scaled": x_scaled, "loop_a": loop_a, "matmul_a": matmul_a, "matmul_z": matmul_z,
    "engine_a": [out["a"] for out in engine_outputs],
}

layer = model.layers[layer_k - 1]
a_prev, W, b = inputs[layer_k - 1], layer.W, layer.b
z, a = matmul_z[layer_k - 1], matmul_a[layer_k - 1]
in_names = feature_names if layer_k == 1 else [f"a{layer_k - 1}[{j}]" for j in range(a_prev.shape[1])]
unit_names = [f"{t('common.neuron')} {i}" for i in range(layer.units)]
st.latex(rf"z^{{[{layer_k}]}} = a^{{[{layer_k - 1}]}} W^{{[{layer_k}]}} + b^{{[{layer_k}]}},\quad "
         rf"a^{{[{layer_k}]}} = g(z^{{[{layer_k}]}}),\quad g = \text{{{layer.activation}}}")
st.markdown(t("forward.shapes", a_in=shape_text(a_prev), W=shape_text(W), b=shape_text(b), z=shape_text(z)))
cols = st.columns([1.1, 1.4, 1.1])
with cols[0]:
    st.markdown(t("forward.a_in", k=layer_k - 1, shape=shape_text(a_prev)))
    st.dataframe(matrix_frame(a_prev.T, in_names, ["a_in"]), key="forward.a_in")
with cols[1]:
    st.markdown(t("forward.W", k=layer_k, shape=shape_text(W)))
    st.dataframe(matrix_frame(W, in_names, [f"W[:, {i}]" for i in range(layer.units)]), key="forward.W")
    st.markdown(t("forward.b", k=layer_k, shape=shape_text(b)))
    st.dataframe(matrix_frame(b, ["b"], [f"b[{i}]" for i in range(layer.units)]), key="forward.b")
with cols[2]:
    st.markdown(t("forward.z", k=layer_k, shape=shape_text(z)))
    st.dataframe(matrix_frame(z, ["z"], unit_names), key="forward.z")
    st.markdown(t("forward.a", k=layer_k, shape=shape_text(a)))
    st.dataframe(matrix_frame(a, ["a"], unit_names), key="forward.a")
with st.container(key="forward_layer_chart"):
    st.altair_chart(layer_values(z, a, unit_names, "z (= a_in·W + b)", f"a = {layer.activation}(z)"))

st.subheader(t("forward.two_ways_header"))
st.markdown(t("forward.two_ways_text"))
loop_col, matmul_col = st.columns(2, gap="large")
with loop_col:
    st.markdown(t("forward.loop_title"))
    st.code(inspect.getsource(dense), language="python")
    st.code(f"# a{layer_k - 1}[0] has shape {shape_text(a_prev[0])}: one example, as a vector\n"
            f"a{layer_k} = dense(a{layer_k - 1}[0], W{layer_k}, b{layer_k}, {layer.activation})", language="python")
    st.dataframe(matrix_frame(loop_a[layer_k - 1], ["a (loop)"], unit_names), key="forward.loop_a")
with matmul_col:
    st.markdown(t("forward.matmul_title"))
    st.code(inspect.getsource(dense_matmul), language="python")
    st.code(f"# A{layer_k - 1} has shape {shape_text(a_prev)}: rows are examples\n"
            f"A{layer_k} = dense_matmul(A{layer_k - 1}, W{layer_k}, b{layer_k}, {layer.activation})",
            language="python")
    st.dataframe(matrix_frame(matmul_a[layer_k - 1], ["a (matmul)"], unit_names), key="forward.matmul_a")
difference = float(np.max(np.abs(loop_a[layer_k - 1] - matmul_a[layer_k - 1][0])))
engine_difference = float(np.max(np.abs(engine_outputs[layer_k - 1]["a"] - matmul_a[layer_k - 1])))
m1, m2 = st.columns(2)
m1.metric(t("forward.loop_vs_matmul"), f"{difference:.1e}")
m2.metric(t("forward.vs_engine"), f"{engine_difference:.1e}", help=t("forward.vs_engine_help"))

st.subheader(t("forward.sequential_header"))
st.markdown(t("forward.sequential_text"))
chain = "\n".join(f"    a{k} = dense(a{k - 1}, W{k}, b{k}, {lay.activation})" for k, lay in enumerate(model.layers, 1))
st.code(f"def sequential(x):\n    a0 = normalize(x)\n{chain}\n    return a{n_layers}", language="python")
probability = float(matmul_a[-1][0, 0])
m1, m2 = st.columns(2)
shown = f"{probability:.4f}" if probability >= 1e-3 else f"{probability:.2e}"  # never a bare 0.0000
m1.metric(t("forward.output_metric", name=t(f"forward.output.{data.name}")), shown)
m2.metric(t("forward.prediction"), t(f"forward.label.{data.name}.{int(probability > 0.5)}"))

st.divider()
spec = NETWORKS[network_key]
open_in_playground(dataset=spec["dataset"], n_points=spec["n_points"], noise=spec["noise"], scale=True,
                   hidden=tuple(units for units, _ in spec["layers"][:-1]),
                   acts=tuple(act for _, act in spec["layers"][:-1]), head="sigmoid", loss="binary_crossentropy",
                   seed=spec["seed"], optimizer="adam", lr=LEARNING_RATE, batch=BATCH_SIZE)
