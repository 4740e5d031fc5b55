"""One portable JSON file per model: architecture, normalization, weights, optimizer state, RNG state, metadata.

No pickle, no eval, no import by name: every name in a file is looked up in the engine's own tables, every
number is checked, and anything unexpected raises ModelFileError (a ValueError) with a plain message and a
`code` (with `params`) the UI can translate.

>>> model = Sequential([Dense(3, activation="tanh"), Dense(1, activation="sigmoid")], input_dim=2, seed=0)
>>> model.compile(optimizer="adam", loss="binary_crossentropy")
>>> text = dumps(model, metadata={"features": ["x1", "x2"], "classes": ["blue", "orange"]})
>>> clone = loads(text)        # predicts the same and continues training bit for bit like `model`
>>> clone.metadata["classes"]
['blue', 'orange']
>>> X = np.array([[0.5, -1.0], [2.0, 0.0]])
>>> bool((clone.predict(X) == model.predict(X)).all())
True
"""

import json
import math
import os

import numpy as np

from engine import activations, initializers, losses, optimizers, regularizers
from engine.model import KNOWN_METRICS, Dense, Sequential
from engine.preprocessing import Normalization


class ModelFileError(ValueError):
    """A model file that cannot be read, with a plain English message; `code` and `params` let the UI translate.

    Codes: "model_file_unreadable" (path, reason), "model_file_too_large" (), "model_file_not_json" (detail),
    "model_file_invalid" (detail: the English reason after "Not a valid model file: "; kind: which check failed,
    "whole" (what, low, high), "unknown" (what, value), "array_list" / "array_rectangular" / "array_numbers" /
    "array_finite" (what), "array_shape" (what, shape, expected), "nested" (), "not_text" (), or "other").
    """

    def __init__(self, code: str, message: str, **params):
        super().__init__(message)
        self.code, self.params = code, params

FORMAT = "nn-playground-model"
VERSION = 1
MAX_TEXT_CHARS = 50_000_000   # ~4x the JSON of a million-parameter model with Adam state
MAX_PARAMS = 1_000_000
MAX_LAYERS = 64
MAX_UNITS = 4096
MAX_INPUT_DIM = 4096
MAX_METADATA_CHARS = 1_000_000
MAX_NESTING = 20


_TOP_LEVEL_KEYS = {"format", "version", "name", "dtype", "seed", "input_dim", "normalization", "layers", "weights",
                   "loss", "metrics", "optimizer", "rng_state", "epochs_trained", "metadata"}


def _floats(array: np.ndarray | None) -> list | None:
    # float() of a float32 is exact, and JSON's repr of a float64 round-trips exactly.
    return None if array is None else np.asarray(array, dtype=np.float64).tolist()


