"""Browser fixtures: one Streamlit server per test session, started as the README starts it, on a free port.

Playwright drives Debian's Chromium (`/usr/bin/chromium`); Playwright's own browser download is never used.
Screenshots go to `artifacts/screenshots/`.
"""

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
# The Play button by its accessible name ("Play Shortcut Space"), not the timeline's "Replay".
PLAY = re.compile(r"^Play\b")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server() -> tuple[subprocess.Popen, str]:
    """Start `streamlit run app.py` on a free port; return the process and its base URL once healthy."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         # Source edits (other work in the tree) must not rerun a page under test.
         "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit server did not become healthy within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def server_url():
    proc, base = start_server()
    yield base
    stop_server(proc)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1440, "height": 1000}}


_APP_IDLE = """() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  return !!main && !!main.querySelector('[data-testid="stElementContainer"]')
    && !document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')
    && !document.querySelector('[data-testid="stSkeleton"]')
    && [...document.querySelectorAll('.stBidiComponentRegular')].every(e => e.childElementCount > 0);
}"""


def wait_for_app(page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has finished running the script and drawn every element.

    Idle means: something rendered, no running indicator (its text is "Stop", not "Running"), no skeleton
    placeholders (lazily loaded elements such as data frames) and no mounted custom component still empty (a
    components v2 module loads after the run that sends it). Checked twice, 0.3 s apart, so the gap between the
    first elements and the indicator appearing is not mistaken for the end. A component not mounted yet is not
    seen: read the Playground's counter after a navigation with `wait_for_playground_status`.
    Do not call it while a page trains on a timer (a ticking fragment keeps the indicator on).
    """
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    for _ in range(2):
        page.wait_for_function(_APP_IDLE, timeout=timeout_ms)
        page.wait_for_timeout(300)
    page.wait_for_function(_APP_IDLE, timeout=timeout_ms)


def key_button(page, key: str):
    """The button of the widget keyed `key`. A button with a `shortcut` is rendered twice under its key (the
    second, an invisible copy Streamlit measures the keyboard badge with), so the first one is the real one."""
    return page.locator(f".st-key-{key} button").first


def wait_for_charts(page, timeout_ms: int = 60_000) -> None:
    """Wait until every Altair/Vega chart on the page has drawn (charts load lazily, after the script ran)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vega-embed')]"
        ".every(el => el.querySelector('svg.marks, canvas'))",
        timeout=timeout_ms,
    )


def screenshot(page, name: str) -> Path:
    """Save the whole page (Streamlit scrolls inside its main area, so the viewport is grown to fit it)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    full_height(page, lambda: page.screenshot(path=str(path)))
    return path


def full_height(page, action, max_height: int = 6000) -> None:
    """Run `action` with the viewport as tall as the app's content, then restore the viewport."""
    viewport = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll("
        "'[data-testid=\"stMain\"], [data-testid=\"stSidebarContent\"]')].map(e => e.scrollHeight), 0)")
    page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], min(height, max_height))})
    try:
        page.wait_for_timeout(300)  # layout settles at the new size
        action()
    finally:
        page.set_viewport_size(viewport)


# The Playground's epoch counter and losses, as shown: the bold numbers of its status line inside the live
# area (`.st-key-pg_live`), or the values of its metrics row in the earlier layout. [epoch, train loss, ...]
PLAYGROUND_STATUS_JS = """() => {
  const bold = [...document.querySelectorAll('.st-key-pg_live h4 strong')].map(e => e.textContent.trim());
  if (bold.length) return bold;
  return [...document.querySelectorAll('.st-key-pg_metrics [data-testid="stMetricValue"]')]
    .map(e => e.textContent.trim());
}"""


def playground_status(page) -> list[str]:
    """[epochs, train loss, test loss, ...] as the Playground shows them (only the epochs before training)."""
    return page.evaluate(PLAYGROUND_STATUS_JS)


def wait_for_playground_status(page, timeout_ms: int = 30_000) -> list[str]:
    """`playground_status` once the live view has drawn its epoch counter. On a fresh page the view (a custom
    component) draws 0.03-2 s after the run ends, longer than `wait_for_app` settles under two replicas' load."""
    page.wait_for_function(f"() => /^[0-9]+$/.test(({PLAYGROUND_STATUS_JS})()[0] ?? '')", timeout=timeout_ms)
    return playground_status(page)


# Per animation frame, the pixels of a chart's canvas that nothing is drawn on (transparent or pure white; every
# map colour is lightened to at most 248). A map that is missing for a frame (a remount, or an image drawn only
# once it has loaded) shows as a jump in this count. -1: no canvas in that frame.
_EMPTY_PIXELS_JS = """async ([selector, ms]) => {
  const counts = [];
  let total = 0;
  const end = performance.now() + ms;
  return await new Promise(resolve => {
    const sample = () => {
      const canvas = document.querySelector(selector);
      if (canvas && canvas.width && canvas.height) {
        total = canvas.width * canvas.height;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let empty = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] === 0 || (data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255)) empty++;
        }
        counts.push(empty);
      } else counts.push(-1);
      if (performance.now() < end) requestAnimationFrame(sample); else resolve({counts, total});
    };
    requestAnimationFrame(sample);
  });
}"""


def blank_chart_frames(page, selector: str, seconds: float, jump: float = 0.05) -> tuple[int, list[int], int]:
    """Watch the canvas of `selector` for `seconds`: (frames with part of the chart missing, the per-frame counts
    of empty pixels, canvas pixels). A frame counts as blank when it has no canvas or its empty pixels exceed
    the fewest seen by more than `jump` of the canvas (the Playground's decision map alone is ~12%)."""
    result = page.evaluate(_EMPTY_PIXELS_JS, [selector, seconds * 1000])
    counts, total = result["counts"], result["total"]
    drawn = [c for c in counts if c >= 0]
    floor = min(drawn) if drawn else 0
    blank = sum(1 for c in counts if c < 0 or c - floor > jump * total)
    return blank, counts, total
