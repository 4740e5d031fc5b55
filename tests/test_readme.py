"""The README stays true: its two commands come first, CI runs the second verbatim, every link resolves."""

import re
import subprocess

from ui.pages import ROOT, page_files

README = (ROOT / "README.md").read_text(encoding="utf-8")


def first_code_block() -> list[str]:
    block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert block and README.index("```bash") < README.index("\n## "), "the commands must come first"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_the_two_commands_open_the_readme():
    run_app, run_tests = first_code_block()
    assert run_app.endswith("streamlit run app.py")
    assert "-r requirements.txt" in run_app
    assert "-r requirements-test.txt" in run_tests
    assert "ruff check ." in run_tests and run_tests.endswith("-m pytest -q")


def test_ci_runs_exactly_the_readme_test_command():
    extracted = subprocess.run(["awk", r"/^# 2\./ { getline; print; exit }", "README.md"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    assert extracted == first_code_block()[1]
    assert "awk '/^# 2\\./ { getline; print; exit }' README.md" in (ROOT / ".ci" / "run").read_text()


def test_every_relative_link_and_image_exists():
    targets = re.findall(r"\]\(([^)#\s]+)\)", README)
    local = [target for target in targets if "://" not in target]
    assert local
    missing = [target for target in local if not (ROOT / target).exists()]
    assert not missing


def test_every_page_is_in_the_pages_table():
    for path in page_files():
        assert f"(pages/{path.name})" in README, path.name
