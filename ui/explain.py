"""The Playground's "Explain one step" panel: the forward pass, loss, backward pass and update of the learner's own
network for the picked test point and the current batch, in live numbers (all from `engine.explain`), plus the
hidden space (how a hidden layer maps the input plane) and the network's health.

Drawn only while its toggle is on (every element of the page is drawn again at each training tick), and outside
the live fragment: it explains the model as it is at the last full run (Pause, Step, or any control).

Session state (per user): "ex.open", "ex.section" (one of SECTIONS), "ex.view" (one of PHASES), "ex.point_or_batch", "ex.grad_links",
"ex.neuron" (the picker's widget; the shared value is "pg.selected_neuron" = (layer, unit)), "ex.hidden_*",
and "ex.norms" (per-layer gradient norms over epochs, recorded at each tick's end by `record_gradient_norms`).
"""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from engine import explain
from engine.features import expand, plot_range
from ui import charts
from ui import playground as pg
from ui.chart_style import LINE_COLORS, class_color, display_name
from ui.display import shown
from ui.i18n import plain, t
from ui.playground_view import class_names
from ui.widgets import live_chart

PHASES = ("forward", "loss", "backward", "update")  # the slow-motion step walks these, in this order
SECTIONS = ("step", "hidden", "health")
SELECTED = "pg.selected_neuron"  # (layer, unit), shared with the diagram's click (issue 12)
NORMS_KEY = "ex.norms"
NORMS_CAP = 400  # points kept per layer; past it every other one is dropped
DIAGRAM_PX = 400  # the diagram shares the panel's width with the phase's numbers
HIDDEN_PX = 360
HIGHLIGHT_COLOR = "#000000"  # black: apart from the links' blue and orange


def fmt(value: float) -> str:
    """A number as the panel writes it: 4 significant digits ("0.6931", "-0.5", "1.2e-05")."""
    return f"{float(value):.4g}"


def _term(value: float) -> str:
    """A factor inside an equation: negatives in parentheses, so `0.5×(-1)` reads as arithmetic."""
    text = fmt(value)
    return f"({text})" if text.startswith("-") else text


def picked_example(data: "pg.DataBundle", units: int, pick: int, which: str = "test") -> tuple[np.ndarray, np.ndarray]:
    """The picked point of the test (or training) set: inputs (features,) and its target in the output layer's form."""
    split, X = (data.train, data.X_train) if which == "train" else (data.test, data.X_test)
    pick = min(max(int(pick), 0), split.n_examples - 1)
    return X[pick], np.atleast_1d(pg.targets(split, units)[pick])


def current_batch(data: "pg.DataBundle", units: int, config: dict, model=None) -> tuple[np.ndarray, np.ndarray]:
    """The batch one step is explained on, (rows, features) and (rows, units): the first batch the next epoch of
    `fit` takes (`Sequential.next_batch`: the model's shuffling RNG, not advanced); without a model the training
    set's first rows."""
    n = data.X_train.shape[0]
    rows = np.arange(min(int(config["batch"]), n)) if model is None else model.next_batch(n, int(config["batch"]))
    return data.X_train[rows], pg.targets(data.train, units)[rows]


def neuron_name(model, layer: int, unit: int, output_names) -> str:
    if layer == len(model.layers) - 1:
        return f"{t('common.output_layer')}: {display_name(output_names[unit])}" if output_names is not None \
            else f"{t('common.output_layer')} #{unit + 1}"
    return f"{t('common.hidden_layer')} {layer + 1} #{unit + 1}"


def selected_neuron(model) -> tuple[int, int]:
    """The shared (layer, unit), kept inside the current network (the output's first unit by default)."""
    value = st.session_state.get(SELECTED)
    try:
        layer, unit = (int(v) for v in value)
        if 0 <= layer < len(model.layers) and 0 <= unit < model.layers[layer].units:
            return layer, unit
    except (TypeError, ValueError):
        pass
    return len(model.layers) - 1, 0


def _neuron_picked() -> None:
    st.session_state[SELECTED] = tuple(st.session_state["ex.neuron"])


