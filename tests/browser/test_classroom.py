"""The classroom journey in a real browser: a teacher creates a class and a class link with hidden and locked
controls; a student opens it, cannot change the locked ones, meets the goal and submits; the teacher's board
(downloaded as CSV) shows the submission."""

import csv
import io
import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.browser.conftest import ROOT, key_button, screenshot, stop_server, wait_for_app

PORT = 8661  # this journey's own port (other servers use their own)


def key(name: str) -> str:
    return ".st-key-" + name.replace(".", "-")


@pytest.fixture(scope="module")
def classroom_url(tmp_path_factory):
    """A server on its own empty SQLite database (PLAYGROUND_DB_URL, as a replica would be configured)."""
    db_file = tmp_path_factory.mktemp("classroom") / "class.db"
    env = {**os.environ, "PLAYGROUND_DB_URL": f"sqlite:///{db_file}"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(PORT),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{PORT}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2):
                break
        except OSError:
            time.sleep(0.3)
    yield base
    stop_server(proc)


def shown_code(page, pattern: str) -> str:
    """The text matching `pattern` (a regex) inside the first code block that shows it."""
    block = page.locator('[data-testid="stCode"]').filter(has_text=re.compile(pattern)).first
    block.wait_for(timeout=30_000)
    return re.search(pattern, block.inner_text()).group(0)


def pick(page, widget_key: str, option: str) -> None:
    box = page.locator(f"{key(widget_key)} input")
    box.scroll_into_view_if_needed()  # the detailed builder sits below the Playground's one screen
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app(page)


def pick_many(page, widget_key: str, option: str) -> None:
    """Add `option` to a multiselect by typing it (the first match is the exact name) and pressing Enter."""
    box = page.locator(f"{key(widget_key)} input")
    box.click()
    box.press_sequentially(option)
    page.get_by_role("option", name=option, exact=True).wait_for(timeout=30_000)
    box.press("Enter")
    page.keyboard.press("Escape")
    page.locator(key(widget_key)).get_by_text(option, exact=True).wait_for(timeout=30_000)
    wait_for_app(page)


def test_teacher_link_student_submits_board_shows_it(page, browser, classroom_url):
    # The teacher: a class, then a link on the XOR challenge with the data hidden and the network locked.
    page.goto(f"{classroom_url}/Teacher")
    wait_for_app(page)
    page.locator(f"{key('cls_class_name')} input").fill("7B <b>maths</b>")
    page.get_by_role("button", name="Create the class").click()
    page.get_by_text("Join code for students").wait_for(timeout=30_000)
    board = shown_code(page, r"/Class_Board\?key=[A-Za-z0-9_-]{16}")
    pick(page, "cls_goal", "XOR with three neurons")
    page.get_by_text("a challenge's starting state").click()
    wait_for_app(page)
    for option in ("noise", "n_points"):
        pick_many(page, "cls_hide", option)
    for option in ("hidden", "lr"):
        pick_many(page, "cls_lock", option)
    page.locator(f"{key('cls_task_text')} textarea").fill("Use <i>ReLU</i> and **three** neurons.")
    page.get_by_role("button", name="Make the link").click()
    page.get_by_text("Class link:").wait_for(timeout=30_000)
    link = shown_code(page, r"/Playground\?lesson=[A-Za-z0-9_-]{16}")

    # The student: the task as typed, hidden controls gone, locked ones disabled (even a forged URL is ignored).
    student = browser.new_page(viewport={"width": 1280, "height": 900})
    student.goto(f"{classroom_url}{link}&lr=3&hidden=16")
    wait_for_app(student)
    student.get_by_text("Use <i>ReLU</i> and **three** neurons.").wait_for(timeout=30_000)
    assert student.locator(key("w.noise")).count() == 0 and student.locator(key("w.n_points")).count() == 0
    assert student.locator(f"{key('w.lr')} input").is_disabled()
    assert student.locator(f"{key('w.lr')} input").input_value() == "0.03"
    assert student.locator(f"{key('w.add_layer')} button").is_disabled()
    assert student.locator(f"{key('w.units.0')} input").is_disabled()
    pick(student, "w.act.0", "relu")
    assert student.locator(f"{key('w.act.0')} input").input_value() == "relu"
    key_button(student, "pg_play").click()
    student.get_by_text("Passed: test accuracy =").wait_for(timeout=120_000)  # and training stopped by itself
    student.locator(f"{key('pg_play')} button", has_text="Play").first.wait_for(timeout=30_000)  # paused
    screenshot(student, "classroom_student_passed")
    student.get_by_text("Submit to a class").click()
    student.locator(f"{key('cls_nickname')} input").fill("ana")
    student.get_by_role("button", name="Submit this run").click()
    student.get_by_text("Submitted to 7B").wait_for(timeout=30_000)
    assert student.locator('[data-testid="stException"]').count() == 0

    # The teacher's board: the submission, ranked, downloadable.
    page.goto(f"{classroom_url}{board}")
    wait_for_app(page)
    page.get_by_role("button", name="Download the board (CSV)").wait_for(timeout=30_000)
    screenshot(page, "classroom_board")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the board (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert [(r["nickname"], r["rank"], r["params"], r["passed"]) for r in rows] == [("ana", "1", "13", "True")]
    assert float(rows[0]["metric"]) >= 0.95 and rows[0]["open"].startswith("/Playground?run=")
    assert page.locator('[data-testid="stException"]').count() == 0
