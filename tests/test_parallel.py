"""Extraction in worker processes gives exactly what one process gives, in input order."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import require_shared
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.parallel import BLAS_THREAD_VARIABLES, extract_all, keep_single_threaded
from onrecord.types import Article, Document


def test_two_workers_give_the_same_documents_in_order(extractor):
    folder = require_shared("polnear", "train", "text")
    articles = [
        Article(text=path.read_text(encoding="utf-8"), id=path.stem)
        for path in sorted(folder.glob("*.txt"))[:6]
    ]
    here = [d.to_dict() for _, d in extract_all(articles)]
    there = list(extract_all(articles, workers=2))
    assert [a.id for a, _ in there] == [a.id for a in articles]
    assert all(isinstance(d, Document) for _, d in there)
    assert [d.to_dict() for _, d in there] == here


def test_extract_with_workers_prints_the_same_json_lines(extractor, tmp_path):
    folder = require_shared("polnear", "train", "text")
    for path in sorted(folder.glob("*.txt"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    runner = CliRunner()
    one = runner.invoke(app, ["extract", str(tmp_path)])
    two = runner.invoke(app, ["extract", str(tmp_path), "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 3


# A parent that feeds its two workers without end and prints their pids once the first
# document is back (both have loaded by then or are about to).
ENDLESS_PARENT = """
import itertools, multiprocessing
from onrecord.parallel import BLAS_THREAD_VARIABLES, extract_all, keep_single_threaded
from onrecord.types import Article

feed = (Article(text="“Yes,” she said. " * 40, id=str(n)) for n in itertools.count())
for n, _ in enumerate(extract_all(feed, workers=2)):
    if n == 16:
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
"""


def _threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper has exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_workers_run_one_thread_and_exit_when_their_parent_is_killed():
    # As a user's shell would leave it: no thread counts chosen (pytest's own process may
    # already have set them through the CLI tests).
    env = {k: v for k, v in os.environ.items() if k not in BLAS_THREAD_VARIABLES}
    parent = subprocess.Popen(
        [sys.executable, "-c", ENDLESS_PARENT], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2
        # No thread beside the main one: not numpy's BLAS pool, not a parent watcher.
        assert [_threads(pid) for pid in workers] == [1, 1]
    finally:
        parent.kill()  # SIGKILL: the parent cannot tell its workers anything
        parent.wait()
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


def test_keep_single_threaded_leaves_a_users_choice_alone(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    keep_single_threaded()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "3"
    assert os.environ["OMP_NUM_THREADS"] == "1"
