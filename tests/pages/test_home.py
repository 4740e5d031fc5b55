"""Home page under AppTest: intro, one card linking to every page that exists, in English and Chinese."""

import pytest
from streamlit.testing.v1 import AppTest

from ui.i18n import TABLES, placeholders, translate
from ui.pages import ROOT, page_files, page_name, url_path

# Home texts from every area module (a page's card text may live in its own area, e.g. classroom.py).
HOME_STRINGS = {key: text for key, text in TABLES["en"].items() if key.startswith("home.")}

CARD_FIELDS = ("name", "what", "notes")


def run_home(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if lang:
        at.query_params["lang"] = lang
    return at.run()


@pytest.mark.parametrize("lang, title, intro_word", [("en", "Neural-network playground", "layer by layer"),
                                                     ("zh", "神经网络游乐场", "逐层搭建神经网络")])
def test_home_renders_title_intro_and_a_card_per_page(lang, title, intro_word):
    at = run_home(lang)
    assert not at.exception
    assert at.title[0].value == title
    assert intro_word in at.markdown[0].value
    open_label = "打开" if lang == "zh" else "Open"
    cards = [link for link in at.get("page_link") if link.proto.label == open_label]
    # One card per page file, in Streamlit's order, each linking to that page.
    assert [link.proto.page for link in cards] == [page_name(p) for p in page_files()]
    # Each card: the page's name as its heading, then an "Open" link to that page.
    headings = [h.value for h in at.subheader]
    for path in page_files():
        name = translate(f"home.page.{page_name(path)}.name", lang)
        assert any(h.endswith(" " + name) for h in headings), headings


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sidebar_lists_home_and_every_page_in_the_chosen_language(lang):
    at = run_home(lang)
    nav = at.sidebar.get("page_link")
    expected = [translate("home.nav_home", lang)]
    expected += [translate(f"home.page.{page_name(p)}.name", lang) for p in page_files()]
    assert [link.proto.label for link in nav] == expected
    assert [link.proto.page for link in nav][1:] == [page_name(p) for p in page_files()]


def test_every_page_in_the_folder_has_card_text_in_both_languages():
    for path in page_files():
        for field in CARD_FIELDS:
            key = f"home.page.{page_name(path)}.{field}"
            assert HOME_STRINGS[key].strip() and TABLES["zh"][key].strip(), (path, field)


def test_card_text_has_no_untranslated_chinese_slot():
    for key, english in HOME_STRINGS.items():
        chinese = TABLES["zh"][key]
        assert english.strip() and chinese.strip(), key
        # The same {placeholders} in both languages, so formatting never raises in one of them.
        assert placeholders(english) == placeholders(chinese), key


def test_notes_sections_show_under_the_cards():
    at = run_home("en")
    captions = [caption.value for caption in at.caption]
    for path in page_files():
        section = HOME_STRINGS[f"home.page.{page_name(path)}.notes"]
        assert f"Notes: {section}" in captions


@pytest.mark.parametrize("file_name, path", [
    ("app.py", "/"),
    ("pages/1_Playground.py", "/Playground"),
    ("pages/3_Demand_Case_Study.py", "/Demand_Case_Study"),
    ("pages/12 Two  words.py", "/Two_words"),
])
def test_url_paths_follow_streamlits_pages_convention(file_name, path):
    assert url_path(file_name) == path


def test_pages_are_listed_in_number_order():
    numbers = [int(p.name.split("_")[0]) for p in page_files() if p.name[0].isdigit()]
    assert numbers == sorted(numbers)
