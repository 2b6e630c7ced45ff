"""Ingest for real: the CLI in a subprocess with two workers, killed with SIGKILL half-way
and run again, must end with the same corpus as one uninterrupted run."""

from __future__ import annotations

import random
import re
import subprocess
import sys
import time
from pathlib import Path

from corpus_helpers import polnear_jsonl, train_names
from helpers import POLNEAR

from onrecord.errors import ReadError
from onrecord.read import iter_articles
from onrecord.store import Store, ingest

KILL_ARTICLES = 24


def ingest_command(db: Path, *inputs: Path, workers: int = 2) -> list[str]:
    return [
        sys.executable, "-m", "onrecord", "ingest", *map(str, inputs),
        "--db", str(db), "--workers", str(workers),
    ]  # fmt: skip


def corpus_rows(db: Path) -> list[tuple]:
    """Every attribution as (text hash, content, source, speaker name): what a corpus holds,
    independent of the ids a run happened to hand out."""
    with Store(db, read_only=True) as store:
        return store.con.execute(
            """SELECT a.text_hash, t.content_start, t.content, t.source, s.name
               FROM attributions t JOIN articles a ON a.id = t.article_id
               LEFT JOIN speakers s ON s.id = t.speaker_id ORDER BY ALL"""
        ).fetchall()


def article_count(db: Path) -> tuple[int, int]:
    with Store(db, read_only=True) as store:
        return store.con.execute(
            "SELECT count(*), count(DISTINCT text_hash) FROM articles"
        ).fetchone()


def test_ingest_reports_unreadable_inputs_and_keeps_the_rest(tmp_path, corpus_inputs, extractor):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with Store(tmp_path / "c.duckdb") as store:
        report = ingest(iter_articles([empty, corpus_inputs[0]]), store)
        again = ingest(iter_articles([corpus_inputs[0]]), store)
    assert report.added == 1 and len(report.failed) == 1
    assert isinstance(report.failed[0], ReadError) and "empty.txt" in str(report.failed[0])
    assert (again.added, again.present) == (0, 1)


def test_the_same_text_twice_in_one_run_is_stored_once(tmp_path, corpus_inputs, extractor):
    seed = corpus_inputs[0]
    with Store(tmp_path / "c.duckdb") as store:
        report = ingest(iter_articles([seed, seed]), store)
    assert (report.added, report.present) == (1, 1)


def wait_for_first_article(process: subprocess.Popen) -> None:
    """Read the run's progress lines until one says an article was added."""
    for line in process.stderr:
        if re.search(r"[1-9]\d* added", line):
            return


def test_a_killed_ingest_resumes_to_the_same_corpus(tmp_path, extractor):
    jsonl = polnear_jsonl(POLNEAR / "train", train_names(KILL_ARTICLES), tmp_path / "in.jsonl")

    # The reference: one uninterrupted run, in this process, one worker.
    reference = tmp_path / "reference.duckdb"
    with Store(reference) as store:
        assert ingest(iter_articles([jsonl]), store).added == KILL_ARTICLES

    db = tmp_path / "killed.duckdb"
    rng = random.Random(7)
    kills = []
    for _attempt in range(3):
        process = subprocess.Popen(
            ingest_command(db, jsonl), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        wait_for_first_article(process)
        time.sleep(rng.uniform(0.0, 2.0))
        process.kill()  # SIGKILL: no clean-up of any kind
        process.wait()
        stored, distinct = article_count(db)  # it opens: the file survived the kill
        assert stored == distinct
        kills.append(stored)
        if stored >= KILL_ARTICLES:
            break
    assert any(0 < stored < KILL_ARTICLES for stored in kills), kills

    finished = subprocess.run(ingest_command(db, jsonl), capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert article_count(db) == (KILL_ARTICLES, KILL_ARTICLES)
    assert corpus_rows(db) == corpus_rows(reference)

    again = subprocess.run(ingest_command(db, jsonl), capture_output=True, text=True)
    assert again.returncode == 0
    assert f"0 added, {KILL_ARTICLES} already in" in again.stderr
