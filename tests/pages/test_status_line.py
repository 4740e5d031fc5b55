"""The Playground's status line: one [label, number] pair per figure (the live view keeps each pair on one line
and wraps between them: tests/browser/test_status_line.py)."""

from engine import Dense, Sequential
from ui.playground_view import status_parts


def test_the_status_line_has_each_number_with_its_label():
    model = Sequential([Dense(1, activation="sigmoid")], input_dim=2, seed=0)
    parts = status_parts(model, {"loss": 0.5, "val_loss": 0.25, "accuracy": 0.9, "val_accuracy": 0.875})
    assert [number for _, number in parts] == ["0", "0.5000", "0.2500", "90.0%", "87.5%"]
    assert [label for label, _ in parts][:3] == ["epoch", "train loss", "test loss"]
    assert [number for _, number in status_parts(model, {})] == ["0"]  # before the first epoch: the counter alone