def neuron_picker(model, output_names) -> tuple[int, int]:
    """A select box of every neuron; it reads and writes the shared `pg.selected_neuron`."""
    options = [(k, i) for k, layer in enumerate(model.layers) for i in range(layer.units)]
    st.session_state["ex.neuron"] = selected_neuron(model)
    choice = st.selectbox(t("explain.neuron"), options, key="ex.neuron", on_change=_neuron_picked,
                          format_func=lambda o: neuron_name(model, o[0], o[1], output_names))
    return tuple(choice)


# ----- the phases ---------------------------------------------------------------------------------------

def neuron_equation(step: dict, unit: int, layer: int) -> tuple[str, str]:
    """`z = w·a + b = w1×a1 + ... + b = z` and `a = g(z) = g(z) = a` for one neuron, numbers substituted."""
    w, a_in = step["W"][:, unit], step["a_in"]
    k = layer + 1
    products = " + ".join(f"{_term(wj)}×{_term(aj)}" for wj, aj in zip(w, a_in, strict=True))
    z, a, g = step["z"][unit], step["a"][unit], step["activation"]
    z_line = f"z = w·a{k - 1} + b = {products} + {_term(step['b'][unit])} = {fmt(z)}"
    a_line = f"a = {g}(z) = {g}({fmt(z)}) = {fmt(a)}"
    if "p" in step:
        a_line += f"  →  p = {fmt(step['p'][unit])}"
    return z_line, a_line


def _number_columns(rows: list[dict]) -> dict:
    """Every float column shown with 4 significant digits, as the equations are (gradients and Adam's v are
    often far below 0.001, which the default format rounds to 0)."""
    return {name: st.column_config.NumberColumn(format="%.4g") for name, value in (rows[0] if rows else {}).items()
            if isinstance(value, float)}


def _neuron_lines(parts: list[tuple[str, ...]], selected: int | None) -> str:
    """One short block per neuron (#i, then each part on its own line, so a narrow layer column never
    overflows); the selected neuron's block marked. Numbers only: no user text."""
    blocks = []
    for i, lines in enumerate(parts):
        head = f"**#{i + 1}** ◀" if i == selected else f"**#{i + 1}**"
        blocks.append("  \n".join([head, *lines]))
    return "\n\n".join(blocks)


def _layer_heading(model, k: int) -> str:
    if k == 0:
        return f"**{t('common.input_layer')}**"
    kind = t("common.output_layer") if k == len(model.layers) else f"{t('common.hidden_layer')} {k}"
    return f"**{kind}** · {model.layers[k - 1].activation}"


def forward_view(model, steps, feature_names, selected, output_names, side) -> None:
    layer, unit = selected
    z_line, a_line = neuron_equation(steps[layer], unit, layer)
    with side:
        st.markdown(t("explain.forward_text"))
        with st.container(key="ex_equation"):
            st.markdown(t("explain.equation_of", neuron=neuron_name(model, layer, unit, output_names)))
            st.code(f"{z_line}\n{a_line}", language=None, wrap_lines=True)
    columns = st.columns(len(steps) + 1)
    with columns[0]:
        st.markdown(_layer_heading(model, 0))
        st.markdown("  \n".join(f"{plain(str(name))} = `{fmt(v)}`"
                                for name, v in zip(feature_names, steps[0]["a_in"], strict=True)))
    for k, step in enumerate(steps):
        with columns[k + 1]:
            st.markdown(_layer_heading(model, k + 1))
            st.markdown(_neuron_lines([(f"z = `{fmt(z)}`", f"a = `{fmt(a)}`") for z, a in zip(
                step["z"], step["a"], strict=True)], selected[1] if selected[0] == k else None))


