"""Source code that rebuilds a trained network outside the playground: Keras 3, or plain NumPy as in the notes.

Both scripts embed the architecture, the input normalization (if any) and the trained weights as literals
(`repr` of each float, so every number round-trips exactly) and run as written:

>>> from engine import Dense, Sequential
>>> model = Sequential([Dense(3, activation="relu"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
>>> "def dense(a_in, W, b, g):" in numpy_code(model)
True

User-supplied names (CSV columns, class names) only ever appear inside `repr` string literals, never in
comments, docstrings or identifiers, so no name can break or inject into the generated code.
"""

import numpy as np

from engine import activations, heads, losses, optimizers, regularizers
from engine.features import FEATURES

# NumPy source of each engineered input (engine.features.FEATURES) in terms of the raw columns x1, x2; a test
# checks that every feature has one and that it computes what FEATURES does.
_FEATURE_SOURCE = {
    "x1": "x1",
    "x2": "x2",
    "x1^2": "x1 ** 2",
    "x2^2": "x2 ** 2",
    "x1*x2": "x1 * x2",
    "sin_x1": "np.sin(x1)",
    "sin_x2": "np.sin(x2)",
}

_WRAP = 96  # wrap long literal lists at about this many characters


# ----- facts about the model -------------------------------------------------------------------
def _normalization(model):
    """(mean, variance) as 1-D float arrays, or None when the model has no Normalization first layer."""
    layer = getattr(model, "normalization", None)
    if layer is None:
        return None
    if layer.mean is None:
        raise ValueError("The Normalization layer has not learnt its mean and variance yet: adapt it first.")
    mean = np.asarray(layer.mean, dtype=np.float64).reshape(-1)
    variance = np.asarray(layer.variance, dtype=np.float64).reshape(-1)
    return mean, variance


def _head(model) -> str:
    """'binary', 'multilabel', 'softmax' or 'regression': what the outputs mean (engine.heads)."""
    return heads.kind_of(model)


def _from_logits(model) -> bool:
    return bool(model.loss is not None and model.loss.from_logits)


def _names_fit(names, count: int) -> bool:
    return isinstance(names, list) and len(names) == count and all(isinstance(n, str) for n in names)


def _check(model, feature_names, class_names) -> tuple[list[str], list[str] | None]:
    if not model.built:
        raise ValueError("The model has no weights yet: build or train it first.")
    if not all(np.isfinite(w).all() for w in model.get_weights()):
        raise ValueError("The model's weights are not all finite numbers, so there is no code to write.")
    n_in = model.input_dim
    head, units = _head(model), model.output_units
    n_classes = None if head == "regression" else 2 if head == "binary" else units
    saved = model.metadata if isinstance(getattr(model, "metadata", None), dict) else {}
    if feature_names is None and _names_fit(saved.get("features"), n_in):
        feature_names = saved["features"]  # names saved with a loaded model file
    if class_names is None and n_classes is not None and _names_fit(saved.get("classes"), n_classes):
        class_names = saved["classes"]
    features = [f"x{i + 1}" for i in range(n_in)] if feature_names is None else [str(n) for n in feature_names]
    if len(features) != n_in:
        raise ValueError(f"The model has {n_in} input(s) but {len(features)} feature name(s) were given.")
    if head == "regression":
        return features, None
    if class_names is None:
        prefix = "label" if head == "multilabel" else "class"
        return features, [f"{prefix} {j}" for j in range(n_classes)]
    names = [str(n) for n in class_names]
    if len(names) != n_classes:
        raise ValueError(f"This output head needs {n_classes} class name(s), not {len(names)}.")
    return features, names


