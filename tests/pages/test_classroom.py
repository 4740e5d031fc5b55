"""The classroom on the Playground under AppTest: challenges checked while training (pass with the numbers, over
budget fails, stop condition), saved runs restored exactly, class links that hide and lock, the teacher's and the
board's panels, and hostile input (plain messages, nothing changed)."""

import json
from pathlib import Path

import numpy as np
import pytest
import streamlit as st
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from ui import db

PAGES = Path(__file__).resolve().parents[2] / "pages"
PLAYGROUND, TEACHER, BOARD = (str(PAGES / name) for name in ("1_Playground.py", "12_Teacher.py",
                                                               "13_Class_Board.py"))
CHALLENGES_PAGE = str(PAGES / "11_Challenges.py")


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    """Every test on its own SQLite file, reached as the app reaches it (PLAYGROUND_DB_URL)."""
    monkeypatch.setenv(db.ENV_URL, f"sqlite:///{tmp_path / 'class.db'}")
    yield
    st.cache_resource.clear()


def store() -> db.Store:
    return db._store_for(db.configured_url())


def open_page(path=PLAYGROUND, **params) -> AppTest:
    at = AppTest.from_file(path, default_timeout=60)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def step(at, times=1) -> None:
    for _ in range(times):
        at.button(key="pg_step").click().run()
    assert not at.exception, [e.value for e in at.exception]


def play_until_stopped(at, ticks=40) -> None:
    """Press Play, then run live ticks (under AppTest each run is one tick) until training stops by itself."""
    at.button(key="pg_play").click().run()
    for _ in range(ticks):
        if not at.session_state["pg.playing"]:
            break
        at.run()
    assert at.session_state["pg.playing"] is False
    assert not at.exception, [e.value for e in at.exception]


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def test_a_run_that_meets_the_goal_within_budget_passes_with_its_numbers():
    at = open_page(challenge="xor_three")
    at.selectbox(key="w.act.0").set_value("relu").run()
    play_until_stopped(at)  # the stop condition: training pauses at the goal
    model, latest = at.session_state["pg.model"], at.session_state["pg.latest"]
    assert model.count_params() == 13 and latest["val_accuracy"] >= 0.95
    assert texts(at.success) == [f"Passed: test accuracy = {latest['val_accuracy']:.4g} with 13 parameters after "
                                 f"{model.epochs_trained} epochs."]


def test_a_run_over_budget_fails_with_the_numbers_even_when_the_metric_is_met():
    at = open_page(challenge="xor_three")
    at.selectbox(key="w.act.0").set_value("relu").run()
    at.number_input(key="w.units.0").set_value(5).run()
    step(at, 2)
    assert not at.success
    warning = texts(at.warning)[0]
    assert warning.startswith("Not passed: 5 neurons in a layer, at most 3.")
    assert f"{at.session_state['pg.model'].count_params()} parameters" in warning


def test_training_stops_at_the_epoch_budget_with_hint_and_why_when_the_goal_cannot_be_met():
    at = open_page(challenge="circle_linear")
    at.session_state["pg.epochs_per_tick"] = 100
    play_until_stopped(at)
    assert at.session_state["pg.model"].epochs_trained == 600  # linear layers on x1, x2: never a circle
    assert "The epoch budget is spent and the goal is not met." in texts(at.warning)
    assert any("x1^2 and x2^2" in i for i in texts(at.info))  # the hint
    assert "Why?" in [e.label for e in at.expander]


def test_a_challenge_locks_the_data_whatever_the_url_says():
    at = open_page(challenge="xor_three", dataset="spiral", noise="0.5")
    assert at.session_state["pg.dataset"] == "xor" and at.session_state["pg.noise"] == 0.1
    assert at.selectbox(key="w.dataset").disabled and at.slider(key="w.noise").disabled
    assert not at.selectbox(key="w.lr").disabled  # not locked


def test_a_saved_run_resumes_exactly_in_a_fresh_session_and_trains_on_identically():
    at = open_page(dataset="moons", hidden="5,3", acts="relu,tanh", optimizer="adam", lr="0.03")
    step(at, 2)
    edits = [{"op": "add", "x": [0.5, -0.25], "y": 1}, {"op": "remove", "index": 3}]
    at.session_state["pg.edits"] = edits
    at.button(key="cls_save").click().run()
    run_id = at.session_state["cls.saved"]
    assert f"/Playground?run={run_id}" in [c.value for c in at.code]

    st.cache_resource.clear()  # as after a restart: a new engine, nothing kept in memory
    fresh = open_page(run=run_id)
    a, b = at.session_state["pg.model"], fresh.session_state["pg.model"]
    X = at.session_state["pg.bundle"][1].X_test
    assert np.array_equal(a.predict(X), b.predict(X))
    assert fresh.session_state["pg.edits"] == edits
    assert fresh.session_state["pg.history"]["loss"] == at.session_state["pg.history"]["loss"]
    assert fresh.session_state["pg.hidden"] == (5, 3) and fresh.session_state["pg.lr"] == 0.03
    step(at)
    step(fresh)
    for wa, wb in zip(a.get_weights(), b.get_weights(), strict=True):
        assert np.array_equal(wa, wb)
    assert a.epochs_trained == b.epochs_trained == 3