def loss_lines(result: dict, from_logits: bool) -> list[str]:
    """The head's loss formula, then each term with its numbers, then the loss (plain text lines)."""
    y, p, terms, kind = result["y"], result["p"], result["terms"], result["kind"]
    if kind == "regression":
        lines = ["L = mean_j (ŷ_j − y_j)²"]
        lines += [f"(ŷ{j + 1} − y{j + 1})² = ({fmt(p[j])} − {_term(y[j])})² = {fmt(terms[j])}" for j in range(len(y))]
    elif kind == "softmax":
        true = int(np.argmax(y))
        lines = ["L = −Σ_j y_j·log a_j = −log a_y" + (t("explain.loss.from_logits", g="softmax") if from_logits else "")]
        lines.append(f"y = {true + 1}:  L = −log a{true + 1} = −log {fmt(p[true])} = {fmt(terms[true])}")
    else:
        lines = ["L = −(y·log a + (1 − y)·log(1 − a))" + (t("explain.loss.from_logits", g="sigmoid") if from_logits else "")]
        lines.append("y = " + ", ".join(fmt(v) for v in y) + ";  a = " + ", ".join(fmt(v) for v in p))
        lines += [(f"{t('explain.loss.label', j=j + 1)}: " if len(y) > 1 else "") + f"−({fmt(y[j])}·log {fmt(p[j])} + {fmt(1 - y[j])}·log {fmt(1 - p[j])}) = "
                  f"{fmt(terms[j])}" for j in range(len(y))]
        if len(y) > 1:
            lines.append(t("explain.loss.mean_labels"))
    lines.append(f"L = {fmt(result['loss'])}")
    return lines


def loss_view(model, result: dict, side) -> None:
    with side:
        st.markdown(t(f"explain.loss_text.{result['kind']}"))
        with st.container(key="ex_loss"):
            st.code("\n".join(loss_lines(result, model.loss.from_logits)), language=None, wrap_lines=True)


def backward_view(model, point_grads, batch_grads, selected, output_names, batch_rows: int, side) -> list[dict]:
    """dL/dz per neuron (columns per layer) and dL/dw for every link; returns the gradients shown."""
    with side:
        st.markdown(t("explain.backward_text"))
        which = st.radio(t("explain.point_or_batch"), ["point", "batch"], key="ex.point_or_batch", horizontal=True,
                         format_func=lambda v: t(f"explain.{v}", n=batch_rows))
    grads = point_grads if which == "point" else batch_grads
    layer, unit = selected
    step = grads[layer]
    dz = step["dz"][0][unit] if which == "point" else step["db"][unit]
    with side, st.container(key="ex_gradients"):
        st.markdown(t("explain.links_of", neuron=neuron_name(model, layer, unit, output_names)))
        st.code("\n".join([f"dL/dz = {fmt(dz)}"] + [f"dL/dw{j + 1} = {fmt(v)}"
                                                    for j, v in enumerate(step["dW"][:, unit])]
                          + [f"dL/db = {fmt(step['db'][unit])}"]), language=None)
    columns = st.columns(len(grads))
    for k, layer in enumerate(grads):
        dz = layer["dz"][0] if which == "point" else layer["db"]
        with columns[k]:
            st.markdown(_layer_heading(model, k + 1))
            st.markdown(_neuron_lines([(f"dL/dz = `{fmt(value)}`",) for value in dz],
                                      selected[1] if selected[0] == k else None))
    rows = [{t("explain.col.layer"): k + 1, t("explain.col.from"): j + 1, t("explain.col.to"): i + 1,
             "w": float(model.layers[k].W[j, i]), "dL/dw": float(g["dW"][j, i])}
            for k, g in enumerate(grads) for j in range(g["dW"].shape[0]) for i in range(g["dW"].shape[1])]
    with st.container(key="ex_links"):
        st.dataframe(pd.DataFrame(rows), hide_index=True, height=220, column_config=_number_columns(rows))
    return grads


def update_formula(model, step: dict) -> str:
    opt = model.optimizer
    if step["optimizer"] == "adam":
        t_ = step["iteration"]
        alpha = opt.learning_rate * np.sqrt(1 - opt.beta_2 ** t_) / (1 - opt.beta_1 ** t_)
        return (f"m ← β1·m + (1 − β1)·g,  v ← β2·v + (1 − β2)·g²   (β1 = {fmt(opt.beta_1)}, β2 = {fmt(opt.beta_2)})\n"
                f"α_t = lr·√(1 − β2^t)/(1 − β1^t) = {fmt(opt.learning_rate)}·√(1 − {fmt(opt.beta_2)}^{t_})/"
                f"(1 − {fmt(opt.beta_1)}^{t_}) = {fmt(alpha)}   (t = {t_})\n"
                f"step = −α_t·m/(√v + ε) = −lr_eff·m   (lr_eff: {t('explain.col.effective_lr')}),   w ← w + step")
    if getattr(opt, "momentum", 0):
        return (f"v ← μ·v − lr·g,  w ← w + v   (lr = {fmt(opt.learning_rate)}, μ = {fmt(opt.momentum)})")
    return f"step = −lr·g = −{fmt(opt.learning_rate)}·dL/dw,   w ← w + step"


