"""A bounded load test of ``onrecord serve`` on loopback: N concurrent clients for S seconds.

    python benchmarks/load_test.py [--clients 50] [--seconds 30] [--db CORPUS.duckdb]

The server is the real one, started as ``onrecord serve --db DB --port PORT`` (default
host: 127.0.0.1) in its own process; without ``--db`` it serves a corpus ingested from the
bundled sample articles. Each client loops over the page and the read endpoints (quotes
with and without filters, speakers, one speaker, one article, the overview), waiting for
each answer before sending the next. Printed: requests, requests/s, errors (any status
other than 200, or no answer), and the latency percentiles. Exit status 1 if any request
failed. Client and server share the machine, so the figures are a floor, not a capacity.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of ``values``."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sample_corpus(folder: Path) -> Path:
    """A corpus of the bundled made-up articles, ingested with the real pipeline."""
    from onrecord.cli_utils import sample_corpus as samples
    from onrecord.read import iter_articles
    from onrecord.store import Store, ingest

    db = folder / "load.duckdb"
    with Store(db) as store:
        ingest(iter_articles([samples()]), store)
    return db


def start_server(db: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "onrecord", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"the server did not answer on port {port} within 60 s")


def request_paths(base: str) -> list[str]:
    """What the clients ask for, in turn: every read endpoint, with ids that exist."""
    speakers = httpx.get(f"{base}/api/speakers?limit=3").json()["items"]
    quotes = httpx.get(f"{base}/api/quotes?limit=3").json()["items"]
    paths = ["/", "/api/overview", "/api/quotes?limit=20", "/api/speakers?limit=20"]
    paths += ["/api/quotes?contains=the&limit=20", "/api/quotes?kind=direct&offset=5"]
    paths += [f"/api/speakers/{s['id']}" for s in speakers]
    paths += [f"/api/articles/{q['article_id']}" for q in quotes]
    paths += [f"/api/quotes?speaker={s['name'][:4]}" for s in speakers]
    return paths


async def client(
    base: str, paths: list[str], start: int, until: float, tally: Tally, timeout: float
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=timeout) as http:
        turn = start
        while time.monotonic() < until:
            path = paths[turn % len(paths)]
            turn += 1
            started = time.perf_counter()
            try:
                response = await http.get(path)
            except httpx.HTTPError as error:
                tally.error(type(error).__name__)
                continue
            if response.status_code == 200:
                tally.latencies.append(time.perf_counter() - started)
            else:
                tally.error(f"HTTP {response.status_code}")


async def load(base: str, clients: int, seconds: float, timeout: float = 30.0) -> Tally:
    paths = request_paths(base)
    tally = Tally()
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(base, paths, n, until, tally, timeout) for n in range(clients)))
    return tally


def run(db: Path | None, clients: int, seconds: float) -> Tally:
    """Serve ``db`` (or a sample corpus) on loopback and load it; the server is stopped."""
    with tempfile.TemporaryDirectory() as folder:
        db = db or sample_corpus(Path(folder))
        port = free_port()
        server = start_server(db, port)
        try:
            return asyncio.run(load(f"http://127.0.0.1:{port}", clients, seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)


def summary(tally: Tally, clients: int, seconds: float) -> str:
    lines = [
        f"clients {clients}, {seconds:g} s, {os.cpu_count()} cores (client and server share them)",
        f"requests {tally.requests} ({tally.requests / seconds:.1f}/s)",
        f"errors {sum(tally.errors.values())} {tally.errors or ''}".rstrip(),
    ]
    if tally.latencies:
        figures = {
            name: percentile(tally.latencies, share) * 1000
            for name, share in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1.0))
        }
        lines.append("latency ms: " + ", ".join(f"{k} {v:.1f}" for k, v in figures.items()))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--db", type=Path, default=None, help="a corpus (default: samples)")
    options = parser.parse_args()
    tally = run(options.db, options.clients, options.seconds)
    print(summary(tally, options.clients, options.seconds))
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
