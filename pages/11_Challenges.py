"""Challenges: exercises with a goal and budgets, each opened as a trimmed Playground."""

from ui.setup import setup_page

setup_page("classroom.challenges_title")

from ui.classroom import challenges_panel

challenges_panel()
