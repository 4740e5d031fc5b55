"""A classroom without browsers: N headless clients train the Playground at once, on one replica and on two.

    .venv/bin/python benchmarks/bench_load.py [--sessions 1,10,30,60] [--seconds 15] [--replicas 1,2]

Each client (`benchmarks/load_client.py`) speaks Streamlit's websocket protocol: it opens
`/Playground?<query>` (the spiral; each session its own weight seed), presses Play and runs the live
fragment's timer as the browser does. Replicas are `streamlit run app.py` on ports 8671, 8672; two replicas sit
behind HAProxy (`deploy/haproxy.cfg`, port 8690, sticky by cookie) when `haproxy` is installed, else the clients
are dealt to the replicas in turn. For each N the window opens once every session has redrawn three times;
per session: updates/s (fragment runs that reached the client) and epochs/s (the status line's epoch counter),
median and minimum; the servers' CPU (cores; /proc/<pid>/stat) and memory (VmRSS). Ratios are against one
session alone on one replica in the same run. `--profile` runs py-spy on the (first) replica during each window.
"""

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.load_client import Session  # noqa: E402
from benchmarks.replicas import (  # noqa: E402
    cpu_seconds,
    haproxy_available,
    rss_mb,
    start_haproxy,
    start_replicas,
    stop,
)

REPLICA_PORTS = (8671, 8672)
BALANCER_PORT = 8690
QUERY = "dataset=spiral&hidden=8,8&acts=tanh,tanh&seed={seed}"
WARM_TICKS = 3


async def measure(bases: list[str], n: int, seconds: float, pids: list[int], pace: str, query: str,
                  first_seed: int, profile_to: Path | None = None) -> dict:
    """Open n sessions (dealt over `bases` in turn), press Play on each, measure one window after warm-up."""
    sessions = [Session(bases[i % len(bases)], "/Playground?" + query.format(seed=first_seed + i), pace=pace)
                for i in range(n)]
    opened = time.monotonic()
    # Connect in small groups: a classroom does not open the page in the same millisecond either.
    for start in range(0, n, 10):
        group = sessions[start:start + 10]
        await asyncio.gather(*(s.connect() for s in group))
    await asyncio.gather(*(s.wait_idle(timeout=300) for s in sessions))
    loaded = time.monotonic() - opened
    for session in sessions:
        await session.press("pg_play")
    played = time.monotonic()
    while time.monotonic() - played < 300 and min(len(s.ticks) for s in sessions) < WARM_TICKS:
        await asyncio.sleep(0.2)
    warm_up = time.monotonic() - played
    spy = profile(pids[0], seconds, profile_to) if profile_to else None
    cpu0 = [cpu_seconds(pid) for pid in pids]
    t0 = time.monotonic()
    await asyncio.sleep(seconds)
    t1 = time.monotonic()
    if spy is not None:
        await asyncio.to_thread(spy.wait, 60)
    elapsed = t1 - t0
    cpu = [(cpu_seconds(pid) - c) / elapsed for pid, c in zip(pids, cpu0, strict=True)]  # 1.0 = one core busy
    rss = [rss_mb(pid) for pid in pids]
    # An update is a state of the model drawn: a fragment run's live view carries up to four (ui/tick_policy).
    updates = [sum(tick.views for tick in s.ticks if t0 < tick.at <= t1) / elapsed for s in sessions]
    epochs = [((s.epoch_at(t1) or 0) - (s.epoch_at(t0) or 0)) / elapsed for s in sessions]
    dropped = [s.dropped for s in sessions]
    replicas = sorted({s.replica or s.base for s in sessions})
    for session in sessions:
        await session.close()
    return {"sessions": n, "updates_per_s": updates, "dropped_runs": sum(dropped), "epochs_per_s": epochs, "cpu_cores": cpu, "rss_mb": rss,
            "load_s": loaded, "warm_up_s": warm_up, "landed_on": {r: sum(1 for s in sessions
                                                                       if (s.replica or s.base) == r)
                                                                  for r in replicas}}


def epoch_cpu_seconds(query: str, repeats: int = 5) -> float:
    """CPU time (this thread's) of one epoch of the Playground's model for `query`, in-process, best of repeats."""
    import urllib.parse

    from engine.datasets import make_dataset
    from ui import playground as pg
    from ui.state import FIELDS, FIELDS_BY_NAME, parse

    config = {field.name: field.default for field in FIELDS}
    for name, value in urllib.parse.parse_qsl(query.format(seed=1)):
        config[name] = parse(FIELDS_BY_NAME[name], value)
    ds = make_dataset(config["dataset"], n_points=config["n_points"], noise=config["noise"], seed=config["data_seed"])
    data = pg.make_bundle(ds, config)
    model = pg.build_model(config, data)
    y = pg.targets(data.train, model.output_units)
    best = float("inf")
    for _ in range(repeats):
        start = time.thread_time()
        model.fit(data.X_train, y, epochs=10, batch_size=config["batch"])
        best = min(best, (time.thread_time() - start) / 10)
    return best


