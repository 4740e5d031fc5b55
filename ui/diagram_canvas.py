"""The Playground's live network diagram as a custom component (Streamlit components v2): drawn on a canvas in
the page (no iframe) from the tick's numbers, sized from its column, and edited in place: a click on a link or a
neuron opens a number field at the click (its weight or bias), Enter sets it on the running model.

Why not the Vega diagram (`ui.diagram`): each tick re-encoded its frames (links, nodes, every node map's rows)
as Arrow and Vega re-evaluated them mark by mark; it gave no click position to float an editor at. Here a tick
sends the weights, biases and node maps' colours (base64 RGB bytes) and one JS call draws it all.

Data per tick (`diagram_data`): layer sizes, headings, labels, each Dense layer's W (n_in, units) row-major and
b (units,), optionally the indices of the links drawn (the strongest `MAX_LINKS`), node maps, the selected
neuron. Events (trigger "event"): {"neuron": [layer, unit]} (layer = index into model.layers), {"link": [layer,
from, unit]}, {"set": {"layer", "name": "W" | "b", "index": [from, unit] | [unit], "value"}}.
"""

import base64
import math

import numpy as np
import streamlit as st

from ui.canvas_component import CanvasPart
from ui.chart_style import NEGATIVE_COLOR, POSITIVE_COLOR, display_name
from ui.diagram import MAX_LINKS, node_map_colors
from ui.i18n import t

