STRINGS = {
    # The live network diagram drawn on a canvas (ui/diagram_canvas.py): hover and in-place editing.
    "dg.weight": "weight",
    "dg.edit_hint": "type a number, Enter sets it, Esc cancels",
}