def apply_step(X: np.ndarray, y: np.ndarray) -> None:
    """Take the explained step for real: one optimizer step of the session's model on the batch (X, y), as `fit`
    takes it (not an epoch: the epoch counter and the history stay), then back to the forward pass."""
    model = st.session_state.get("pg.model")
    if model is None:
        return
    with np.errstate(all="ignore"):
        _, grads = model.gradients(X, y)
        trial = model.flat_weights.copy()
        state = model.optimizer.get_state() if model.optimizer.built_size == trial.size else None
        model.optimizer.apply(model.flat_weights, np.concatenate([g.ravel() for g in grads]))
    if not np.isfinite(model.flat_weights).all():  # a step that overflows is not taken
        np.copyto(model.flat_weights, trial)
        if state is not None:
            model.optimizer.set_state(state)
    st.session_state["ex.view"] = PHASES[0]


def update_view(model, step: dict, selected, output_names, side, batch) -> None:
    with side:
        st.markdown(t(f"explain.update_text.{step['optimizer']}"))
        st.button(t("explain.apply"), key="ex.apply", icon=":material/check:", on_click=apply_step, args=batch,
                  help=t("explain.apply_help"), disabled=pg.is_playing())
    st.code(update_formula(model, step), language=None, wrap_lines=True)
    layer, unit = selected

    def column(name):  # the selected neuron's incoming weights, then its bias
        return np.r_[step[name][2 * layer][:, unit], step[name][2 * layer + 1][unit]]

    names = [f"w{j + 1}" for j in range(model.layers[layer].W.shape[0])] + ["b"]
    before, after, change = column("before"), column("after"), column("step")
    word = t("explain.col.step")
    lines = [f"{n}: {fmt(b)} → {fmt(a)}   ({word} {fmt(c)})" for n, b, a, c in zip(names, before, after, change,
                                                                                strict=True)]
    if step["optimizer"] == "adam":
        lines = [f"{line}\n    m = {fmt(m)}, v = {fmt(v)}, lr_eff = {fmt(e)}" for line, m, v, e in zip(
            lines, column("m"), column("v"), column("effective_learning_rate"), strict=True)]
    with side, st.container(key="ex_update_neuron"):
        st.markdown(t("explain.update_of", neuron=neuron_name(model, layer, unit, output_names)))
        st.code("\n".join(lines), language=None, wrap_lines=True)
    rows = []
    for k in range(len(model.layers)):
        for kind, index in (("W", 2 * k), ("b", 2 * k + 1)):
            for position in np.ndindex(step["before"][index].shape):
                row = {t("explain.col.layer"): k + 1,
                       t("explain.col.parameter"): f"{kind}[{', '.join(str(p) for p in position)}]",
                       t("explain.col.before"): float(step["before"][index][position]),
                       "dL/dw": float(step["gradient"][index][position]),
                       t("explain.col.step"): float(step["step"][index][position]),
                       t("explain.col.after"): float(step["after"][index][position])}
                if step["optimizer"] == "adam":
                    row.update({"m": float(step["m"][index][position]), "v": float(step["v"][index][position]),
                                t("explain.col.effective_lr"): float(step["effective_learning_rate"][index][position])})
                rows.append(row)
    with st.container(key="ex_update_table"):
        st.dataframe(pd.DataFrame(rows), hide_index=True, height=260, column_config=_number_columns(rows))


# ----- hidden space ---------------------------------------------------------------------------------------

