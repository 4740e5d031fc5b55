"""The Playground's one-screen layout and presenter mode, as page CSS (one place for both).

One screen: the title, the controls, the diagram and the map fit 1024x768 and 1280x720 with the sidebar open
(tighter padding and title; the status line wraps between its parts, each "label number" kept on one line, see
`ui.live_canvas`). Presenter mode
(field "presenter", in the URL): no sidebar, larger type for the back row; the map and its points grow through
`ui.playground_view.map_canvas_data`.
"""

import streamlit as st

_ONE_SCREEN_CSS = """
[data-testid="stMainBlockContainer"] { padding-top: 3.4rem; padding-left: 1.5rem; padding-right: 1.5rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.4rem; padding: 0; line-height: 1.3; }
.st-key-pg_side [class*="st-key-pg_layer_"] { flex-wrap: nowrap !important; gap: 0.1rem; }
.st-key-pg_live h4 { font-size: 1.05rem; padding: 0.1rem 0; }
.st-key-pg_live [data-stale='true'] { opacity: 1 !important; transition: none !important; }
.st-key-pg_side [data-testid="stMarkdownContainer"] p { margin: 0; }
"""

# The row of popovers under the builder (share link, save run, model file), buttons stretched to fill the row. A popover opens below its button's left edge, or, when it would pass the viewport's right edge,
# ends at its button's right edge (Floating UI's flip, then a shift back into the viewport): Streamlit lets the
# body grow to 704 px, which from the middle or right button at 1024 px reached over the sidebar. With these
# caps each opens right of the sidebar at 1024 px and wider (tests/browser/test_popovers.py): the first and the
# last are at most 40rem (the first starts at the row's left, the last ends at its right), the middle one
# (save run, a caption and a button) at most 25rem, which fits between its button's left and the viewport's edge.
_POPOVER_CSS = """
[data-testid="stPopoverBody"] { max-width: min(40rem, calc(100vw - 2rem)) !important; }
[data-testid="stPopoverBody"]:has(.st-key-cls_save_body) { max-width: 25rem !important; }
"""

_PRESENTER_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"]
  { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-top: 0.8rem; }
[data-testid="stHeader"], [data-testid="stMainBlockContainer"] h1 { display: none; }
.st-key-pg_live h4 { font-size: 1.6rem; }
.st-key-pg_live .pgstatus p { font-size: 1.2rem; }
.st-key-pg_controls button p, .st-key-pg_side p { font-size: 1.25rem; }
"""


def layout_css(presenter: bool) -> None:
    """The Playground's layout rules (and presenter mode's, when on) as one style element."""
    st.html("<style>" + _ONE_SCREEN_CSS + _POPOVER_CSS + (_PRESENTER_CSS if presenter else "") + "</style>")
