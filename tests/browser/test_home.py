from tests.browser.conftest import screenshot, wait_for_app


def test_home_page_renders_without_error(page, server_url):
    page.goto(server_url)
    wait_for_app(page)
    page.get_by_text("Neural-network playground").first.wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "home")
