"""The database's own promises: schema versions, one copy per text, versions of a changed
article, whole articles or none, one writer at a time, speakers linked across articles."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest
from corpus_helpers import make_document

from onrecord.errors import StoreError
from onrecord.store import Store, text_hash
from onrecord.store.schema import SCHEMA_VERSION

TEXT = "Jane Roe said the plan would fail. Officials said it would not."
SAID = [
    ("Jane Roe", "person", "Jane Roe", "the plan would fail"),
    ("officials", "group", "Officials", "it would not"),
]


def count(db, sql: str) -> int:
    with Store(db, read_only=True) as store:
        return store.con.execute(sql).fetchone()[0]


def test_a_new_file_gets_the_current_schema(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db):
        pass
    assert count(db, "SELECT value::INT FROM meta WHERE key = 'schema_version'") == SCHEMA_VERSION


def test_the_same_text_is_stored_once(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        assert store.add(make_document(TEXT, SAID, path="a.txt")) == 1
        # whitespace differences do not make a new text
        assert store.add(make_document(TEXT + "\n\n", SAID, path="b.txt")) is None
    assert count(db, "SELECT count(*) FROM articles") == 1
    assert count(db, "SELECT count(*) FROM attributions") == 2


def test_a_changed_text_under_the_same_url_is_a_new_version(tmp_path):
    db = tmp_path / "c.duckdb"
    changed = TEXT.replace("fail", "collapse")
    with Store(db) as store:
        store.add(make_document(TEXT, SAID, url="https://example.org/x"))
        said = [SAID[0][:3] + ("the plan would collapse",), SAID[1]]
        store.add(make_document(changed, said, url="https://example.org/x"))
        rows = store.con.execute(
            "SELECT version, is_current FROM articles ORDER BY version"
        ).fetchall()
    assert rows == [(1, False), (2, True)]


def test_an_article_that_fails_to_write_leaves_nothing(tmp_path):
    db = tmp_path / "c.duckdb"
    document = make_document(TEXT, SAID, path="a.txt")
    twice = document.attributions[0]
    broken = type(document)(document.article, (twice, twice), document.entities)
    with Store(db) as store:
        with pytest.raises(duckdb.ConstraintException):
            store.add(broken)
        assert store.add(make_document("Another text, said Jane Roe.", [], path="b")) == 1
    assert count(db, "SELECT count(*) FROM articles") == 1
    assert count(db, "SELECT count(*) FROM attributions") == 0
    assert count(db, "SELECT count(*) FROM speakers") == 0


def test_speakers_are_linked_across_articles(tmp_path):
    db = tmp_path / "c.duckdb"
    second = "Roe told reporters the plan was dead."
    with Store(db) as store:
        store.add(make_document(TEXT, SAID, path="a"))
        store.add(make_document(second, [("Roe", "person", "Roe", "the plan was dead")], path="b"))
        rows = store.con.execute(
            "SELECT s.name, count(*) FROM attributions t JOIN speakers s ON s.id = t.speaker_id"
            " GROUP BY s.name ORDER BY s.name"
        ).fetchall()
    assert rows == [("Jane Roe", 2), ("officials", 1)]


def test_an_unresolved_pronoun_is_never_linked_to_another_article(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.add(make_document("I said no.", [("I", "person", "I", "no")], path="a"))
        store.add(make_document("I said yes.", [("I", "person", "I", "yes")], path="b"))
        speakers = store.con.execute("SELECT count(DISTINCT speaker_id) FROM entities").fetchone()
    assert speakers == (2,)


def test_linking_survives_reopening_the_database(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.add(make_document(TEXT, SAID, path="a"))
    with Store(db) as store:
        store.add(make_document("Roe said no.", [("Roe", "person", "Roe", "no")], path="b"))
        assert store.con.execute("SELECT count(*) FROM speakers").fetchone() == (2,)


def test_reading_a_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_a_database_from_a_newer_onrecord_is_refused(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer than this onrecord"):
        Store(db)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    db = tmp_path / "c.duckdb"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="E400"):
        Store(db)


def test_a_second_writer_gets_a_clear_error(tmp_path):
    db = tmp_path / "c.duckdb"
    holder = textwrap.dedent(
        f"""
        import sys, time
        from onrecord.store import Store
        store = Store({str(db)!r})
        print("open", flush=True)
        sys.stdin.readline()
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="in use by another onrecord process"):
            Store(db)
    finally:
        process.communicate("\n", timeout=30)


def test_text_hash_ignores_whitespace_and_unicode_composition():
    assert text_hash("Caf\u00e9  said\n yes") == text_hash("Cafe\u0301 said yes")
    assert text_hash("a") != text_hash("b")


def test_a_version_1_file_is_migrated_in_place_keeping_its_rows(tmp_path):
    from onrecord.store.schema import MIGRATIONS

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    for statement in MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute(
        "INSERT INTO articles (id, doc_key, version, is_current, text_hash, text)"
        " VALUES (1, 'k', 1, true, 'h', 'An old article.')"
    )
    con.close()
    with Store(db) as store:
        assert store.con.execute("SELECT text FROM articles").fetchall() == [("An old article.",)]
        columns = {row[0] for row in store.con.execute("DESCRIBE attributions").fetchall()}
        assert {"said_on", "said_in"} <= columns
        assert store.con.execute("SELECT count(*) FROM figures").fetchone() == (0,)
    assert count(db, "SELECT value::INT FROM meta WHERE key = 'schema_version'") == 2


def test_reading_a_file_that_needs_migrating_says_so(tmp_path):
    from onrecord.store.schema import MIGRATIONS

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    for statement in MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    with pytest.raises(StoreError, match="older schema.*onrecord migrate"):
        Store(db, read_only=True)
    from typer.testing import CliRunner

    from onrecord.cli import app

    result = CliRunner().invoke(app, ["migrate", "--db", str(db)])
    assert result.exit_code == 0 and f"schema version {SCHEMA_VERSION}" in result.output
    with Store(db, read_only=True):
        pass
