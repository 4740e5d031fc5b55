"""Server memory after a corpus of hostile input driven through the real Playground in Chromium.

    .venv/bin/python benchmarks/bench_hostile_memory.py [--contexts 5] [--rounds 2] [--port 8613]

Starts `streamlit run app.py` on --port and one Chromium. Reference: the server's VmRSS (/proc/<pid>/status)
after one clean session opened the default Playground and closed. Then, per round, --contexts browser contexts
(one Streamlit session each) each drive the whole corpus: hostile links (5,000-item lists, huge numbers, HTML
and Markdown in fields, unknown names), hostile CSV uploads (a 1.5 MB cell, ~1e300 values, infinities, too
many rows, ragged, text, the tests' bad tables) and hostile model files (a 4,096-unit layer, 8 x 350 units,
truncated JSON, NaN weights). VmRSS is read with the contexts open, and again 10 s after they close. Every
figure is reported as a ratio to the reference; a second round that adds about nothing to the first shows the
memory is bounded (what stays is Python's and the allocator's high-water mark, not a growing per-session cache).
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from engine import Dense, Sequential  # noqa: E402
from engine.serialization import dumps  # noqa: E402
from tests.browser.conftest import CHROMIUM, wait_for_app  # noqa: E402

MANY = ",".join(["x1"] * 5000)
LINKS = [
    f"features={MANY}", "features=x1,x1", f"hidden={','.join(['4'] * 5000)}", "hidden=4096,4096",
    "hidden=64,64,64,64,64,64,64,64&acts=relu", "n_points=100000000", "n_points=-5&noise=1e308",
    "lr=nan&batch=0", "dataset=../../etc/passwd", "dataset=<script>alert(1)</script>",
    "acts=" + ",".join(["tanh"] * 3000), "lang=xx&presenter=maybe", "features=" + "x" * 100_000,
    "run=" + "a" * 5000, "dataset=blobs&classes=999999", "seed=99999999999999999999999",
]


def hostile_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(CSV files, model files) written to `folder`; the tests' bad tables are used as they are."""
    csvs = sorted((ROOT / "tests" / "data").glob("*.csv"))
    big = folder / "big_cell.csv"
    big.write_text("x1,x2,label\n" + "1,2," + "a" * 1_500_000 + "\n3,4,b\n")
    notes = folder / "notes_column.csv"
    notes.write_text("x1,x2,notes,label\n" + "".join(f"{i},{i},{'n' * 140_000 if i == 0 else 'ok'},{i % 2}\n"
                                                     for i in range(20)))
    wide = folder / "wide.csv"
    wide.write_text(",".join(f"c{j}" for j in range(5000)) + "\n" + ",".join("1" for _ in range(5000)) + "\n")
    models = []
    for name, units in (("wide_layer", [4096]), ("deep", [350] * 8)):
        model = Sequential([*(Dense(u, activation="tanh") for u in units), Dense(1, activation="sigmoid")],
                           input_dim=2, seed=0)
        path = folder / f"{name}.json"
        path.write_text(dumps(model))
        models.append(path)
    text = models[0].read_text()
    truncated = folder / "truncated.json"
    truncated.write_text(text[: len(text) // 2])
    nan = folder / "nan.json"
    nan.write_text(json.dumps({"format": "nn-playground-model", "layers": [{"units": 1, "weights": [[float("nan")]]}]}))
    return csvs + [big, notes, wide], models + [truncated, nan]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def start_server(port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not start")


def each(pages, action) -> int:
    """`action(page)` on every session, then wait for all to finish (the sessions run at once on the server);
    returns how many pages show a Python traceback."""
    for page in pages:
        action(page)
    for page in pages:
        wait_for_app(page, timeout_ms=180_000)
    return sum(page.locator('[data-testid="stException"]').count() for page in pages)


def open_model_popover(page) -> None:
    button = page.locator(".st-key-pg_keep [data-testid='stPopoverButton']").last
    button.scroll_into_view_if_needed()
    button.click()


def drive_corpus(pages, base: str, csvs: list[Path], models: list[Path]) -> int:
    """Every hostile case through every session at once; returns the count of pages showing a traceback."""
    tracebacks = 0
    for query in LINKS:
        tracebacks += each(pages, lambda page, query=query: page.goto(f"{base}/Playground?{query}", wait_until="commit"))
    tracebacks += each(pages, lambda page: page.goto(f"{base}/Playground?dataset=upload", wait_until="commit"))
    for path in csvs:
        tracebacks += each(pages, lambda page, path=path: page.locator(
            '[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(path)))
    tracebacks += each(pages, lambda page: page.goto(f"{base}/Playground", wait_until="commit"))
    for path in models:
        def upload(page, path=path):
            open_model_popover(page)
            page.locator("[data-testid='stPopoverBody'] [data-testid='stFileUploaderDropzoneInput']").set_input_files(
                str(path))
        tracebacks += each(pages, upload)
        for page in pages:
            page.keyboard.press("Escape")
    return tracebacks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contexts", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--port", type=int, default=8613)
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    proc = start_server(args.port)
    rows = [("server started", rss_mb(proc.pid))]
    try:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
            csvs, models = hostile_files(Path(tmp))
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            each([context.new_page()], lambda page: page.goto(f"{base}/Playground"))
            context.close()
            time.sleep(10)
            reference = rss_mb(proc.pid)
            rows.append(("after one clean session (reference)", reference))
            for round_ in range(1, args.rounds + 1):
                contexts = [browser.new_context(viewport={"width": 1280, "height": 720}) for _ in range(args.contexts)]
                pages = [c.new_page() for c in contexts]
                started = time.monotonic()
                tracebacks = drive_corpus(pages, base, csvs, models)
                rows.append((f"round {round_}: {args.contexts} sessions after the corpus, open", rss_mb(proc.pid)))
                for c in contexts:
                    c.close()
                time.sleep(10)
                rows.append((f"round {round_}: 10 s after they closed", rss_mb(proc.pid)))
                print(f"round {round_}: {len(LINKS)} links, {len(csvs)} CSVs, {len(models)} model files per session, "
                      f"{tracebacks} tracebacks, {time.monotonic() - started:.0f} s", flush=True)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print("| | VmRSS (MB) | ratio to reference |\n|---|---:|---:|")
    for name, mb in rows:
        print(f"| {name} | {mb:.1f} | {mb / reference:.2f}x |")


if __name__ == "__main__":
    main()