_BODY = r"""
  const tip = root.querySelector('.pgdiagram-tip');
  const fmt = (v) => Number(v).toFixed(4);
  const nodeName = (d, col, i) => col === 0 ? d.inputs[i]
    : col === d.sizes.length - 1 ? d.headings[col] + ': ' + d.outputs[i] : d.headings[col] + ' #' + (i + 1);
  const linkOf = (d, k) => {  // global link index (layers' W row-major, concatenated) -> [layer, from, unit]
    for (let l = 0; l < d.W.length; l++) {
      const n = d.W[l].length;
      if (k < n) { const units = d.sizes[l + 1]; return [l, Math.floor(k / units), k % units]; }
      k -= n;
    }
    return null;
  };
  const hit = (px, py) => {
    const d = state.data, g = state.geometry;
    if (!d || !g) return null;
    for (let col = 0; col < d.sizes.length; col++) {
      for (let i = 0; i < d.sizes[col]; i++) {
        const [cx, cy] = g.centre(col, i);
        if (Math.abs(px - cx) <= g.node / 2 + 2 && Math.abs(py - cy) <= g.node / 2 + 2) return {col, i};
      }
    }
    let best = null, bestDist = Infinity;
    for (const s of g.segments) {
      const dx = s.x2 - s.x1, dy = s.y2 - s.y1;
      const u = Math.max(0, Math.min(1, ((px - s.x1) * dx + (py - s.y1) * dy) / (dx * dx + dy * dy || 1)));
      const dist = Math.hypot(px - s.x1 - u * dx, py - s.y1 - u * dy) - s.width / 2;
      if (dist < bestDist) { bestDist = dist; best = s; }
    }
    return best && bestDist <= 4 ? {link: best.link} : null;
  };
  const describe = (d, h) => {
    if (h.link) {
      const [l, i, j] = h.link;
      return {text: nodeName(d, l, i) + ' \u2192 ' + nodeName(d, l + 1, j) + ': ' + d.words.weight + ' '
                    + fmt(d.W[l][i * d.sizes[l + 1] + j]),
              value: d.W[l][i * d.sizes[l + 1] + j], set: {layer: l, name: 'W', index: [i, j]}};
    }
    if (h.col === 0) return {text: nodeName(d, 0, h.i), value: null, set: null};
    return {text: nodeName(d, h.col, h.i) + ' (' + d.acts[h.col] + '): ' + d.words.bias + ' '
                  + fmt(d.b[h.col - 1][h.i]),
            value: d.b[h.col - 1][h.i], set: {layer: h.col - 1, name: 'b', index: [h.i]}};
  };
  const closeEditor = () => {
    if (state.editor) { state.editor.remove(); state.editor = null; }
  };
  const openEditor = (px, py, what) => {
    closeEditor();
    const input = document.createElement('input');
    input.type = 'text'; input.inputMode = 'decimal'; input.className = 'pgdiagram-edit';
    input.value = fmt(what.value);
    input.title = what.text + ' \u00b7 ' + state.data.words.hint;
    input.setAttribute('aria-label', what.text);
    input.style.left = Math.max(0, Math.min(px - 45, canvas.clientWidth - 96)) + 'px';
    input.style.top = Math.max(0, py - 14) + 'px';
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();  // Space, S, Z are the page's shortcuts: here they are typed
      if (event.key === 'Enter') {
        const value = Number(input.value.trim().replace(',', '.'));
        if (input.value.trim() !== '' && Number.isFinite(value)) {
          setTriggerValue('event', {set: {...what.set, value}});
        }
        closeEditor();
      } else if (event.key === 'Escape') {
        closeEditor();
      }
    });
    input.addEventListener('keyup', (event) => event.stopPropagation());
    input.addEventListener('blur', () => { if (state.editor === input) closeEditor(); });
    root.appendChild(input);
    state.editor = input;
    input.focus(); input.select();
  };
  if (!state.bound) {
    state.bound = true;
    canvas.addEventListener('click', (event) => {
      const d = state.data;
      const r = canvas.getBoundingClientRect();
      const px = event.clientX - r.left, py = event.clientY - r.top;
      const h = d && hit(px, py);
      if (!h) { closeEditor(); return; }
      const what = describe(d, h);
      if (h.link) setTriggerValue('event', {link: h.link});
      else if (h.col > 0) setTriggerValue('event', {neuron: [h.col - 1, h.i]});
      if (what.set) openEditor(px, py, what); else closeEditor();
    });
    canvas.addEventListener('mousemove', (event) => {
      const d = state.data;
      const r = canvas.getBoundingClientRect();
      const px = event.clientX - r.left, py = event.clientY - r.top;
      const h = d && hit(px, py);
      if (!h) { tip.style.display = 'none'; canvas.style.cursor = 'default'; return; }
      tip.textContent = describe(d, h).text;
      tip.style.display = 'block';
      tip.style.left = Math.min(px + 12, Math.max(0, canvas.clientWidth - tip.offsetWidth)) + 'px';
      tip.style.top = (py + 16) + 'px';
      canvas.style.cursor = 'pointer';
    });
    canvas.addEventListener('mouseleave', () => { tip.style.display = 'none'; });
  }
  const draw = () => {
    const d = state.data;
    if (!d) return;
    const width = Math.max(200, Math.floor(host.getBoundingClientRect().width || 300));
    const font = d.font, cols = d.sizes.length;
    const ctx = canvas.getContext('2d');
    ctx.font = 'bold ' + font + 'px sans-serif';
    const textW = (s) => ctx.measureText(s).width;
    const side = (labels) => Math.min(width * 0.22, Math.max(0, ...labels.map(textW)) + 8);
    const left = side(d.inputs) + 4, right = side(d.outputs) + 4;
    const colW = (width - left - right) / cols;
    // Headings wrapped to the column, so neighbours never run into each other (smaller type when a word alone
    // is wider than its column).
    const widest = Math.max(...d.headings.flatMap((title) => title.split(' ').map(textW)));
    const hf = Math.max(9, Math.min(font, Math.floor(font * (colW - 4) / (widest || 1))));
    ctx.font = 'bold ' + hf + 'px sans-serif';
    const headings = d.headings.map((title) => {
      const lines = [];
      for (const word of title.split(' ')) {
        if (lines.length && textW(lines[lines.length - 1] + ' ' + word) <= colW - 6) lines[lines.length - 1] += ' ' + word;
        else lines.push(word);
      }
      return lines;
    });
    const lineH = hf + 3;
    const titleH = Math.max(...headings.map((h) => h.length)) * lineH + font + 6;
    const legendH = font + 10;
    const tallest = Math.max(...d.sizes);
    const maxH = Math.min(d.max_height, Math.max(200, window.innerHeight * d.max_vh));
    const row = Math.min(d.row_px, (maxH - titleH - legendH) / tallest);
    const node = Math.max(4, Math.min(0.74 * row, 0.5 * colW));
    const H = Math.ceil(titleH + row * tallest + legendH), W = width;
    const centre = (col, i) => [left + colW * (col + 0.5), titleH + row * (i + (tallest - d.sizes[col]) / 2 + 0.5)];
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(W * dpr) || canvas.height !== Math.round(H * dpr)) {
      canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
      canvas.style.width = W + 'px'; canvas.style.height = H + 'px';
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);  // one per render: the benchmark counts renders by clearRect calls
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, W, H);
    // Links: colour = sign, width = |w| relative to the largest drawn (as the Vega diagram: 0.3 .. 7 px).
    const shown = d.links || null;
    let largest = 0;
    const each = (fn) => {
      if (shown) { for (const k of shown) { const l = linkOf(d, k); if (l) fn(l); } return; }
      for (let l = 0; l < d.W.length; l++) for (let i = 0; i < d.sizes[l]; i++) for (let j = 0; j < d.sizes[l + 1]; j++) fn([l, i, j]);
    };
    each(([l, i, j]) => { largest = Math.max(largest, Math.abs(d.W[l][i * d.sizes[l + 1] + j])); });
    const segments = [];
    ctx.globalAlpha = 0.8; ctx.lineCap = 'butt';
    each(([l, i, j]) => {
      const w = d.W[l][i * d.sizes[l + 1] + j];
      const [x1, y1] = centre(l, i), [x2, y2] = centre(l + 1, j);
      const lw = Math.max(0.3, d.link_px * Math.abs(w) / (largest || 1));
      const s = {x1: x1 + node / 2, y1, x2: x2 - node / 2, y2, width: lw, link: [l, i, j]};
      segments.push(s);
      ctx.beginPath(); ctx.moveTo(s.x1, s.y1); ctx.lineTo(s.x2, s.y2);
      ctx.lineWidth = lw; ctx.strokeStyle = w < 0 ? d.negative : d.positive; ctx.stroke();
    });
    ctx.globalAlpha = 1;
    if (d.link) {
      const s = segments.find((q) => q.link[0] === d.link[0] && q.link[1] === d.link[1] && q.link[2] === d.link[2]);
      if (s) {  // outlined in black, its own colour kept inside
        const w = d.W[s.link[0]][s.link[1] * d.sizes[s.link[0] + 1] + s.link[2]];
        ctx.beginPath(); ctx.moveTo(s.x1, s.y1); ctx.lineTo(s.x2, s.y2);
        ctx.lineWidth = s.width + 4; ctx.strokeStyle = '#111111'; ctx.stroke();
        ctx.lineWidth = Math.max(1.5, s.width); ctx.strokeStyle = w < 0 ? d.negative : d.positive; ctx.stroke();
      }
    }
    // Nodes: white squares, each neuron's map inside (one image of every map, cut into the nodes).
    let maps = null;
    if (d.maps) {
      const r = d.maps.res, total = d.sizes.reduce((a, b) => a + b, 0);
      const off = state.off || (state.off = document.createElement('canvas'));
      if (off.width !== r || off.height !== r * total) { off.width = r; off.height = r * total; }
      const octx = off.getContext('2d');
      const image = octx.createImageData(r, r * total);
      const bytes = atob(d.maps.rgb);
      for (let p = 0, q = 0; q < bytes.length; p += 4, q += 3) {
        image.data[p] = bytes.charCodeAt(q); image.data[p + 1] = bytes.charCodeAt(q + 1);
        image.data[p + 2] = bytes.charCodeAt(q + 2); image.data[p + 3] = 255;
      }
      octx.putImageData(image, 0, 0);
      maps = {off, r};
    }
    ctx.imageSmoothingEnabled = true;
    let n = 0;
    for (let col = 0; col < cols; col++) {
      for (let i = 0; i < d.sizes[col]; i++, n++) {
        const [cx, cy] = centre(col, i);
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(cx - node / 2, cy - node / 2, node, node);
        if (maps && d.maps.has[col]) ctx.drawImage(maps.off, 0, n * maps.r, maps.r, maps.r, cx - node / 2, cy - node / 2, node, node);
        ctx.lineWidth = 1.3; ctx.strokeStyle = '#444444';
        ctx.strokeRect(cx - node / 2, cy - node / 2, node, node);
      }
    }
    if (d.selected) {
      const [cx, cy] = centre(d.selected[0] + 1, d.selected[1]);
      ctx.lineWidth = 3; ctx.strokeStyle = '#111111';
      ctx.strokeRect(cx - node / 2 - 3.5, cy - node / 2 - 3.5, node + 7, node + 7);
    }
    // Labels: inputs left of their nodes, outputs right, every k-th when the rows are too close for each.
    ctx.fillStyle = '#31333f'; ctx.textBaseline = 'middle'; ctx.font = 'bold ' + font + 'px sans-serif';
    const every = Math.max(1, Math.ceil((font + 2) / row));
    for (const [col, labels, align, dx] of [[0, d.inputs, 'right', -node / 2 - 5], [cols - 1, d.outputs, 'left', node / 2 + 5]]) {
      ctx.textAlign = align;
      labels.forEach((label, i) => {
        if (i % every) return;
        const [cx, cy] = centre(col, i);
        ctx.fillText(label, cx + dx, cy);
      });
    }
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    headings.forEach((lines, col) => {
      const x = centre(col, 0)[0];
      ctx.font = 'bold ' + hf + 'px sans-serif'; ctx.fillStyle = '#31333f';
      lines.forEach((line, k) => ctx.fillText(line, x, 2 + k * lineH));
      ctx.font = (font - 2) + 'px sans-serif'; ctx.fillStyle = '#555555';
      ctx.fillText(d.acts[col], x, 4 + lines.length * lineH);
    });
    // Legend: the weights' colours.
    ctx.font = (font - 1) + 'px sans-serif'; ctx.textAlign = 'left'; ctx.textBaseline = 'middle';
    const ly = H - legendH / 2;
    let lx = Math.max(4, W / 2 - 90);
    ctx.fillStyle = '#31333f'; ctx.fillText(d.words.weights, lx, ly); lx += textW(d.words.weights) * 0.9 + 12;
    for (const [sign, color] of [['+', d.positive], ['\u2212', d.negative]]) {
      ctx.fillStyle = color; ctx.fillRect(lx, ly - 2, 18, 4); lx += 22;
      ctx.fillStyle = '#31333f'; ctx.fillText(sign, lx, ly); lx += 18;
    }
    state.geometry = {centre, node, segments};
    canvas.dataset.node = String(node);
    canvas.dataset.left = String(left); canvas.dataset.colw = String(colW); canvas.dataset.top = String(titleH);
    canvas.dataset.row = String(row);
  };
  state.draw = draw;
"""