def dumps(model: Sequential, metadata: dict | None = None) -> str:
    """The model as JSON text. `metadata` (e.g. feature names, class names) defaults to `model.metadata`."""
    if not isinstance(model, Sequential) or not model.built:
        raise ValueError("Only a built Sequential model can be saved (give input_dim or train it first).")
    metadata = model.metadata if metadata is None else metadata
    if metadata is not None and not isinstance(metadata, dict):
        raise ValueError("metadata must be a dict (e.g. {'features': [...], 'classes': [...]}).")
    optimizer = model.optimizer
    optimizer_block = None
    if optimizer is not None:
        state = optimizer.get_state() if optimizer.built_size == model.count_params() else {"iterations": 0}
        optimizer_block = {
            "config": optimizer.get_config(),
            "iterations": int(state["iterations"]),
            "state": {name: _floats(value) for name, value in state.items() if name != "iterations"},
        }
    norm = model.normalization
    document = {
        "format": FORMAT,
        "version": VERSION,
        "name": model.name,
        "dtype": model.dtype.name,
        "seed": model.seed,
        "input_dim": model.input_dim,
        "normalization": None if norm is None else {"mean": _floats(norm.mean), "variance": _floats(norm.variance),
                                                    "name": norm.name},
        "layers": [layer.get_config() for layer in model.layers],
        "weights": [_floats(w) for w in model.get_weights()],
        "loss": None if model.loss is None else model.loss.get_config(),
        "metrics": list(model.metrics),
        "optimizer": optimizer_block,
        "rng_state": model.rng.bit_generator.state,
        "epochs_trained": model.epochs_trained,
        "metadata": metadata,
    }
    try:
        return json.dumps(document, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as error:
        raise ValueError(f"The model (or its metadata) cannot be written as JSON: {error}") from error


def save_model(model: Sequential, path, metadata: dict | None = None) -> None:
    """Write `dumps(model, metadata)` to `path` (UTF-8)."""
    text = dumps(model, metadata)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def load_model(path) -> Sequential:
    """Read a model file written by `save_model` / `Sequential.save`."""
    try:
        size = os.path.getsize(path)
    except OSError as error:
        raise ModelFileError("model_file_unreadable",
                             f"Cannot read the model file {os.fspath(path)!r}: {error.strerror}.",
                             path=os.fspath(path), reason=error.strerror) from error
    if size > MAX_TEXT_CHARS * 4:
        raise ModelFileError("model_file_too_large", "The model file is too large to be a playground model.")
    with open(path, "rb") as handle:
        data = handle.read()
    return loads(data)


# ----- reading: every check raises ModelFileError with a plain message -----------------------------------
def _fail(message: str, kind: str = "other", **params):
    raise ModelFileError("model_file_invalid", f"Not a valid model file: {message}.", detail=message, kind=kind,
                         **params)


def _require(condition: bool, message: str, kind: str = "other", **params) -> None:
    if not condition:
        _fail(message, kind, **params)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _whole(value, what: str, low: int, high: int) -> int:
    _require(isinstance(value, int) and not isinstance(value, bool) and low <= value <= high,
             f"{what} must be a whole number from {low} to {high}", "whole", what=what, low=low, high=high)
    return value


def _name(value, table, what: str) -> str:
    _require(isinstance(value, str) and value in table, f"unknown {what} {value!r}", "unknown", what=what,
             value=repr(value)[:60])
    return value


def _array(value, shape: tuple, what: str) -> np.ndarray:
    """A float64 array of exactly `shape` from nested JSON lists of finite numbers."""
    _require(isinstance(value, list), f"{what} must be a list of numbers", "array_list", what=what)
    try:
        array = np.array(value)
    except (TypeError, ValueError):
        _fail(f"{what} must be a regular (rectangular) list of numbers", "array_rectangular", what=what)
    _require(array.dtype.kind in "iuf", f"{what} must hold numbers only", "array_numbers", what=what)
    _require(array.shape == shape, f"{what} has shape {array.shape}, expected {shape}", "array_shape", what=what,
             shape=str(array.shape), expected=str(shape))
    array = array.astype(np.float64)
    _require(bool(np.isfinite(array).all()), f"{what} contains a value that is not a finite number", "array_finite",
             what=what)
    return array


def _depth(value, limit: int) -> int:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return depth
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return 0


def _reject_constant(token: str):
    _fail(f"{token} is not a number JSON allows")


def loads(text) -> Sequential:
    """A model from `dumps` output (str or UTF-8 bytes). Raises ValueError for anything malformed or hostile."""
    if isinstance(text, bytes | bytearray):
        _require(len(text) <= MAX_TEXT_CHARS, "the file is too large")
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            _fail("it is not UTF-8 text", "not_text")
    _require(isinstance(text, str), "expected JSON text")
    _require(len(text) <= MAX_TEXT_CHARS, "the file is too large")
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except ModelFileError:
        raise
    except ValueError as error:
        detail = error.msg if hasattr(error, "msg") else str(error)
        raise ModelFileError("model_file_not_json", f"Not a valid model file: it is not JSON ({detail}).",
                             detail=detail) from None
    except RecursionError:
        _fail("it is nested too deeply", "nested")
    _require(isinstance(document, dict), "the top level must be a JSON object")
    _require(document.get("format") == FORMAT, f"it is not a {FORMAT} file")
    _require(document.get("version") == VERSION, f"unsupported version {document.get('version')!r}")
    unknown = set(document) - _TOP_LEVEL_KEYS
    _require(not unknown, f"unexpected entries {sorted(unknown)[:5]}")
    for key in ("layers", "weights", "rng_state", "metadata", "normalization", "optimizer", "loss"):
        _require(_depth(document.get(key), MAX_NESTING) == 0, f"'{key}' is nested too deeply")

    dtype = _name(document.get("dtype"), ("float64", "float32"), "dtype")
    seed = document.get("seed")
    _require(seed is None or (isinstance(seed, int) and not isinstance(seed, bool) and 0 <= seed < 2**128),
             "seed must be a whole number >= 0 or null")
    input_dim = _whole(document.get("input_dim"), "input_dim", 1, MAX_INPUT_DIM)
    name = document.get("name")
    _require(name is None or (isinstance(name, str) and len(name) <= 200), "name must be a short string or null")

    layer_configs = document.get("layers")
    _require(isinstance(layer_configs, list) and 1 <= len(layer_configs) <= MAX_LAYERS,
             f"'layers' must be a list of 1 to {MAX_LAYERS} layers")
    layers, n_in, total = [], input_dim, 0
    for index, config in enumerate(layer_configs, start=1):
        _require(isinstance(config, dict), f"layer {index} must be an object")
        units = _whole(config.get("units"), f"layer {index} units", 1, MAX_UNITS)
        activation = _name(config.get("activation"), activations.ACTIVATIONS, "activation")
        initializer = _name(config.get("kernel_initializer", "glorot_uniform"), initializers.INITIALIZERS,
                            "kernel initializer")
        reg = config.get("kernel_regularizer")
        if reg is not None:
            _require(isinstance(reg, dict), f"layer {index} regularizer must be an object or null")
            _name(reg.get("name"), regularizers.REGULARIZERS, "regularizer")
            _require(_is_number(reg.get("rate")) and reg["rate"] >= 0, f"layer {index} regularizer rate must be >= 0")
        layer_name = config.get("name")
        _require(layer_name is None or (isinstance(layer_name, str) and len(layer_name) <= 200),
                 f"layer {index} name must be a short string or null")
        total += (n_in + 1) * units
        _require(total <= MAX_PARAMS, f"the network has more than {MAX_PARAMS} parameters")
        layers.append(Dense(units, activation=activation, kernel_initializer=initializer,
                            kernel_regularizer=regularizers.from_config(reg), name=layer_name))
        n_in = units

    norm_config = document.get("normalization")
    normalization = None
    if norm_config is not None:
        _require(isinstance(norm_config, dict), "'normalization' must be an object or null")
        mean = _array(norm_config.get("mean"), (input_dim,), "normalization mean")
        variance = _array(norm_config.get("variance"), (input_dim,), "normalization variance")
        _require(bool((variance > 0).all()), "normalization variance must be > 0")
        norm_name = norm_config.get("name")
        _require(norm_name is None or (isinstance(norm_name, str) and len(norm_name) <= 200),
                 "normalization name must be a short string or null")
        normalization = Normalization(mean=mean, variance=variance, name=norm_name)

    model = Sequential(([normalization] if normalization else []) + layers, input_dim=input_dim, seed=seed,
                       dtype=dtype, name=name)

    weights = document.get("weights")
    shapes = [shape for layer in model.layers for shape in (layer.W.shape, (layer.units,))]
    _require(isinstance(weights, list) and len(weights) == len(shapes),
             f"'weights' must be a list of {len(shapes)} arrays [W1, b1, ...]")
    model.set_weights([_array(w, shape, f"weight array {i + 1}") for i, (w, shape) in enumerate(zip(weights, shapes,
                                                                                                     strict=True))])

    loss_config = document.get("loss")
    optimizer_block = document.get("optimizer")
    metrics = document.get("metrics", [])
    _require(isinstance(metrics, list) and all(isinstance(m, str) and m in KNOWN_METRICS for m in metrics),
             f"'metrics' must be a list of {', '.join(KNOWN_METRICS)}")
    if loss_config is not None or optimizer_block is not None:
        _require(isinstance(loss_config, dict) and isinstance(optimizer_block, dict),
                 "'loss' and 'optimizer' must both be objects (or both null)")
        loss_name = _name(loss_config.get("name"), losses.LOSSES, "loss")
        from_logits = loss_config.get("from_logits", False)
        _require(isinstance(from_logits, bool), "from_logits must be true or false")
        optimizer = _optimizer(optimizer_block, model.count_params())
        model.compile(optimizer=optimizer["object"], loss=losses.LOSSES[loss_name](from_logits=from_logits),
                      metrics=metrics)
        _restore_optimizer(model.optimizer, optimizer)

    model.rng.bit_generator.state = _rng_state(document.get("rng_state"))
    model.epochs_trained = _whole(document.get("epochs_trained", 0), "epochs_trained", 0, 10**12)
    metadata = document.get("metadata")
    _require(metadata is None or isinstance(metadata, dict), "'metadata' must be an object or null")
    if metadata is not None:
        _require(len(json.dumps(metadata)) <= MAX_METADATA_CHARS, "'metadata' is too large")
    model.metadata = metadata
    return model


def _optimizer(block: dict, size: int) -> dict:
    config = block.get("config")
    _require(isinstance(config, dict), "the optimizer config must be an object")
    kind = _name(config.get("name"), optimizers.OPTIMIZERS, "optimizer")
    cls = optimizers.OPTIMIZERS[kind]
    allowed = {"name", *cls.config_keys}
    _require(set(config) <= allowed, f"unexpected optimizer settings {sorted(set(config) - allowed)}")
    _require(all(_is_number(config[key]) for key in config if key != "name"), "optimizer settings must be numbers")
    try:
        optimizer = optimizers.from_config(config)
    except ValueError as error:
        _fail(f"bad optimizer settings ({error})")
    iterations = _whole(block.get("iterations", 0), "optimizer iterations", 0, 10**12)
    state = block.get("state", {})
    _require(isinstance(state, dict), "the optimizer state must be an object")
    expected = {*cls.state_keys, "last_update"}
    _require(set(state) <= expected, f"unexpected optimizer state {sorted(set(state) - expected)}")
    arrays = {key: None if value is None else _array(value, (size,), f"optimizer state '{key}'")
              for key, value in state.items()}
    for key in cls.nonnegative_state_keys:
        if arrays.get(key) is not None:
            _require(bool((arrays[key] >= 0).all()), f"{cls.__name__}'s {key} must be >= 0")
    return {"object": optimizer, "iterations": iterations, "arrays": arrays}


def _restore_optimizer(optimizer, saved: dict) -> None:
    live = optimizer.state_arrays()
    for key, value in saved["arrays"].items():
        if value is None:
            continue
        target = optimizer.last_update if key == "last_update" else live[key]
        np.copyto(target, value.astype(target.dtype))
    optimizer.iterations = saved["iterations"]


def _rng_state(state) -> dict:
    _require(isinstance(state, dict) and state.get("bit_generator") == "PCG64",
             "'rng_state' must be a PCG64 generator state")
    inner = state.get("state")
    _require(isinstance(inner, dict) and set(inner) == {"state", "inc"}, "'rng_state' is incomplete")
    for key in ("state", "inc"):
        _require(isinstance(inner[key], int) and not isinstance(inner[key], bool) and 0 <= inner[key] < 2**128,
                 f"'rng_state' {key} must be a whole number below 2**128")
    _require(state.get("has_uint32") in (0, 1), "'rng_state' has_uint32 must be 0 or 1")
    _whole(state.get("uinteger"), "'rng_state' uinteger", 0, 2**32 - 1)
    return {"bit_generator": "PCG64", "state": {"state": inner["state"], "inc": inner["inc"]},
            "has_uint32": state["has_uint32"], "uinteger": state["uinteger"]}
