"""The Playground's session logic, kept out of the page: data, model build, one training tick, history.

Per browser session, in st.session_state (never module globals):
- "pg.bundle": `DataBundle` for the current data configuration (rebuilt when a data field changes),
- "pg.model": the `Sequential` being trained, "pg.model_key": the structure it was built for,
- "pg.history": the loss/accuracy history, thinned to at most `HISTORY_CAP` points; "pg.latest": the last
  update's train and test loss/accuracy,
- "pg.edits": the learner's drawn/removed points (`ui.data_edits`), applied to the training set; an edit rebuilds
  the bundle, not the model (training goes on with the edited set),
- "pg.playing": bool, "pg.diverged": the last divergence (epoch, lr) or None, "pg.build_error": text or None.
A structural change (data, features, layers, head, loss, initializer, seed) rebuilds the model; the
optimizer's numbers, batch size, epochs per tick and regularization change in place and keep training going.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import streamlit as st

from engine import L1, L2, SGD, Adam, Dense, Normalization, Sequential, TrainingDiverged, activations, heads
from engine.datasets import DATASETS, Dataset, make_dataset, train_test_split
from engine.features import expand, grid_points, plot_range
from engine.losses import LOSSES, head_mismatch_info
from ui import (
    tick_policy,
    timeline,  # the checkpoint each tick records (ui.timeline imports this module back)
)
from ui.challenges import after_train, epochs_allowed
from ui.data_edits import EDITS_KEY, apply_edits
from ui.state import FIELDS_BY_NAME, MAX_HIDDEN_LAYERS, current_config, fields_with, session_key

MAP_RESOLUTION = 50  # main decision map: 50 x 50 cells
NODE_MAP_RESOLUTION = 12  # each neuron's map inside the diagram (TF Playground draws 10 x 10)
CURVE_POINTS = 120  # points per loss/accuracy curve: the live curves are 240 px wide
MAX_NODES_WITH_MAPS = 40  # beyond this many nodes the diagram drops the neuron maps (too many cells to redraw)
HISTORY_CAP = 1000
UPLOAD = "upload"

DATA_FIELDS = fields_with("data")
STRUCTURE_FIELDS = fields_with("structure")
# Head choice -> output activation, read from the one head table.
HEADS = {name: head.output_activation for name, head in heads.HEADS.items()}


@dataclass
class DataBundle:
    """A data set ready for training and drawing.

    train/test: the split Datasets (raw columns). X_train/X_test: the network's inputs (n, features).
    For 2-D data: grid (r*r, features) over the plane with xs, ys (r,), and node_grid likewise at
    NODE_MAP_RESOLUTION with node_inputs (r*r, features) for the input nodes' maps.
    """

    ds: Dataset
    train: Dataset
    test: Dataset
    feature_names: list[str]
    X_train: np.ndarray
    X_test: np.ndarray
    is_2d: bool
    grid: np.ndarray | None = None
    xs: np.ndarray | None = None
    ys: np.ndarray | None = None
    node_grid: np.ndarray | None = None
    points_X: np.ndarray | None = None  # raw 2-D points, train then test
    points_y: np.ndarray | None = None
    points_test: np.ndarray | None = None  # bool, True for test points


@st.cache_data(max_entries=32, show_spinner=False)
def _generated(key, n_points, noise, seed, classes, imbalance, label_noise) -> Dataset:
    return make_dataset(key, n_points=n_points, noise=noise, seed=seed, classes=classes, imbalance=imbalance,
                        label_noise=label_noise)


def current_dataset(config: dict) -> Dataset | None:
    """The configured data set (the uploaded one for "upload", None until a good file has been given)."""
    if config["dataset"] == UPLOAD:
        return st.session_state.get("pg.upload_ds")
    spec = DATASETS[config["dataset"]]
    classes = config["classes"] if "classes" in spec.controls else None
    return _generated(config["dataset"], config["n_points"], config["noise"], config["data_seed"], classes,
                      config["imbalance"] if spec.problem != "regression" else 0.0,
                      config["label_noise"] if spec.problem != "regression" else 0.0)


def make_bundle(ds: Dataset, config: dict, edits=None) -> DataBundle:
    """The split data ready to train and draw; `edits` (see ui.data_edits) applied to a 2-D training set."""
    train, test = train_test_split(ds, config["test_pct"] / 100, seed=config["data_seed"])
    if edits and ds.n_features == 2 and ds.problem != "multilabel":
        X, y = apply_edits(train.X, train.y, edits, ds.problem, ds.n_classes if ds.problem != "regression" else 0)
        train = replace(train, X=X, y=y, latent=None, images=None)
    is_2d = ds.n_features == 2
    if is_2d:
        features = list(config["features"])
        X_train, X_test = expand(train.X, features), expand(test.X, features)
        names = features if ds.feature_names == ["x1", "x2"] else [
            name.replace("x1", ds.feature_names[0]).replace("x2", ds.feature_names[1]) for name in features]
        x_range, y_range = plot_range(ds.X, margin=0.05)
        raw_grid, xs, ys = grid_points(x_range, y_range, MAP_RESOLUTION)
        raw_nodes, _, _ = grid_points(x_range, y_range, NODE_MAP_RESOLUTION)
        return DataBundle(ds, train, test, names, X_train, X_test, True, expand(raw_grid, features), xs, ys,
                          expand(raw_nodes, features), np.vstack([train.X, test.X]),
                          np.concatenate([train.y, test.y]),
                          np.r_[np.zeros(train.n_examples, bool), np.ones(test.n_examples, bool)])
    return DataBundle(ds, train, test, list(ds.feature_names), train.X, test.X, False)


def data_key(config: dict) -> tuple:
    upload = st.session_state.get("pg.upload_ds") if config["dataset"] == UPLOAD else None
    return tuple(config[name] for name in DATA_FIELDS) + (tuple(config["features"]), id(upload))


def edits() -> list:
    """The learner's edits of the training set (`ui.data_edits`), in order."""
    value = st.session_state.get(EDITS_KEY)
    return value if isinstance(value, list) else []