def hidden_space_frames(model, data: "pg.DataBundle", config: dict, layer: int, units: tuple[int, int]):
    """(points, lines) frames: the data points and the input plane's grid lines as hidden layer `layer` maps
    them, as the activations of its units (u, v). Points carry their class (or target value)."""
    points = model.layer_outputs(data.X_train)[layer]["a"][:, list(units)]
    frame = pd.DataFrame({"u": points[:, 0], "v": points[:, 1],
                          "class": [display_name(data.ds.target_names[int(c)]) for c in data.train.y]
                          if data.ds.problem in ("binary", "multiclass") else np.zeros(len(points))})
    lines = None
    if data.is_2d:
        x_range, y_range = plot_range(data.ds.X, margin=0.05)
        xy, line = explain.grid_lines(x_range, y_range)
        mapped = model.layer_outputs(expand(xy, list(config["features"])))[layer]["a"][:, list(units)]
        lines = pd.DataFrame({"u": mapped[:, 0], "v": mapped[:, 1], "line": line,
                              "order": np.tile(np.arange(np.sum(line == 0)), line.max() + 1)})
    return frame, lines


def hidden_view(model, data, config) -> None:
    st.markdown(t("explain.hidden_text"))
    hidden = list(range(len(model.layers) - 1))
    if not hidden:
        st.info(t("explain.no_hidden"))
        return
    cols = st.columns(3)
    layer = cols[0].selectbox(t("explain.hidden_layer"), hidden, key="ex.hidden_layer",
                              format_func=lambda k: f"{t('common.hidden_layer')} {k + 1}")
    n = model.layers[layer].units
    u = cols[1].selectbox(t("explain.unit_x"), range(n), key=f"ex.hidden_u.{layer}", format_func=lambda i: f"#{i + 1}")
    v = cols[2].selectbox(t("explain.unit_y"), range(n), index=min(1, n - 1), key=f"ex.hidden_v.{layer}",
                          format_func=lambda i: f"#{i + 1}")
    points, lines = hidden_space_frames(model, data, config, layer, (u, v))
    x = alt.X("u:Q", title=f"a{layer + 1} #{u + 1}")
    y = alt.Y("v:Q", title=f"a{layer + 1} #{v + 1}")
    layers = []
    if lines is not None:
        layers.append(alt.Chart(lines).mark_line(color="#999999", strokeWidth=0.8, opacity=0.7).encode(
            x=x, y=y, detail="line:N", order="order:Q"))
    if data.ds.problem in ("binary", "multiclass"):
        names = [display_name(name) for name in data.ds.target_names]
        color = alt.Color("class:N", title=None, scale=alt.Scale(domain=names,
                                                                 range=[class_color(i) for i in range(len(names))]))
    else:
        color = alt.value(LINE_COLORS[0])
    layers.append(alt.Chart(points).mark_circle(size=28, opacity=0.85).encode(x=x, y=y, color=color))
    with st.container(key="ex_hidden"):
        st.altair_chart(alt.layer(*layers).properties(width=HIDDEN_PX, height=HIDDEN_PX), width="content")
    if lines is None:
        st.caption(t("explain.hidden_no_plane"))


# ----- health -----------------------------------------------------------------------------------------------

def health_messages(model, X, norms) -> list[tuple[str, str]]:
    """(level, text) in plain words: dead ReLUs, saturated sigmoid/tanh units, vanishing/exploding gradients."""
    messages = []
    for k, report in enumerate(explain.unit_health(model, X)):
        layer = f"{t('common.hidden_layer')} {k + 1}"
        dead = [f"#{i + 1}" for i in np.flatnonzero(report["dead"])]
        saturated = [f"#{i + 1}" for i in np.flatnonzero(report["saturated"])]
        if dead:
            messages.append(("warning", t("explain.dead", layer=layer, units=", ".join(dead), n=len(dead))))
        if saturated:
            messages.append(("warning", t("explain.saturated", layer=layer, units=", ".join(saturated),
                                          g=report["activation"])))
    verdict = explain.gradient_health(norms)
    if verdict is not None:
        messages.append(("warning", t(f"explain.{verdict}", first=fmt(norms[0]), last=fmt(norms[-1]))))
    if not messages:
        messages.append(("success", t("explain.healthy")))
    return messages


