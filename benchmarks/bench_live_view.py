"""Server-side cost of the Playground's live view per tick, in-process: `ui.playground_view.live_view` plus what
Streamlit does with its output (each Vega figure's data frames to Arrow and its spec to JSON; each custom
component's data dict to JSON), on the default network on the spiral with a full history (1000 epochs, the test
set evaluated every 30th). Training is not included (it is the same whatever draws the view).

Run: `.venv/bin/python benchmarks/bench_live_view.py [repeats] [root]`; `root` is another checkout to import the
app from (the commit before, to compare in one run): the output's parts are found by type, so it measures any
version of `LiveView`.
"""

import json
import sys
import time
from dataclasses import fields, is_dataclass
from pathlib import Path

# Run as a script, a second argument names another checkout; imported (bench_browser_live), this one.
ROOT = Path(sys.argv[2]).resolve() if __name__ == "__main__" and len(sys.argv) > 2 else Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from streamlit.dataframe_util import convert_anything_to_arrow_bytes  # noqa: E402

from engine.datasets import make_dataset  # noqa: E402
from ui import playground as pg  # noqa: E402
from ui import playground_view as view  # noqa: E402
from ui.figure import Figure  # noqa: E402
from ui.state import FIELDS  # noqa: E402


def history_of(n: int = 1000, every: int = 30) -> dict:
    val = np.full(n, np.nan)
    val[every - 1::every] = np.linspace(0.7, 0.2, n // every)
    return {"epoch": list(range(1, n + 1)), "loss": list(np.linspace(0.7, 0.05, n)), "val_loss": list(val),
            "accuracy": list(np.linspace(0.5, 0.99, n)), "val_accuracy": list(1 - val), "stride": 1}


def encode(output) -> dict[str, tuple[float, int]]:
    """What Streamlit does with each part of the view: (seconds, bytes) per part (a Vega figure's Arrow frames and
    spec JSON; a component's data JSON)."""
    parts = {}
    for field in fields(output):
        value = getattr(output, field.name)
        start = time.perf_counter()
        if isinstance(value, Figure):
            if value.key not in _SPECS:  # built once per structure, as ui.widgets.live_chart caches it
                _SPECS[value.key] = {k: v for k, v in value.spec().items() if k != "datasets"}
                start = time.perf_counter()
            size = len(json.dumps(_SPECS[value.key]))
            for frame in value.frames.values():
                size += len(convert_anything_to_arrow_bytes(frame))
        elif isinstance(value, dict):
            size = len(json.dumps(value))
        else:
            continue
        parts[field.name] = (time.perf_counter() - start, size)
    return parts


_SPECS: dict = {}


def setup() -> tuple:
    """(config, data, model, history, latest): the default network on the spiral after 30 epochs, a full history."""
    config = {**{f.name: f.default for f in FIELDS}, "dataset": "spiral"}
    data = pg.make_bundle(make_dataset("spiral", n_points=config["n_points"], noise=config["noise"],
                                       seed=config["data_seed"]), config)
    model = pg.build_model(config, data)
    model.fit(data.X_train, pg.targets(data.train, model.output_units), epochs=30, batch_size=config["batch"])
    latest = {"loss": 0.1, "val_loss": 0.2, "accuracy": 0.9, "val_accuracy": 0.85}
    return config, data, model, history_of(), latest


def main(repeats: int = 50) -> None:
    config, data, model, history, latest = setup()
    times: dict[str, list[float]] = {}
    sizes = {}
    for _ in range(repeats + 1):  # the first builds the specs
        start = time.perf_counter()
        output = view.live_view(model, data, config, history=history, latest=latest, pick=("test", 0),
                                class_maps=False)
        times.setdefault("live_view", []).append(time.perf_counter() - start)
        assert is_dataclass(output)
        for name, (seconds, size) in encode(output).items():
            times.setdefault("encode " + name, []).append(seconds)
            sizes[name] = size
    median = {name: float(np.median(values[1:])) * 1000 for name, values in times.items()}
    print(f"{ROOT}: live_view + encoding, medians of {repeats}: {sum(median.values()):.2f} ms "
          f"({', '.join(f'{name} {ms:.2f}' for name, ms in median.items())})")
    print("  bytes sent per part: " + ", ".join(f"{name} {size}" for name, size in sizes.items()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