def bundle(config: dict) -> DataBundle | None:
    """The session's DataBundle for `config` and the learner's edits, made again only when either changes.

    Edits belong to the data they were drawn on: when a data field changes, they are dropped (a restored
    session's edits, set before its first bundle, are kept)."""
    key = data_key(config)
    cached = st.session_state.get("pg.bundle")
    if cached is not None and cached[0][0] != key and edits():
        st.session_state[EDITS_KEY] = []
    full_key = (key, repr(edits()))
    if cached is not None and cached[0] == full_key:
        return cached[1]
    ds = current_dataset(config)
    if ds is None:
        return None
    made = make_bundle(ds, config, edits())
    st.session_state["pg.bundle"] = (full_key, made)
    return made


# ----- output head ---------------------------------------------------------------------------------------

def auto_head(problem: str) -> str:
    return heads.for_problem(problem).name


def head_choice(config: dict, problem: str) -> str:
    return auto_head(problem) if config["head"] == "auto" else config["head"]


def output_units(head: str, ds: Dataset) -> int:
    """Units of the output layer: one per class (K) or label (L), 2 for a softmax on binary data, else 1."""
    if ds.problem in ("multiclass", "multilabel"):
        return ds.n_classes
    if ds.problem == "binary" and head == "softmax":
        return 2
    return 1


def loss_choice(config: dict, problem: str, head: str) -> tuple[str, bool]:
    """(loss name, from_logits). Auto: the head's own loss (engine.heads); a linear head on classes gives
    logits to the problem's own loss (from_logits); a ReLU head on classes keeps binary cross-entropy."""
    if config["loss"] != "auto":
        return config["loss"], False
    if problem == "regression":
        return "mse", False
    record = heads.HEADS[head]
    if record.kind != "regression":
        return record.loss, False
    if head == "linear":
        return heads.for_problem(problem).loss, True
    return "binary_crossentropy", False


def mismatch_text(head: str, loss_name: str, from_logits: bool) -> str | None:
    """The head/loss mismatch warning in the current language (engine code -> text), or None."""
    from ui.i18n import t

    info = head_mismatch_info(HEADS[head], LOSSES[loss_name](from_logits=from_logits))
    if info is None:
        return None
    code, params = info
    suggested = params.get("suggested_loss")
    words = {"output_activation": t(f"widgets.head.{params['output_activation']}"),
             "loss": t(f"widgets.loss.{params.get('loss', loss_name)}"),
             "suggested": t(f"widgets.loss.{suggested}") if suggested else t("pg.mismatch_any_loss")}
    return t(f"pg.mismatch_{code}", **words)


def unreachable_targets(head: str, ds: Dataset) -> dict | None:
    """For regression: the targets' range and the output's, when the head's output cannot reach the targets."""
    if ds.problem != "regression":
        return None
    low, high = activations.get(HEADS[head]).output_range
    y_low, y_high = float(np.min(ds.y)), float(np.max(ds.y))
    if y_low >= low and y_high <= high:
        return None
    return {"y_low": f"{y_low:.3g}", "y_high": f"{y_high:.3g}", "low": f"{low:g}", "high": f"{high:g}"}


