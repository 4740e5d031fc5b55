"""The Playground's live view as one component (`ui.canvas_component`): the status line on top, the diagram and
the map side by side, the curves with the picked point's bars below. Every tick hands it one JSON dict.

`show_live(live)` draws a `ui.playground_view.LiveView`. When the map is a Vega chart (multi-label data, one
input) it cannot sit inside the component, so the same component is drawn three times around it: the status
line, then the diagram beside the Vega map in columns, then the curves.
"""

import streamlit as st

from ui import hands_on
from ui.canvas_component import CanvasPart, canvas_view
from ui.curves_canvas import PART as CURVES
from ui.diagram_canvas import PART as DIAGRAM
from ui.map_canvas import PART as MAP

# The status line: "label **number**" pairs (each kept on one line) and notes, set as text (a CSV's label names
# are the user's own: never HTML).
_STATUS_BODY = r"""
  state.draw = () => {
    const d = state.data;
    const key = JSON.stringify(d);
    if (state.key === key) return;
    state.key = key;
    const h = document.createElement('h4');
    d.parts.forEach(([label, value], i) => {
      const part = document.createElement('span');
      part.className = 'pgstatus-part';
      part.append(label + ' ');
      const number = document.createElement('strong');
      number.textContent = value;
      part.appendChild(number);
      h.appendChild(part);
      if (i < d.parts.length - 1) h.append('\u00a0\u00a0\u00b7\u00a0 ');  // the one breakable space: after the dot
    });
    const notes = d.notes.map((line) => { const p = document.createElement('p'); p.textContent = line; return p; });
    root.replaceChildren(h, ...notes);
  };
"""

_STATUS_CSS = """
.pgstatus h4 { font-weight: 600; margin: 0; color: #31333f; line-height: 1.4; font-family: inherit; }
.pgstatus h4 strong { font-weight: 700; }
.pgstatus-part { white-space: nowrap; }
.pgstatus p { margin: 0 0 0.2rem 0; color: #808495; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  font-size: 0.95rem; }
"""

STATUS = CanvasPart("status", "pgstatus", _STATUS_BODY, _STATUS_CSS, canvas=False)

_LAYOUT = ('<div class="pgstatus-cell"></div>'
           '<div class="pgview-row"><div class="pgdiagram-cell"></div><div class="pgmap-cell"></div></div>'
           '<div class="pgcurves-cell"></div>')

# Two equal columns with Streamlit's small gap, one under the other on a phone (as st.columns stack).
_CSS = """
.pgview { display: flex; flex-direction: column; gap: 0.5rem; width: 100%; }
.pgview-row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
.pgview-one .pgview-row { grid-template-columns: minmax(0, 1fr); }
@media (max-width: 640px) { .pgview-row { grid-template-columns: minmax(0, 1fr); } }
"""

_component = canvas_view("playground_live_view", _LAYOUT, [STATUS, DIAGRAM, MAP, CURVES], _CSS)

def view_data(live, parts=("status", "diagram", "map", "curves")) -> dict:
    """The component's data for `live` (a LiveView): each part's dict, None for a part not drawn here."""
    data = {"status": live.status, "diagram": live.diagram, "map": live.map_data, "curves": live.curves}
    data = {name: (value if name in parts else None) for name, value in data.items()}
    data["layout"] = "one" if data["diagram"] is None or data["map"] is None else None
    return data


def _changed(frame: dict, last: dict) -> dict:
    """A frame's data without what it shares with the run's last data (the data points, names, layout): the
    component fills each part's missing keys from `last` (one level down), and the tick sends less.

    >>> _changed({"map": {"rgb": "a", "points": [1]}, "curves": None, "layout": None},
    ...          {"map": {"rgb": "b", "points": [1]}, "curves": {"x": 1}, "layout": None})
    {'map': {'rgb': 'a'}}
    """
    changed = {}
    for name, value in frame.items():
        if value is None or value == last.get(name):
            continue  # no such part in a frame (the curves), or the same as the last
        if isinstance(value, dict) and isinstance(last.get(name), dict):
            value = {key: item for key, item in value.items() if item != last[name].get(key)}
        changed[name] = value
    return changed


def show_live(live, *, vega_chart, frames=()) -> None:
    """Draw the live view; `vega_chart(figure, key)` draws a Vega map (multi-label data, one input).

    `frames`: LiveViews of the model earlier in this tick, oldest first, played back before `live`
    (`ui.canvas_component`); built with `curves=False`, they show the tick's last curves (a slow summary: a
    tick's epochs are a pixel of them). A Vega map cannot be played back, so with one only `live` is drawn."""
    key = hands_on.VIEW_KEY  # the diagram's events and the map's clicks come back under this key
    if live.map_data is not None or live.map_figure is None:
        data = view_data(live)
        if frames:
            data["frames"] = [_changed(view_data(frame), data) for frame in frames]
        _component(data=data, key=key, on_event_change=hands_on.on_diagram_event,
                   on_click_change=hands_on.on_map_click)
        return
    _component(data=view_data(live, ("status",)), key=key + "_status")
    left, right = st.columns([1, 1], gap="small")
    with left:
        _component(data=view_data(live, ("diagram",)), key=key, on_event_change=hands_on.on_diagram_event)
    with right, st.container(key="pg_map_vega"):
        vega_chart(live.map_figure, key="pg_map_chart")
    _component(data=view_data(live, ("curves",)), key=key + "_curves")
