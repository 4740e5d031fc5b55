"""Chinese strings of the Playground's curves and picked-point bars (ui/curves_canvas.py)."""

STRINGS = {
    "curves_canvas.picked": "选中的样本",
    "curves_canvas.prediction": "预测值",
    "curves_canvas.target": "真实值",
}
