"""Home page journeys: from a card to a page, and a language choice that follows the learner across pages."""

import re

from tests.browser.conftest import screenshot, wait_for_app
from ui.i18n import translate
from ui.pages import page_files, page_name


def test_home_card_opens_its_page(page, server_url):
    page.goto(server_url)
    wait_for_app(page)
    page.get_by_role("heading", name="Neural-network playground").wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0
    first = page_name(page_files()[0])
    cards = page.locator('[class*="st-key-home_card_"]')
    assert cards.count() == len(page_files())
    screenshot(page, "home")
    page.locator(f".st-key-home_card_{first} a").click()
    page.wait_for_url(re.compile(rf"/{first}$"))
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_chinese_chosen_on_home_stays_on_the_next_page(page, server_url):
    page.goto(server_url)
    wait_for_app(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("中文").click()
    page.get_by_role("heading", name="神经网络游乐场").wait_for()
    wait_for_app(page)
    assert "lang=zh" in page.url
    target = page_files()[-1]
    label = translate(f"home.page.{page_name(target)}.name", "zh")
    # The sidebar lists the pages in Chinese; following one keeps the language.
    page.locator('[data-testid="stSidebar"] a', has_text=label).click()
    page.wait_for_url(re.compile(rf"/{page_name(target)}(\?|$)"))
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    title = page.locator("h1").first.inner_text()
    assert re.search(r"[\u4e00-\u9fff]", title), title
    assert page.locator('[data-testid="stSidebar"] a', has_text=translate("home.nav_home", "zh")).count() == 1
