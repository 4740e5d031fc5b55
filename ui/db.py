"""The classroom's storage: saved runs, class links, classes, students and submissions, in a SQL database.

Reached through Streamlit's `st.connection("sql")` (a SQLAlchemy engine). The URL comes from the env var
`PLAYGROUND_DB_URL`, else `.streamlit/secrets.toml` `[connections.sql] url = ...`, else a SQLite file
`artifacts/playground.db` (so one command still starts everything). Several replicas share one PostgreSQL
database by setting the same URL on each.

Every id that appears in a URL (a run, a class link, a join code, a teacher's board key) is a random
`secrets.token_urlsafe` string: nothing sequential to enumerate. Every statement uses bound parameters; every
value is checked and size-limited here, before it reaches SQL, and a bad one raises `DBInputError` whose
`code` the UI translates (`classroom.err.<code>`). The schema is versioned (`schema_version`) and migrated on
start by applying the missing steps of `MIGRATIONS` in order.
"""

import json
import math
import os
import re
import secrets
import time
from pathlib import Path

import sqlalchemy
import streamlit as st
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = f"sqlite:///{ROOT / 'artifacts' / 'playground.db'}"
ENV_URL = "PLAYGROUND_DB_URL"

TOKEN_BYTES = 12  # 96 random bits -> 16 URL-safe characters; guessing one of a million ids takes ~2**76 tries
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{16}")
MAX_RUN_CHARS = 2_000_000  # a saved run's JSON (a Playground network is at most ~30 k parameters)
MAX_LINK_CHARS = 20_000
MAX_NICKNAME = 24
MAX_CLASS_NAME = 60
MAX_TASK_CHARS = 1000
RATE_WINDOW_SECONDS = 60.0
RATE_MAX_IN_WINDOW = 5  # submissions per student per minute
MAX_SUBMISSIONS_PER_STUDENT = 200
MAX_STUDENTS_PER_CLASS = 500
_NICKNAME = re.compile(r"[^\x00-\x1f\x7f<>]+")  # printable, no angle brackets (it is shown as text anyway)


class DBInputError(ValueError):
    """A refused input; `code` names the reason (text key `classroom.err.<code>`), `params` fill its text."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


# Each step is a list of statements, portable between SQLite and PostgreSQL (text ids, no autoincrement).
MIGRATIONS: list[list[str]] = [
    [  # 1: saved runs, classes, students, submissions
        "CREATE TABLE runs (id VARCHAR(16) PRIMARY KEY, created DOUBLE PRECISION NOT NULL, payload TEXT NOT NULL)",
        "CREATE TABLE classes (id VARCHAR(16) PRIMARY KEY, join_code VARCHAR(16) NOT NULL UNIQUE, "
        "teacher_key VARCHAR(16) NOT NULL UNIQUE, name VARCHAR(60) NOT NULL, created DOUBLE PRECISION NOT NULL)",
        "CREATE TABLE students (id VARCHAR(16) PRIMARY KEY, class_id VARCHAR(16) NOT NULL REFERENCES classes(id), "
        "nickname VARCHAR(24) NOT NULL, created DOUBLE PRECISION NOT NULL, UNIQUE (class_id, nickname))",
        "CREATE TABLE submissions (id VARCHAR(16) PRIMARY KEY, class_id VARCHAR(16) NOT NULL REFERENCES classes(id), "
        "student_id VARCHAR(16) NOT NULL REFERENCES students(id), challenge VARCHAR(40) NOT NULL, "
        "run_id VARCHAR(16) NOT NULL REFERENCES runs(id), metric DOUBLE PRECISION NOT NULL, "
        "passed INTEGER NOT NULL, params INTEGER NOT NULL, epochs INTEGER NOT NULL, "
        "created DOUBLE PRECISION NOT NULL)",
        "CREATE INDEX submissions_by_class ON submissions (class_id, challenge)",
        "CREATE INDEX submissions_by_student ON submissions (student_id, created)",
    ],
    [  # 2: teacher links (hidden/locked controls, start state, task, goal), optionally tied to a class
        "CREATE TABLE links (id VARCHAR(16) PRIMARY KEY, class_id VARCHAR(16) REFERENCES classes(id), "
        "payload TEXT NOT NULL, created DOUBLE PRECISION NOT NULL)",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(value) -> bool:
    return isinstance(value, str) and TOKEN_PATTERN.fullmatch(value) is not None


def configured_url() -> str:
    """The database URL: PLAYGROUND_DB_URL, else secrets `[connections.sql] url`, else the SQLite file."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url
    try:
        url = st.secrets.get("connections", {}).get("sql", {}).get("url", "")
    except Exception:  # no secrets file, or not running under Streamlit: the default below
        url = ""
    return url or DEFAULT_URL


