"""Every page opened by its own URL as the first request to a fresh server (a shared link, a bookmark).

Streamlit's `pages/` mode runs a deep-linked page without app.py, so each page must set itself up; a page
that only works after visiting home fails here. Screenshots go to artifacts/screenshots/page_<name>.png.
"""

import re
from pathlib import Path

import pytest

from tests.browser.conftest import screenshot, start_server, stop_server, wait_for_app, wait_for_charts
from ui.i18n import STRINGS, translate
from ui.pages import ROOT, page_files, page_name, url_path

ALL_PAGES = [ROOT / "app.py", *page_files()]
AREAS = sorted({key.split(".")[0] for key in STRINGS})
# t() shows a missing key as the key itself ("playground.lr"): such text on screen is a gap in ui/strings.
RAW_KEY = re.compile(r"\b(?:" + "|".join(map(re.escape, AREAS)) + r")\.[a-z_][a-z0-9_.]*[a-z0-9_]\b")


def _page_id(path: Path) -> str:
    return "home" if path.name == "app.py" else page_name(path)


def _title_key(path: Path) -> str | None:
    """The key the page passes to setup_page("<area>.title"), read from its source."""
    match = re.search(r"""setup_page\(\s*["']([\w.]+)["']""", path.read_text(encoding="utf-8"))
    return match.group(1) if match else None


@pytest.fixture
def fresh_server():
    proc, base = start_server()
    yield base
    stop_server(proc)


def open_deep_link(page, base: str, path: Path, lang: str) -> list[str]:
    """Open the page's own URL first thing; return the JavaScript errors the page raised."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    query = "?lang=zh" if lang == "zh" else ""
    page.goto(base + url_path(path) + query)
    wait_for_app(page)
    page.locator("h1").first.wait_for(timeout=30_000)
    wait_for_app(page)
    wait_for_charts(page)
    return errors


def check_page(page, path: Path, lang: str, errors: list[str]) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]').first.inner_text()
    title = page.locator("h1").first.inner_text().strip()
    key = _title_key(path)
    assert key is not None, f"{path.name} does not start with setup_page('<area>.title')"
    assert key in STRINGS, f"{path.name}: title key {key!r} is not in ui/strings"
    assert title == translate(key, lang)
    shown = page.locator('[data-testid="stMain"]').inner_text()
    assert not RAW_KEY.findall(shown), f"untranslated keys on {path.name}: {sorted(set(RAW_KEY.findall(shown)))}"
    assert not errors, errors


@pytest.mark.parametrize("path", ALL_PAGES, ids=_page_id)
def test_page_opens_by_its_own_url_on_a_fresh_server(page, fresh_server, path):
    errors = open_deep_link(page, fresh_server, path, "en")
    check_page(page, path, "en", errors)
    screenshot(page, f"page_{_page_id(path)}")


# Home and the first page in pages/ (the Playground) in Chinese: titles and text switch with ?lang=zh.
@pytest.mark.parametrize("path", ALL_PAGES[:2], ids=_page_id)
def test_page_opens_in_chinese_from_the_url(page, fresh_server, path):
    errors = open_deep_link(page, fresh_server, path, "zh")
    check_page(page, path, "zh", errors)
    # The language choice is a Chinese page, not just a Chinese title: CJK text beyond the h1.
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert len(re.findall(r"[\u4e00-\u9fff]", body)) > 20
    screenshot(page, f"page_{_page_id(path)}_zh")
