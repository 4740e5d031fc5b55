"""What a loss-landscape slice costs, as ratios against one `model.evaluate` on the same data in the same run.

    .venv/bin/python benchmarks/bench_landscape.py           # ~15 s
    .venv/bin/python benchmarks/bench_landscape.py --quick

Cases: the Playground's default-sized network (2-8-8-1 tanh, sigmoid + binary cross-entropy) and a wider
softmax one, on 400 points. For each: one evaluate (the reference), the batched slice `loss_slice` at 41 x 41
and 21 x 21, and the naive slice (set_weights + evaluate per grid point) at 41 x 41. Best of a few rounds each,
one BLAS thread (set before NumPy loads), so a busy machine slows all alike.
"""

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import copy  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from engine import Dense, Sequential  # noqa: E402
from engine.landscape import loss_slice, random_directions  # noqa: E402

CASES = [
    ("2-8-8-1 tanh, sigmoid + BCE", (8, 8), "tanh", 1, "sigmoid", "binary_crossentropy"),
    ("2-16-16-3 relu, softmax + CE", (16, 16), "relu", 3, "softmax", "categorical_crossentropy"),
]


def best(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def naive(model, X, y, resolution):
    """The slice one model call per grid point: what the batched version replaces."""
    other = copy.deepcopy(model)
    weights = model.get_weights()
    d1, d2 = random_directions(weights, seed=0)
    for b in np.linspace(-1, 1, resolution):
        for a in np.linspace(-1, 1, resolution):
            other.set_weights([w + a * u + b * v for w, u, v in zip(weights, d1, d2, strict=True)])
            other.evaluate(X, y)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    rounds = 2 if parser.parse_args().quick else 5
    rng = np.random.default_rng(0)
    X = rng.uniform(-5, 5, (400, 2))
    print(f"{'case':<32}{'evaluate':>10}{'41x41':>10}{'ratio':>9}{'21x21':>10}{'ratio':>9}{'naive 41x41':>13}"
          f"{'ratio':>9}{'speed-up':>10}")
    for name, hidden, act, units, head, loss in CASES:
        layers = [Dense(h, activation=act) for h in hidden] + [Dense(units, activation=head)]
        model = Sequential(layers, input_dim=2, seed=0)
        model.compile(optimizer="adam", loss=loss)
        y = (X[:, 0] * X[:, 1] > 0).astype(float) if units == 1 else np.eye(3)[np.digitize(X[:, 0], [-1.7, 1.7])]
        model.fit(X, y, epochs=20, batch_size=10)
        reference = best(lambda m=model, y=y: [m.evaluate(X, y) for _ in range(20)], rounds) / 20
        big = best(lambda m=model, y=y: loss_slice(m, X, y, resolution=41), rounds)
        small = best(lambda m=model, y=y: loss_slice(m, X, y, resolution=21), rounds)
        slow = best(lambda m=model, y=y: naive(m, X, y, 41), max(1, rounds // 2))
        print(f"{name:<32}{reference * 1e3:>8.3f}ms{big * 1e3:>8.0f}ms{big / reference:>8.0f}x"
              f"{small * 1e3:>8.0f}ms{small / reference:>8.0f}x{slow * 1e3:>11.0f}ms{slow / reference:>8.0f}x"
              f"{slow / big:>9.1f}x")
    print("ratio = time / one evaluate on the same 400 points; a 41x41 slice is 1,682 evaluations' worth of work.")


if __name__ == "__main__":
    main()
