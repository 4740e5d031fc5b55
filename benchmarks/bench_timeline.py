"""Timeline and Compare: memory of a full checkpoint log per session, and live update rates with a comparison.

Run: `.venv/bin/python benchmarks/bench_timeline.py [seconds]` (starts its own server on a free port).

1. Memory (in-process): the Playground's default network on the spiral (8-8-8 tanh, Adam) trained in ticks of
   30 epochs, a checkpoint per tick, until the log has thinned at least once (it then holds 100-200
   checkpoints; the figure is scaled to a full log of 200). Measured with tracemalloc as the bytes a deep copy
   of the log allocates (arrays and the Python objects around them); reference: a deep copy of the model.
2. Live updates (Chromium): the Playground's status line changes per second while it trains alone (the
   reference), then while a Compare page (`/Compare?dataset=spiral&b_optimizer=sgd`, two networks) trains in a
   second tab of the same browser; and the Compare page's own updates per second.
"""

import copy
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.checkpoints import CheckpointLog  # noqa: E402
from engine.datasets import make_dataset  # noqa: E402
from ui import playground as pg  # noqa: E402
from ui.state import FIELDS  # noqa: E402

COUNT_CHANGES = """
(selector) => {
  window.__changes = 0;
  const text = () => [...document.querySelectorAll(selector)].map(e => e.innerText).join('|');
  let last = text();
  new MutationObserver(() => { const now = text(); if (now !== last) { window.__changes++; last = now; } })
    .observe(document.body, {subtree: true, childList: true, characterData: true});
}
"""


def deep_bytes(obj) -> int:
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    clone = copy.deepcopy(obj)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del clone
    return after - before


def memory() -> None:
    config = {**{f.name: f.default for f in FIELDS}, "dataset": "spiral"}
    data = pg.make_bundle(make_dataset("spiral", n_points=config["n_points"], noise=config["noise"],
                                       seed=config["data_seed"]), config)
    model = pg.build_model(config, data)
    y = pg.targets(data.train, model.output_units)
    log = CheckpointLog(200)
    log.record(model)
    while log.gap == 1 or len(log) < 150:
        model.fit(data.X_train, y, epochs=30, batch_size=config["batch"])
        log.record(model, {"loss": 0.5, "accuracy": 0.5, "val_loss": 0.5, "val_accuracy": 0.5})
    per_checkpoint = deep_bytes(log) / len(log)
    full = per_checkpoint * log.max_count
    model_bytes = deep_bytes(model)
    print(f"network: {model.count_params()} parameters; log: {len(log)} checkpoints, epochs {log.epochs[0]}-"
          f"{log.epochs[-1]}, gap {log.gap}")
    print(f"per checkpoint: {per_checkpoint / 1024:.1f} kB ({log.nbytes / len(log) / 1024:.1f} kB of arrays)")
    print(f"full log (200): {full / 1e6:.2f} MB; the model itself: {model_bytes / 1e3:.0f} kB "
          f"(ratio {full / model_bytes:.0f}x)")


def rate(page, selector: str, seconds: float) -> float:
    page.evaluate(COUNT_CHANGES, selector)
    time.sleep(seconds)
    return page.evaluate("() => window.__changes") / seconds


def live(seconds: float) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, start_server, stop_server, wait_for_app

    proc, base = start_server()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            pg_page = context.new_page()
            pg_page.goto(base + "/Playground?dataset=spiral")
            wait_for_app(pg_page)
            pg_page.wait_for_selector(".st-key-pg_live canvas", timeout=120_000)
            pg_page.locator(".st-key-pg_play button >> nth=0").click()
            time.sleep(8)  # warm-up: the first ticks build the chart's spec
            alone = rate(pg_page, ".pgstatus h4", seconds)
            cmp_page = context.new_page()
            cmp_page.goto(base + "/Compare?dataset=spiral&b_optimizer=sgd")
            cmp_page.wait_for_selector(".st-key-cmp_live canvas", timeout=120_000)
            cmp_page.locator(".st-key-cmp_play button").click()
            time.sleep(8)
            # Both tabs measured over the same window (each observer counts on its own page).
            pg_page.evaluate(COUNT_CHANGES, ".pgstatus h4")
            cmp_page.evaluate(COUNT_CHANGES, ".st-key-cmp_live p")
            time.sleep(seconds)
            with_compare = pg_page.evaluate("() => window.__changes") / seconds
            compare = cmp_page.evaluate("() => window.__changes") / seconds
            browser.close()
    finally:
        stop_server(proc)
    print(f"Playground updates/s alone: {alone:.2f} (reference)")
    print(f"Playground updates/s with a comparison training in another tab: {with_compare:.2f} "
          f"({with_compare / alone:.2f}x)")
    print(f"Compare page updates/s (two networks each): {compare:.2f} ({compare / alone:.2f}x)")


if __name__ == "__main__":
    memory()
    live(float(sys.argv[1]) if len(sys.argv) > 1 else 20.0)
