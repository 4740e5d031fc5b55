"""The Playground's decision map as a custom component (Streamlit components v2): drawn on a canvas in the page
(no iframe) from the tick's arrays, sized from its container, and answering clicks with the clicked point in
data coordinates.

Why not the Vega chart: Vega gives no click coordinates (a point selection names a mark, and the map's marks are
whole gradient rows), and a Vega map is re-evaluated mark by mark by Vega's interpreter at each tick. Here one
`putImageData` of the r x r colours (scaled up smoothly by the canvas) plus a few hundred arcs draws the map, in
the same animation frame the data arrives in (nothing to decode, so no frame without the map).

Data per tick (`map_data`): the field's colours as base64 RGB bytes (row 0 at the top, i.e. the highest x2), the
plane's extent, the points (x, y, colour, test?) and the picked point. A click sets the trigger "click" to
{"x": x1, "y": x2}; the page's callback decides what it means (pick the nearest point, or add/remove one).
"""

import base64

import numpy as np
import streamlit as st

from ui.canvas_component import CanvasPart
from ui.chart_style import TEST_STROKE, TRAIN_STROKE

_BODY = r"""  if (!state.bound) {
    state.bound = true;
    canvas.addEventListener('click', (event) => {
      const d = state.data, g = state.geometry;
      if (!d || !g) return;
      const r = canvas.getBoundingClientRect();
      const px = event.clientX - r.left, py = event.clientY - r.top;
      if (px < g.left || px > g.left + g.size || py < g.top || py > g.top + g.size) return;
      const [x0, x1, y0, y1] = d.box;
      setTriggerValue('click', {x: x0 + (px - g.left) / g.size * (x1 - x0),
                                y: y1 - (py - g.top) / g.size * (y1 - y0)});
    });
  }
  const draw = () => {
    const d = state.data;
    if (!d) return;
    const width = Math.max(160, Math.floor(host.getBoundingClientRect().width || 300));
    const font = d.font || 13;
    const pad = {left: font * 2.2, bottom: font * 2.4, top: 4, right: 6};
    const tall = Math.floor(window.innerHeight * (d.max_vh || 0.6));
    const size = Math.max(120, Math.min(width - pad.left - pad.right, tall - pad.top - pad.bottom,
                                        d.max_px || 2000));
    const W = Math.ceil(pad.left + size + pad.right), H = Math.ceil(pad.top + size + pad.bottom);
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== W * dpr || canvas.height !== H * dpr) {
      canvas.width = W * dpr; canvas.height = H * dpr;
      canvas.style.width = W + 'px'; canvas.style.height = H + 'px';
    }
    state.geometry = {left: pad.left, top: pad.top, size};
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);  // one per render: the benchmark counts renders by clearRect calls
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, W, H);
    const [rows, cols] = d.res;
    const bytes = atob(d.rgb);
    const off = state.off || (state.off = document.createElement('canvas'));
    off.width = cols; off.height = rows;
    const octx = off.getContext('2d');
    const image = octx.createImageData(cols, rows);
    for (let i = 0, j = 0; i < rows * cols; i++, j += 3) {
      image.data[4 * i] = bytes.charCodeAt(j); image.data[4 * i + 1] = bytes.charCodeAt(j + 1);
      image.data[4 * i + 2] = bytes.charCodeAt(j + 2); image.data[4 * i + 3] = 255;
    }
    octx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, pad.left, pad.top, size, size);
    const [x0, x1, y0, y1] = d.box;
    const sx = (x) => pad.left + (x - x0) / (x1 - x0) * size;
    const sy = (y) => pad.top + (y1 - y) / (y1 - y0) * size;
    const p = d.points, radius = (d.mark || 3.5);
    for (let i = 0; i < p.x.length; i++) {
      ctx.beginPath();
      ctx.arc(sx(p.x[i]), sy(p.y[i]), radius, 0, 2 * Math.PI);
      ctx.fillStyle = d.palette[p.c[i]];
      ctx.fill();
      ctx.lineWidth = p.t[i] ? 1.5 : 1;
      ctx.strokeStyle = p.t[i] ? d.test_stroke : d.train_stroke;
      ctx.stroke();
    }
    if (d.picked) {
      ctx.beginPath();
      ctx.arc(sx(d.picked[0]), sy(d.picked[1]), radius * 2.6, 0, 2 * Math.PI);
      ctx.lineWidth = 2.5; ctx.strokeStyle = '#111111'; ctx.stroke();
    }
    ctx.strokeStyle = '#888888'; ctx.lineWidth = 1;
    ctx.strokeRect(pad.left, pad.top, size, size);
    ctx.fillStyle = '#31333f';
    ctx.font = font + 'px sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(d.axis[0], pad.left + size / 2, pad.top + size + font * 2.1);
    for (const [v, lo, hi, horizontal] of [[d.ticks_x, x0, x1, true], [d.ticks_y, y0, y1, false]]) {
      for (const tick of v) {
        if (horizontal) ctx.fillText(String(tick), sx(tick), pad.top + size + font * 1.05);
        else { ctx.save(); ctx.translate(pad.left - font * 0.35, sy(tick)); ctx.rotate(-Math.PI / 2);
               ctx.fillText(String(tick), 0, 0); ctx.restore(); }
      }
    }
    ctx.save(); ctx.translate(font * 0.9, pad.top + size / 2); ctx.rotate(-Math.PI / 2);
    ctx.fillText(d.axis[1], 0, 0); ctx.restore();
    canvas.style.cursor = d.mode === 'edit' ? 'crosshair' : 'pointer';
    canvas.dataset.size = String(size);
  };
  state.draw = draw;
"""