def targets(ds: Dataset, units: int) -> np.ndarray:
    """y in the shape the output layer needs: (n,) for one unit, one-hot / 0-1 columns (n, units) otherwise."""
    if units == 1 or ds.problem in ("regression", "multilabel"):
        return ds.y.astype(float)
    return np.eye(units)[ds.y.astype(int)]


# ----- model ---------------------------------------------------------------------------------------------

def regularizer(config: dict):
    if config["reg"] == "none" or config["reg_rate"] == 0:
        return None
    return (L1 if config["reg"] == "l1" else L2)(config["reg_rate"])


def make_optimizer(config: dict):
    if config["optimizer"] == "sgd":
        return SGD(learning_rate=config["lr"], momentum=min(config["momentum"], 0.99))
    return Adam(learning_rate=config["lr"])


def model_key(config: dict) -> tuple:
    return data_key(config) + tuple(
        tuple(config[n]) if isinstance(config[n], tuple | list) else config[n] for n in STRUCTURE_FIELDS)


def build_model(config: dict, data: DataBundle) -> Sequential:
    """A compiled model for `config` on `data` (Normalization first when `scale` is on). ValueError if impossible."""
    ds = data.ds
    head = head_choice(config, ds.problem)
    units = output_units(head, ds)
    loss_name, from_logits = loss_choice(config, ds.problem, head)
    reg = regularizer(config)
    layers = [Normalization().adapt(data.X_train)] if config["scale"] else []
    for width, activation in zip(config["hidden"], config["acts"], strict=True):
        layers.append(Dense(int(width), activation=activation, kernel_initializer=config["init"],
                            kernel_regularizer=reg))
    layers.append(Dense(units, activation=HEADS[head], kernel_initializer=config["init"], kernel_regularizer=reg))
    model = Sequential(layers, input_dim=data.X_train.shape[1], seed=config["seed"])
    from engine.losses import LOSSES
    loss = LOSSES[loss_name](from_logits=from_logits)
    metrics = ["accuracy"] if ds.problem != "regression" else []
    model.compile(optimizer=make_optimizer(config), loss=loss, metrics=metrics)
    # Fail now (not in the first tick) when targets and output layer cannot go together.
    model.evaluate(data.X_train[:2], targets(data.train, units)[:2])
    return model


def apply_live_settings(model: Sequential, config: dict) -> None:
    """Optimizer numbers and regularization, set on the running model without touching its weights."""
    wanted = config["optimizer"]
    if model.optimizer.name != wanted:
        model.optimizer = make_optimizer(config)
    model.optimizer.learning_rate = config["lr"]
    if isinstance(model.optimizer, SGD):
        model.optimizer.momentum = min(float(config["momentum"]), 0.99)
    reg = regularizer(config)
    for layer in model.layers:
        current = layer.kernel_regularizer
        if (current is None) != (reg is None) or (reg is not None and (
                current.name != reg.name or current.rate != reg.rate)):
            layer.kernel_regularizer = reg


def empty_history() -> dict:
    return {"epoch": [], "loss": [], "val_loss": [], "accuracy": [], "val_accuracy": [], "stride": 1}


def record(history: dict, epochs: list[int], logs: dict[str, list[float]]) -> None:
    """Append the epochs whose number is a multiple of the stride; past HISTORY_CAP points keep every other
    one and double the stride, so the stored curve stays evenly spaced and memory stays flat."""
    for i, epoch in enumerate(epochs):
        if epoch % history["stride"]:
            continue
        history["epoch"].append(epoch)
        for name in ("loss", "val_loss", "accuracy", "val_accuracy"):
            if name in logs:
                history[name].append(logs[name][i])
        if len(history["epoch"]) > HISTORY_CAP:
            for name in ("epoch", "loss", "val_loss", "accuracy", "val_accuracy"):
                history[name] = history[name][1::2]
            history["stride"] *= 2


def ensure_model(config: dict, data: DataBundle) -> Sequential | None:
    """The session's model for `config`: rebuilt (history cleared, paused) on a structural change."""
    key = model_key(config)
    if st.session_state.get("pg.model_key") != key or st.session_state.get("pg.model") is None:
        st.session_state["pg.model_key"] = key
        st.session_state["pg.diverged"] = None
        st.session_state["pg.history"] = empty_history()
        st.session_state["pg.latest"] = {}
        try:
            st.session_state["pg.model"] = build_model(config, data)
            st.session_state["pg.build_error"] = None
        except ValueError as error:
            st.session_state["pg.model"] = None
            st.session_state["pg.build_error"] = str(error)
            st.session_state["pg.playing"] = False
    model = st.session_state.get("pg.model")
    if model is not None:
        apply_live_settings(model, config)
    return model


