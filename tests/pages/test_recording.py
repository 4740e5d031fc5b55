"""Recordings: the boundary GIF decodes with one frame per checkpoint shown, each stamped; the PNG of the view."""

import io

import numpy as np
import pytest
from PIL import Image

from engine.checkpoints import CheckpointLog
from engine.datasets import make_dataset
from ui import playground as pg
from ui import recording
from ui.state import FIELDS

CONFIG = {**{f.name: f.default for f in FIELDS}, "dataset": "spiral", "hidden": (6, 6), "acts": ("tanh", "tanh"),
          "lr": 0.03}


@pytest.fixture(scope="module")
def run():
    data = pg.make_bundle(make_dataset("spiral", n_points=200, noise=0.1, seed=0), CONFIG)
    model = pg.build_model(CONFIG, data)
    log = CheckpointLog()
    log.record(model)
    y = pg.targets(data.train, model.output_units)
    for _ in range(6):
        model.fit(data.X_train, y, epochs=20, batch_size=10)
        log.record(model)
    return log, model, data


def test_the_gif_has_one_stamped_frame_per_checkpoint_and_the_boundary_moves(run):
    log, model, data = run
    gif = Image.open(io.BytesIO(recording.boundary_gif(log, model, data, "epoch {epoch} · loss {loss}")))
    assert gif.format == "GIF" and gif.n_frames == len(log) == 7
    frames = []
    for index in range(gif.n_frames):
        gif.seek(index)
        frames.append(np.asarray(gif.convert("RGB")))
    assert frames[0].shape == (recording.MAP_SIZE + recording.HEADER, recording.MAP_SIZE, 3)
    header, body = slice(0, recording.HEADER), slice(recording.HEADER, None)
    # The stamp: dark text in the white band, and it changes with the epoch; the map changes as it learns.
    assert (frames[0][header] < 60).any()
    assert not np.array_equal(frames[0][header], frames[-1][header])
    assert np.abs(frames[0][body].astype(int) - frames[-1][body].astype(int)).mean() > 5
    # The live model was not moved by drawing its past.
    assert model.epochs_trained == 120


def test_a_long_log_gives_at_most_gif_frames_frames_first_and_last_included():
    indices = recording.frame_indices(200)
    assert len(indices) == recording.GIF_FRAMES and indices[0] == 0 and indices[-1] == 199
    assert recording.frame_indices(5) == [0, 1, 2, 3, 4]


def test_the_png_is_the_view_with_a_chinese_stamp_too(run):
    log, model, data = run
    history = {"epoch": list(range(1, 121)), "loss": list(np.linspace(0.7, 0.2, 120)),
               "val_loss": [float("nan")] * 119 + [0.25]}
    english = Image.open(io.BytesIO(recording.view_png(model, data, history, "epoch {epoch} · loss {loss}", 60)))
    chinese = Image.open(io.BytesIO(recording.view_png(model, data, history, "第 {epoch} 个 epoch · 损失 {loss}")))
    assert english.format == "PNG" and english.size == (recording.MAP_SIZE, recording.MAP_SIZE + recording.HEADER
                                                        + recording.MAP_SIZE // 3)
    e, c = np.asarray(english.convert("RGB")), np.asarray(chinese.convert("RGB"))
    assert (c[:recording.HEADER] < 60).any() and not np.array_equal(e[:recording.HEADER], c[:recording.HEADER])
    # The curve panel holds the loss line (blue) below the map.
    curve = e[recording.HEADER + recording.MAP_SIZE:]
    assert ((curve[..., 2] > 150) & (curve[..., 0] < 60)).any()