def _prepare(url: str) -> None:
    """Make the SQLite file's folder; for PostgreSQL, check its driver (psycopg 3) is there."""
    parsed = sqlalchemy.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    elif parsed.get_backend_name() == "postgresql":
        import psycopg  # noqa: F401  (the driver of postgresql+psycopg:// URLs; fail here, plainly, if missing)


def migrate(engine) -> int:
    """Apply the missing MIGRATIONS steps (each in one transaction); returns the schema version now."""
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # Two replicas starting at once: the second waits here, then sees the steps already applied.
            conn.execute(text("LOCK TABLE schema_version IN EXCLUSIVE MODE"))
        current = conn.execute(text("SELECT MAX(version) FROM schema_version")).scalar() or 0
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version - 1]:
                conn.execute(text(statement))
            conn.execute(text("INSERT INTO schema_version (version) VALUES (:v)"), {"v": version})
    return SCHEMA_VERSION


# ----- checks ------------------------------------------------------------------------------------------

def clean_text(value, limit: int, code: str, required: bool = True) -> str:
    """`value` stripped, refused (DBInputError(code)) when not a string, too long, empty or with control chars."""
    if not isinstance(value, str):
        raise DBInputError(code, limit=limit)
    value = value.strip()
    if len(value) > limit or (required and not value) or any(ord(c) < 32 and c not in "\n\t" for c in value):
        raise DBInputError(code, limit=limit)
    return value


def clean_nickname(value) -> str:
    name = clean_text(value, MAX_NICKNAME, "nickname")
    if not _NICKNAME.fullmatch(name):
        raise DBInputError("nickname", limit=MAX_NICKNAME)
    return name


def _json(payload, limit: int, code: str) -> str:
    try:
        body = json.dumps(payload, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):
        raise DBInputError(code, limit=limit) from None
    if len(body) > limit:
        raise DBInputError(code, limit=limit)
    return body


