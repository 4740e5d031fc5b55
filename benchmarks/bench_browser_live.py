"""Live training in a real browser: redraws per second of the Playground's charts and epochs per second.

Run: `.venv/bin/python benchmarks/bench_browser_live.py [seconds]` (starts its own server on a free port).

Chromium (Debian's) opens /Playground?dataset=spiral (the default network: 3 hidden tanh layers of 8 units,
Adam, batch 10, 5 epochs per update, 4 updates a tick: ui/tick_policy), presses Play and measures for `seconds`:
- updates/s: states of the model that reached the screen (the status line's text changes: epoch counter,
  losses, accuracies; seen by a MutationObserver), the frames a tick plays back included;
- canvas renders/s of each live chart (the diagram, the map and the curves with the bars are canvas
  components): each clears its canvas once per render, so `clearRect` calls are counted (an init script wraps it);
- remounts: chart canvases removed from the page (a remount blanks the chart for a frame);
- epochs/s: the epoch counter's change over the window;
- the server's memory (VmRSS) at the window's start and end: flat over a long window means the history and the
  session's caches are capped.
Then, in a second window of `BLANK_SECONDS` (reading the canvas back costs the browser time, so not during the
first): blank frames, animation frames in which the map (then the diagram with its neuron maps) is missing or
partly undrawn (`tests.browser.conftest.blank_chart_frames`).
Figures are printed as ratios: against TF Playground (1 epoch per frame at 60 fps = 60 epochs/s), against the
page's timer (1 / TICK_SECONDS), and against a reference measured in this run: the server-side work of one tick
(its FRAMES_PER_TICK updates: their epochs of fit, test evaluations, views and their encoding), timed in-process:
the update rate if Streamlit's messaging and the browser's rendering cost nothing.
"""

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from benchmarks.bench_sessions import rss_mb  # noqa: E402
from tests.browser.conftest import CHROMIUM, blank_chart_frames, start_server  # noqa: E402

TFP_EPOCHS_PER_SECOND = 60.0  # TensorFlow Playground: one epoch per animation frame at 60 fps
TICK_SECONDS = 0.04  # pages/1_Playground.py
BLANK_SECONDS = 5.0

COUNT_CANVAS_CLEARS = """
window.__clears = new Map();
const original = CanvasRenderingContext2D.prototype.clearRect;
CanvasRenderingContext2D.prototype.clearRect = function (...args) {
  const canvas = this.canvas;
  window.__clears.set(canvas, (window.__clears.get(canvas) || 0) + 1);
  return original.apply(this, args);
};
"""

WATCH = """
(charts) => {
  window.__removed = 0; window.__updates = 0;
  // One update per tick: the epoch counter (the first metric) changes its text.
  const status = () => document.querySelector(".pgstatus h4, [data-testid='stMarkdownContainer'] h4")?.innerText;
  let last = status();
  new MutationObserver(() => {
    const now = status();
    if (now !== last) { window.__updates++; last = now; }
  }).observe(document.querySelector('[data-testid="stMain"]') || document.body,
             {subtree: true, childList: true, characterData: true});
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.removedNodes) {
      if (n.nodeType === 1 && (n.tagName === 'CANVAS' || n.querySelector?.('canvas'))) window.__removed++;
    }
  });
  observer.observe(document.body, {childList: true, subtree: true});
  window.__start = new Map();
  for (const [key, selector] of Object.entries(charts)) {
    const canvas = document.querySelector(selector);
    window.__start.set(key, [canvas, window.__clears.get(canvas) || 0]);
  }
}
"""

RESULT = """
(charts) => {
  const out = {removed: window.__removed, clears: {}, updates: window.__updates};
  for (const [key, selector] of Object.entries(charts)) {
    const canvas = document.querySelector(selector);
    const [startCanvas, startCount] = window.__start.get(key);
    out.clears[key] = canvas === startCanvas ? (window.__clears.get(canvas) || 0) - startCount : -1;
  }
  return out;
}
"""

# The live area: the diagram, the map and the curves with the picked point's bars (canvas components: one
# clearRect per render). Blank frames are watched on the map, the chart the class looks at.
CHARTS = ("diagram", "map", "curves")
# The live view's canvases (ui.live_canvas), or the keyed containers of the three components before it (the
# commit a run is compared with).
CANVAS = {"diagram": ".pgdiagram canvas, .st-key-pg_diagram canvas", "map": ".pgmap canvas, .st-key-pg_map canvas",
          "curves": ".pgcurves canvas, .st-key-pg_charts canvas"}
