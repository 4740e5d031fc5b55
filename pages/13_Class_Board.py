"""Class board: a class's submissions ranked live by each challenge's metric, with links and a CSV download."""

from ui.setup import setup_page

setup_page("classroom.board_title")

from ui.classroom import board_panel

board_panel()
