"""The model file panel: downloads offered, uploads adopted once, bad files refused with the model intact."""

import ast
import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from engine import SGD, Dense, Sequential
from engine.codegen import keras_code, numpy_code
from engine.serialization import dumps
from tests.pages.test_playground import open_page as _playground
from ui.model_io import MAX_MODEL_BYTES, code_preview, load_uploaded_model

APP = str(Path(__file__).with_name("model_io_app.py"))
X = np.random.default_rng(3).normal(size=(25, 2))


def _other_model() -> Sequential:
    model = Sequential([Dense(3, activation="relu"), Dense(2, activation="softmax")], seed=42)
    model.compile(optimizer=SGD(0.1), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(X, (X[:, 0] > 0).astype(int), epochs=3)
    return model


def _app(**state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for name, value in state.items():
        at.session_state[name] = value
    return at.run()


def _downloads(at) -> dict[str, object]:
    return {button.key: button for button in at.get("download_button")}


def _uploader(at):
    return at.file_uploader(key="fixture_upload_model")


# ----- the page ----------------------------------------------------------------------------------
def test_panel_offers_the_model_file_and_both_scripts():
    at = _app()
    assert not at.exception
    downloads = _downloads(at)
    assert set(downloads) == {"fixture_download_model", "fixture_download_keras", "fixture_download_numpy"}
    assert downloads["fixture_download_model"].proto.label == "Download the model (.json)"
    assert downloads["fixture_download_keras"].proto.label == "Download Keras code (.py)"
    # the previews show the code with the weight lists folded, and the architecture in full
    previews = [code.value for code in at.code]
    assert any('keras.layers.Dense(4, activation="tanh")' in code for code in previews)
    assert any("def dense(a_in, W, b, g):" in code for code in previews)
    assert all("W1 = np.array(...)" in code for code in previews)
    assert all("CLASS_NAMES = ['orange', 'blue']" in code for code in previews)  # the page's names
    assert _uploader(at).proto.type == [".json"]


def test_panel_in_chinese():
    at = _app(lang="zh")
    assert not at.exception
    labels = {button.proto.label for button in at.get("download_button")}
    assert labels == {"下载模型 (.json)", "下载 Keras 代码 (.py)", "下载 NumPy 代码 (.py)"}
    assert at.get("popover")[0].proto.popover.label == "保存、加载与导出模型"


def test_names_that_do_not_fit_the_network_fall_back_to_defaults():
    at = _app(fixture_class_names=["a", "b", "c"])  # the fixture's model has one sigmoid output: 2 classes
    assert not at.exception and not at.warning
    previews = [code.value for code in at.code]
    assert len(previews) == 2 and all("CLASS_NAMES = ['class 0', 'class 1']" in code for code in previews)
    assert all("FEATURE_NAMES = ['x1', 'x2']" in code for code in previews)


def test_without_a_model_only_loading_is_offered():
    at = _app(start_without_model=True)
    assert not at.exception
    assert not at.get("download_button")
    assert "Build or train a network first" in at.info[0].value
    assert _uploader(at) is not None


def test_uploaded_model_is_adopted_once():
    at = _app()
    other = _other_model()
    _uploader(at).upload("mine.json", dumps(other, metadata={"dataset": "circle"}).encode(), "application/json")
    at.run()
    assert not at.exception
    assert at.session_state["adopted"] == 1
    adopted = at.session_state["model"]
    np.testing.assert_array_equal(adopted.predict(X), other.predict(X))
    assert adopted.metadata["dataset"] == "circle"
    assert "Loaded mine.json: 2 layer(s), 17 weights and biases." in at.success[0].value
    # later reruns with the same file in the uploader do not hand the model back again
    at.run()
    at.run()
    assert at.session_state["adopted"] == 1
    assert at.session_state["model"] is adopted
    # the page now offers the adopted model's code: 3 hidden units, softmax head
    assert any('keras.layers.Dense(2, activation="softmax")' in code.value for code in at.code)


@pytest.mark.parametrize("content, reason", [
    (b"{not json", "Could not load bad.json"),
    (json.dumps({"format": "something else", "layers": "rm -rf /"}).encode(), "Could not load bad.json"),
    (b"\xff\xfe\x00binary", "not UTF-8 text"),
    (b"[" * 200_000, "Could not load bad.json"),
])
def test_bad_upload_shows_an_error_and_keeps_the_model(content, reason):
    at = _app()
    before = at.session_state["model"]
    weights = [w.copy() for w in before.get_weights()]
    _uploader(at).upload("bad.json", content, "application/json")
    at.run()
    assert not at.exception
    assert reason in at.error[0].value and "Your current model is unchanged." in at.error[0].value
    assert at.session_state["adopted"] == 0
    assert at.session_state["model"] is before
    for kept, original in zip(before.get_weights(), weights, strict=True):
        np.testing.assert_array_equal(kept, original)
    # the downloads still offer the user's own model
    assert "fixture_download_model" in _downloads(at)


def test_bad_upload_error_in_chinese():
    at = _app(lang="zh")
    _uploader(at).upload("坏.json", b"{", "application/json")
    at.run()
    assert not at.exception
    assert "无法加载 坏.json" in at.error[0].value and "当前模型保持不变" in at.error[0].value


def test_file_names_and_reasons_are_shown_literally_not_as_markdown():
    at = _app()
    _uploader(at).upload("![pixel](http://example.com/x.png) **big** :red[alarm].json", b"{", "application/json")
    at.run()
    shown = at.error[0].value
    assert "\\!\\[pixel\\]\\(http\\://example.com/x.png\\)" in shown
    assert "\\*\\*big\\*\\*" in shown and "\\:red\\[alarm\\]" in shown


# ----- the upload check on its own ---------------------------------------------------------------
def test_load_uploaded_model_round_trips_a_model_file():
    other = _other_model()
    loaded = load_uploaded_model(dumps(other).encode("utf-8"))
    np.testing.assert_array_equal(loaded.predict_proba(X), other.predict_proba(X))


def test_load_uploaded_model_refuses_oversized_files_before_reading_them():
    good = dumps(_other_model()).encode("utf-8")
    with pytest.raises(ValueError, match="at most"):
        load_uploaded_model(good, max_bytes=len(good) - 1)
    with pytest.raises(ValueError, match="at most 5 MB"):
        load_uploaded_model(b" " * (MAX_MODEL_BYTES + 1))


@pytest.mark.parametrize("content", [
    b"", b"null", b"[]", b"{}", b"{not json", b"\x80\x81", b"[" * 200_000, b'{"a": ' * 50_000,
    json.dumps({"__class__": "os.system", "args": ["echo pwned"]}).encode(),
])
def test_load_uploaded_model_raises_plain_value_errors(content):
    with pytest.raises(ValueError) as error:
        load_uploaded_model(content)
    assert str(error.value)  # a message for the page, never an empty one


# ----- the code preview --------------------------------------------------------------------------
def test_code_preview_folds_weights_and_stays_valid_python():
    model = _other_model()
    for code in (keras_code(model), numpy_code(model)):
        preview = code_preview(code)
        ast.parse(preview)
        assert preview.count("= np.array(...)") == 4  # W1, b1, W2, b2
        assert len(preview.splitlines()) < len(code.splitlines())
        assert "X_example = np.array(" in preview  # the example inputs stay readable
        assert preview.startswith("import ") and '"""Keras 3' not in preview and '"""Plain NumPy' not in preview


# ----- the Playground: a model saved on other data ------------------------------------------------
# Settings unlike the defaults in every way that matters: another data set, five inputs, another network.
SAVED_ON = {"dataset": "xor", "features": "x1,x2,x1^2,x2^2,x1*x2", "hidden": "5,3", "acts": "relu,tanh",
            "data_seed": "4", "lr": "0.01"}


def _saved_playground_file(train_steps: int = 3) -> tuple[bytes, Sequential, dict]:
    """A model trained in the Playground on SAVED_ON, saved as the page saves it (its settings as metadata)."""
    from ui.state import current_config

    saver = _playground(**SAVED_ON)
    for _ in range(train_steps):
        saver.button(key="pg_step").click().run()
    model = saver.session_state["pg.model"]
    config = {name: saver.session_state[f"pg.{name}"] for name in current_config()}
    metadata = {"playground": {k: list(v) if isinstance(v, tuple) else v for k, v in config.items()}}
    return dumps(model, metadata=metadata).encode(), model, config


def _messages(at) -> tuple[list[str], list[str]]:
    return [e.value for e in at.error], [s.value for s in at.success]


def test_a_model_from_other_data_gets_one_message_and_an_offer_to_switch_to_its_settings():
    data, saved, saved_config = _saved_playground_file()
    at = _playground()
    mine = at.session_state["pg.model"]
    at.file_uploader(key="pg_upload_model").upload("model.json", data, "application/json").run()
    errors, successes = _messages(at)
    # One message, not a green "Loaded" beside a red "needs 2 input(s)": it says why, and that nothing changed.
    assert successes == [] and len(errors) == 1, (errors, successes)
    assert "model.json was read but not loaded" in errors[0] and "Nothing was changed" in errors[0]
    assert at.session_state["pg.model"] is mine and at.session_state["pg.dataset"] == "circle"
    switch = at.button(key="pg_switch_settings")
    assert "xor" in switch.label and "5-3" in switch.label

    switch.click().run()
    assert not at.exception
    errors, successes = _messages(at)
    assert errors == [] and len(successes) == 1 and "settings it was saved with" in successes[0]
    for name in ("dataset", "features", "hidden", "acts", "data_seed"):
        assert at.session_state[f"pg.{name}"] == saved_config[name], name
    adopted = at.session_state["pg.model"]
    for got, want in zip(adopted.get_weights(), saved.get_weights(), strict=True):
        np.testing.assert_array_equal(got, want)
    # It predicts exactly as saved, on the page's own (switched) data.
    X_test = at.session_state["pg.bundle"][1].X_test
    np.testing.assert_array_equal(adopted.predict(X_test), saved.predict(X_test))


def test_a_mismatched_model_without_settings_is_refused_in_one_message():
    other = _other_model()  # 2 inputs, 2 softmax outputs, no Playground settings
    at = _playground(features="x1,x2,x1^2")
    mine = at.session_state["pg.model"]
    at.file_uploader(key="pg_upload_model").upload("m.json", dumps(other).encode(), "application/json").run()
    errors, successes = _messages(at)
    assert successes == [] and len(errors) == 1 and "was read but not loaded" in errors[0], (errors, successes)
    assert "switch" not in errors[0]  # nothing to switch to: the file carries no Playground settings
    assert at.session_state["pg.model"] is mine
    assert not [b for b in at.button if b.key == "pg_switch_settings"]


def test_forged_settings_in_a_model_file_are_refused_and_nothing_changes():
    data, _, _ = _saved_playground_file(train_steps=0)
    forged = json.loads(data)
    forged["metadata"]["playground"]["hidden"] = [4096]
    at = _playground()
    before = {name: at.session_state[f"pg.{name}"] for name in ("dataset", "features", "hidden")}
    at.file_uploader(key="pg_upload_model").upload("model.json", json.dumps(forged).encode(),
                                                   "application/json").run()
    at.button(key="pg_switch_settings").click().run()
    errors, successes = _messages(at)
    assert successes == [] and len(errors) == 1 and "hidden" in errors[0]
    assert {name: at.session_state[f"pg.{name}"] for name in before} == before


def test_an_invalid_model_file_is_explained_in_chinese_by_its_error_code():
    document = json.loads(dumps(_other_model()))
    document["weights"][0] = [[1.0, 2.0]]  # a (1, 2) array where the first layer needs (2, 3)
    at = _app(lang="zh")
    _uploader(at).upload("形.json", json.dumps(document).encode(), "application/json")
    at.run()
    message = at.error[0].value.replace("\\", "")  # as read: the page escapes Markdown with backslashes
    assert "形状为 (1, 2)，网络需要 (2, 3)" in message and "当前模型保持不变" in message
    assert "has shape" not in message and "Not a valid" not in message  # no English reason left in
    document = json.loads(dumps(_other_model()))
    document["layers"][0]["activation"] = "<b>evil</b>"
    at = _app(lang="zh")
    _uploader(at).upload("激.json", json.dumps(document).encode(), "application/json")
    at.run()
    assert "未知的 activation" in at.error[0].value and "unknown" not in at.error[0].value