def record_gradient_norms(model, data: "pg.DataBundle", config: dict) -> None:
    """At a tick's end: the per-layer gradient norms on the current batch, once per epoch count (one gradient
    computation, ~ one training step). A new model starts a new record."""
    if model is None or data is None:
        return
    record = st.session_state.get(NORMS_KEY)
    if record is None or record["model"] != id(model):
        record = st.session_state[NORMS_KEY] = {"model": id(model), "epoch": [], "norms": []}
    if record["epoch"] and record["epoch"][-1] == model.epochs_trained:
        return
    X, y = current_batch(data, model.output_units, config, model)
    with np.errstate(all="ignore"):
        norms = explain.gradient_norms(model, X, y)
    record["epoch"].append(model.epochs_trained)
    record["norms"].append(norms.tolist())
    if len(record["epoch"]) > NORMS_CAP:
        record["epoch"], record["norms"] = record["epoch"][1::2], record["norms"][1::2]


def norms_chart(record: dict):
    epochs = np.repeat(record["epoch"], len(record["norms"][0]))
    norms = np.asarray(record["norms"], dtype=float)
    layers = np.tile([f"{k + 1}" for k in range(norms.shape[1])], norms.shape[0])
    frame = pd.DataFrame({"epoch": epochs, "norm": np.maximum(norms.ravel(), 1e-12), "layer": layers})
    return alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("epoch:Q", title=t("common.epoch")),
        y=alt.Y("norm:Q", title="|dL/dW|", scale=alt.Scale(type="log")),
        color=alt.Color("layer:N", title=t("explain.col.layer"), scale=alt.Scale(range=LINE_COLORS)),
    ).properties(width=360, height=180)


def health_view(model, data, config, norms) -> None:
    st.markdown(t("explain.health_text"))
    for level, text in health_messages(model, data.X_train, norms):
        (st.warning if level == "warning" else st.success)(text)
    st.code("\n".join(f"{_layer_heading(model, k + 1).replace('**', '')}: |dL/dW| = {fmt(v)}"
                      for k, v in enumerate(norms)), language=None)
    record = st.session_state.get(NORMS_KEY)
    if record and record["model"] == id(model) and len(record["epoch"]) > 1:
        with st.container(key="ex_norms"):
            st.altair_chart(norms_chart(record), width="content")
    else:
        st.caption(t("explain.norms_later"))


# ----- the panel --------------------------------------------------------------------------------------------

def _move(delta: int) -> None:
    view = st.session_state.get("ex.view")
    index = PHASES.index(view) if view in PHASES else 0
    st.session_state["ex.view"] = PHASES[min(max(index + delta, 0), len(PHASES) - 1)]


