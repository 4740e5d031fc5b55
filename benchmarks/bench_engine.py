"""Training speed of the NumPy engine against PyTorch CPU eager, side by side in one run.

    .venv/bin/python benchmarks/bench_engine.py            # about a minute and a half
    .venv/bin/python benchmarks/bench_engine.py --quick    # fewer rounds

PyTorch is optional (`.venv/bin/pip install torch==2.13.0`); without it the NumPy figures are still printed.
Both sides use one BLAS/intra-op thread (set here before NumPy loads): on a shared 2-core machine a second
thread rarely helps small matrices and makes timings jumpy. Each case is timed in alternating rounds (NumPy,
PyTorch, NumPy, ...) and the best round of each is kept, so a busy machine slows both alike.

If OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are set on this machine (older OpenBLAS builds need them), they can
slow a current NumPy; measure with both unset in that one command:
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv/bin/python benchmarks/bench_engine.py
The script prints which OpenBLAS kernel ran and whether those variables were set.
"""

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import ctypes  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from engine import Adam, Dense, Sequential  # noqa: E402

try:
    import torch
except ImportError:  # optional
    torch = None

# name, layer sizes, hidden activation, head ("sigmoid" binary or "softmax"), points, batch size, dtype, goal ratio
CASES = [
    ("2-8-8-1 tanh, sigmoid+BCE, batch 10", (2, 8, 8, 1), "tanh", "sigmoid", 500, 10, "float64", 10.0),
    ("2-8-8-1 tanh, sigmoid+BCE, full batch", (2, 8, 8, 1), "tanh", "sigmoid", 500, 500, "float64", None),
    ("2-16-16-5 tanh, softmax, batch 32", (2, 16, 16, 5), "tanh", "softmax", 1000, 32, "float64", 6.0),
    ("2-16-16-5 tanh, softmax, full batch", (2, 16, 16, 5), "tanh", "softmax", 1000, 1000, "float64", None),
    ("64-128-64-10 relu, softmax, batch 64, f64", (64, 128, 64, 10), "relu", "softmax", 1797, 64, "float64", 2.5),
    ("64-128-64-10 relu, softmax, batch 64, f32", (64, 128, 64, 10), "relu", "softmax", 1797, 64, "float32", 2.5),
]
GRID_GOAL_MS = 2.5


def openblas_kernel() -> str:
    """The OpenBLAS core NumPy's BLAS runs on (read through ctypes; threadpoolctl is not needed)."""
    try:
        paths = {line.split()[-1] for line in open("/proc/self/maps") if "openblas" in line.lower()}
        for path in sorted(paths):
            lib = ctypes.CDLL(path)
            for symbol in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename"):
                if hasattr(lib, symbol):
                    function = getattr(lib, symbol)
                    function.restype = ctypes.c_char_p
                    return function().decode()
    except OSError:
        pass
    return "unknown"


def make_data(sizes, head, n, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, sizes[0]))
    if head == "sigmoid":
        y = (X[:, 0] * X[:, 1] > 0).astype(np.float64)
    else:
        y = rng.integers(0, sizes[-1], n)
    return X, y


def numpy_trainer(sizes, hidden, head, X, y, batch, dtype):
    layers = [Dense(units, activation=hidden) for units in sizes[1:-1]] + [Dense(sizes[-1], activation=head)]
    model = Sequential(layers, input_dim=sizes[0], seed=0, dtype=dtype)
    loss = "binary_crossentropy" if head == "sigmoid" else "sparse_categorical_crossentropy"
    model.compile(optimizer=Adam(0.001), loss=loss)

    def run(epochs):
        model.fit(X, y, epochs=epochs, batch_size=batch, shuffle=True)

    return run


def torch_trainer(sizes, hidden, head, X, y, batch, dtype):
    torch_dtype = torch.float64 if dtype == "float64" else torch.float32
    torch.manual_seed(0)
    modules = []
    for n_in, n_out in zip(sizes[:-2], sizes[1:-1], strict=True):
        modules += [torch.nn.Linear(n_in, n_out), torch.nn.Tanh() if hidden == "tanh" else torch.nn.ReLU()]
    modules.append(torch.nn.Linear(sizes[-2], sizes[-1]))  # logits; the loss applies sigmoid/softmax
    net = torch.nn.Sequential(*modules).to(torch_dtype)
    optimizer = torch.optim.Adam(net.parameters(), lr=0.001, eps=1e-7)
    if head == "sigmoid":
        loss_fn = torch.nn.BCEWithLogitsLoss()
        Xt, yt = torch.tensor(X, dtype=torch_dtype), torch.tensor(y, dtype=torch_dtype).reshape(-1, 1)
    else:
        loss_fn = torch.nn.CrossEntropyLoss()
        Xt, yt = torch.tensor(X, dtype=torch_dtype), torch.tensor(y, dtype=torch.long)
    n = Xt.shape[0]

    def run(epochs):
        for _ in range(epochs):
            order = torch.randperm(n)
            Xe, ye = Xt[order], yt[order]
            total = torch.zeros((), dtype=torch_dtype)
            for start in range(0, n, batch):
                optimizer.zero_grad(set_to_none=True)
                loss = loss_fn(net(Xe[start:start + batch]), ye[start:start + batch])
                loss.backward()
                optimizer.step()
                total += loss.detach() * min(batch, n - start)
            float(total) / n  # the epoch's loss, as a live view would read it

    return run


