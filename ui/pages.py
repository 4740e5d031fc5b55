"""The app's pages as Streamlit's `pages/` mode sees them: files, order and URL paths.

Used by the home page (a card per page that exists) and by the browser tests (open every page by its URL).
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES_DIR = ROOT / "pages"
# Streamlit's own rule (streamlit/source_util.py): an optional number prefix orders the page,
# the rest of the file name (spaces/underscores folded to "_") is its URL path.
_PAGE_FILE = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


def page_name(path: Path | str) -> str:
    """`pages/3_Demand_Case_Study.py` -> `Demand_Case_Study` (its URL path without the slash)."""
    match = _PAGE_FILE.fullmatch(Path(path).name)
    if match is None:
        raise ValueError(f"{path} is not a page file")
    return re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)


def url_path(path: Path | str) -> str:
    """The URL path Streamlit serves a page at: `/` for app.py, `/Playground` for pages/1_Playground.py."""
    return "/" if Path(path).name == "app.py" else "/" + page_name(path)


def _order(path: Path) -> tuple[float, str]:
    number = _PAGE_FILE.fullmatch(path.name).group(1)
    return (float(number) if number else float("inf"), page_name(path).lower())


def page_files() -> list[Path]:
    """Every `pages/*.py` that exists right now, in the order Streamlit lists them (its number prefix)."""
    if not PAGES_DIR.is_dir():
        return []
    files = (p for p in PAGES_DIR.glob("*.py") if not p.name.startswith(".") and p.name != "__init__.py")
    return sorted(files, key=_order)


# Streamlit's bundled Material icons: they render the same everywhere (emoji need an emoji font).
PAGE_ICONS = {
    "home": "home", "Playground": "science", "One_Neuron": "radio_button_checked",
    "Demand_Case_Study": "checkroom", "Forward_Pass": "arrow_forward", "Activations": "show_chart",
    "Softmax": "bar_chart", "Multi_Label": "label", "Optimizers": "speed", "Digits": "pin",
    "Compare": "compare",
    "Challenges": "flag", "Teacher": "school", "Class_Board": "leaderboard",
}


def page_icon(name: str) -> str:
    """`:material/...:` icon of a page by its URL name ("home" for app.py)."""
    return f":material/{PAGE_ICONS.get(name, 'article')}:"


def page_label(name: str) -> str:
    """A page's name in the current language (from ui/strings/home.py), or its file name for a new page."""
    from ui.i18n import STRINGS, t

    key = f"home.page.{name}.name"
    return t(key) if key in STRINGS else name.replace("_", " ")


def sidebar_nav(container) -> None:
    """Links to home and every page, in order and in the current language, drawn into `container`.

    Replaces Streamlit's own page list (`client.showSidebarNavigation = false`), which names the home page
    "app" after its file and only speaks English.
    """
    from streamlit.errors import StreamlitPageNotFoundError

    from ui.i18n import t

    links = [("app.py", t("home.nav_home"), page_icon("home"))]
    links += [(p.relative_to(ROOT).as_posix(), page_label(page_name(p)), page_icon(page_name(p)))
              for p in page_files()]
    try:
        for target, label, icon in links:
            container.page_link(target, label=label, icon=icon)
    except StreamlitPageNotFoundError:
        # AppTest.from_file("pages/...") runs one page without a page registry: no links to draw.
        return
    container.divider()