@pytest.mark.parametrize("run_id", ["AAAAAAAAAAAAAAAA", "<script>x</script>1' OR '1'='1", "x" * 10_000])
def test_an_unknown_or_forged_run_link_says_so_and_keeps_the_session(run_id):
    at = open_page(dataset="spiral")
    at.query_params["run"] = run_id
    at.run()
    assert not at.exception
    assert texts(at.error) == ["There is no saved run with this link. Check the link, or save the run again."]
    assert at.session_state["pg.dataset"] == "spiral"


def _weights_not_numbers(run):
    run["model"] = run["model"].replace('"weights":[[', '"weights":[["evil",', 1)


def _not_a_model_file(run):
    run["model"] = run["model"].replace('"format":"nn-playground-model"', '"format":"pickle"', 1)


def _config_not_the_model(run):
    run["config"]["hidden"] = [9]


def _model_cut_short(run):
    run["model"] = run["model"][: len(run["model"]) // 2]


@pytest.mark.parametrize("tamper", [_weights_not_numbers, _config_not_the_model, _model_cut_short])
def test_a_saved_run_with_a_tampered_model_is_refused_and_changes_nothing(tamper):
    at = open_page(dataset="moons", hidden="4", acts="tanh")
    step(at)
    at.button(key="cls_save").click().run()
    run_id = at.session_state["cls.saved"]
    with store().engine.begin() as conn:
        run = json.loads(conn.execute(text("SELECT payload FROM runs WHERE id = :i"), {"i": run_id}).scalar())
        before = json.dumps(run)
        tamper(run)
        assert json.dumps(run) != before
        conn.execute(text("UPDATE runs SET payload = :p WHERE id = :i"), {"p": json.dumps(run), "i": run_id})
    victim = open_page(dataset="spiral", hidden="2", acts="relu")
    victim.query_params["run"] = run_id
    victim.run()
    assert not victim.exception
    assert len(victim.error) == 1 and "cannot be opened" in victim.error[0].value
    assert victim.session_state["pg.dataset"] == "spiral" and victim.session_state["pg.hidden"] == (2,)


def test_unknown_challenge_and_lesson_links_give_a_plain_message():
    at = open_page(challenge="<b>nope</b>")
    assert texts(at.error) == ["Unknown challenge."]
    at = open_page(lesson=db.new_token())
    assert texts(at.error) == ["There is no class link with this address. Ask your teacher for the link again."]


def _make_class(at, name="7B") -> dict:
    at.text_input(key="cls_class_name").input(name)
    at.button(key="cls_create").click().run()
    return at.session_state["cls.class"]


def test_teacher_link_hides_and_locks_controls_and_shows_the_task_as_text():
    teacher = open_page(TEACHER)
    klass = _make_class(teacher)
    assert klass["join_code"] in texts(teacher.code)
    assert f"/Class_Board?key={klass['teacher_key']}" in texts(teacher.code)
    teacher.selectbox(key="cls_goal").set_value("xor_three").run()
    teacher.radio(key="cls_start").set_value("challenge").run()
    teacher.multiselect(key="cls_hide").set_value(["noise", "features"]).run()
    teacher.multiselect(key="cls_lock").set_value(["lr", "hidden"]).run()
    task = "<script>alert(1)</script> **Use** three neurons"
    teacher.text_area(key="cls_task_text").input(task)
    teacher.button(key="cls_make_link").click().run()
    link_id = teacher.session_state["cls.link"]
    assert f"/Playground?lesson={link_id}" in texts(teacher.code)

    student = open_page(lesson=link_id, lr="1", hidden="16,16")  # a forged URL cannot unlock anything
    assert student.session_state["pg.lr"] == 0.03 and student.session_state["pg.hidden"] == (3,)  # the challenge's
    assert student.session_state["pg.dataset"] == "xor"  # the link's start state, not the forged URL's defaults
    assert texts(student.text) == [task]  # as typed: st.text renders neither Markdown nor HTML
    assert student.selectbox(key="w.lr").disabled
    assert student.button(key="w.add_layer").disabled and student.number_input(key="w.units.0").disabled
    assert not [s for s in student.slider if s.key == "w.noise"]  # hidden
    assert not [p for p in student.get("button_group") if getattr(p, "key", None) == "w.features"]
    student.session_state["pg.lr"] = 1.0  # even a value set behind the widget's back is put back
    student.run()
    assert student.session_state["pg.lr"] == 0.03


def test_class_names_are_checked_and_shown_as_text():
    teacher = open_page(TEACHER)
    for name in ("x" * 10_000, "", "a\x00b"):
        teacher.text_input(key="cls_class_name").input(name)
        teacher.button(key="cls_create").click().run()
        assert texts(teacher.error) == ["A class name is 1 to 60 characters of plain text."]
    with store().engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM classes")).scalar() == 0
    teacher.text_input(key="cls_class_name").input("<b>7B</b> & co")
    teacher.button(key="cls_create").click().run()
    assert not teacher.exception and not teacher.error
    # Escaped for Markdown (and Streamlit renders no raw HTML): the name shows exactly as typed.
    assert r"\<b\>7B\</b\> & co" in teacher.success[0].value


def test_a_10kb_task_text_is_refused_and_a_forged_stored_link_changes_nothing():
    from ui.classroom import link_payload
    from ui.state import FIELDS_BY_NAME

    defaults = {name: field.default for name, field in FIELDS_BY_NAME.items()}
    with pytest.raises(db.DBInputError) as err:
        link_payload(defaults, [], [], "y" * 10_000, None)
    assert err.value.code == "task"
    with pytest.raises(db.DBInputError):
        link_payload(defaults, ["<script>"], [], "ok", None)  # not a control
    # A link row written behind the app's back (10 kB task, an unknown control): refused when opened.
    forged = store().save_link({"config": {}, "hidden": ["'; DROP TABLE links; --"], "locked": [],
                                "task": "<b>" + "y" * 10_000, "challenge": None})
    at = open_page(dataset="spiral")
    at.query_params["lesson"] = forged
    at.run()
    assert texts(at.error) == ["There is no class link with this address. Ask your teacher for the link again."]
    assert at.session_state["pg.dataset"] == "spiral" and not at.text


def _submit(at, code, nickname) -> None:
    at.text_input(key="cls_join_code").input(code)
    at.text_input(key="cls_nickname").input(nickname)
    at.button(key="FormSubmitter:cls_submit-Submit this run").click().run()
    assert not at.exception


def test_students_submit_and_the_board_ranks_only_its_own_class():
    a, b = store().create_class("A"), store().create_class("B")
    for code, nickname, units in ((a["join_code"], "ana", 3), (a["join_code"], "=cmd|calc", 2),
                                  (b["join_code"], "bo", 3)):
        at = open_page(challenge="xor_three")
        at.selectbox(key="w.act.0").set_value("relu").run()
        at.number_input(key="w.units.0").set_value(units).run()
        step(at)
        _submit(at, code, nickname)
        assert texts(at.success)[-1].startswith(f"Submitted to {'A' if code == a['join_code'] else 'B'}")
    board = open_page(BOARD, key=a["teacher_key"])
    frame = board.dataframe[0].value
    assert sorted(frame["nickname"]) == ["=cmd|calc", "ana"]  # bo is in class B
    metrics = list(frame["metric"])
    assert metrics == sorted(metrics, reverse=True) and list(frame["rank"]) == [1, 2]
    assert all(link.startswith("/Playground?run=") for link in frame["open"])
    csv = board.get("download_button")[0]
    assert csv is not None


def test_hostile_submissions_get_a_plain_message_and_add_nothing():
    klass = store().create_class("A")
    at = open_page(challenge="moons_small")
    step(at)
    for code, nickname, error in (
        ("AAAAAAAAAAAAAAAA", "eve", "Unknown code."),
        ("'; DROP TABLE classes; --", "eve", "Unknown code."),
        (klass["join_code"], "<img src=x onerror=alert(1)>", "A nickname is 1 to 24 characters"),
        (klass["join_code"], "n" * 10_000, "A nickname is 1 to 24 characters"),
    ):
        _submit(at, code, nickname)
        assert len(at.error) == 1 and at.error[0].value.startswith(error), code
    with store().engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM submissions")).scalar() == 0
        assert conn.execute(text("SELECT COUNT(*) FROM students")).scalar() == 0


def test_a_forged_board_key_shows_nothing_of_any_class():
    klass = store().create_class("A")
    board = open_page(BOARD, key=klass["join_code"])  # a student's join code is not the board key
    assert texts(board.error)[0].startswith("Unknown code.")
    assert not board.dataframe


def test_the_challenges_page_lists_every_challenge_in_both_languages():
    from ui.challenges import CHALLENGES
    from ui.i18n import translate

    for lang in ("en", "zh"):
        at = open_page(CHALLENGES_PAGE, lang=lang)
        titles = {m.value.strip("*") for m in at.markdown}
        assert len(CHALLENGES) >= 8
        assert {translate(f"classroom.ch.{c}.title", lang) for c in CHALLENGES} <= titles