def _finite(value, code: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DBInputError(code)
    return float(value)


class Store:
    """The classroom's tables on one SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine):
        self.engine = engine

    # ----- saved runs -----
    def save_run(self, payload: dict) -> str:
        body = _json(payload, MAX_RUN_CHARS, "run_too_large")
        run_id = new_token()
        with self.engine.begin() as conn:
            conn.execute(text("INSERT INTO runs (id, created, payload) VALUES (:id, :t, :p)"),
                         {"id": run_id, "t": time.time(), "p": body})
        return run_id

    def load_run(self, run_id) -> dict:
        """The saved run's JSON object; DBInputError("run_unknown") for a bad or unknown id."""
        if not is_token(run_id):
            raise DBInputError("run_unknown")
        with self.engine.connect() as conn:
            body = conn.execute(text("SELECT payload FROM runs WHERE id = :id"), {"id": run_id}).scalar()
        if body is None:
            raise DBInputError("run_unknown")
        try:
            payload = json.loads(body)
        except ValueError:
            raise DBInputError("run_damaged") from None
        if not isinstance(payload, dict):
            raise DBInputError("run_damaged")
        return payload

    # ----- class links -----
    def save_link(self, payload: dict, class_key: str | None = None) -> str:
        """A class link's settings; `class_key` (a teacher key) ties its students' submissions to that class."""
        body = _json(payload, MAX_LINK_CHARS, "link_too_large")
        class_id = None
        if class_key:
            class_id = self.class_by_teacher_key(class_key)["id"]
        link_id = new_token()
        with self.engine.begin() as conn:
            conn.execute(text("INSERT INTO links (id, class_id, payload, created) VALUES (:id, :c, :p, :t)"),
                         {"id": link_id, "c": class_id, "p": body, "t": time.time()})
        return link_id

    def load_link(self, link_id) -> tuple[dict, str | None]:
        """(settings, the class's join code or None); DBInputError("link_unknown") for a bad or unknown id."""
        if not is_token(link_id):
            raise DBInputError("link_unknown")
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT l.payload, c.join_code FROM links l LEFT JOIN classes c "
                                    "ON c.id = l.class_id WHERE l.id = :id"), {"id": link_id}).first()
        if row is None:
            raise DBInputError("link_unknown")
        try:
            payload = json.loads(row[0])
        except ValueError:
            raise DBInputError("link_unknown") from None
        return (payload if isinstance(payload, dict) else {}), row[1]

    # ----- classes and students -----
    def create_class(self, name) -> dict:
        """A new class: {"id", "name", "join_code" (for students), "teacher_key" (for the board)}."""
        name = clean_text(name, MAX_CLASS_NAME, "class_name")
        row = {"id": new_token(), "name": name, "join_code": new_token(), "teacher_key": new_token()}
        with self.engine.begin() as conn:
            conn.execute(text("INSERT INTO classes (id, join_code, teacher_key, name, created) "
                              "VALUES (:id, :join_code, :teacher_key, :name, :t)"), {**row, "t": time.time()})
        return row

    def _class_where(self, column: str, value) -> dict:
        if not is_token(value):
            raise DBInputError("code_unknown")
        with self.engine.connect() as conn:
            row = conn.execute(text(f"SELECT id, name, join_code FROM classes WHERE {column} = :v"),
                               {"v": value}).first()
        if row is None:
            raise DBInputError("code_unknown")
        return {"id": row[0], "name": row[1], "join_code": row[2]}

    def class_by_join_code(self, code) -> dict:
        return self._class_where("join_code", code)

    def class_by_teacher_key(self, key) -> dict:
        return self._class_where("teacher_key", key)

    def join(self, join_code, nickname) -> str:
        """The student id of `nickname` in the class of `join_code` (joining it the first time)."""
        klass = self.class_by_join_code(join_code)
        nickname = clean_nickname(nickname)
        with self.engine.begin() as conn:
            found = conn.execute(text("SELECT id FROM students WHERE class_id = :c AND nickname = :n"),
                                 {"c": klass["id"], "n": nickname}).scalar()
            if found is not None:
                return found
            count = conn.execute(text("SELECT COUNT(*) FROM students WHERE class_id = :c"),
                                 {"c": klass["id"]}).scalar()
            if count >= MAX_STUDENTS_PER_CLASS:
                raise DBInputError("class_full", limit=MAX_STUDENTS_PER_CLASS)
            student_id = new_token()
            conn.execute(text("INSERT INTO students (id, class_id, nickname, created) VALUES (:id, :c, :n, :t)"),
                         {"id": student_id, "c": klass["id"], "n": nickname, "t": time.time()})
        return student_id

    # ----- submissions -----
    def submit(self, join_code, student_id, challenge: str, run_id, metric, passed: bool, params: int,
               epochs: int, now: float | None = None) -> str:
        """Record a student's run for a challenge in the class of `join_code`. Refused (DBInputError) when the
        student is not in that class, the run is unknown, or the student sent too many too fast."""
        klass = self.class_by_join_code(join_code)
        if not is_token(student_id) or not is_token(run_id):
            raise DBInputError("not_in_class")
        challenge = clean_text(challenge, 40, "challenge_unknown")
        metric = _finite(metric, "metric")
        now = time.time() if now is None else now
        with self.engine.begin() as conn:
            owner = conn.execute(text("SELECT class_id FROM students WHERE id = :s"), {"s": student_id}).scalar()
            if owner != klass["id"]:
                raise DBInputError("not_in_class")
            if conn.execute(text("SELECT 1 FROM runs WHERE id = :r"), {"r": run_id}).first() is None:
                raise DBInputError("run_unknown")
            recent, total = conn.execute(text(
                "SELECT SUM(CASE WHEN created > :since THEN 1 ELSE 0 END), COUNT(*) FROM submissions "
                "WHERE student_id = :s"), {"s": student_id, "since": now - RATE_WINDOW_SECONDS}).first()
            if (recent or 0) >= RATE_MAX_IN_WINDOW:
                raise DBInputError("too_fast", n=RATE_MAX_IN_WINDOW, seconds=int(RATE_WINDOW_SECONDS))
            if (total or 0) >= MAX_SUBMISSIONS_PER_STUDENT:
                raise DBInputError("too_many", n=MAX_SUBMISSIONS_PER_STUDENT)
            submission_id = new_token()
            conn.execute(text(
                "INSERT INTO submissions (id, class_id, student_id, challenge, run_id, metric, passed, params, "
                "epochs, created) VALUES (:id, :c, :s, :ch, :r, :m, :p, :n, :e, :t)"),
                {"id": submission_id, "c": klass["id"], "s": student_id, "ch": challenge, "r": run_id, "m": metric,
                 "p": int(bool(passed)), "n": int(params), "e": int(epochs), "t": now})
        return submission_id

    def submissions(self, teacher_key) -> list[dict]:
        """Every submission of the class whose board key is `teacher_key` (only that class), oldest first."""
        klass = self.class_by_teacher_key(teacher_key)
        with self.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT st.nickname, su.challenge, su.metric, su.passed, su.params, su.epochs, su.run_id, "
                "su.created FROM submissions su JOIN students st ON st.id = su.student_id "
                "WHERE su.class_id = :c ORDER BY su.created, su.id"), {"c": klass["id"]}).all()
        keys = ("nickname", "challenge", "metric", "passed", "params", "epochs", "run_id", "created")
        return [dict(zip(keys, row, strict=True)) for row in rows]


def store() -> Store:
    """The app's Store, through `st.connection("sql")`, migrated once per process and database URL."""
    return _store_for(configured_url())


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
    # The engine and its pool are shared by every session (a connection, not a user's data).
    _prepare(url)
    engine = st.connection("sql", type="sql", url=url).engine
    migrate(engine)
    return Store(engine)
