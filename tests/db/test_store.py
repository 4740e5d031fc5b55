"""The classroom's storage (ui/db.py) on SQLite and on a real PostgreSQL: schema migration, saved runs, classes,
joining, submissions, and hostile input refused with a code and no change."""

import pytest
import sqlalchemy
from sqlalchemy import text

from ui import db as dbmod
from ui.db import MIGRATIONS, SCHEMA_VERSION, DBInputError, Store, migrate


def _count(store: Store, table: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()


def test_an_empty_database_is_migrated_to_the_latest_version_once(db_url):
    engine = sqlalchemy.create_engine(db_url)
    assert migrate(engine) == SCHEMA_VERSION == len(MIGRATIONS)
    assert migrate(engine) == SCHEMA_VERSION  # again: nothing applied twice
    with engine.connect() as conn:
        versions = [row[0] for row in conn.execute(text("SELECT version FROM schema_version ORDER BY version"))]
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    engine.dispose()


def test_a_database_at_an_older_version_gets_only_the_missing_steps(db_url, monkeypatch):
    engine = sqlalchemy.create_engine(db_url)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", 1)
    migrate(engine)
    store = Store(engine)
    run_id = store.save_run({"kept": True})
    with pytest.raises(sqlalchemy.exc.DBAPIError):
        store.save_link({"task": "x"})  # the links table is step 2's
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", len(MIGRATIONS))
    assert migrate(engine) == len(MIGRATIONS)
    assert store.load_run(run_id) == {"kept": True}  # data of version 1 survives the migration
    link = store.save_link({"task": "x"})
    assert store.load_link(link) == ({"task": "x"}, None)
    engine.dispose()


def test_a_saved_run_comes_back_exactly_and_ids_are_random(db):
    payload = {"config": {"hidden": [3, 2]}, "history": {"loss": [0.5, 0.25, 1e-300]}, "edits": [{"op": "remove",
                                                                                                   "index": 4}]}
    ids = {db.save_run(payload) for _ in range(5)}
    assert len(ids) == 5 and all(dbmod.is_token(i) for i in ids)
    for run_id in ids:
        assert db.load_run(run_id) == payload


@pytest.mark.parametrize("forged", ["", "1", "AAAAAAAAAAAAAAAA", "x' OR '1'='1", "a" * 10_000, None, 7])
def test_unknown_or_forged_run_ids_are_refused_plainly(db, forged):
    db.save_run({"a": 1})
    with pytest.raises(DBInputError) as err:
        db.load_run(forged)
    assert err.value.code == "run_unknown"


def test_a_run_too_large_or_not_json_is_refused_and_nothing_stored(db):
    with pytest.raises(DBInputError) as err:
        db.save_run({"x": "a" * (dbmod.MAX_RUN_CHARS + 1)})
    assert err.value.code == "run_too_large"
    with pytest.raises(DBInputError):
        db.save_run({"x": float("nan")})
    assert _count(db, "runs") == 0


def _class_with_student(db, name="7B", nickname="ana"):
    klass = db.create_class(name)
    return klass, db.join(klass["join_code"], nickname)


def test_join_submit_and_the_board_sees_only_its_own_class(db):
    a, ana = _class_with_student(db, "A", "ana")
    b, bo = _class_with_student(db, "B", "bo")
    assert db.join(a["join_code"], "ana") == ana  # joining again is the same student
    run = db.save_run({"r": 1})
    db.submit(a["join_code"], ana, "xor_small", run, 0.05, True, 17, 300)
    db.submit(b["join_code"], bo, "xor_small", run, 0.2, False, 99, 40)
    board_a = db.submissions(a["teacher_key"])
    assert [(r["nickname"], r["metric"], r["passed"], r["params"], r["epochs"]) for r in board_a] == [
        ("ana", 0.05, 1, 17, 300)]
    assert [r["nickname"] for r in db.submissions(b["teacher_key"])] == ["bo"]
    with pytest.raises(DBInputError):
        db.submissions(a["join_code"])  # a student's join code does not open the teacher's board


def test_a_submission_to_another_class_is_refused_and_changes_nothing(db):
    a, ana = _class_with_student(db, "A", "ana")
    b, _ = _class_with_student(db, "B", "bo")
    run = db.save_run({"r": 1})
    with pytest.raises(DBInputError) as err:
        db.submit(b["join_code"], ana, "xor_small", run, 0.01, True, 9, 10)
    assert err.value.code == "not_in_class"
    with pytest.raises(DBInputError) as err:
        db.submit(a["join_code"], ana, "xor_small", dbmod.new_token(), 0.01, True, 9, 10)
    assert err.value.code == "run_unknown"
    assert _count(db, "submissions") == 0


@pytest.mark.parametrize("code", ["", "nope", "AAAAAAAAAAAAAAAA", "'; DROP TABLE classes; --", "x" * 10_000])
def test_forged_and_random_join_codes_are_refused(db, code):
    _class_with_student(db)
    with pytest.raises(DBInputError) as err:
        db.join(code, "eve")
    assert err.value.code == "code_unknown"
    with pytest.raises(DBInputError):
        db.join(dbmod.new_token(), "eve")  # a well-formed random code is as unknown
    assert _count(db, "students") == 1


@pytest.mark.parametrize("nickname", ["<b>bold</b>", "<script>alert(1)</script>", "a" * 10_000, "", "   ",
                                      "tab\x00null", 42])
def test_hostile_nicknames_are_refused_and_no_student_is_added(db, nickname):
    klass, _ = _class_with_student(db)
    with pytest.raises(DBInputError) as err:
        db.join(klass["join_code"], nickname)
    assert err.value.code == "nickname"
    assert _count(db, "students") == 1


def test_a_nickname_with_sql_in_it_is_stored_as_plain_text_and_the_tables_stay(db):
    klass, _ = _class_with_student(db)
    evil = "';DROP TABLE students--"
    student = db.join(klass["join_code"], evil)
    run = db.save_run({"r": 1})
    db.submit(klass["join_code"], student, "xor_small", run, 0.1, True, 9, 10)
    assert [r["nickname"] for r in db.submissions(klass["teacher_key"])] == [evil]
    assert _count(db, "students") == 2


def test_hostile_class_names_are_refused(db):
    for name in ("", "a" * 10_000, None, "bell\x07"):
        with pytest.raises(DBInputError):
            db.create_class(name)
    assert _count(db, "classes") == 0


def test_submissions_are_rate_limited_per_student(db):
    klass, ana = _class_with_student(db, "A", "ana")
    bo = db.join(klass["join_code"], "bo")
    run = db.save_run({"r": 1})
    for i in range(dbmod.RATE_MAX_IN_WINDOW):
        db.submit(klass["join_code"], ana, "xor_small", run, 0.1, True, 9, 10, now=1000.0 + i)
    with pytest.raises(DBInputError) as err:
        db.submit(klass["join_code"], ana, "xor_small", run, 0.1, True, 9, 10, now=1010.0)
    assert err.value.code == "too_fast"
    db.submit(klass["join_code"], bo, "xor_small", run, 0.1, True, 9, 10, now=1010.0)  # another student may
    db.submit(klass["join_code"], ana, "xor_small", run, 0.1, True, 9, 10, now=1000.0 + dbmod.RATE_WINDOW_SECONDS + 5)
    assert _count(db, "submissions") == dbmod.RATE_MAX_IN_WINDOW + 2


def test_a_non_finite_metric_is_refused(db):
    klass, ana = _class_with_student(db)
    run = db.save_run({"r": 1})
    for metric in (float("nan"), float("inf"), "0.1", True):
        with pytest.raises(DBInputError):
            db.submit(klass["join_code"], ana, "xor_small", run, metric, True, 9, 10)
    assert _count(db, "submissions") == 0


def test_the_url_comes_from_the_env_var_then_the_default_sqlite_file(monkeypatch):
    monkeypatch.setenv(dbmod.ENV_URL, "postgresql+psycopg://u@h:5/d")
    assert dbmod.configured_url() == "postgresql+psycopg://u@h:5/d"
    monkeypatch.delenv(dbmod.ENV_URL)
    assert dbmod.configured_url() == dbmod.DEFAULT_URL
    assert dbmod.DEFAULT_URL.startswith("sqlite:///") and dbmod.DEFAULT_URL.endswith("artifacts/playground.db")
