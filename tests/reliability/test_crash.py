"""Crash safety on a real database file: ``onrecord ingest`` killed with SIGKILL at random
moments, and two ingests at once on one file.

Expectations:

* after every kill, at whatever moment (starting up, creating the schema, mid-article),
  the file opens, passes the integrity check below, and holds each article at most once;
* a re-run completes with every article exactly once, and the corpus is the one an
  uninterrupted run makes;
* a second ``ingest`` on a database another one is writing fails at once with one clear
  line ([E400] ... in use by another onrecord process) and writes nothing; the first run
  is undisturbed.

tests/store/test_ingest.py kills a two-worker run after its first article; here the kills
also land before and during start-up, one worker, several times over, with an integrity
check after each.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from onrecord.read import iter_articles
from onrecord.store import Store, ingest

ARTICLES = 30
KILLS = 4
BUSY_ARTICLES = 120  # enough to keep the first run writing while the second tries
# Tables that hang off an article; none may hold a row of an article that is not there.
ARTICLE_TABLES = ("attributions", "entities", "mentions", "dates", "places", "figures")
NAMES = ["Ada Brightwater", "Tom Okafor", "Lena Marsh", "Ravi Castellano", "June Whitfield"]


def made_up_articles(path: Path, count: int) -> Path:
    """``count`` distinct short articles with quotations, speakers, dates and figures."""
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            name, other = NAMES[n % len(NAMES)], NAMES[(n + 2) % len(NAMES)]
            text = (
                f"“The ferry to pier {n} will run again in May,” {name} said on Monday.\n\n"
                f"{other} told reporters the repairs would cost ${n + 3} million. "
                f"“We have waited {n + 2} years,” {other.split()[0]} added.\n"
            )
            handle.write(json.dumps({"id": f"pier-{n}", "text": text}) + "\n")
    return path


def ingest_process(db: Path, jsonl: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "onrecord", "ingest", str(jsonl), "--db", str(db)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_for_progress(process: subprocess.Popen, pattern: str = r"\d+ added") -> None:
    """Read the run's progress lines until one matches: the first comes with the first
    article, added or already there, so the pipeline is loaded and the database open."""
    for line in process.stderr:
        if re.search(pattern, line):
            return


def integrity_problems(db: Path) -> list[str]:
    """Open the file for writing (replaying its write-ahead log), read every row of every
    table, and check that rows hang together: [] when the database is sound."""
    problems = []
    with Store(db) as store:
        store.con.execute("CHECKPOINT")
    with Store(db, read_only=True) as store:
        con = store.con
        tables = [row[0] for row in con.execute("SHOW TABLES").fetchall()]
        for table in tables:
            con.execute(f"SELECT * FROM {table}").fetchall()  # every block is read
        for table in ARTICLE_TABLES:
            orphans = con.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]
            if orphans:
                problems.append(f"{orphans} {table} rows of no stored article")
        lost_speakers = con.execute(
            "SELECT count(*) FROM entities WHERE speaker_id NOT IN (SELECT id FROM speakers)"
        ).fetchone()[0]
        if lost_speakers:
            problems.append(f"{lost_speakers} entities of no stored speaker")
        stored, distinct = con.execute(
            "SELECT count(*), count(DISTINCT text_hash) FROM articles"
        ).fetchone()
        if stored != distinct:
            problems.append(f"{stored - distinct} articles stored twice")
    return problems


def corpus(db: Path) -> list[tuple]:
    """Every attribution with its article's text hash and speaker, whatever the ids."""
    with Store(db, read_only=True) as store:
        return store.con.execute(
            """SELECT a.text_hash, t.content_start, t.content, t.source, s.name
               FROM attributions t JOIN articles a ON a.id = t.article_id
               LEFT JOIN speakers s ON s.id = t.speaker_id ORDER BY ALL"""
        ).fetchall()


def stored_articles(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_ingest_killed_at_random_moments_leaves_a_sound_database(tmp_path, extractor):
    jsonl = made_up_articles(tmp_path / "in.jsonl", ARTICLES)
    reference = tmp_path / "reference.duckdb"
    started = time.perf_counter()
    with Store(reference) as store:
        assert ingest(iter_articles([jsonl]), store).added == ARTICLES
    per_article = (time.perf_counter() - started) / ARTICLES

    db = tmp_path / "killed.duckdb"
    rng = random.Random(11)
    moments = []
    for attempt in range(KILLS):
        left = ARTICLES - (stored_articles(db) if db.exists() else 0)
        process = ingest_process(db, jsonl)
        if attempt == 0:  # while it starts: imports, model, schema
            time.sleep(rng.uniform(0.5, 4.0))
        else:  # while it writes: somewhere in what is left, whatever the machine's speed
            wait_for_progress(process)
            time.sleep(rng.uniform(0.0, 0.8 * left * per_article))
        process.kill()
        process.wait()
        if db.exists():
            assert integrity_problems(db) == [], f"after kill {attempt + 1}"
            moments.append(stored_articles(db))
    assert any(0 < stored < ARTICLES for stored in moments), moments

    finished = subprocess.run(
        [sys.executable, "-m", "onrecord", "ingest", str(jsonl), "--db", str(db)],
        capture_output=True,
        text=True,
    )
    assert finished.returncode == 0, finished.stderr
    assert integrity_problems(db) == []
    assert stored_articles(db) == ARTICLES
    assert corpus(db) == corpus(reference)


def test_a_second_ingest_on_a_busy_database_fails_clearly_and_harms_nothing(tmp_path):
    first_input = made_up_articles(tmp_path / "first.jsonl", BUSY_ARTICLES)
    second_input = made_up_articles(tmp_path / "second.jsonl", 3)
    db = tmp_path / "busy.duckdb"

    first = ingest_process(db, first_input)
    wait_for_progress(first, r"[1-9]\d* added")
    second = subprocess.run(
        [sys.executable, "-m", "onrecord", "ingest", str(second_input), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert first.poll() is None, "the first run ended before the second began: nothing tested"
    first_errors = first.communicate(timeout=600)[1]

    assert second.returncode == 1
    assert second.stderr.splitlines() == [
        f"[E400] {db}: the database is in use by another onrecord process (one writer at a"
        " time); wait for it to finish"
    ]
    assert first.returncode == 0, first_errors
    assert integrity_problems(db) == []
    assert stored_articles(db) == BUSY_ARTICLES
