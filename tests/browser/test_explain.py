"""The Playground's "Explain one step" in Chromium: open the panel, walk the slow-motion step
through its four phases with Next (each phase highlighted, its diagram and numbers drawn) and back with Back."""

from tests.browser.conftest import screenshot, wait_for_app

PHASE_TEXT = {  # what each phase shows beside its diagram
    "forward": "a = sigmoid(z)",  # the output neuron's equation
    "loss": "L = −(y·log a + (1 − y)·log(1 − a))",
    "backward": "dL/dz = ",
    "update": "→",
}


def key(name: str) -> str:
    return ".st-key-" + name.replace(".", "-")


def selected_phase(page) -> str:
    """The label of the highlighted phase button (the segmented control's checked radio)."""
    return page.locator(f"{key('ex.view')} button[aria-checked='true']").inner_text()


def test_the_slow_motion_step_walks_forward_loss_backward_update(page, server_url):
    page.goto(f"{server_url}/Playground?dataset=xor&hidden=3&acts=tanh")
    wait_for_app(page)
    page.locator(f"{key('ex.open')} label").click()
    wait_for_app(page)
    panel = page.locator(key("ex_panel"))
    panel.wait_for()
    assert page.locator(f"{key('ex.neuron')} input").input_value().startswith("output layer")  # the default

    labels = []
    for number, phase in enumerate(("forward", "loss", "backward", "update"), start=1):
        labels.append(selected_phase(page))
        assert labels[-1].startswith(f"{number}."), labels
        assert page.locator(f"{key('ex_diagram')} canvas").count() == 1  # the phase's diagram is drawn
        assert PHASE_TEXT[phase] in panel.inner_text(), (phase, panel.inner_text()[:400])
        if phase == "backward":
            # The links are coloured by the gradient: the legend says dL/dw.
            assert "dL/dw" in page.locator(key("ex_gradients")).inner_text()
        if phase == "backward":
            screenshot(page, "explain_backward")
        next_button = page.locator(f"{key('ex.next')} button")
        if phase == "update":
            assert next_button.is_disabled()
        else:
            next_button.click()
            wait_for_app(page)
    assert labels == ["1. Forward pass", "2. Loss", "3. Backward pass", "4. Update"]
    assert "effective learning rate" in panel.inner_text() or "lr_eff" in panel.inner_text()

    page.locator(f"{key('ex.back')} button").click()
    wait_for_app(page)
    assert selected_phase(page) == "3. Backward pass"
    assert not page.locator("[data-testid='stException']").count()