_CSS = ".pgmap { width: 100%; line-height: 0; } .pgmap canvas { display: block; }"

PART = CanvasPart("map", "pgmap", _BODY, _CSS)


def _ticks(low: float, high: float) -> list[float]:
    """About five round numbers inside (low, high)."""
    step = 10 ** np.floor(np.log10(max((high - low) / 4, 1e-12)))
    for factor in (1, 2, 5, 10):
        if (high - low) / (step * factor) <= 5:
            step *= factor
            break
    start = np.ceil(low / step) * step
    return [float(f"{v:.6g}") for v in np.arange(start, high, step)]


def map_data(rgb: np.ndarray, box_x, box_y, points_X, point_colors, is_test, palette, *, picked=None,
             axis_names=("x1", "x2"), mode: str = "pick", font: int = 13, mark: float = 3.5,
             max_vh: float = 0.6) -> dict:
    """What the canvas draws: colours `rgb` (r, c, 3) in [0, 1] with row 0 at the LOWEST x2 (as `ui.maps`
    makes them), the plane box_x x box_y, points (n, 2) with colour indices into `palette`, test flags."""
    pixels = np.clip(np.rint(np.asarray(rgb)[::-1] * 255), 0, 255).astype(np.uint8)
    points_X = np.asarray(points_X, dtype=float)
    return {
        "res": [int(pixels.shape[0]), int(pixels.shape[1])],
        "rgb": base64.b64encode(pixels.tobytes()).decode("ascii"),
        "box": [float(box_x[0]), float(box_x[1]), float(box_y[0]), float(box_y[1])],
        "points": {"x": np.round(points_X[:, 0], 4).tolist(), "y": np.round(points_X[:, 1], 4).tolist(),
                   "c": np.asarray(point_colors, dtype=int).tolist(),
                   "t": np.asarray(is_test, dtype=int).tolist()},
        "palette": list(palette), "picked": None if picked is None else [float(picked[0]), float(picked[1])],
        "axis": [str(a) for a in axis_names], "ticks_x": _ticks(*map(float, box_x)),
        "ticks_y": _ticks(*map(float, box_y)), "mode": mode, "font": font, "mark": mark, "max_vh": max_vh,
        "train_stroke": TRAIN_STROKE, "test_stroke": TEST_STROKE,
    }


def clicked(key: str) -> dict | None:
    """The point {"x", "y"} of the click that triggered this run, or None."""
    value = st.session_state.get(key)
    click = getattr(value, "click", None) if value is not None else None
    if click is None and isinstance(value, dict):
        click = value.get("click")
    if not isinstance(click, dict):
        return None
    try:
        return {"x": float(click["x"]), "y": float(click["y"])}
    except (KeyError, TypeError, ValueError):
        return None
