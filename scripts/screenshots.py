"""Regenerate the README's screenshots from the running app: `.venv/bin/python scripts/screenshots.py`.

Starts `streamlit run app.py` on a free port (as the browser tests do), drives Debian's Chromium with
Playwright, waits for every chart to draw and, on pages with a Play button (the Playground), trains for a
few seconds and pauses first so the picture shows a trained decision boundary. Writes docs/screenshots/*.png.
Needs the test requirements (playwright) and /usr/bin/chromium.
"""

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import (  # noqa: E402
    CHROMIUM,
    full_height,
    start_server,
    stop_server,
    wait_for_app,
    wait_for_charts,
)

OUT = ROOT / "docs" / "screenshots"
PLAY = re.compile(r"^\W*(Play|Train|播放|训练)\b", re.IGNORECASE)
PAUSE = re.compile(r"^\W*(Pause|Stop|暂停|停止)\b", re.IGNORECASE)


# (file name, URL path and query, seconds of training before the picture, how much of the page:
#  None = the first screen, "full" = the whole page, a CSS selector = from the top down to that element's bottom)
SHOTS = [
    ("playground", "/Playground?dataset=spiral&hidden=8,8,6&acts=tanh,tanh,tanh&lr=0.01", 15, ".st-key-pg_live"),
    ("lesson_softmax", "/Softmax", 0, None),
    ("home", "/", 0, "full"),
    ("playground_zh", "/Playground?dataset=xor&lang=zh", 8, ".st-key-pg_live"),
]


def train_for(page, seconds: float) -> None:
    """Press Play, let it train, press Pause and wait for the final redraw.

    The Playground's button is found by its key (its label depends on the language and on the state: its text
    starts with the icon name, "play_arrow" or "pause"); other pages by a Play/Train label.
    """
    keyed = page.locator(".st-key-pg_play button >> nth=0")
    play = keyed if keyed.count() else page.get_by_role("button", name=PLAY).first
    play.click()
    time.sleep(seconds)
    if keyed.count():
        keyed.click()
        keyed.filter(has_text="play_arrow").wait_for(timeout=60_000)
    else:
        pause = page.get_by_role("button", name=PAUSE)
        if pause.count():
            pause.first.click()
    wait_for_app(page)


def take(page, base: str, name: str, path: str, train_seconds: float, extent: str | None) -> Path:
    page.goto(base + path)
    wait_for_app(page)
    page.locator("h1").first.wait_for(timeout=30_000)
    wait_for_charts(page)
    if train_seconds:
        train_for(page, train_seconds)
        wait_for_charts(page)
    time.sleep(1.0)  # Vega's last transition
    if page.locator('[data-testid="stException"]').count():
        print(f"warning: {name}: the page shows an error box", file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"{name}.png"
    if extent is None:
        page.screenshot(path=str(target))
    elif extent == "full":
        full_height(page, lambda: page.screenshot(path=str(target)))
    else:
        def clipped():
            box = page.locator(extent).first.bounding_box()
            width = page.viewport_size["width"]
            page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": width, "height": box["y"] + box["height"] + 24})
        full_height(page, clipped)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"only these shots (of {', '.join(s[0] for s in SHOTS)})")
    args = parser.parse_args()
    shots = [shot for shot in SHOTS if not args.names or shot[0] in args.names]
    failures = 0
    proc, base = start_server()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
            for name, path, seconds, extent in shots:
                context = browser.new_context(viewport={"width": 1440, "height": 1000})
                page = context.new_page()
                try:
                    print(take(page, base, name, path, seconds, extent).relative_to(ROOT))
                except Exception as exc:  # one broken page should not cost the other pictures
                    print(f"error: {name} ({path}): {exc}", file=sys.stderr)
                    failures += 1
                finally:
                    context.close()
            browser.close()
    finally:
        stop_server(proc)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
