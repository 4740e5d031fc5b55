"""Start and stop Streamlit replicas and HAProxy in front of them, on given loopback ports; read their CPU/memory.

Used by `benchmarks/bench_load.py`, `tests/test_load_client.py` and `tests/browser/test_balancer.py`. A replica
is `streamlit run <app>` as the README starts it (file watcher off: edits elsewhere in the tree must not rerun a
page under measurement). HAProxy runs `deploy/haproxy.cfg` with the backends' addresses passed in the
environment (the same file serves Docker and loopback).
"""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.browser.conftest import stop_server

ROOT = Path(__file__).resolve().parents[1]
HAPROXY_CFG = ROOT / "deploy" / "haproxy.cfg"


def wait_healthy(base: str, timeout: float = 60, path: str = "/_stcore/health") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + path, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{base} did not become healthy within {timeout:.0f} s")


def start_replicas(ports: list[int], app: str = "app.py", env: dict | None = None) -> list[subprocess.Popen]:
    """One replica per port, started together; returns once every one answers /_stcore/health."""
    procs = [launch_replica(port, app, env) for port in ports]
    try:
        for port in ports:
            wait_healthy(f"http://127.0.0.1:{port}")
    except RuntimeError:
        for proc in procs:
            stop(proc)
        raise
    return procs


def start_replica(port: int, app: str = "app.py", env: dict | None = None) -> subprocess.Popen:
    """`streamlit run app` on 127.0.0.1:port; returns once /_stcore/health answers."""
    return start_replicas([port], app, env)[0]


def launch_replica(port: int, app: str = "app.py", env: dict | None = None) -> subprocess.Popen:
    """`streamlit run app` on 127.0.0.1:port, not waiting for it."""
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", app, "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def haproxy_path() -> str | None:
    """HAProxy's executable (Debian puts it in /usr/sbin, outside a user's PATH), or None."""
    return shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")


def haproxy_available() -> bool:
    return haproxy_path() is not None


def start_haproxy(port: int, backend_ports: list[int]) -> subprocess.Popen:
    """HAProxy on 127.0.0.1:port with `deploy/haproxy.cfg`, balancing the replicas on `backend_ports`
    (two: the config names r1 and r2); returns once the balancer answers health checks."""
    if len(backend_ports) != 2:
        raise ValueError("deploy/haproxy.cfg balances two replicas")
    env = {**os.environ, "PLAYGROUND_BIND": f"127.0.0.1:{port}",
           "PLAYGROUND_R1": f"127.0.0.1:{backend_ports[0]}", "PLAYGROUND_R2": f"127.0.0.1:{backend_ports[1]}"}
    proc = subprocess.Popen([haproxy_path() or "haproxy", "-db", "-f", str(HAPROXY_CFG)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", timeout=20)
    except RuntimeError:
        stop(proc)
        raise
    return proc


def stop(proc: subprocess.Popen) -> None:
    """Stop a process started here (terminate, then kill after 10 s); nothing if it has already ended."""
    if proc.poll() is None:
        stop_server(proc)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of a process (VmRSS in /proc/<pid>/status), MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")
