"""The Playground's curves and the picked point's bars as one custom component (Streamlit components v2): drawn
on a canvas in the page (no iframe) from a small JSON dict per tick, sized from its column.

Why not the Vega row it replaces: redrawing a Vega view runs Vega's dataflow through its expression interpreter
(Streamlit runs Vega without `eval`) and re-lays out axes and legends at every tick, and its data went through
pandas -> Arrow on the server; here a tick sends ~5 kB of JSON and the browser draws a few polylines and rects in
the frame the data arrives in. It also takes its column's width (a ResizeObserver), where the Vega row was built
at a fixed size and scaled down by CSS.

Data per tick (`curves_data`): one panel per metric (loss; accuracy when the problem has it), each with the train
and test series as epoch/value lists (NaN epochs skipped, thinned to `max_points`), the y range and round ticks
(labels formatted here), the epoch axis, an optional epoch marker, and the picked point's bars
(`probability_bars` or `value_bars`). Hovering a curve shows the epoch and each series' value there.
"""

import math

import numpy as np

from ui.canvas_component import CanvasPart
from ui.chart_style import LINE_COLORS, class_color, display_name
from ui.curves import thinned_index
from ui.i18n import t
from ui.playground import CURVE_POINTS

SPLIT_COLORS = ("#0072B2", "#D55E00")  # train, test: the colours ui.curves gives them
SPLIT_DASHES = ([], [6, 3])