_CSS = """
.pgdiagram { width: 100%; line-height: 0; position: relative; }
.pgdiagram canvas { display: block; }
.pgdiagram-tip { display: none; position: absolute; z-index: 3; pointer-events: none; white-space: nowrap;
  background: rgba(255, 255, 255, 0.95); border: 1px solid #bbbbbb; border-radius: 4px; padding: 3px 6px;
  font: 13px sans-serif; line-height: 1.3; color: #31333f; }
.pgdiagram-edit { position: absolute; z-index: 4; width: 92px; font: 14px sans-serif; line-height: 1.3;
  padding: 3px 5px; border: 2px solid #0072B2; border-radius: 4px; background: #ffffff; color: #111111; }
"""

PART = CanvasPart("diagram", "pgdiagram", _BODY, _CSS, extra_html='<div class="pgdiagram-tip"></div>')


def _node_rgb(node_maps, sizes) -> dict | None:
    """Every node's map as one base64 string of uint8 RGB, nodes in diagram order, each (r, r, 3) with row 0 at
    the top (the highest x2); columns without maps are zeros (`has` says which are drawn)."""
    if node_maps is None or all(m is None for m in node_maps):
        return None
    r = next(np.asarray(m).shape[2] for m in node_maps if m is not None)
    blocks, has = [], []
    for col, n in enumerate(sizes):
        maps = node_maps[col] if col < len(node_maps) else None
        has.append(maps is not None)
        if maps is None:
            blocks.append(np.zeros((n, r, r, 3)))
            continue
        blocks.append(np.stack(node_map_colors(maps, output=col == len(sizes) - 1))[:, ::-1])
    pixels = np.clip(np.rint(np.concatenate(blocks) * 255), 0, 255).astype(np.uint8)
    return {"res": int(r), "has": has, "rgb": base64.b64encode(pixels.tobytes()).decode("ascii")}