def fixed_cost(result: dict, per_epoch: float) -> float:
    """CPU seconds of one tick beyond its epochs: the servers' CPU per update less the epochs' CPU."""
    updates, epochs = sum(result["updates_per_s"]), sum(result["epochs_per_s"])
    return (sum(result["cpu_cores"]) - epochs * per_epoch) / max(updates, 1e-9)


def line(label: str, result: dict, alone: dict | None) -> str:
    u, e = result["updates_per_s"], result["epochs_per_s"]
    text = (f"{label} N={result['sessions']:>2}: updates/s median {statistics.median(u):.2f} min {min(u):.2f}; "
            f"epochs/s median {statistics.median(e):.0f} min {min(e):.0f}; "
            f"CPU {' + '.join(f'{c:.2f}' for c in result['cpu_cores'])} cores; "
            f"RSS {' + '.join(f'{m:.0f}' for m in result['rss_mb'])} MB; "
            f"warm-up {result['warm_up_s']:.0f} s; runs dropped {result['dropped_runs']}; landed {result['landed_on']}")
    if alone:
        ua, ea = statistics.median(alone["updates_per_s"]), statistics.median(alone["epochs_per_s"])
        text += (f"\n    vs one session alone: updates/s {statistics.median(u) / ua:.2f}x (min {min(u) / ua:.2f}x), "
                 f"epochs/s {statistics.median(e) / ea:.2f}x (min {min(e) / ea:.2f}x); "
                 f"all sessions' epochs/s together {sum(e) / ea:.2f}x")
    return text


def profile(pid: int, seconds: float, out: Path) -> subprocess.Popen | None:
    """py-spy on the replica for `seconds` (collapsed stacks, one line per stack), if py-spy is installed."""
    spy = Path(sys.executable).with_name("py-spy")
    if not spy.exists():
        return None
    out.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([str(spy), "record", "--pid", str(pid), "--duration", str(int(seconds)), "--rate", "50",
                             "--format", "raw", "--output", str(out), "--nonblocking", "--gil"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", default="1,10,30,60")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--replicas", default="1,2")
    parser.add_argument("--pace", default="arrival", choices=("arrival", "timer"))
    parser.add_argument("--query", default=QUERY, help="the Playground's URL query; {seed} is the session's seed")
    parser.add_argument("--profile", action="store_true", help="py-spy the first replica during each window")
    parser.add_argument("--json", type=Path, help="write every result here as JSON")
    args = parser.parse_args()
    counts = [int(n) for n in args.sessions.split(",")]
    results: dict[str, list[dict]] = {}
    alone = None
    per_epoch = epoch_cpu_seconds(args.query)
    print(f"one epoch of this network, in-process: {per_epoch * 1000:.2f} ms of CPU", flush=True)
    for replicas in (int(r) for r in args.replicas.split(",")):
        procs = start_replicas(list(REPLICA_PORTS[:replicas]))
        balancer = None
        try:
            bases = [f"http://127.0.0.1:{port}" for port in REPLICA_PORTS[:replicas]]
            if replicas == 2 and haproxy_available():
                balancer = start_haproxy(BALANCER_PORT, list(REPLICA_PORTS))
                bases = [f"http://127.0.0.1:{BALANCER_PORT}"]
            label = f"{replicas} replica{'s' if replicas > 1 else ''}" + (" (HAProxy)" if balancer else "")
            pids = [p.pid for p in procs] + ([balancer.pid] if balancer else [])
            seed = 1
            for n in counts:
                out = ROOT / f"artifacts/load-{replicas}r-{n}.txt" if args.profile else None
                result = asyncio.run(measure(bases, n, args.seconds, pids, args.pace, args.query, seed, out))
                seed += n
                if alone is None and n == 1:
                    alone = result
                results.setdefault(label, []).append(result)
                result["fixed_cost_s"] = fixed_cost(result, per_epoch)
                print(line(label, result, alone) + f"\n    fixed cost of a tick: {result['fixed_cost_s'] * 1000:.0f} ms "
                      "of CPU (servers' CPU per update, less its epochs)", flush=True)
        finally:
            if balancer is not None:
                stop(balancer)
            for proc in procs:
                stop(proc)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