def _engineered(model, input_features, raw_names) -> tuple[list[str], list[str]] | None:
    """(selected engine.features names, the 2 raw column names) when the inputs are computed from raw 2-D
    points other than as (x1, x2) themselves; else None. Falls back on the Playground settings saved with a
    loaded model file."""
    explicit = input_features is not None
    if not explicit:
        saved = model.metadata if isinstance(getattr(model, "metadata", None), dict) else {}
        playground = saved.get("playground")
        input_features = playground.get("features") if isinstance(playground, dict) else None
    if input_features is None:
        return None
    selected = list(input_features) if isinstance(input_features, list | tuple) else []
    fits = len(selected) == model.input_dim and all(isinstance(n, str) and n in FEATURES for n in selected)
    if not fits:
        if explicit:
            raise ValueError(f"The model has {model.input_dim} input(s); the input features must be as many of "
                             f"{', '.join(FEATURES)}.")
        return None
    if selected == ["x1", "x2"]:
        return None
    raw = [str(n) for n in raw_names] if raw_names is not None and len(raw_names) == 2 else ["x1", "x2"]
    return selected, raw


def _default_examples(model, engineered=None) -> np.ndarray:
    """A few readable input rows (n, features): the data's mean and one standard deviation either side.

    With engineered inputs, rows of raw points (n, 2), centred and spread from what the inputs say of x1, x2.
    """
    n_in = model.input_dim
    norm = _normalization(model)
    if norm is None:
        center, spread = np.zeros(n_in), np.ones(n_in)
    else:
        center, spread = norm[0], np.sqrt(norm[1])
    if engineered is not None:
        selected = engineered[0]
        raw_center, raw_spread = np.zeros(2), np.ones(2)
        for j, name in enumerate(("x1", "x2")):
            if name in selected:
                raw_center[j], raw_spread[j] = center[selected.index(name)], spread[selected.index(name)]
            elif norm is not None and f"{name}^2" in selected:  # root mean square: the column's typical size
                raw_spread[j] = np.sqrt(max(float(center[selected.index(f"{name}^2")]), 1e-12))
        n_in, center, spread = 2, raw_center, raw_spread
    signs = np.where(np.arange(n_in) % 2 == 0, 1.0, -1.0)
    rows = [center, center + signs * spread, center - 0.5 * signs * spread]
    return np.round(np.array(rows), 3) + 0.0  # + 0.0 turns -0.0 into 0.0


# ----- literals ----------------------------------------------------------------------------------
def _num(value) -> str:
    # repr of the float64 value: shortest text that reads back to exactly the same number
    # (a float32 weight is exactly representable in float64, so it survives too).
    return repr(float(value))