def diagram_data(model, feature_names, output_names, node_maps, selected=None, presenter: bool = False, *,
                 link=None, max_links: int = MAX_LINKS, max_height: int = 400) -> dict:
    """What the canvas draws (JSON-able): the network `model` (each Dense layer's W (n_in, units), b (units,)),
    the inputs' and outputs' names, `node_maps` per column (inputs first) None or (units, r, r) as
    `ui.diagram.unit_maps` returns, the selected neuron (layer, unit) ringed, the selected link (layer, from,
    unit) outlined. Beyond `max_links` weights only the largest |w| are drawn. `max_height` in CSS px."""
    sizes = [len(feature_names)] + [layer.units for layer in model.layers]
    W = [np.asarray(layer.W, dtype=float) for layer in model.layers]
    flat = np.concatenate([w.ravel() for w in W])
    shown = None
    if flat.size > max_links:
        # Too many lines to read or to redraw live: the strongest weights tell the story.
        shown = np.sort(np.argpartition(-np.abs(flat), max_links)[:max_links]).tolist()
    n_cols = len(sizes)
    headings = ([t("common.input_layer")] + [f"{t('common.hidden_layer')} {k}" for k in range(1, n_cols - 1)]
                + [t("common.output_layer")])
    valid = selected is not None and 0 <= selected[0] < len(model.layers) and 0 <= selected[1] < sizes[selected[0] + 1]
    valid_link = link is not None and 0 <= link[0] < len(W) and 0 <= link[1] < W[link[0]].shape[0] and (
        0 <= link[2] < W[link[0]].shape[1])
    return {
        "sizes": sizes, "acts": [""] + [str(layer.activation) for layer in model.layers], "headings": headings,
        "inputs": [str(name) for name in feature_names],
        "outputs": [display_name(name) for name in output_names] if output_names is not None else [
            str(i) for i in range(sizes[-1])],
        # Rounded: the tooltip and the editor show 4 decimals, and 6 keep the widths' ratios.
        "W": [_rounded(w.ravel()) for w in W], "b": [_rounded(np.asarray(layer.b, dtype=float)) for layer in model.layers],
        "links": shown, "maps": _node_rgb(node_maps, sizes),
        "selected": [int(selected[0]), int(selected[1])] if valid else None,
        "link": [int(v) for v in link] if valid_link else None,
        "font": 18 if presenter else 13, "row_px": 80 if presenter else 62, "link_px": 9 if presenter else 7,
        "max_height": int(max_height), "max_vh": 0.66 if presenter else 0.58,
        "positive": POSITIVE_COLOR, "negative": NEGATIVE_COLOR,
        "words": {"weight": t("dg.weight"), "bias": t("common.bias"), "weights": t("common.weights"),
                  "hint": t("dg.edit_hint")},
    }


