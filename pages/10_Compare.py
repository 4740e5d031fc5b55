"""Compare: two configurations side by side, from the same initial weights and data, trained in lockstep."""

from ui.setup import setup_page

setup_page("compare.title")

from ui.compare import compare_page  # noqa: E402

compare_page()
