"""Teacher: create a class, and make a class link with hidden and locked controls, a task and a goal."""

from ui.setup import setup_page

setup_page("classroom.teacher_title")

from ui.classroom import teacher_panel

teacher_panel()