def _wrapped(items: list[str], indent: str) -> list[str]:
    """Comma-separated items as lines no longer than about _WRAP characters, each starting with indent."""
    lines, current = [], ""
    for item in items:
        piece = f"{item},"
        if current and len(indent) + len(current) + 1 + len(piece) > _WRAP:
            lines.append(indent + current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
    if current:
        lines.append(indent + current)
    return lines


def _vector(name: str, values, dtype_expr: str, comment: str) -> list[str]:
    items = [_num(v) for v in np.asarray(values).reshape(-1)]
    one_line = f"{name} = np.array([{', '.join(items)}], dtype={dtype_expr})"
    if len(one_line) <= _WRAP + 14:
        return [f"# {comment}", one_line]
    return [f"# {comment}", f"{name} = np.array(", "    [", *_wrapped(items, "        "), "    ],",
            f"    dtype={dtype_expr},", ")"]


def _matrix(name: str, W: np.ndarray, dtype_expr: str, comment: str, row_label: str) -> list[str]:
    lines = [f"# {comment}", f"{name} = np.array(", "    ["]
    for r, row in enumerate(np.asarray(W)):
        items = [_num(v) for v in row]
        text = f"        [{', '.join(items)}],  # {row_label} {r + 1}"
        if len(text) <= _WRAP + 20:
            lines.append(text)
        else:
            lines.append(f"        [  # {row_label} {r + 1}")
            lines.extend(_wrapped(items, "            "))
            lines.append("        ],")
    lines += ["    ],", f"    dtype={dtype_expr},", ")"]
    return lines


def _weight_literals(model, dtype_expr: str) -> list[str]:
    out = []
    n_layers = len(model.layers)
    for k, layer in enumerate(model.layers, start=1):
        what = "output layer" if k == n_layers else f"hidden layer {k}"
        source = "input" if k == 1 else f"layer {k - 1} neuron"
        out += _matrix(f"W{k}", layer.W, dtype_expr,
                       f"{what}: W{k} has shape {layer.W.shape}; column W{k}[:, i] holds neuron i's weights",
                       f"from {source}")
        out += _vector(f"b{k}", layer.b, dtype_expr, f"{what}: biases, shape ({layer.units},)")
        out.append("")
    return out


def _names_literals(features: list[str], classes: list[str] | None, engineered=None) -> list[str]:
    lines = []
    if engineered is not None:
        lines.append(f"RAW_NAMES = {engineered[1]!r}  # the data's own columns, in this order")
        lines.append("# The network's inputs, in this order, computed from the raw columns by features():")
        lines.append(f"FEATURE_NAMES = {features!r}")
        return lines + ([f"CLASS_NAMES = {classes!r}"] if classes is not None else [])
    lines.append(f"FEATURE_NAMES = {features!r}  # input columns, in this order")
    if classes is not None:
        lines.append(f"CLASS_NAMES = {classes!r}")
    return lines


def _describe_training(model) -> list[str]:
    """Comment lines: loss, optimizer and its numbers, regularizers, epochs (not needed for predictions)."""
    lines = []
    if model.loss is not None:
        lines.append(f"loss: {model.loss.name} (from_logits={model.loss.from_logits})")
    opt = model.optimizer
    if opt is not None:
        numbers = ", ".join(f"{k}={v!r}" for k, v in opt.get_config().items() if k != "name")
        lines.append(f"optimizer: {type(opt).__name__}({numbers})")
    for k, layer in enumerate(model.layers, start=1):
        reg = layer.kernel_regularizer
        if reg is not None:
            lines.append(f"layer {k} weights regularized with {type(reg).__name__}({reg.rate!r})")
    lines.append(f"epochs trained: {model.epochs_trained}")
    return lines


def _architecture(model, engineered=None) -> list[str]:
    """Docstring lines: the network from its inputs to its output layer, one layer a line."""
    lines = ["Network:"]
    if engineered is not None:
        lines.append("  2 raw columns (RAW_NAMES) -> features(): " + ", ".join(engineered[0]))
    lines.append(f"  {model.input_dim} input feature(s)")
    if _normalization(model) is not None:
        lines.append("  -> normalization (x - mean) / sqrt(variance)")
    lines += [f"  -> Dense({layer.units}, activation={layer.activation!r})" for layer in model.layers]
    return lines


def _report_lines(head: str, outputs: str) -> list[str]:
    """Script lines that print each example's prediction from `probabilities` (or `outputs` for regression)."""
    if head == "regression":
        return [f"for x, y in zip(X_example, {outputs}, strict=True):",
                '    print(f"{x} -> predicted value(s) {y}")']
    if head == "binary":
        return ["for x, p in zip(X_example, probabilities[:, 0], strict=True):",
                "    predicted = CLASS_NAMES[int(p > 0.5)]",
                '    print(f"{x} -> P({CLASS_NAMES[1]}) = {p:.4f}, predicted class: {predicted}")']
    if head == "multilabel":
        return ["for x, p in zip(X_example, probabilities, strict=True):",
                "    present = [name for name, p_j in zip(CLASS_NAMES, p, strict=True) if p_j > 0.5]",
                '    print(f"{x} -> labels {present}, probabilities {np.round(p, 4)}")']
    return ["for x, p in zip(X_example, probabilities, strict=True):",
            "    predicted = CLASS_NAMES[int(np.argmax(p))]",
            '    print(f"{x} -> {predicted}, probabilities {np.round(p, 4)}")']


def _features_function(engineered) -> list[str]:
    """Script lines of `features(X_raw)`: the network's inputs computed from the raw columns."""
    selected = engineered[0]
    lines = ["def features(X_raw):",
             '    """The network\'s inputs from raw rows X_raw (m, 2), columns as RAW_NAMES -> (m, inputs), as '
             'FEATURE_NAMES."""',
             "    X_raw = np.asarray(X_raw, dtype=np.float64)"]
    for j, name in enumerate(("x1", "x2")):
        if any(name in _FEATURE_SOURCE[f] for f in selected):
            lines.append(f"    {name} = X_raw[:, {j}]")
    lines.append(f"    return np.column_stack([{', '.join(_FEATURE_SOURCE[f] for f in selected)}])")
    return lines


def _examples_literal(examples: np.ndarray, dtype_expr: str, engineered=None) -> list[str]:
    rows = [f"    [{', '.join(_num(v) for v in row)}]," for row in examples]
    columns = "RAW_NAMES (features() computes the inputs)" if engineered is not None else "FEATURE_NAMES"
    return [f"# A few example inputs: one row per example, columns as {columns}.",
            "X_example = np.array(", "    [", *["    " + r for r in rows], "    ],", f"    dtype={dtype_expr},", ")"]


def _examples(model, examples, engineered=None) -> np.ndarray:
    if examples is None:
        return _default_examples(model, engineered)
    examples = np.asarray(examples, dtype=np.float64)
    width = model.input_dim if engineered is None else 2
    if examples.ndim != 2 or examples.shape[1] != width or not np.isfinite(examples).all():
        raise ValueError(f"Examples must be finite numbers in rows of {width} value(s).")
    return examples


# ----- Keras -------------------------------------------------------------------------------------
_KERAS_LOSSES = {
    "mse": "MeanSquaredError",
    "binary_crossentropy": "BinaryCrossentropy",
    "categorical_crossentropy": "CategoricalCrossentropy",
    "sparse_categorical_crossentropy": "SparseCategoricalCrossentropy",
}


def _keras_loss(loss) -> str:
    name = _KERAS_LOSSES[loss.name]
    if isinstance(loss, losses.MeanSquaredError):
        return f"keras.losses.{name}()"
    return f"keras.losses.{name}(from_logits={loss.from_logits})"


# Engine optimizers that Keras has under the same class name, with the same argument names (config_keys).
_KERAS_OPTIMIZERS = (optimizers.SGD, optimizers.Adam)


def _keras_optimizer(opt) -> str:
    if not isinstance(opt, _KERAS_OPTIMIZERS):
        raise ValueError(f"No Keras equivalent known for the optimizer {type(opt).__name__}.")
    arguments = ", ".join(f"{key}={getattr(opt, key)!r}" for key in opt.config_keys)
    return f"keras.optimizers.{type(opt).__name__}({arguments})"


def _keras_metric(model, metric: str) -> str:
    """The Keras metric that reports the app's number for `metric`, named as in the app's history.

    A plain 'accuracy' would let Keras 3 choose from the output shape: argmax (categorical) accuracy for a
    multi-label head, where the app scores each label on its own.
    """
    if metric != "accuracy":
        return repr(metric)
    head = _head(model)
    # As engine.model.accuracy: argmax for a softmax head (its table's keras_metric "accuracy" is that), else
    # per label (the table's "binary_accuracy"), a regression's outputs included.
    if head == "softmax":
        sparse = isinstance(model.loss, losses.SparseCategoricalCrossentropy)
        return f'keras.metrics.{"Sparse" if sparse else ""}CategoricalAccuracy(name="accuracy")'
    # Per label, output > threshold; on logits the matching threshold is 0 (= probability 0.5).
    threshold = 0.0 if _from_logits(model) else 0.5
    return f'keras.metrics.BinaryAccuracy(name="accuracy", threshold={threshold!r})'


def _keras_regularizer(reg) -> str:
    names = {regularizers.L1: "L1", regularizers.L2: "L2"}
    return f"keras.regularizers.{names[type(reg)]}({reg.rate!r})"


def _feature_names(feature_names, engineered):
    if feature_names is not None or engineered is None:
        return feature_names
    raw = engineered[1]  # as the Playground names them: x1 -> the first raw column's name
    return [n.replace("x1", "\0").replace("x2", raw[1]).replace("\0", raw[0]) for n in engineered[0]]


def keras_code(model, feature_names=None, class_names=None, examples=None, input_features=None,
               raw_names=None) -> str:
    """A Keras 3 script (str) that rebuilds `model` with its trained weights, compiles it and predicts.

    `examples` (n, input_dim) are the inputs the script predicts for; by default a few rows around the data's
    mean. `input_features` (engine.features names, one per input) say the inputs are computed from raw 2-D
    points (columns `raw_names`): the script then defines `features(X_raw)` and its examples are raw (n, 2).
    Raises ValueError when the model is not built or the names do not fit it.
    """
    engineered = _engineered(model, input_features, raw_names)
    features, classes = _check(model, _feature_names(feature_names, engineered), class_names)
    head, from_logits = _head(model), _from_logits(model)
    float32 = model.dtype == np.float32
    dtype_expr = '"float32"' if float32 else '"float64"'
    norm = _normalization(model)
    n_layers = len(model.layers)

    lines = [
        '"""Keras 3 version of a network trained in the neural-network playground.',
        "",
        *_architecture(model, engineered),
        "",
        "Same layers, activations, loss, optimizer and trained weights as in the playground, so",
        "model.predict gives the playground's numbers. Needs Keras 3 and a backend: pip install keras tensorflow",
        '"""',
        "",
        "import keras",
        "import numpy as np",
        "",
    ]
    if float32:
        lines += ["# The playground model computed in float32, as Keras does by default.", ""]
    else:
        lines += ["# The playground computes in float64; Keras's default float32 would agree only to about 1e-6.",
                  'keras.config.set_floatx("float64")', ""]
    lines += _names_literals(features, classes, engineered) + [""]
    if engineered is not None:
        lines += ["", *_features_function(engineered), "", ""]
    if norm is not None:
        lines += ["# Input normalization learned from the training data: x -> (x - MEAN) / sqrt(VARIANCE).",
                  *_vector("MEAN", norm[0], dtype_expr, "mean of each input feature"),
                  *_vector("VARIANCE", norm[1], dtype_expr, "variance of each input feature"), ""]

    lines += ["model = keras.Sequential(", "    [", f"        keras.Input(shape=({model.input_dim},)),"]
    if norm is not None:
        lines.append("        keras.layers.Normalization(mean=MEAN, variance=VARIANCE),")
    for k, layer in enumerate(model.layers, start=1):
        if k == n_layers:
            meaning = {"binary": "probability of CLASS_NAMES[1]", "multilabel": "one probability per label",
                       "softmax": "one probability per class", "regression": "predicted value(s)"}[head]
            if from_logits:
                meaning = "logits: the loss applies " + ("sigmoid" if head != "softmax" else "softmax") + " itself"
            lines.append(f"        # output layer: {layer.units} neuron(s), {meaning}")
        else:
            lines.append(f"        # hidden layer {k}: {layer.units} neuron(s)")
        args = [str(layer.units), f'activation="{activations.get(layer.activation).keras_name}"']
        if layer.kernel_regularizer is not None:
            args.append(f"kernel_regularizer={_keras_regularizer(layer.kernel_regularizer)}")
        lines.append(f"        keras.layers.Dense({', '.join(args)}),")
    lines += ["    ]", ")"]

    if model.loss is not None and model.optimizer is not None:
        metrics = ", ".join(_keras_metric(model, m) for m in model.metrics)
        lines += [
            "# Compiled as in the playground, so model.fit(X, y, ...) continues training the same way.",
            "model.compile(",
            f"    optimizer={_keras_optimizer(model.optimizer)},",
            f"    loss={_keras_loss(model.loss)},",
            f"    metrics=[{metrics}],",
            ")",
        ]
    lines += [f"# Trained for {model.epochs_trained} epoch(s) in the playground.", ""]
    lines += ["# Trained weights. Each W has shape (inputs, neurons); Keras expects [W1, b1, W2, b2, ...].", ""]
    lines += _weight_literals(model, dtype_expr)
    order = ", ".join(f"W{k}, b{k}" for k in range(1, n_layers + 1))
    lines += [f"model.set_weights([{order}])", ""]

    lines += _examples_literal(_examples(model, examples, engineered), dtype_expr, engineered)
    inputs = "X_example" if engineered is None else "features(X_example)"
    if engineered is not None:
        lines.append("# The network's inputs are computed from the raw columns; so for model.fit: features(X_raw).")
    if head == "regression":
        lines += [f"outputs = model.predict({inputs}, verbose=0)", ""]
        lines += _report_lines(head, "outputs")
    elif from_logits:
        lines += [f"logits = model.predict({inputs}, verbose=0)"]
        if head == "softmax":
            lines += ["# from_logits=True: the output layer is linear, so turn its logits into probabilities (softmax).",
                      "exp_shifted = np.exp(logits - logits.max(axis=1, keepdims=True))",
                      "probabilities = exp_shifted / exp_shifted.sum(axis=1, keepdims=True)"]
        else:
            lines += ["# from_logits=True: the output layer is linear, so turn its logits into probabilities (sigmoid).",
                      "probabilities = 1.0 / (1.0 + np.exp(-logits))"]
        lines += [""] + _report_lines(head, "probabilities")
    else:
        lines += [f"probabilities = model.predict({inputs}, verbose=0)", ""]
        lines += _report_lines(head, "probabilities")
    return "\n".join(lines) + "\n"


# ----- plain NumPy -------------------------------------------------------------------------------
def numpy_code(model, feature_names=None, class_names=None, examples=None, input_features=None,
               raw_names=None) -> str:
    """A plain-NumPy script (str): the notes' `dense`/`sequential` forward pass with the trained weights.

    It defines `dense` (one example, neuron by neuron: `W[:, i]`), `dense_matmul` (many examples, one
    matrix product), `sequential(x)`, `sequential_matmul(X)`, `predict(X)` and `predict_proba(X)`, and its
    `__main__` block prints predictions for `examples` (n, input_dim; default: a few rows around the mean).
    With `input_features` (as keras_code) it defines `features(X_raw)`, and predict/predict_proba take raw
    rows (m, 2).
    """
    engineered = _engineered(model, input_features, raw_names)
    features, classes = _check(model, _feature_names(feature_names, engineered), class_names)
    head, from_logits = _head(model), _from_logits(model)
    float32 = model.dtype == np.float32
    norm = _normalization(model)
    n_layers = len(model.layers)
    needed = [layer.activation for layer in model.layers]
    if from_logits:
        needed.append("softmax" if head == "softmax" else "sigmoid")
    needed = list(dict.fromkeys(needed))  # unique, in order of first use

    training = "\n".join(f"  {line}" for line in _describe_training(model))
    lines = [
        '"""Plain NumPy forward pass of a network trained in the neural-network playground.',
        "",
        "As in the course notes: dense() computes one layer neuron by neuron (W[:, i] holds neuron i's weights)",
        "and sequential() chains the layers. dense_matmul() does the same layer for many examples at once",
        "with one matrix product. Needs only NumPy.",
        "",
        *_architecture(model, engineered),
        "How it was trained (not needed for predictions):",
        training,
        '"""',
        "",
        "import numpy as np",
        "",
        ("# The playground model computed in float32; the same precision gives the same numbers."
         if float32 else "# The playground computes in float64."),
        f"DTYPE = np.{'float32' if float32 else 'float64'}",
        "",
        *_names_literals(features, classes, engineered),
        "",
        "",
        *(["", "", *_features_function(engineered), "", ""] if engineered is not None else []),
        "# ----- activation functions g(z) ----------------------------------------------------------",
    ]
    for name in needed:
        lines += ["", "", *activations.get(name).numpy_source]
    lines += ["", "", "# ----- trained parameters ----------------------------------------------------------------", ""]
    if norm is not None:
        lines += _vector("MEAN", norm[0], "DTYPE", "mean of each input feature (from the training data)")
        lines += _vector("VARIANCE", norm[1], "DTYPE", "variance of each input feature")
        lines.append("")
    lines += _weight_literals(model, "DTYPE")

    lines += ["", "# ----- forward pass ----------------------------------------------------------------------"]
    if norm is not None:
        lines += [
            "", "",
            "def normalize(x):",
            '    """(x - mean) / sqrt(variance) per feature, as Keras\'s Normalization layer; x: (..., features)."""',
            "    return (x - MEAN) / np.sqrt(VARIANCE)",
        ]
    lines += [
        "", "",
        "def dense(a_in, W, b, g):",
        '    """One layer for ONE example, neuron by neuron: a_in (n_in,), W (n_in, units), b (units,) -> (units,)."""',
        "    units = W.shape[1]",
        "    z = np.zeros(units, dtype=DTYPE)",
        "    for i in range(units):",
        "        w = W[:, i]  # neuron i's weights",
        "        z[i] = np.dot(w, a_in) + b[i]",
        "    # g is applied to the whole vector z because softmax needs every z_j at once.",
        "    return g(z)",
        "", "",
        "def dense_matmul(A_in, W, b, g):",
        '    """The same layer for m examples at once: A_in (m, n_in) @ W (n_in, units) + b -> (m, units)."""',
        "    Z = np.matmul(A_in, W) + b",
        "    return g(Z)",
    ]
    first_single, first_batch = ("normalize(x)", "normalize(X)") if norm is not None else ("x", "X")
    single = ["", "", "def sequential(x):",
              '    """Forward pass for one example x of shape (features,); returns the output layer\'s activation."""',
              f"    a0 = {first_single}"]
    batch = ["", "", "def sequential_matmul(X):",
             '    """Forward pass for m examples X of shape (m, features); returns (m, outputs)."""',
             f"    A0 = {first_batch}"]
    for k, layer in enumerate(model.layers, start=1):
        single.append(f"    a{k} = dense(a{k - 1}, W{k}, b{k}, {layer.activation})")
        batch.append(f"    A{k} = dense_matmul(A{k - 1}, W{k}, b{k}, {layer.activation})")
    single.append(f"    return a{n_layers}")
    batch.append(f"    return A{n_layers}")
    lines += single + batch
    lines += [
        "", "",
        "def predict(X):",
        *(['    """The output layer\'s activation for rows of inputs X (m, features): shape (m, outputs)."""',
           "    return sequential_matmul(np.asarray(X, dtype=DTYPE))"] if engineered is None else
          ['    """The output layer\'s activation for raw rows X (m, 2), columns as RAW_NAMES: (m, outputs)."""',
           "    return sequential_matmul(np.asarray(features(X), dtype=DTYPE))"]),
    ]
    if head != "regression":
        lines += ["", "", "def predict_proba(X):", '    """Probabilities, shape (m, outputs)."""']
        if from_logits:
            head_fn = "softmax" if head == "softmax" else "sigmoid"
            lines += [f"    # from_logits=True: the output layer is linear, so {head_fn} turns its logits into probabilities.",
                      f"    return {head_fn}(predict(X))"]
        else:
            lines += ["    return predict(X)"]

    outputs = "outputs" if head == "regression" else "probabilities"
    main = ["", "", 'if __name__ == "__main__":']
    main += ["    " + line for line in _examples_literal(_examples(model, examples, engineered), "DTYPE", engineered)]
    rows = "X_example" if engineered is None else "np.asarray(features(X_example), dtype=DTYPE)"
    main += [
        "    # Neuron by neuron (the notes' loop) and all at once (matmul) give the same numbers:",
        f"    one_by_one = np.array([sequential(x) for x in {rows}])",
        "    all_at_once = predict(X_example)",
        '    print("largest difference, loop vs matmul:", np.abs(one_by_one - all_at_once).max())',
        f"    {outputs} = {'all_at_once' if head == 'regression' else 'predict_proba(X_example)'}",
    ]
    main += ["    " + line for line in _report_lines(head, outputs)]
    lines += main
    return "\n".join(lines) + "\n"