def reset_model() -> None:
    """Forget the model so the next run builds it again from the configuration (same seed, same start)."""
    st.session_state["pg.model_key"] = None
    st.session_state["pg.playing"] = False


def train(epochs: int, on_frame: Callable[[], None] | None = None) -> bool:
    """Train the session's model for one tick and record the history; False (and paused) on divergence.

    `epochs` is the learner's epochs per update. On the live view's timer a tick is cut into frames
    (`ui.tick_policy.frame_epochs`): each frame's epochs are recorded as an update of their own (history, test
    loss, checkpoint, a challenge's stop) and `on_frame()` is called after every frame but the last, to draw the
    model as it is then. A full run of the page (a Step, a click) trains `epochs` in one frame.
    """
    model: Sequential | None = st.session_state.get("pg.model")
    cached = st.session_state.get("pg.bundle")
    if model is None or cached is None:
        return False
    data = cached[1]
    batch = current_config()["batch"]
    y_train = targets(data.train, model.output_units)
    try:
        # One epoch first, to learn what an epoch costs (this thread's CPU, so other sessions on the GIL do not
        # count); then the tick policy's share (ui/tick_policy: more per tick when ticks are far apart, within a
        # CPU budget so a big network still redraws and answers Pause promptly).
        interval = st.session_state.setdefault("pg.tick_clock", tick_policy.TickClock()).tick(time.monotonic())
        with tick_policy.TICK_LOCK:
            start = time.thread_time()
            logs = model.fit(data.X_train, y_train, epochs=1, batch_size=batch)
            per_epoch = time.thread_time() - start
        frames = tick_policy.frame_epochs(epochs, interval, per_epoch, live=is_playing() and tick_policy.timer_tick())
        frames = _within(frames, epochs_allowed(sum(frames)))  # an active challenge's epoch budget
        for index, count in enumerate(frames):
            more = count - 1 if index == 0 else count  # the first frame holds the measured epoch
            if more > 0:
                with tick_policy.TICK_LOCK:
                    rest = model.fit(data.X_train, y_train, epochs=more, batch_size=batch)
                if index == 0:
                    logs.epoch += rest.epoch
                    for name, values in rest.history.items():
                        logs.history[name] += values
                else:
                    logs = rest
            _record_update(model, data, logs)
            if index < len(frames) - 1:
                if not is_playing():
                    break  # a challenge's goal or budget paused it
                if on_frame is not None:
                    on_frame()
    except TrainingDiverged as error:
        st.session_state["pg.playing"] = False
        st.session_state["pg.diverged"] = {"epoch": error.epoch, "lr": error.learning_rate}
        return False
    return True


def _within(frames: list[int], total: int) -> list[int]:
    """`frames` (epochs each) cut to `total` epochs in all, at least the one epoch already trained.

    >>> _within([5, 5, 5], 12), _within([5, 5, 5], 20), _within([5], 0)
    ([5, 5, 2], [5, 5, 5], [1])
    """
    kept: list[int] = []
    for count in frames:
        count = min(count, total - sum(kept))
        if count <= 0:
            break
        kept.append(count)
    return kept or [1]


def _record_update(model: Sequential, data: DataBundle, logs) -> None:
    """After one update's epochs (`logs`, a History): the test loss, the history, the latest numbers, a
    checkpoint, a challenge's stop condition."""
    units = model.output_units
    # The test set is evaluated once per update (its last epoch), not after every epoch: the curve needs no
    # more, and it keeps the tick short. Other epochs hold NaN, which the chart skips.
    test = model.evaluate(data.X_test, targets(data.test, units), return_dict=True)
    history = st.session_state.setdefault("pg.history", empty_history())
    # The test value goes to this update's last epoch that the thinned history keeps.
    kept = [i for i, epoch in enumerate(logs.epoch) if epoch % history["stride"] == 0]
    for name, value in test.items():
        series = [float("nan")] * len(logs.epoch)
        if kept:
            series[kept[-1]] = value
        logs.history["val_" + name] = series
    record(history, logs.epoch, logs.history)
    st.session_state["pg.latest"] = {**{name: values[-1] for name, values in logs.history.items()
                                        if not name.startswith("val_")},
                                     **{"val_" + name: value for name, value in test.items()}}
    timeline.record_checkpoint(model, st.session_state["pg.latest"])
    after_train()  # a challenge's stop condition: pause at its goal or epoch budget