def phase_diagram(model, data, units, phase, grads, selected) -> charts.Figure:
    """The network diagram for a phase: links as weights (forward, loss), as dL/dw (backward, unless the toggle
    is off), as the update's step (update)."""
    columns = len(model.layers) + 1
    values, title = None, None
    if phase == "backward" and grads is not None:
        values, title = np.concatenate([g["dW"].ravel() for g in grads]), "dL/dw"
    elif phase == "update" and grads is not None:
        values, title = np.concatenate([s.ravel() for s in grads]), t("explain.col.step")
    figure = charts.network_diagram_figure(model, data.feature_names, class_names(data, units),
                                           column_px=max(56, min(110, (DIAGRAM_PX - 80) // columns)),
                                           max_height=340, link_values=values, link_title=title)
    return highlighted(figure, model, phase, selected)


def highlighted(figure: charts.Figure, model, phase: str, selected) -> charts.Figure:
    """The diagram with the phase's neurons ringed: the picked neuron, or every output for the loss."""
    nodes = figure.frames["nodes"]
    last = len(model.layers)
    if phase == "loss":
        rows = nodes[nodes["column"] == last]
    else:
        start = model.input_dim + sum(layer.units for layer in model.layers[:selected[0]])
        rows = nodes.iloc[[start + selected[1]]]
    frames = {**figure.frames, "highlight": pd.DataFrame({"x": rows["x"].to_numpy(), "y": rows["y"].to_numpy()})}
    # The diagram's nodes are 0.74 of a row tall (ui.diagram._layout); the ring sits just outside one.
    gaps = np.diff(np.sort(nodes["y"].to_numpy()))
    gaps = gaps[gaps > 1e-6]
    ring_px = 0.74 * float(gaps.min()) + 8 if gaps.size else 48.0

    def make(data_of):
        base = figure.make(data_of)
        # The diagram's own scales (pixels, y down) are shared by the layer: same fields, no domain of its own.
        ring = alt.Chart(data_of("highlight")).mark_square(
            size=ring_px ** 2, filled=False, stroke=HIGHLIGHT_COLOR, strokeWidth=3.5).encode(
            x=alt.X("x:Q"), y=alt.Y("y:Q"))
        return alt.layer(*base.layer, ring).properties(width=base.width, height=base.height)

    return charts.Figure(figure.key + ("highlight", phase), frames, make)


def explain_panel(model, data: "pg.DataBundle", config: dict, pick: tuple[str, int] | None = None) -> None:
    """The "Explain one step" toggle and, while it is on, the panel (see the module docstring).

    `pick`: the picked point as (set, row), set "test" or "train" (the map's click); default the test row `w.pick`.
    """
    if model is None or data is None:
        return
    if not st.toggle(t("explain.open"), key="ex.open", help=t("explain.open_help")):
        return
    units = model.output_units
    output_names = class_names(data, units)
    which, pick = pick or ("test", st.session_state.get("w.pick", 0))
    x, y = picked_example(data, units, pick, which)
    split = data.train if which == "train" else data.test
    X_batch, y_batch = current_batch(data, units, config, model)
    with st.container(border=True, key="ex_panel"), np.errstate(all="ignore"):
        st.markdown(t("explain.intro", epoch=model.epochs_trained, index=shown(min(pick, split.n_examples - 1)),
                      set=t(f"explain.set.{which}"),
                      n=len(X_batch)))
        section = st.segmented_control(t("explain.section"), SECTIONS, key="ex.section", required=True,
                                       default=SECTIONS[0], format_func=lambda v: t(f"explain.section.{v}"))
        if section == "hidden":
            hidden_view(model, data, config)
            return
        if section == "health":
            health_view(model, data, config, explain.gradient_norms(model, X_batch, y_batch))
            return
        if st.session_state.get("ex.view") not in PHASES:
            st.session_state["ex.view"] = PHASES[0]
        index = PHASES.index(st.session_state["ex.view"])
        view = st.segmented_control(t("explain.view"), PHASES, key="ex.view", required=True,
                                    format_func=lambda v: f"{PHASES.index(v) + 1}. {t(f'explain.view.{v}')}")
        with st.container(horizontal=True, vertical_alignment="center", key="ex_phases"):
            st.button(t("explain.back"), key="ex.back", icon=":material/arrow_back:", on_click=_move, args=(-1,),
                      disabled=index == 0)
            st.button(t("explain.next"), key="ex.next", icon=":material/arrow_forward:", on_click=_move, args=(1,),
                      disabled=index == len(PHASES) - 1)
            st.caption(t("explain.phase_of", k=index + 1, name=t(f"explain.view.{view}")))
        selected = neuron_picker(model, output_names)
        # The diagram on the left, the phase's headline numbers beside it; per-layer numbers and tables below.
        left, side = st.columns([1, 1], gap="medium")
        if view == "forward":
            forward_view(model, explain.forward_example(model, x), data.feature_names, selected, output_names, side)
            diagram = phase_diagram(model, data, units, view, None, selected)
        elif view == "loss":
            loss_view(model, explain.example_loss(model, x, y), side)
            diagram = phase_diagram(model, data, units, view, None, selected)
        elif view == "backward":
            point = explain.backward_pass(model, x.reshape(1, -1), y)
            batch = explain.backward_pass(model, X_batch, y_batch)
            with side:
                on = st.toggle(t("explain.grad_links"), value=True, key="ex.grad_links")
            grads = backward_view(model, point, batch, selected, output_names, len(X_batch), side)
            diagram = phase_diagram(model, data, units, view, grads if on else None, selected)
        else:
            step = explain.optimizer_step(model, X_batch, y_batch)
            update_view(model, step, selected, output_names, side, (X_batch, y_batch))
            diagram = phase_diagram(model, data, units, view, step["step"][0::2], selected)
        with left, st.container(key="ex_diagram"):
            live_chart(diagram, key="ex_diagram_chart")
