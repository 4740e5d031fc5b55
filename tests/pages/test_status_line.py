"""The Playground's status line keeps each "label number" together (a narrow screen wraps between them)."""

import re

from engine import Dense, Sequential
from ui.playground_view import STATUS_SEPARATOR, status_line


def test_the_status_line_breaks_only_between_its_parts():
    model = Sequential([Dense(1, activation="sigmoid")], input_dim=2, seed=0)
    text = status_line(model, {"loss": 0.5, "val_loss": 0.25, "accuracy": 0.9, "val_accuracy": 0.875})
    assert text.startswith("#### ")
    parts = text[5:].split(STATUS_SEPARATOR)
    # One span per part, each with its number; the separator's only breakable space follows the dot.
    assert [re.fullmatch(r":gray\[[^\[\]]+ \*\*([^*]+)\*\*\]", p).group(1) for p in parts] == [
        "0", "0.5000", "0.2500", "90.0%", "87.5%"]
    assert STATUS_SEPARATOR.replace("&nbsp;", "").count(" ") == 1 and STATUS_SEPARATOR.endswith(" ")