def is_playing() -> bool:
    return bool(st.session_state.get("pg.playing", False))


def set_field(name: str, value) -> None:
    st.session_state[session_key(name)] = value


def _file_settings(loaded: Sequential) -> tuple[dict | None, str | None]:
    """The Playground settings a model file carries (metadata["playground"]), each held to the same checks as a
    link's text: (field -> value, None), or (None, the reason they cannot be used)."""
    from ui.i18n import plain, t
    from ui.state import _parse_strict, encode

    saved = (loaded.metadata or {}).get("playground") if isinstance(loaded.metadata, dict) else None
    if not isinstance(saved, dict):
        return None, t("model_io.settings_invalid", field="playground")
    settings = {}
    for name, value in saved.items():
        field = FIELDS_BY_NAME.get(str(name))
        if field is None:
            continue  # a setting this version does not have: the rest still apply
        try:
            settings[field.name] = _parse_strict(field, encode(field, value))
        except (ValueError, TypeError):
            return None, t("model_io.settings_invalid", field=plain(str(name)[:40]))
    if settings.get("dataset") == UPLOAD:
        return None, t("model_io.settings_upload")
    return settings, None


def adopt_model(loaded: Sequential, data: DataBundle, use_file_settings: bool = False) -> str | None:
    """Train an uploaded model from here on, if it fits the data; its layers become the configuration.

    use_file_settings: first switch to the Playground settings saved in the file (data set, features, ...), so a
    model saved on other data fits and predicts exactly as it did when saved.
    Returns None when adopted, else the reason (in the current language) and nothing changes.
    """
    from ui.i18n import t

    if use_file_settings:
        settings, reason = _file_settings(loaded)
        if reason is not None:
            return reason
        before = current_config()
        for name, value in settings.items():
            set_field(name, value)
        switched = bundle(current_config())
        reason = t("model_io.settings_upload") if switched is None else adopt_model(loaded, switched)
        if reason is not None:
            for name, value in before.items():
                set_field(name, value)
        return reason

    units_needed = {1} if data.ds.problem in ("binary", "regression") else {data.ds.n_classes}
    if data.ds.problem == "binary":
        units_needed.add(2)
    if loaded.input_dim != data.X_train.shape[1] or loaded.output_units not in units_needed:
        return t("pg.model_mismatch", inputs=loaded.input_dim, outputs=loaded.output_units,
                 need_inputs=data.X_train.shape[1], need_outputs=" / ".join(map(str, sorted(units_needed))))
    hidden = loaded.layers[:-1]
    # The head table's entry for this output activation: the one suited to the data first (sigmoid is the
    # multi-label head on multi-label data), else any (a linear output on classes gives logits).
    matching = [h for h in heads.HEADS.values() if h.output_activation == loaded.output_activation]
    suited = [h for h in matching if data.ds.problem in h.problems] or matching
    head = suited[0].name if suited else None
    allowed = FIELDS_BY_NAME["acts"].choices
    if head is None or any(layer.activation not in allowed for layer in hidden):
        return t("pg.model_unsupported")
    # The same limits as the URL and the builder: a file is no way round them.
    units = FIELDS_BY_NAME["hidden"]
    if len(hidden) > MAX_HIDDEN_LAYERS or any(not units.low <= layer.units <= units.high for layer in hidden):
        return t("pg.model_too_big", layers=len(hidden), units=max((layer.units for layer in hidden), default=0),
                 max_layers=MAX_HIDDEN_LAYERS, max_units=int(units.high))
    set_field("hidden", tuple(layer.units for layer in hidden))
    set_field("acts", tuple(layer.activation for layer in hidden))
    set_field("head", head)
    set_field("scale", loaded.normalization is not None)
    if loaded.loss is None or loaded.optimizer is None:
        loaded.compile(optimizer=make_optimizer(current_config()), loss=loss_choice(
            current_config(), data.ds.problem, head)[0],
            metrics=["accuracy"] if data.ds.problem != "regression" else [])
    st.session_state["pg.model"] = loaded
    st.session_state["pg.model_key"] = model_key(current_config())
    st.session_state["pg.history"] = empty_history()
    st.session_state["pg.latest"] = {}
    st.session_state["pg.playing"] = False
    st.session_state["pg.diverged"] = None
    return None
