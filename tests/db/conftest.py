"""Database fixtures: every DB test runs against a SQLite file and against a real PostgreSQL server.

The PostgreSQL server is Debian's (`/usr/lib/postgresql/<version>/bin`), started once per test session in a
temporary folder on loopback port 55432 (as root through the `postgres` system user, since initdb refuses root),
and stopped at the end.
"""

import glob
import os
import shutil
import subprocess
import tempfile

import pytest
import sqlalchemy

from ui.db import Store, migrate

PG_PORT = 55432


def _pg_bin() -> str:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: apt-get install postgresql (.ci/run does)")
    return os.path.dirname(found[-1])


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@pytest.fixture(scope="session")
def postgres_url():
    bindir = _pg_bin()
    root = tempfile.mkdtemp(prefix="pg-i16-")
    data = os.path.join(root, "data")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    subprocess.run(_as_postgres([f"{bindir}/initdb", "-D", data, "-U", "playground", "--auth=trust",
                                 "-E", "UTF8", "--no-locale"]), check=True, capture_output=True)
    subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-w", "-l", os.path.join(root, "log"),
                                 "-o", f"-p {PG_PORT} -k {root} -c listen_addresses=127.0.0.1", "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://playground@127.0.0.1:{PG_PORT}/postgres"
    finally:
        subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _fresh_postgres(url: str):
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:  # each test starts from an empty database
        conn.execute(sqlalchemy.text("DROP SCHEMA public CASCADE"))
        conn.execute(sqlalchemy.text("CREATE SCHEMA public"))
    return engine


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A URL of an empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    url = request.getfixturevalue("postgres_url")
    _fresh_postgres(url).dispose()
    yield url


@pytest.fixture
def db(db_url):
    """A migrated Store on an empty database of each kind."""
    engine = sqlalchemy.create_engine(db_url)
    migrate(engine)
    yield Store(engine)
    engine.dispose()