_BODY = r"""
  const tip = root.querySelector('.pgcurves-tip');
  const textW = (ctx, s) => ctx.measureText(s).width;
  // Where each panel goes: curves side by side, the bars beside them (or below them on a narrow column).
  const layout = (d, width) => {
    const f = d.font, gap = f;
    const row = Math.max(150, Math.min(d.height, Math.floor(window.innerHeight * d.max_vh)));
    const n = d.panels.length, k = d.bars ? d.bars.labels.length : 0;
    const stack = d.bars && width < d.stack_px;
    const barsW = !d.bars ? 0 : stack ? width : Math.round(Math.min(Math.max(width * 0.3, 11 * f), 24 * f));
    const curvesW = (stack || !d.bars ? width : width - barsW - gap);
    const each = (curvesW - gap * (n - 1)) / n;
    const boxes = d.panels.map((p, i) => ({kind: 'curve', panel: p, x: i * (each + gap), y: 0, w: each, h: row}));
    if (d.bars) {
      const barsH = stack ? Math.max(f * 5, k * f * 2 + f * 3.6) : row;
      boxes.push({kind: 'bars', x: stack ? 0 : curvesW + gap, y: stack ? row + gap : 0, w: barsW, h: barsH});
    }
    const H = Math.max(...boxes.map(b => b.y + b.h));
    return {boxes, W: width, H};
  };

  const legendWidth = (ctx, d) => {
    ctx.font = (d.font - 1) + 'px sans-serif';
    return d.names.reduce((w, name) => w + textW(ctx, name) + d.font * 2.4, 0);
  };
  // The legend sits at the right of the last panel's title row, or on a row of its own below the titles when
  // the panel is too narrow for both (then every curve panel starts one row lower, so their plots align).
  const legendRow = (ctx, d, b) => {
    ctx.font = 'bold ' + d.font + 'px sans-serif';
    return textW(ctx, b.panel.title) + d.font * 2 + legendWidth(ctx, d) > b.w ? 1 : 0;
  };
  const curvePlot = (ctx, d, b, rows) => {
    const f = d.font;
    ctx.font = (f - 1) + 'px sans-serif';
    const labelW = Math.max(...b.panel.ticks.map(([, s]) => textW(ctx, s)), f);
    const lastX = textW(ctx, d.x_ticks.length ? d.x_ticks[d.x_ticks.length - 1][1] : '') / 2 + 2;
    return {left: b.x + labelW + f * 0.6, right: b.x + b.w - Math.max(f * 0.7, lastX),
            top: b.y + f * (1.9 + 1.3 * rows), bottom: b.y + b.h - f * 2.9};
  };
  // Tick labels along a horizontal axis: every tick's, or every second's (third's...) when they would touch.
  const xLabels = (ctx, d, ticks, sx, y) => {
    for (let stride = 1; stride <= ticks.length; stride++) {
      const shown = ticks.filter((_, i) => i % stride === 0);
      let last = -Infinity, fits = true;
      for (const [v, s] of shown) {
        const x = sx(v), w = textW(ctx, s);
        if (x - w / 2 < last + d.font * 0.5) { fits = false; break; }
        last = x + w / 2;
      }
      if (fits || stride === ticks.length) { for (const [v, s] of shown) ctx.fillText(s, sx(v), y); return; }
    }
  };

  const nearest = (xs, e) => {  // index of the value in sorted `xs` nearest to e
    let lo = 0, hi = xs.length - 1;
    if (hi < 0) return -1;
    while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (xs[mid] < e) lo = mid; else hi = mid; }
    return Math.abs(xs[lo] - e) <= Math.abs(xs[hi] - e) ? lo : hi;
  };

  const drawCurves = (ctx, d, b, g, legend, rows) => {
    const f = d.font, p = b.panel;
    const [x0, x1] = d.x, [y0, y1] = p.y;
    const sx = (x) => g.left + (x - x0) / (x1 - x0) * (g.right - g.left);
    const sy = (y) => g.bottom - (Math.min(Math.max(y, y0), y1) - y0) / (y1 - y0) * (g.bottom - g.top);
    ctx.fillStyle = '#31333f'; ctx.textAlign = 'left'; ctx.textBaseline = 'alphabetic';
    ctx.font = 'bold ' + f + 'px sans-serif';
    ctx.fillText(p.title, b.x, b.y + f * 1.15);  // at the panel's edge, as legendRow measures it
    ctx.font = (f - 1) + 'px sans-serif';
    ctx.lineWidth = 1; ctx.setLineDash([]);
    for (const [v, s] of p.ticks) {  // horizontal grid lines and their labels
      const y = sy(v);
      ctx.strokeStyle = '#e6e6e6'; ctx.beginPath(); ctx.moveTo(g.left, y); ctx.lineTo(g.right, y); ctx.stroke();
      ctx.fillStyle = '#555555'; ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
      ctx.fillText(s, g.left - f * 0.4, y);
    }
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    for (const [v] of d.x_ticks) {
      const x = sx(v);
      ctx.strokeStyle = '#888888'; ctx.beginPath(); ctx.moveTo(x, g.bottom); ctx.lineTo(x, g.bottom + 4); ctx.stroke();
    }
    xLabels(ctx, d, d.x_ticks, sx, g.bottom + 5);
    ctx.fillStyle = '#31333f'; ctx.font = f + 'px sans-serif';
    ctx.fillText(d.x_title, (g.left + g.right) / 2, g.bottom + f * 1.55);
    ctx.strokeStyle = '#888888';
    ctx.beginPath(); ctx.moveTo(g.left, g.top); ctx.lineTo(g.left, g.bottom); ctx.lineTo(g.right, g.bottom); ctx.stroke();
    ctx.save();
    ctx.beginPath(); ctx.rect(g.left, g.top - 2, g.right - g.left + 2, g.bottom - g.top + 4); ctx.clip();
    ctx.lineWidth = d.line; ctx.lineJoin = 'round';
    p.series.forEach((s, i) => {
      if (!s.x.length) return;
      ctx.strokeStyle = d.colors[i]; ctx.setLineDash(d.dashes[i]);
      ctx.beginPath();
      for (let j = 0; j < s.x.length; j++) {
        const x = sx(s.x[j]), y = sy(s.y[j]);
        if (j) ctx.lineTo(x, y); else ctx.moveTo(x, y);
      }
      if (s.x.length === 1) { ctx.arc(sx(s.x[0]), sy(s.y[0]), d.line, 0, 2 * Math.PI); ctx.fillStyle = d.colors[i]; ctx.fill(); }
      ctx.stroke();
    });
    ctx.setLineDash([]);
    if (d.marker !== null && d.marker >= x0 && d.marker <= x1) {  // the epoch the timeline looks at
      ctx.strokeStyle = '#111111'; ctx.lineWidth = 2; ctx.setLineDash([5, 3]);
      ctx.beginPath(); ctx.moveTo(sx(d.marker), g.top); ctx.lineTo(sx(d.marker), g.bottom); ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.restore();
    if (d.empty) {
      ctx.fillStyle = '#666666'; ctx.font = f + 'px sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
      ctx.fillText(d.empty, (g.left + g.right) / 2, (g.top + g.bottom) / 2);
    }
    if (legend) {  // the series' names at the right of the last panel's title row
      ctx.font = (f - 1) + 'px sans-serif'; ctx.textBaseline = 'middle'; ctx.textAlign = 'left';
      let x = b.x + b.w;
      const y = b.y + f * (0.75 + 1.3 * rows);
      for (let i = d.names.length - 1; i >= 0; i--) {
        x -= textW(ctx, d.names[i]) + f * 2.4;
        ctx.strokeStyle = d.colors[i]; ctx.lineWidth = 3; ctx.setLineDash(d.dashes[i]);
        ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x + f * 1.6, y); ctx.stroke();
        ctx.setLineDash([]); ctx.fillStyle = '#31333f';
        ctx.fillText(d.names[i], x + f * 1.9, y);
      }
    }
    return {sx, sy};
  };

  const drawBars = (ctx, d, b) => {
    const f = d.font, bars = d.bars, k = bars.labels.length;
    ctx.fillStyle = '#31333f'; ctx.textAlign = 'left'; ctx.textBaseline = 'alphabetic';
    ctx.font = 'bold ' + f + 'px sans-serif';
    ctx.fillText(bars.title, b.x, b.y + f * 1.15);
    ctx.font = f + 'px sans-serif';
    const labelW = Math.min(Math.max(...bars.labels.map(s => textW(ctx, s))) + f * 0.6, b.w * 0.45);
    ctx.font = (f - 1) + 'px sans-serif';
    const lastX = textW(ctx, bars.ticks[bars.ticks.length - 1][1]) / 2 + 2;
    const top = b.y + f * 1.9, slot = Math.min((b.y + b.h - f * 1.6 - top) / k, f * 3.2);
    const g = {left: b.x + labelW, right: b.x + b.w - Math.max(f * 0.7, lastX), top, bottom: top + slot * k};
    const [v0, v1] = bars.domain;
    const sx = (v) => g.left + (Math.min(Math.max(v, v0), v1) - v0) / (v1 - v0) * (g.right - g.left);
    ctx.textAlign = 'center'; ctx.textBaseline = 'top'; ctx.lineWidth = 1;
    for (const [v] of bars.ticks) {
      const x = sx(v);
      ctx.strokeStyle = '#e6e6e6'; ctx.beginPath(); ctx.moveTo(x, g.top); ctx.lineTo(x, g.bottom); ctx.stroke();
    }
    ctx.fillStyle = '#555555';
    xLabels(ctx, d, bars.ticks, sx, g.bottom + 4);
    const barH = Math.min(slot * 0.72, f * 1.9);
    const base = sx(Math.min(Math.max(0, v0), v1));
    const labelFont = Math.min(f, Math.max(9, Math.floor(slot * 0.8)));
    for (let i = 0; i < k; i++) {
      const mid = g.top + slot * (i + 0.5), end = sx(bars.values[i]);
      ctx.fillStyle = bars.colors[i];
      ctx.fillRect(Math.min(base, end), mid - barH / 2, Math.max(Math.abs(end - base), 1), barH);
      ctx.font = labelFont + 'px sans-serif'; ctx.textBaseline = 'middle';
      ctx.fillStyle = '#31333f'; ctx.textAlign = 'right';
      ctx.fillText(bars.labels[i], g.left - f * 0.4, mid, labelW - f * 0.4);
      // The number beside its bar's end, else inside the bar, else on the bar's other side: never cut off.
      const text = bars.text[i], w = textW(ctx, text) + 6, lo = Math.min(base, end), hi = Math.max(base, end);
      if (hi + w <= b.x + b.w) {
        ctx.textAlign = 'left'; ctx.fillStyle = '#31333f'; ctx.fillText(text, hi + 4, mid);
      } else if (hi - lo >= w) {
        ctx.textAlign = 'right'; ctx.fillStyle = '#ffffff'; ctx.font = 'bold ' + labelFont + 'px sans-serif';
        ctx.fillText(text, hi - 4, mid);
      } else {
        ctx.textAlign = 'right'; ctx.fillStyle = '#31333f'; ctx.fillText(text, lo - 4, mid);
      }
    }
    ctx.strokeStyle = '#888888';
    ctx.beginPath(); ctx.moveTo(base, g.top); ctx.lineTo(base, g.bottom); ctx.stroke();
  };

  // The hover: each series' point nearest the pointer's epoch, ringed, and a tooltip with their numbers.
  const drawHover = (ctx, d, b, g, scale) => {
    const h = state.hover;
    if (!h || h.x < g.left - 4 || h.x > g.right + 4 || h.y < b.y || h.y > g.bottom) return null;
    const [x0, x1] = d.x, p = b.panel;
    const e = x0 + (Math.min(Math.max(h.x, g.left), g.right) - g.left) / (g.right - g.left) * (x1 - x0);
    let best = null;
    for (const s of p.series) {
      const j = nearest(s.x, e);
      if (j >= 0 && (best === null || Math.abs(s.x[j] - e) < Math.abs(best - e))) best = s.x[j];
    }
    if (best === null) return null;
    const lines = [d.x_title + ' ' + best];
    ctx.strokeStyle = '#bbbbbb'; ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(scale.sx(best), g.top); ctx.lineTo(scale.sx(best), g.bottom); ctx.stroke();
    p.series.forEach((s, i) => {
      const j = nearest(s.x, best);
      if (j < 0) return;
      const v = s.y[j];
      const shown = p.percent ? (v * 100).toFixed(1) + '%' : String(Number(v.toPrecision(4)));
      lines.push(d.names[i] + ' · ' + p.title + ': ' + shown + (s.x[j] !== best ? ' (' + d.x_title + ' ' + s.x[j] + ')' : ''));
      ctx.beginPath(); ctx.arc(scale.sx(s.x[j]), scale.sy(v), d.line + 2.5, 0, 2 * Math.PI);
      ctx.fillStyle = d.colors[i]; ctx.fill(); ctx.strokeStyle = '#ffffff'; ctx.lineWidth = 1.5; ctx.stroke();
    });
    return lines;
  };

  const draw = () => {
    const d = state.data;
    if (!d) return;
    const width = Math.max(200, Math.floor(host.getBoundingClientRect().width || 600));
    const {boxes, W, H} = layout(d, width);
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(W * dpr) || canvas.height !== Math.round(H * dpr)) {
      canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
      canvas.style.width = W + 'px'; canvas.style.height = H + 'px';
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);  // one per render: the benchmark counts renders by clearRect calls
    ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, W, H);
    const curves = boxes.filter(b => b.kind === 'curve');
    let lines = null;
    const rows = curves.length ? legendRow(ctx, d, curves[curves.length - 1]) : 0;
    curves.forEach((b, i) => {
      const g = curvePlot(ctx, d, b, rows);
      const scale = drawCurves(ctx, d, b, g, i === curves.length - 1, rows);
      lines = drawHover(ctx, d, b, g, scale) || lines;
    });
    for (const b of boxes) if (b.kind === 'bars') drawBars(ctx, d, b);
    if (lines) {
      tip.textContent = lines.join('\n');  // text, never HTML: class names may be a CSV's own
      tip.style.font = (d.font - 1) + 'px sans-serif';
      tip.style.display = 'block'; tip.classList.add('visible');
      const tw = tip.offsetWidth;
      const left = state.hover.x + 14 + tw > W ? state.hover.x - 14 - tw : state.hover.x + 14;
      tip.style.left = Math.max(0, left) + 'px'; tip.style.top = Math.max(0, state.hover.y - 10) + 'px';
    } else {
      tip.style.display = 'none'; tip.classList.remove('visible');
    }
    canvas.dataset.width = String(W);
  };
  state.draw = draw;
  if (!state.bound) {
    state.bound = true;
    const at = (event) => { const r = canvas.getBoundingClientRect(); return {x: event.clientX - r.left, y: event.clientY - r.top}; };
    canvas.addEventListener('pointermove', (event) => { state.hover = at(event); state.draw(); });
    canvas.addEventListener('pointerleave', () => { state.hover = null; state.draw(); });
  }
"""