def best_rate(run, steps_per_epoch, rounds, seconds):
    """Steps per second of the best of `rounds` rounds, each about `seconds` long; a generator so rounds interleave."""
    run(1)  # warm up (allocations, caches)
    start = time.perf_counter()
    run(1)
    epochs = max(1, math.ceil(seconds / max(time.perf_counter() - start, 1e-6)))
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        run(epochs)
        best = max(best, epochs * steps_per_epoch / (time.perf_counter() - start))
        yield best


def interleave(generators):
    results = [0.0] * len(generators)
    active = list(range(len(generators)))
    while active:
        for index in list(active):
            try:
                results[index] = next(generators[index])
            except StopIteration:
                active.remove(index)
    return results


def grid_times(rounds):
    model = Sequential([Dense(8, activation="tanh"), Dense(8, activation="tanh"), Dense(1, activation="sigmoid")],
                       input_dim=2, seed=0)
    axis = np.linspace(-6, 6, 200)
    grid = np.stack(np.meshgrid(axis, axis), axis=-1).reshape(-1, 2)
    numpy_best, torch_best = math.inf, math.inf
    net = grid_t = None
    if torch is not None:
        net = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.Tanh(),
                                  torch.nn.Linear(8, 1), torch.nn.Sigmoid()).double()
        grid_t = torch.tensor(grid)
    for _ in range(rounds * 3):
        start = time.perf_counter()
        model.predict(grid)
        numpy_best = min(numpy_best, time.perf_counter() - start)
        if net is not None:
            with torch.no_grad():
                start = time.perf_counter()
                net(grid_t)
                torch_best = min(torch_best, time.perf_counter() - start)
    return numpy_best * 1e3, (torch_best * 1e3 if net is not None else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="8 rounds per case instead of 30")
    args = parser.parse_args()
    # Many short rounds: on a shared machine the best short round is the one no other process interrupted,
    # the closest estimate of an idle machine's speed, for both sides alike.
    rounds, seconds = (8, 0.05) if args.quick else (30, 0.05)
    if torch is not None:
        torch.set_num_threads(1)
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, OpenBLAS kernel {openblas_kernel()}, "
          f"PyTorch {torch.__version__ if torch else 'not installed'}; {os.cpu_count()} CPUs, 1 thread each side")
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        print(f"  {name} = {os.environ.get(name, '(unset)')}")
    if torch is None:
        print("PyTorch is not installed, so only NumPy figures follow. For the ratios (optional):\n"
              "  .venv/bin/pip install torch==2.13.0")
    print()
    header = f"{'case':<44}{'NumPy steps/s':>15}{'PyTorch steps/s':>17}{'ratio':>8}{'goal':>8}"
    print(header)
    print("-" * len(header))
    for name, sizes, hidden, head, n, batch, dtype, goal in CASES:
        X, y = make_data(sizes, head, n)
        steps = math.ceil(n / batch)
        generators = [best_rate(numpy_trainer(sizes, hidden, head, X, y, batch, dtype), steps, rounds, seconds)]
        if torch is not None:
            generators.append(best_rate(torch_trainer(sizes, hidden, head, X, y, batch, dtype), steps, rounds, seconds))
        rates = interleave(generators)
        ratio = rates[0] / rates[1] if torch is not None else None
        goal_text = f">={goal:g}x" if goal else ""
        verdict = "" if goal is None or ratio is None else ("  ok" if ratio >= goal else "  BELOW GOAL")
        print(f"{name:<44}{rates[0]:>15,.0f}{(f'{rates[1]:,.0f}' if torch else '-'):>17}"
              f"{(f'{ratio:.1f}x' if ratio else '-'):>8}{goal_text:>8}{verdict}")
    numpy_ms, torch_ms = grid_times(rounds)
    verdict = "ok" if numpy_ms < GRID_GOAL_MS else "ABOVE GOAL"
    torch_text = f", PyTorch {torch_ms:.2f} ms ({torch_ms / numpy_ms:.1f}x)" if torch_ms else ""
    print(f"\n200x200 grid forward pass of 2-8-8-1 (float64): NumPy {numpy_ms:.2f} ms{torch_text}; "
          f"goal < {GRID_GOAL_MS} ms: {verdict}")


if __name__ == "__main__":
    main()
