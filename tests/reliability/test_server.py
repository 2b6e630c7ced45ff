"""The real server (``onrecord serve`` in its own process): where it listens, an article
too long for the pipeline, and concurrent load.

Expectations:

* ``onrecord serve`` without ``--host`` listens on 127.0.0.1 only, never on all addresses;
* ``POST /api/extract`` with a text over the pipeline's limit (under the 2 MB body limit)
  is a 400 with a one-line message, not a 500;
* a short run of ``benchmarks/load_test.py`` (10 clients for 5 s on loopback, a tenth of
  the full run) answers every request with 200: zero errors. Latency is printed, not
  asserted: it measures the machine as much as onrecord.

Security headers, the body limit, the 500 without a trace, SQL injection in filters and
markup in data shown as text (in a browser) are tested in tests/serve/.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
PROC_TCP = Path("/proc/net/tcp")


def load_test_module():
    spec = importlib.util.spec_from_file_location("load_test", BENCHMARKS / "load_test.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_test"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def load_test():
    return load_test_module()


@pytest.fixture(scope="module")
def served(load_test, extractor, tmp_path_factory):
    """The sample corpus served by ``onrecord serve`` in its own process; yields its port."""
    db = load_test.sample_corpus(tmp_path_factory.mktemp("load"))
    port = load_test.free_port()
    server = load_test.start_server(db, port)
    yield port
    server.terminate()
    server.wait(timeout=30)


def listening_addresses(port: int) -> list[str]:
    """The IPv4 addresses with a socket listening on ``port``, from the kernel's table."""
    addresses = []
    for line in PROC_TCP.read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, local_port = local.split(":")
        if state == "0A" and int(local_port, 16) == port:  # 0A: LISTEN
            addresses.append(".".join(str(b) for b in reversed(bytes.fromhex(address))))
    return addresses


@pytest.mark.skipif(not PROC_TCP.exists(), reason="needs Linux's /proc/net/tcp")
def test_the_server_listens_on_loopback_only_by_default(served):
    assert listening_addresses(served) == ["127.0.0.1"]


def test_too_long_an_article_to_extract_is_a_400(served):
    import httpx

    text = "“The pier is closed,” Ada Brightwater said. " * 30_000
    response = httpx.post(
        f"http://127.0.0.1:{served}/api/extract", json={"text": text}, timeout=120
    )
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "E100"
    assert body["message"].startswith("article too long: 1,320,000 characters")
    assert "\n" not in body["message"]


def test_a_short_load_run_has_no_errors(load_test, served, capsys):
    import asyncio

    seconds, clients = 5.0, 10
    tally = asyncio.run(load_test.load(f"http://127.0.0.1:{served}", clients, seconds))
    with capsys.disabled():
        print("\n" + load_test.summary(tally, clients, seconds))
    assert tally.requests > clients
    assert tally.errors == {}
