"""Load check: N browser sessions training the Playground at once on one server (default 10, ~25 s).

    .venv/bin/python benchmarks/bench_sessions.py [--sessions 10] [--seconds 25]

Starts `streamlit run app.py` on a free port (as the browser tests do) and one Debian Chromium. First one session
trains alone (the reference), then N sessions (separate browser contexts = separate Streamlit sessions) train
together. For each session it counts redraws: changes of the epoch counter seen in the page (one per training
tick that reached the browser), counted by a MutationObserver. It also reads the server process's memory (VmRSS
from /proc/<pid>/status) and CPU time (/proc/<pid>/stat). Figures are reported against the one-session reference
of the same run. Note: on one machine the browsers' rendering competes with the server for the same cores.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from benchmarks.replicas import cpu_seconds, rss_mb  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    CHROMIUM,
    PLAYGROUND_STATUS_JS,
    start_server,
    stop_server,
    wait_for_app,
    wait_for_charts,
)

# A classroom-sized network on the hardest 2-D set; each session gets its own weight seed.
QUERY = "dataset=spiral&hidden=8,8&acts=tanh,tanh&seed={seed}"
PLAY_BUTTON = ".st-key-pg_play button >> nth=0"

# Counts changes of the epoch counter the Playground shows (see PLAYGROUND_STATUS_JS).
COUNTER_JS = """() => {
  window.__redraws = 0;
  window.__lastEpoch = null;
  const status = """ + PLAYGROUND_STATUS_JS + """;
  const read = () => status()[0] || null;
  window.__lastEpoch = read();
  new MutationObserver(() => {
    const now = read();
    if (now !== null && now !== window.__lastEpoch) { window.__redraws += 1; window.__lastEpoch = now; }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def browser_cpu_seconds(server_pid: int) -> float:
    """CPU time of every process this script started except the server: Chromium and Playwright's driver."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])))
    total = 0
    for pid, (_ppid, ticks) in parents.items():
        ancestor = pid
        while ancestor in parents and ancestor not in (os.getpid(), server_pid, 1):
            ancestor = parents[ancestor][0]
        if ancestor == os.getpid() and pid != server_pid:
            total += ticks
    return total / os.sysconf("SC_CLK_TCK")


def open_sessions(browser, base: str, count: int, first_seed: int) -> list:
    pages = []
    for i in range(count):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/Playground?{QUERY.format(seed=first_seed + i)}")
        pages.append(page)
    for page in pages:
        wait_for_app(page, timeout_ms=180_000)
        wait_for_charts(page, timeout_ms=180_000)
        page.evaluate(COUNTER_JS)
    return pages


def epoch_of(page) -> int:
    text = page.evaluate("() => window.__lastEpoch")
    return int(text) if text and text.isdigit() else 0


def train_together(pages, seconds: float, pid: int) -> dict:
    """Press Play on every page, measure for `seconds`, press Pause; per-session redraws/s and epochs/s."""
    clicked = time.monotonic()
    for page in pages:
        page.locator(PLAY_BUTTON).click(timeout=180_000)
    # Warm-up: a session's first ticks are slow (its chart specs are built once), and with many sessions they
    # queue up. The window opens once every session has redrawn a few times.
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if all(page.evaluate("() => window.__redraws") >= 3 for page in pages):
            break
        time.sleep(0.5)
    warm_up = time.monotonic() - clicked
    start_counts = [page.evaluate("() => window.__redraws") for page in pages]
    start_epochs = [epoch_of(page) for page in pages]
    cpu0, browser0, t0 = cpu_seconds(pid), browser_cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    elapsed = time.monotonic() - t0
    cpu = cpu_seconds(pid) - cpu0
    browser_cpu = browser_cpu_seconds(pid) - browser0
    counts = [page.evaluate("() => window.__redraws") - c for page, c in zip(pages, start_counts, strict=True)]
    epochs = [epoch_of(page) - e for page, e in zip(pages, start_epochs, strict=True)]
    rss_training = rss_mb(pid)
    for page in pages:
        try:
            page.locator(PLAY_BUTTON).click(timeout=30_000)
        except PlaywrightTimeoutError:
            pass  # a swamped page; the measurement is done and its context is closed next
    return {
        "redraws_per_s": [c / elapsed for c in counts],
        "epochs_per_s": [e / elapsed for e in epochs],
        "server_cpu_share": cpu / elapsed,  # 1.0 = one core busy
        "browser_cpu_share": browser_cpu / elapsed,
        "rss_training_mb": rss_training,
        "warm_up_s": warm_up,
    }


def summary(name: str, result: dict) -> str:
    r = result["redraws_per_s"]
    return (f"{name}: redraws/s per session median {statistics.median(r):.2f} (min {min(r):.2f}, max {max(r):.2f}), "
            f"epochs/s median {statistics.median(result['epochs_per_s']):.1f}, "
            f"server CPU {result['server_cpu_share']:.2f} cores, browser CPU {result['browser_cpu_share']:.2f} cores, "
            f"server RSS {result['rss_training_mb']:.0f} MB; all sessions redrawing {result['warm_up_s']:.0f} s after Play")


def main() -> int:
    parser = argparse.ArgumentParser(description="N Playground sessions training at once")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=25.0)
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    proc, base = start_server()
    try:
        with sync_playwright() as pw:
            # Headless pages must keep their timers running at full speed, as a visible tab would.
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
                "--disable-gpu", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows"])
            rss_idle = rss_mb(proc.pid)

            reference_pages = open_sessions(browser, base, 1, first_seed=0)
            reference = train_together(reference_pages, args.seconds, proc.pid)
            for page in reference_pages:
                page.context.close()
            time.sleep(5)
            rss_warm = rss_mb(proc.pid)  # modules and shared data loaded, no session open

            pages = open_sessions(browser, base, args.sessions, first_seed=1)
            rss_loaded = rss_mb(proc.pid)
            many = train_together(pages, args.seconds, proc.pid)
            for page in pages:
                page.context.close()
            time.sleep(5)
            rss_after = rss_mb(proc.pid)
            browser.close()
    finally:
        stop_server(proc)

    ref_rate = statistics.median(reference["redraws_per_s"])
    many_rate = statistics.median(many["redraws_per_s"])
    print(f"machine: {os.cpu_count()} cores, load average before the run {load_before:.1f}, "
          f"after {os.getloadavg()[0]:.1f}")
    print(summary("1 session (reference)", reference))
    print(summary(f"{args.sessions} sessions", many))
    print(f"ratio: per-session redraw rate with {args.sessions} sessions / alone = {many_rate / ref_rate:.2f}; "
          f"total redraws/s {sum(many['redraws_per_s']):.1f} vs {ref_rate:.2f} alone "
          f"({sum(many['redraws_per_s']) / ref_rate:.2f}x)")
    print(f"server RSS: started {rss_idle:.0f} MB, 1 session training {reference['rss_training_mb']:.0f} MB, "
          f"no session (warm) {rss_warm:.0f} MB, {args.sessions} sessions open {rss_loaded:.0f} MB, "
          f"training {many['rss_training_mb']:.0f} MB, 5 s after closing them {rss_after:.0f} MB; "
          f"per session {(many['rss_training_mb'] - rss_warm) / args.sessions:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
