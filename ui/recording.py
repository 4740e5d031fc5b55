"""Recordings for a slide: an animated GIF of the boundary forming (one frame per checkpoint shown, epoch and loss
stamped on each) and a PNG of the current view (map and loss curve), drawn with NumPy and Pillow from the model
on the map's grid (no browser, no chart library).

Nothing here reads st.session_state: the page passes the model, the data and the texts, so a deferred download
can render after the run that offered it.
"""

import io
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ui import playground as pg
from ui.chart_style import class_color, hex_to_rgb
from ui.maps import field_colors
from ui.playground_view import class_probabilities

MAP_SIZE = 480  # pixels: readable on a slide, a few MB at most as a 60-frame GIF
HEADER = 64  # the stamp's band above the map
GIF_FRAMES = 60  # at most this many checkpoints become frames
FRAME_MS = 150
LAST_FRAME_MS = 1500  # the finished boundary stays a moment before the loop starts again
_FONTS = (  # Latin first, then CJK (the Chinese stamp); Pillow's own font when none is installed
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)


def _font(size: int, text: str):
    """A font that can draw `text`: a CJK one for Chinese, else DejaVu, else Pillow's default."""
    wide = any(ord(ch) > 0x2E7F for ch in text)
    for path in _FONTS:
        if Path(path).exists() and (not wide or "CJK" in path):
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def map_rgb(model, data: "pg.DataBundle", discretize: bool = False) -> np.ndarray:
    """The model's map on the data's grid as colours (r, r, 3) in [0, 1], row 0 at the lowest x2 (as the
    live map: probabilities, the winning class, or the predicted value)."""
    r = pg.MAP_RESOLUTION
    out = model.predict_proba(data.grid)
    problem = data.ds.problem
    if problem == "regression":
        y = data.ds.y
        return field_colors(out[:, 0].reshape(r, r), "regression", value_domain=(float(y.min()), float(y.max())),
                            discretize=discretize)
    if problem == "multilabel":  # the first label's probability
        return field_colors(np.clip(out[:, 0], 0, 1).reshape(r, r), "single", discretize=discretize,
                            color=class_color(0))
    if out.shape[1] == 1:
        return field_colors(np.clip(out[:, 0], 0, 1).reshape(r, r), "binary", discretize=discretize)
    return field_colors(class_probabilities(out).reshape(r, r, out.shape[1]), "softmax", discretize=discretize)


def map_image(model, data: "pg.DataBundle", size: int = MAP_SIZE) -> Image.Image:
    """The decision map with the training points on it, `size` pixels square."""
    rgb = (np.clip(map_rgb(model, data), 0, 1)[::-1] * 255).astype(np.uint8)  # image rows go top down
    image = Image.fromarray(rgb, "RGB").resize((size, size), Image.Resampling.BILINEAR)
    draw = ImageDraw.Draw(image)
    (x0, x1), (y0, y1) = (data.xs[0], data.xs[-1]), (data.ys[0], data.ys[-1])
    points, labels = data.train.X, data.train.y
    px = (points[:, 0] - x0) / (x1 - x0 or 1) * (size - 1)
    py = (1 - (points[:, 1] - y0) / (y1 - y0 or 1)) * (size - 1)
    radius = max(3, size // 110)
    for x, y, label in zip(px, py, labels, strict=True):
        if data.ds.problem == "regression":
            fill = "#444444"
        elif data.ds.problem == "multilabel":
            fill = class_color(0) if label[0] else "#FFFFFF"
        else:
            fill = class_color(int(label))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill, outline="#222222")
    return image


def stamped(image: Image.Image, text: str) -> Image.Image:
    """`image` under a white band carrying `text` in large type."""
    canvas = Image.new("RGB", (image.width, image.height + HEADER), "white")
    canvas.paste(image, (0, HEADER))
    ImageDraw.Draw(canvas).text((14, HEADER // 2), text, fill="#111111", font=_font(30, text), anchor="lm")
    return canvas


def train_loss(model, data: "pg.DataBundle") -> float:
    return float(model.evaluate(data.X_train, pg.targets(data.train, model.output_units), return_dict=True)["loss"])


def frame_indices(count: int, limit: int = GIF_FRAMES) -> list[int]:
    """Which of `count` checkpoints become frames: all when they fit, else `limit` evenly spread (first, last)."""
    if count <= limit:
        return list(range(count))
    return sorted(set(np.linspace(0, count - 1, limit).round().astype(int).tolist()))


def boundary_gif(log, model, data: "pg.DataBundle", stamp: str, size: int = MAP_SIZE) -> bytes:
    """An animated GIF of the map at each checkpoint shown (`frame_indices`), each stamped with
    `stamp.format(epoch=..., loss=...)` (the loss on the training set)."""
    frames = []
    for index in frame_indices(len(log)):
        at = log.model_at(index, model)
        text = stamp.format(epoch=log[index].epoch, loss=f"{train_loss(at, data):.4f}")
        # One adaptive palette per frame: the map's smooth ramps keep their shades.
        frames.append(stamped(map_image(at, data, size), text).quantize(colors=128, dither=Image.Dither.NONE))
    durations = [FRAME_MS] * (len(frames) - 1) + [LAST_FRAME_MS]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=durations, loop=0,
                   disposal=1)
    return out.getvalue()


def _curve(history: dict, width: int, height: int, marker: int | None) -> Image.Image:
    """The training loss over epochs as a line (the test loss as dots), with `marker`'s epoch as a rule."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    epochs = np.asarray(history.get("epoch") or [], dtype=float)
    loss = np.asarray(history.get("loss") or [], dtype=float)
    test = np.asarray(history.get("val_loss") or [], dtype=float)[:len(epochs)]
    pad = 16
    draw.rectangle((pad, pad, width - pad, height - pad), outline="#999999")
    if len(epochs) < 2:
        return image
    finite = np.r_[loss[np.isfinite(loss)], test[np.isfinite(test)]]
    top = float(finite.max()) or 1.0

    def xy(e, v):
        return (pad + (e - epochs[0]) / (epochs[-1] - epochs[0] or 1) * (width - 2 * pad),
                height - pad - v / top * (height - 2 * pad))

    draw.line([xy(e, v) for e, v in zip(epochs, loss, strict=True)], fill=tuple(
        int(c * 255) for c in hex_to_rgb("#0072B2")), width=3)
    for e, v in zip(epochs, test, strict=False):
        if np.isfinite(v):
            x, y = xy(e, v)
            draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill="#D55E00")
    if marker is not None:
        x, _ = xy(marker, 0)
        draw.line((x, pad, x, height - pad), fill="#111111", width=2)
    return image


def view_png(model, data: "pg.DataBundle", history: dict, stamp: str, marker: int | None = None,
             size: int = MAP_SIZE) -> bytes:
    """A PNG of the view: the stamp (`stamp.format(epoch=..., loss=...)`), the map, the loss curve below."""
    text = stamp.format(epoch=model.epochs_trained, loss=f"{train_loss(model, data):.4f}")
    top = stamped(map_image(model, data, size), text)
    curve = _curve(history, size, size // 3, marker)
    canvas = Image.new("RGB", (size, top.height + curve.height), "white")
    canvas.paste(top, (0, 0))
    canvas.paste(curve, (0, top.height))
    out = io.BytesIO()
    canvas.save(out, format="PNG")
    return out.getvalue()
