STRINGS = {
    # 画在画布上的实时网络图（ui/diagram_canvas.py）：悬停显示数值，点击就地修改。
    "dg.weight": "权重",
    "dg.edit_hint": "输入一个数，回车确认，Esc 取消",
}
