"""Save, load and export a model: the engine's JSON file down and up, Keras and plain-NumPy code down.

`model_io_panel(model, key)` draws the section and returns a freshly uploaded model (once) for the caller
to adopt, else None. `load_uploaded_model(data)` is the upload check on its own (bytes -> Sequential).
"""

import re
from collections.abc import Callable

import streamlit as st

from engine import codegen, serialization
from engine.model import Sequential
from ui.i18n import plain, t

MAX_MODEL_MB = 5
MAX_MODEL_BYTES = MAX_MODEL_MB * 1024 * 1024  # a 8 x 64-unit network with Adam state is well under 2 MB


def load_uploaded_model(data: bytes, max_bytes: int = MAX_MODEL_BYTES) -> Sequential:
    """The Sequential in an uploaded model file; ValueError with a plain, translated reason otherwise.

    Checks the size before reading anything, then decodes UTF-8 and hands the text to
    `engine.serialization.loads` (JSON only: nothing is executed or unpickled).
    """
    if len(data) > max_bytes:
        raise ValueError(t("model_io.too_large", size=f"{len(data) / 2**20:.1f}", limit=f"{max_bytes / 2**20:g}"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(t("model_io.not_text")) from None
    try:
        return serialization.loads(text)
    except serialization.ModelFileError as error:
        raise ValueError(model_file_reason(error)) from None
    except ValueError:
        raise
    except Exception:  # a hostile file (e.g. JSON nested 100,000 deep) must not crash the page
        raise ValueError(t("model_io.unreadable")) from None


def model_file_reason(error: serialization.ModelFileError) -> str:
    """Why a model file was refused, in the page's language: translated by the error's code (and, for an invalid
    file, by which check failed); field names (input_dim, layer 2 units) and values stay as the file has them.
    Raw text: the caller shows it through `plain`."""
    params = {name: str(value) for name, value in error.params.items() if name != "kind"}
    if error.code == "model_file_invalid":
        return t(f"model_io.invalid.{error.params.get('kind', 'other')}", **params)
    return t(f"model_io.error.{error.code}", **params)


# A weight literal as codegen writes it: on one line, or opened by `NAME = np.array(` and closed by `)` alone
# on a line at the same indent.
_ARRAY_BLOCK = re.compile(
    r"^(?P<indent>[ ]*)(?P<name>W\d+|b\d+|MEAN|VARIANCE) = np\.array\((?:\[[^\n]*\], dtype=[^\n]*\)|\n.*?^(?P=indent)\))$",
    re.MULTILINE | re.DOTALL,
)


def code_preview(code: str) -> str:
    """The generated script for reading on screen: without its opening docstring (the download keeps it) and
    with the long weight literals folded to `W1 = np.array(...)`."""
    note = t("model_io.weights_elided")
    if code.startswith('"""'):
        code = code[code.index('"""', 3) + 3:].lstrip("\n")
    return _ARRAY_BLOCK.sub(lambda m: f"{m['indent']}{m['name']} = np.array(...)  # {note}", code)


def _upload_message_key(key: str) -> str:
    return f"{key}.model_io.upload_message"


def _pending_key(key: str) -> str:
    """Where a read but refused model waits (one per panel) for the learner to switch to its file's settings."""
    return f"{key}.model_io.pending"


Adopt = Callable[[Sequential], "str | None"]  # takes the model on, or says why not (nothing changed then)


def _handle_upload(uploaded, key: str, adopt: Adopt | None = None,
                   adopt_with_settings: Adopt | None = None) -> Sequential | None:
    """A model from a newly uploaded file, once per file; None for no file, an already handled one, or a bad one.

    With `adopt`, the model is handed to it here and the panel's one message says how that went: "loaded", or
    why the model was not taken (with `adopt_with_settings` and a file that carries its Playground settings,
    a button then offers to switch to them); only an adopted model is returned."""
    seen_key, message_key = f"{key}.model_io.upload_id", _upload_message_key(key)
    if uploaded is None:
        st.session_state.pop(seen_key, None)
        st.session_state.pop(message_key, None)
        st.session_state.pop(_pending_key(key), None)
        return None
    file_id = getattr(uploaded, "file_id", None) or f"{uploaded.name}:{uploaded.size}"
    if st.session_state.get(seen_key) == file_id:
        return None
    st.session_state[seen_key] = file_id
    name = plain(uploaded.name)
    try:
        model = load_uploaded_model(uploaded.getvalue())
    except ValueError as error:
        st.session_state[message_key] = ("error", t("model_io.load_failed", name=name, reason=plain(str(error))))
        return None
    st.session_state.pop(_pending_key(key), None)
    loaded_text = t("model_io.loaded", name=name, layers=len(model.layers), params=model.count_params())
    reason = adopt(model) if adopt is not None else None
    if reason is None:
        st.session_state[message_key] = ("success", loaded_text)
        return model
    settings = (model.metadata or {}).get("playground") if isinstance(model.metadata, dict) else None
    if adopt_with_settings is not None and isinstance(settings, dict):
        st.session_state[_pending_key(key)] = (name, model)
        st.session_state[message_key] = ("error", t("model_io.not_adopted_switch", name=name, reason=reason))
    else:
        st.session_state[message_key] = ("error", t("model_io.not_adopted", name=name, reason=reason))
    return None


def _switch_and_adopt(key: str, adopt_with_settings: Adopt) -> None:
    """The switch button's callback: the waiting model with its file's settings, and the one message updated."""
    name, model = st.session_state.pop(_pending_key(key))
    reason = adopt_with_settings(model)
    st.session_state[_upload_message_key(key)] = (
        ("success", t("model_io.loaded_with_settings", name=name, layers=len(model.layers),
                      params=model.count_params())) if reason is None
        else ("error", t("model_io.not_adopted", name=name, reason=reason)))


def _settings_summary(model: Sequential) -> str:
    """The file's data set and network in a few words, for the switch button ("spiral, 8-8-8 tanh")."""
    settings = model.metadata["playground"]
    hidden = "-".join(str(units) for units in settings.get("hidden") or []) or "0"
    acts = sorted(set(settings.get("acts") or []))
    return plain(f"{settings.get('dataset', '?')}, {hidden} {'/'.join(acts)}".strip())


def _code_tab(code_fn, model, feature_names, class_names, file_name: str, label_key: str, note_key: str,
              key: str, inputs: dict) -> None:
    # Names that do not fit the network (say, a head overridden to more units than the data has classes)
    # fall back to codegen's x1.. / class 0.. rather than withholding the code.
    attempts = [(feature_names, class_names, inputs), (feature_names, None, inputs), (None, None, {})]
    for features, classes, raw in attempts:
        try:
            code = code_fn(model, feature_names=features, class_names=classes, **raw)
            break
        except ValueError as error:
            reason = str(error)
    else:
        st.warning(t("model_io.code_failed", reason=plain(reason)))
        return
    st.caption(t(note_key))
    st.download_button(t(label_key), data=code, file_name=file_name, mime="text/x-python", key=key,
                       on_click="ignore", icon=":material/download:")
    st.code(code_preview(code), language="python", height=360)


def model_io_panel(model: Sequential | None, key: str, metadata: dict | None = None, feature_names=None,
                   class_names=None, input_features=None, raw_names=None, adopt: Adopt | None = None,
                   adopt_with_settings: Adopt | None = None) -> Sequential | None:
    """Download/upload the model file and download Keras/NumPy code, in a popover.

    A popover, not an expander: its contents are drawn only while it is open. The Playground's page is drawn
    again at every training tick, and a closed expander's code previews made each tick ~20% slower.

    Returns the Sequential from a newly uploaded file (once per file; `model.metadata` holds what was saved
    with it), or None. A bad file shows an error and returns None: the caller's model is never touched.
    The files hold the weights as of this run, so call it outside a live-training fragment.
    `input_features` (engine.features names) and `raw_names` (the data's own columns) make the exported code
    compute engineered inputs from the raw columns itself.
    `adopt(model) -> None | reason`: the caller takes an uploaded model on here, so the panel shows one message
    (loaded, or why not); `adopt_with_settings(model)`: the same after switching to the settings the file
    carries under metadata["playground"], offered by a button when `adopt` refused the model.
    """
    inputs = {"input_features": input_features, "raw_names": raw_names} if input_features else {}
    # Stretched in its row and capped in width (ui.presenter) so that it opens right of the sidebar.
    with st.popover(t("model_io.title"), icon=":material/save:", width="stretch", wrap=True), \
            st.container(key=f"{key}_model_io"):
        st.caption(t("model_io.intro"))
        if model is None or not model.built:
            st.info(t("model_io.no_model"))
        else:
            st.download_button(
                t("model_io.download_model"), data=serialization.dumps(model, metadata=metadata),
                file_name="model.json", mime="application/json", help=t("model_io.download_model_help"),
                key=f"{key}_download_model", on_click="ignore", icon=":material/download:", type="primary",
            )
        uploaded = st.file_uploader(t("model_io.upload_model"), type=["json"], key=f"{key}_upload_model",
                                    max_upload_size=MAX_MODEL_MB, help=t("model_io.upload_help", mb=MAX_MODEL_MB))
        loaded = _handle_upload(uploaded, key, adopt, adopt_with_settings)
        message = st.session_state.get(_upload_message_key(key))
        if message is not None:
            (st.error if message[0] == "error" else st.success)(message[1])
        pending = st.session_state.get(_pending_key(key))
        if pending is not None and adopt_with_settings is not None:
            st.button(t("model_io.switch", settings=_settings_summary(pending[1])), key=f"{key}_switch_settings",
                      type="primary", icon=":material/swap_horiz:", on_click=_switch_and_adopt,
                      args=(key, adopt_with_settings))
        if model is not None and model.built:
            st.subheader(t("model_io.code_heading"))
            st.caption(t("model_io.code_intro"))
            keras_tab, numpy_tab = st.tabs([t("model_io.keras_tab"), t("model_io.numpy_tab")])
            with keras_tab:
                _code_tab(codegen.keras_code, model, feature_names, class_names, "network_keras.py",
                          "model_io.download_keras", "model_io.keras_note", f"{key}_download_keras", inputs)
            with numpy_tab:
                _code_tab(codegen.numpy_code, model, feature_names, class_names, "network_numpy.py",
                          "model_io.download_numpy", "model_io.numpy_note", f"{key}_download_numpy", inputs)
    return loaded
