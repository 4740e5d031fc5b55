"""The Dockerfile, checked without Docker (no engine on the CI machine): what it copies and installs exists,
the image keeps every file the app needs, and its CMD and HEALTHCHECK really start and probe the app."""

import json
import os
import re
import shlex
import subprocess
import sys
import time

from tests.browser.conftest import _free_port, stop_server
from ui.pages import ROOT, page_files

DOCKERFILE = ROOT / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            pairs.append((word.upper(), rest.strip()))
    return pairs


def exec_form(args: str) -> list[str]:
    return json.loads(args)


def _pattern_regex(pattern: str) -> re.Pattern:
    """A .dockerignore pattern as a regex: `*` stays within one folder, `**` crosses folders."""
    out = ""
    for token in re.split(r"(\*\*/|\*\*|\*|\?)", pattern):
        out += {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(token, re.escape(token))
    return re.compile(out)


def ignored(path: str, patterns: list[str]) -> bool:
    """Docker's .dockerignore rule: the last matching pattern wins; a folder's match excludes its files."""
    parts = path.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    result = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        regex = _pattern_regex(pattern.lstrip("!").strip("/"))
        if any(regex.fullmatch(prefix) for prefix in prefixes):
            result = not negate
    return result


def test_base_image_port_and_command():
    steps = instructions()
    assert steps[0] == ("FROM", "python:3.11-slim")
    assert ("EXPOSE", "8501") in steps
    cmd = exec_form(dict(steps)["CMD"])
    assert cmd[:3] == ["streamlit", "run", "app.py"]
    assert (ROOT / cmd[2]).is_file()
    assert cmd[cmd.index("--server.address") + 1] == "0.0.0.0"


def test_what_it_copies_and_installs_exists():
    steps = instructions()
    copies = [args.split() for word, args in steps if word == "COPY"]
    for *sources, _dest in copies:
        for source in sources:
            assert (ROOT / source).exists(), source
    installs = [args for word, args in steps if word == "RUN" and "pip install" in args]
    assert installs, "the Dockerfile installs no requirements"
    named = re.findall(r"-r\s+(\S+)", " ".join(installs))
    assert named == ["requirements.txt"]
    # The image installs what was copied before the install step.
    assert ["requirements.txt", "."] in copies


def test_dockerignore_keeps_every_file_the_app_runs_on():
    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    needed = ["app.py", "requirements.txt", ".streamlit/config.toml"]
    needed += [p.relative_to(ROOT).as_posix() for p in page_files()]
    for folder in ("ui", "engine"):
        needed += [p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts]
    kept_out = [path for path in needed if ignored(path, patterns)]
    assert not kept_out
    # ...while the heavy or private parts stay out of the image.
    for path in (".venv/bin/python", ".git/HEAD", "tests/test_deploy.py", "artifacts/screenshots/x.png"):
        assert ignored(path, patterns), path


def test_cmd_starts_the_app_and_healthcheck_passes():
    """Run the image's CMD and HEALTHCHECK as written, on a free port instead of 8501."""
    steps = dict(instructions())
    cmd = exec_form(steps["CMD"])
    health = exec_form(re.sub(r"^(--\S+\s+)*CMD\s+", "", steps["HEALTHCHECK"]))
    port = _free_port()
    env = {**os.environ, "STREAMLIT_SERVER_PORT": str(port), "STREAMLIT_SERVER_HEADLESS": "true",
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    bin_dir = os.path.dirname(sys.executable)
    proc = subprocess.Popen([os.path.join(bin_dir, cmd[0]), *cmd[1:]], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    probe = [sys.executable if health[0] == "python" else health[0],
             *[arg.replace("8501", str(port)) for arg in health[1:]]]
    try:
        for _ in range(100):
            if subprocess.run(probe, capture_output=True).returncode == 0:
                break
            assert proc.poll() is None, "the CMD exited"
            time.sleep(0.3)
        assert subprocess.run(probe, capture_output=True).returncode == 0, shlex.join(probe)
    finally:
        stop_server(proc)
    # The probe fails once the app is gone, so it does test something.
    assert subprocess.run(probe, capture_output=True).returncode != 0


def _app_imports() -> set[str]:
    """The top-level names app.py, pages/, ui/ and engine/ import that are neither stdlib nor the app's own."""
    import ast

    local = {"ui", "engine", "pages", "app"}
    imported = set()
    sources = [ROOT / "app.py", *page_files(), *(ROOT / "ui").rglob("*.py"), *(ROOT / "engine").rglob("*.py")]
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    return {name for name in imported if name not in sys.stdlib_module_names and name not in local}


def _runtime_requirements() -> dict[str, str]:
    """requirements.txt as {distribution name (lower case): its version range}."""
    lines = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    parts = [re.match(r"([A-Za-z0-9_.-]+)(?:\[[^]]*\])?\s*(.*)", line) for line in lines if line]
    return {match.group(1).lower(): match.group(2) for match in parts}


def test_runtime_requirements_are_exactly_what_the_app_imports():
    """requirements.txt lists every third-party package app.py, pages/, ui/ and engine/ import, and no other."""
    from importlib.metadata import packages_distributions

    # Import names as their distributions are called (`PIL` is Pillow's).
    provides = packages_distributions()
    third_party = {dist.lower() for name in _app_imports() for dist in provides.get(name, [name])}
    lines = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    listed = set(_runtime_requirements())
    assert third_party == listed
    # Every requirement has an upper bound, so next year's major release cannot break a fresh install.
    test_lines = [line.split("#")[0].strip() for line in (ROOT / "requirements-test.txt").read_text().splitlines()]
    for line in filter(None, lines + test_lines):
        assert "<" in line or "==" in line or line == "-r requirements.txt", line  # a range or an exact pin


def test_each_import_comes_from_a_listed_distribution_whose_installed_version_is_in_range():
    """Both ways through the installed packages: every module the app imports is provided by a distribution that
    requirements.txt lists (so an import named unlike its package, e.g. `yaml` from PyYAML, is caught), every
    listed distribution provides a module the app imports, and the installed version (the one the suite ran
    against) lies inside the listed range, so the range is not a guess."""
    from importlib.metadata import packages_distributions, version

    from packaging.specifiers import SpecifierSet

    provides = packages_distributions()
    wanted = _runtime_requirements()
    from_imports = {dist.lower() for name in _app_imports() for dist in provides.get(name, [name])}
    assert from_imports == set(wanted)
    for dist, bounds in wanted.items():
        assert version(dist) in SpecifierSet(bounds), (dist, version(dist), bounds)
    # plotly is imported only by the Plotly views and stays bounded like the rest.
    assert "plotly" in wanted and "<" in wanted["plotly"]
