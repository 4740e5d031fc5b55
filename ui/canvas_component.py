"""The frame of the Playground's live view: ONE components v2 component, inline in the page's DOM (no iframe, no
shadow root), holding its parts (the status line, the diagram, the map, the curves), each drawn on its own
canvas from its slice of the data of every run.

Why one component and not one per view: every element of a fragment run costs the browser a React re-render of
the page for each message, and every component costs the server a mount; measured, one component for the view
gave 1.14-1.20x the updates/s of the status line plus three canvas components in columns (benchmarks/README.md).

A part is `CanvasPart(name, css_class, body_js, css, extra_html)`. Its `body_js` sees `data` (this run's
`data[name]`), `setTriggerValue`, `root` (the part's element), `canvas`, `host` (the cell it sizes from) and
`state` (kept on `root` across runs), and must set `state.draw`. The frame makes each part's element once (later
runs only hand it new data, so no canvas is ever remounted), hides a part whose data is None, calls
`state.draw()` for every run, and redraws on resize.

Playback: a run's data may hold `frames`, earlier states of the same view (each a dict like the data itself,
oldest first; what a frame lacks, a part or a key of one, is the run's own). The frame draws the first at once
and the rest, the run's own data last, evenly over 0.7 of the time the runs have been coming apart (smoothed,
within PLAYBACK_MS), so four frames a run look like four runs; a new run's data cancels what is left of the last
one's. Data without frames (paused, a click), or the same data handed over again, draws at once (never a replay
of states already shown).
"""

from dataclasses import dataclass

import streamlit as st


@dataclass(frozen=True)
class CanvasPart:
    """One part of the live view: its key in the data, its element's class, its drawing (see the module)."""

    name: str
    css_class: str
    body_js: str
    css: str
    extra_html: str = ""
    canvas: bool = True


PLAYBACK_MS = (30, 400)  # the time a run's frames are spread over: the measured gap between runs, within this

_PART = """
  (function () {
    const data = all[%(name)r] ?? null;
    const cell = view.querySelector('.%(cell)s');
    cell.style.display = data ? '' : 'none';
    if (!data) return;
    let root = cell.querySelector('.%(cls)s');
    if (!root) {
      root = document.createElement('div');
      root.className = '%(cls)s';
      root.innerHTML = '%(canvas)s%(extra)s';
      cell.appendChild(root);
    }
    const canvas = root.querySelector('canvas');
    const host = cell;
    // Kept on the element: the function runs again at every tick; listeners, observers, an open editor must not.
    const state = root.__state || (root.__state = {});
    state.data = data;
%(body)s
    state.draw();
    if (!state.observer) {
      state.observer = new ResizeObserver(() => state.draw());
      state.observer.observe(host);
      window.addEventListener('resize', () => state.draw());
    }
  })();
"""


def canvas_view(name: str, layout_html: str, parts: list[CanvasPart], css: str):
    """The component: `layout_html` (made once) has an element of class `<css_class>-cell` for every part."""
    js = ["export default function (component) {",
          "  const { data: all, parentElement, setTriggerValue } = component;",
          "  let view = parentElement.querySelector('.pgview');",
          "  if (!view) {",
          "    view = document.createElement('div'); view.className = 'pgview';",
          f"    view.innerHTML = {layout_html!r};",
          "    parentElement.appendChild(view);",
          "  }",
          "  const render = (all) => {",
          "  view.className = 'pgview' + (all.layout ? ' pgview-' + all.layout : '');"]
    for part in parts:
        js.append(_PART % {"name": part.name, "cell": part.css_class + "-cell", "cls": part.css_class,
                           "canvas": "<canvas></canvas>" if part.canvas else "", "extra": part.extra_html,
                           "body": part.body_js})
    low, high = PLAYBACK_MS
    js.append(f"""  }};
  const play = view.__play || (view.__play = {{ timers: [], last: null, gap: null }});
  play.timers.forEach(clearTimeout);
  play.timers = [];
  const frames = all.frames || [];
  // The same run's data again (a re-render of the page): its last state, not a replay of older ones.
  const id = JSON.stringify(all.status) + '/' + frames.length;
  if (!frames.length || id === play.id) {{ play.last = frames.length ? play.last : null; render(all); return; }}
  play.id = id;
  const now = performance.now();
  if (play.last !== null) {{
    const gap = Math.min(Math.max(now - play.last, {low}), {high});
    play.gap = play.gap === null ? gap : play.gap + 0.3 * (gap - play.gap);
  }}
  play.last = now;
  // What a frame does not hold is the run's own (ui.live_canvas._changed), one level down.
  const filled = (frame) => {{
    const out = {{ ...all }};
    for (const [name, value] of Object.entries(frame)) {{
      const own = all[name];
      out[name] = value && own && typeof value === 'object' && !Array.isArray(value) ? {{ ...own, ...value }} : value;
    }}
    return out;
  }};
  const sequence = [...frames.map(filled), all];
  // Over 0.7 of the gap: a late timer (the main thread busy with the next run) must not be cancelled by it.
  const step = 0.7 * (play.gap ?? 100) / sequence.length;
  render(sequence[0]);
  sequence.slice(1).forEach((frame, i) => play.timers.push(setTimeout(() => render(frame), step * (i + 1))));
}}""")
    # Not in a shadow root: the canvases stay in the page's DOM, where browser tests and the benchmark find them.
    return st.components.v2.component(name, js="\n".join(js), css=css + "".join(p.css for p in parts),
                                      isolate_styles=False)