_CSS = """
.pgcurves { width: 100%; line-height: 0; position: relative; }
.pgcurves canvas { display: block; }
.pgcurves-tip { display: none; position: absolute; pointer-events: none; white-space: pre; line-height: 1.35;
  background: rgba(255, 255, 255, 0.96); border: 1px solid #bbbbbb; border-radius: 3px; padding: 4px 7px;
  color: #31333f; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); z-index: 5; }
"""

PART = CanvasPart("curves", "pgcurves", _BODY, _CSS,
                  extra_html='<div class="pgcurves-tip" role="tooltip"></div>')


def _round(values) -> list[float]:
    """Numbers to 4 significant digits (what a tooltip shows; a 200 px curve needs fewer)."""
    return [float(f"{v:.4g}") for v in np.asarray(values, dtype=float)]


def _step(span: float, count: int) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `count` intervals over `span`."""
    raw = max(span, 1e-12) / count
    power = 10.0 ** math.floor(math.log10(raw))
    return next(power * f for f in (1, 2, 2.5, 5, 10) if power * f >= raw * 0.999)


def nice_axis(low: float, high: float, count: int = 4) -> tuple[float, float, list[float]]:
    """(low', high', ticks): the range widened to round numbers and the ticks on it, about `count` intervals."""
    if not (math.isfinite(low) and math.isfinite(high)):
        low, high = 0.0, 1.0
    if high <= low:
        high = low + (abs(low) or 1.0)
    step = _step(high - low, count)
    start, stop = math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step
    ticks = [float(f"{v:.10g}") for v in np.arange(start, stop + step / 2, step)]
    return ticks[0], ticks[-1], ticks


def _label(value: float, percent: bool = False) -> str:
    return f"{value:.0%}" if percent else f"{value:.6g}"


def probability_bars(probs, class_names, true_class: int | None = None) -> dict:
    """Bars of one example's class probabilities: probs (K,) in 0..1, one name per class (the true one gets
    a ✓), class colours, on a 0..1 axis."""
    probs = np.clip(np.asarray(probs, dtype=float).reshape(-1), 0.0, 1.0)
    return {
        "title": t("charts.probability"),
        "labels": [display_name(name) + (" ✓" if i == true_class else "") for i, name in enumerate(class_names)],
        "values": _round(probs), "text": [f"{p:.1%}" for p in probs],
        "colors": [class_color(i) for i in range(len(probs))],
        "domain": [0.0, 1.0], "ticks": [[v, _label(v, True)] for v in (0.0, 0.25, 0.5, 0.75, 1.0)],
    }


def value_bars(prediction: float, target: float, value_range: tuple[float, float]) -> dict:
    """A regression point: its prediction and its target as two bars from 0, on an axis over `value_range`
    (the data set's targets, so the scale stays put while training)."""
    lo, hi = min(value_range[0], 0.0, prediction, target), max(value_range[1], 0.0, prediction, target)
    low, high, ticks = nice_axis(lo, hi, 3)
    values = [float(prediction), float(target)]
    return {
        "title": t("curves_canvas.picked"),
        "labels": [t("curves_canvas.prediction"), t("curves_canvas.target")],
        "values": _round(values), "text": [f"{v:.4g}" for v in values],
        "colors": [LINE_COLORS[0], "#555555"],
        "domain": [low, high], "ticks": [[v, _label(v)] for v in ticks],
    }


def curves_data(history: dict, *, marker_epoch: int | None = None, bars: dict | None = None,
                presenter: bool = False, accuracy: bool | None = None, max_points: int = CURVE_POINTS) -> dict:
    """What the canvas draws, JSON-able (~5 kB for 4 series of 120 points).

    history: {"epoch": [...], "loss": [...], "val_loss": [...], "accuracy": [...], "val_accuracy": [...]}, one
    value per epoch (test values NaN where not evaluated: skipped). `accuracy`: draw its panel (None: when the
    history has any). `bars`: `probability_bars` or `value_bars` of the picked point, or None. Presenter mode:
    bigger type and lines, a taller row."""
    epochs = np.asarray(history.get("epoch", []), dtype=float)
    names = [t("common.train"), t("common.test")]
    if accuracy is None:
        accuracy = bool(history.get("accuracy") or history.get("val_accuracy"))
    panels = []
    for metric in ("loss", "accuracy") if accuracy else ("loss",):
        series = []
        for prefix in ("", "val_"):
            values = np.asarray(history.get(prefix + metric) or [], dtype=float)
            index = thinned_index(values, len(epochs), max_points)
            series.append({"x": [int(e) for e in epochs[index]], "y": _round(values[index])})
        percent = metric == "accuracy"
        if percent:
            low, high, ticks = 0.0, 1.0, [0.0, 0.25, 0.5, 0.75, 1.0]
        else:
            top = max((max(s["y"]) for s in series if s["y"]), default=1.0)
            low, high, ticks = nice_axis(0.0, top if top > 0 else 1.0)  # from zero, as the Vega chart had it
        panels.append({"title": t(f"common.{metric}"), "percent": percent, "y": [low, high],
                       "ticks": [[v, _label(v, percent)] for v in ticks], "series": series})
    last = max((s["x"][-1] for p in panels for s in p["series"] if s["x"]), default=0)
    x_high = max(float(last), 1.0)
    step = max(1.0, _step(x_high, 4))
    x_ticks = [float(v) for v in np.arange(0.0, x_high + 1e-9, step)]
    empty = not any(s["x"] for p in panels for s in p["series"])
    return {
        "panels": panels, "names": names, "colors": list(SPLIT_COLORS), "dashes": [list(d) for d in SPLIT_DASHES],
        "x": [0.0, x_high], "x_ticks": [[v, f"{v:.0f}"] for v in x_ticks], "x_title": t("common.epoch"),
        "marker": None if marker_epoch is None else int(marker_epoch),
        "empty": t("charts.no_epochs") if empty else None, "bars": bars,
        "font": 18 if presenter else 13, "line": 3.5 if presenter else 2.5,
        "height": 320 if presenter else 230, "max_vh": 0.45 if presenter else 0.4, "stack_px": 520,
    }