STATUS = ".pgstatus h4, [data-testid='stMarkdownContainer'] h4"


def epoch_shown(page) -> int:
    text = page.locator(STATUS).first.inner_text()
    return int(re.search(r"epoch\s*(\d+)", text).group(1))


def reference_tick_seconds(repeats: int = 20) -> float:
    """Server-side work of one update on the default spiral network, in-process, median over ticks of
    FRAMES_PER_TICK updates: each `epochs_per_tick` epochs of fit and the test evaluation, then the view (the
    earlier frames without curves, as ui/live_canvas sends them) and its encoding (`benchmarks/bench_live_view.py`)."""
    import inspect

    import numpy as np

    from benchmarks.bench_live_view import encode, setup
    from ui import playground as pg
    from ui import playground_view as view
    from ui import tick_policy

    # The commit before (one update a tick, no `curves` switch) is measured by the same code.
    frames = getattr(tick_policy, "FRAMES_PER_TICK", 1)
    framed = "curves" in inspect.signature(view.live_view).parameters

    config, data, model, history, latest = setup()
    units = model.output_units
    y, y_test = pg.targets(data.train, units), pg.targets(data.test, units)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for frame in range(frames):
            model.fit(data.X_train, y, epochs=config["epochs_per_tick"], batch_size=config["batch"])
            model.evaluate(data.X_test, y_test)
            encode(view.live_view(model, data, config, history=history, latest=latest, pick=("test", 0),
                                  class_maps=False, **({"curves": frame == frames - 1} if framed else {})))
        times.append((time.perf_counter() - start) / frames)
    return float(np.median(times))


def main(seconds: float = 20.0, query: str = "") -> None:
    proc, base = start_server()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.add_init_script(COUNT_CANVAS_CLEARS)
            page.goto(f"{base}/Playground?dataset=spiral{query}")
            for key in CHARTS:
                page.wait_for_selector(CANVAS[key], timeout=90_000)
            page.get_by_role("button", name="Play").click()
            page.get_by_role("button", name="Pause").wait_for(timeout=30_000)
            page.wait_for_timeout(4000)  # warm-up: specs built, first ticks done
            page.evaluate(WATCH, CANVAS)
            epoch_start, t0, rss_start = epoch_shown(page), time.monotonic(), rss_mb(proc.pid)
            page.wait_for_timeout(seconds * 1000)
            result = page.evaluate(RESULT, CANVAS)
            epoch_end, elapsed, rss_end = epoch_shown(page), time.monotonic() - t0, rss_mb(proc.pid)
            blank, counts, _ = blank_chart_frames(page, CANVAS["map"], BLANK_SECONDS)
            blank_diagram, _, _ = blank_chart_frames(page, CANVAS["diagram"], BLANK_SECONDS / 2)
            page.get_by_role("button", name="Pause").click()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    reference = reference_tick_seconds()

    epochs_per_second = (epoch_end - epoch_start) / elapsed
    updates = result["updates"] / elapsed
    print(f"window: {elapsed:.1f} s, default network on the spiral, {epoch_end - epoch_start} epochs")
    print(f"  updates/s   {updates:6.2f}  = {updates * TICK_SECONDS:.2f} x the page timer (1/{TICK_SECONDS}s), "
          f"{updates * reference:.2f} x the in-process ceiling (1/{reference * 1000:.1f} ms an update)")
    for key, clears in result["clears"].items():
        rate = clears / elapsed if clears >= 0 else float("nan")
        print(f"  {key:<11} canvas renders/s {rate:6.2f}" + ("" if clears >= 0 else "  (canvas replaced: remounted)"))
    print(f"  epochs/s    {epochs_per_second:6.1f}  = {epochs_per_second / TFP_EPOCHS_PER_SECOND:.2f} x TF Playground "
          f"(1 epoch/frame at 60 fps)")
    print(f"  chart canvases removed (remounts): {result['removed']}")
    print(f"  animation frames with part of the chart missing: {blank} of {len(counts)} "
          f"({blank / max(len(counts), 1):.1%}; second window of {BLANK_SECONDS:.0f} s); diagram: {blank_diagram}")
    print(f"  server memory: {rss_start:.0f} MB at the window's start, {rss_end:.0f} MB at its end "
          f"({rss_end / rss_start:.3f}x)")
    print(f"  reference: one update's server-side work in-process = {reference * 1000:.1f} ms")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 20.0, sys.argv[2] if len(sys.argv) > 2 else "")
