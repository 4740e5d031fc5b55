"""The Playground's row of popovers (share link, save run, model file) opens right of the open sidebar and
inside the viewport, at 1024x768 and 1280x720, in English and Chinese (ui.presenter's popover caps)."""

import pytest

from tests.browser.conftest import wait_for_app

BUTTONS = ".st-key-pg_keep [data-testid='stPopoverButton']"
BODY = "[data-testid='stPopoverBody']"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_popover_opens_beside_the_sidebar(page, server_url, lang):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{server_url}/Playground?dataset=spiral&lang={lang}")
    wait_for_app(page)
    for width, height in [(1024, 768), (1280, 720)]:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(400)
        sidebar = page.locator("[data-testid='stSidebar']")
        assert sidebar.is_visible()
        right_of_sidebar = sidebar.bounding_box()["x"] + sidebar.bounding_box()["width"]
        buttons = page.locator(BUTTONS)
        assert buttons.count() == 3
        boxes = []
        for i in range(3):
            buttons.nth(i).scroll_into_view_if_needed()
            buttons.nth(i).click()
            body = page.locator(BODY)
            body.wait_for(timeout=30_000)
            page.wait_for_timeout(300)  # Floating UI places the body in the next frames
            b = body.bounding_box()
            boxes.append((i, round(b["x"]), round(b["y"]), round(b["width"]), round(b["height"])))
            if i == 2:
                page.screenshot(path=f"artifacts/screenshots/playground_popover_{width}_{lang}.png")
            page.keyboard.press("Escape")
            body.wait_for(state="detached", timeout=30_000)
        bad = [box for box in boxes if not (box[1] >= right_of_sidebar and box[1] + box[3] <= width
                                            and box[2] >= 0 and box[2] + box[4] <= height)]
        assert not bad, (width, right_of_sidebar, boxes)
