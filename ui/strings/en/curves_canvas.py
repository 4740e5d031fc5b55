"""English strings of the Playground's curves and picked-point bars (ui/curves_canvas.py)."""

STRINGS = {
    "curves_canvas.picked": "picked point",
    "curves_canvas.prediction": "prediction",
    "curves_canvas.target": "true value",
}