def _rounded(values: np.ndarray) -> list[float]:
    # JSON has no NaN/inf: a diverged weight is drawn as 0 (the page says it diverged).
    return np.round(np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0), 6).tolist()


def event(key: str) -> dict | None:
    """The event that triggered this run, checked: {"neuron": (layer, unit)}, {"link": (layer, from, unit)} or
    {"set": (layer, "W" | "b", index tuple, value)}; None when absent or malformed (a forged message)."""
    value = st.session_state.get(key)
    raw = getattr(value, "event", None) if value is not None else None
    if raw is None and isinstance(value, dict):
        raw = value.get("event")
    if not isinstance(raw, dict):
        return None
    try:
        if "neuron" in raw:
            layer, unit = (int(v) for v in raw["neuron"])
            return {"neuron": (layer, unit)}
        if "link" in raw:
            layer, src, dst = (int(v) for v in raw["link"])
            return {"link": (layer, src, dst)}
        if "set" in raw:
            s = raw["set"]
            name, index, value = str(s["name"]), tuple(int(v) for v in s["index"]), float(s["value"])
            if name not in ("W", "b") or len(index) != (2 if name == "W" else 1) or not math.isfinite(value):
                return None
            return {"set": (int(s["layer"]), name, index, value)}
    except (KeyError, TypeError, ValueError):
        return None
    return None
