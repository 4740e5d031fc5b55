"""The frame shared by the Playground's canvas views (map, diagram, curves): one components v2 component each,
inline in the page's DOM (no iframe, no shadow root), drawn from the data of every run.

`canvas_component(name, css_class, body_js, css, extra_html)` wraps `body_js`, which sees `data`,
`setTriggerValue`, `root` (the component's element), `canvas`, `host` (the column it sizes from) and `state` (kept
on `root` across runs), and must set `state.draw`. The wrapper makes the element once (later runs only hand it
new data, so the canvas is never remounted), calls `state.draw()` for every run, and redraws on resize.
"""

import streamlit as st

_PRELUDE = """
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let root = parentElement.querySelector('.%(cls)s');
  if (!root) {
    root = document.createElement('div');
    root.className = '%(cls)s';
    root.innerHTML = '<canvas></canvas>%(extra)s';
    parentElement.appendChild(root);
  }
  const canvas = root.querySelector('canvas');
  const host = parentElement.host || parentElement;
  // Kept on the element: the function runs again at every tick; listeners, observers, an open editor must not.
  const state = root.__state || (root.__state = {});
  state.data = data;
"""

_EPILOGUE = """
  state.draw();
  if (!state.observer) {
    state.observer = new ResizeObserver(() => state.draw());
    state.observer.observe(host);
    window.addEventListener('resize', () => state.draw());
  }
}
"""


def canvas_component(name: str, css_class: str, body_js: str, css: str, extra_html: str = ""):
    """A components v2 component drawing `body_js`'s `state.draw` on a canvas inside `<div class=css_class>`."""
    js = _PRELUDE % {"cls": css_class, "extra": extra_html} + body_js + _EPILOGUE
    # Not in a shadow root: the canvas stays in the page's DOM, where browser tests and the benchmark find it.
    return st.components.v2.component(name, js=js, css=css, isolate_styles=False)
