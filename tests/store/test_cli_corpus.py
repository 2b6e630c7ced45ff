"""The corpus commands as a user runs them: ingest the seed article, then ask about it."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from onrecord.cli import app


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, corpus_inputs, extractor):
    db = tmp_path_factory.mktemp("cli") / "seed.duckdb"
    result = run("ingest", str(corpus_inputs[0]), "--db", str(db), "--published", "2022-04-26")
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    return str(db)


def test_reingesting_adds_nothing(seed_db, corpus_inputs):
    result = run("ingest", str(corpus_inputs[0]), "--db", seed_db)
    assert result.exit_code == 0 and "0 added, 1 already in" in result.output


def test_quotes_by_speaker_lists_the_pronoun_and_speakerless_ones(seed_db):
    result = run("quotes", "--speaker", "Baumann", "--db", seed_db, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {row["speaker"] for row in rows} == {"Franz Baumann"}
    contents = " ".join(row["content"] for row in rows)
    assert "should have gone to Moscow" in contents  # He said that ...
    assert "not enough to simply condemn" in contents  # ... he remarked
    assert "Then he should have gone to the major capitals" in contents


def test_speakers_shows_baumann_once_with_his_title(seed_db):
    result = run("speakers", "--db", seed_db, "--format", "csv", "--top", "100")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    baumann = [row for row in rows if "Baumann" in row["name"]]
    assert len(baumann) == 1
    assert baumann[0]["titles"] == "a UN assistant secretary general until 2015"


def test_the_table_formats_print(seed_db):
    for command in (["quotes", "--kind", "direct"], ["speakers"], ["article", "1"]):
        result = run(*command, "--db", seed_db)
        assert result.exit_code == 0, result.output
    assert "Baumann" in run("article", "1", "--db", seed_db).output


def test_article_json_and_sql(seed_db):
    found = json.loads(run("article", "1", "--json", "--db", seed_db).output)
    assert found["id"] == 1 and found["attributions"]
    result = run("sql", "SELECT count(*) AS n FROM articles", "--db", seed_db, "-f", "csv")
    assert result.output.splitlines() == ["n", "1"]


def test_sql_cannot_write(seed_db):
    result = run("sql", "DROP TABLE articles", "--db", seed_db)
    assert result.exit_code == 1 and "E400" in result.output


def test_export_writes_files(seed_db, tmp_path):
    out = tmp_path / "attributions.csv"
    result = run("export", "attributions", "-o", str(out), "-f", "csv", "--db", seed_db)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("article_id,")
    result = run("export", "brat", "--article", "1", "-o", str(tmp_path / "brat"), "--db", seed_db)
    assert (tmp_path / "brat" / "1.ann").read_text(encoding="utf-8").startswith("T1\t")


def test_a_missing_database_is_one_line(tmp_path):
    result = run("quotes", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1 and result.output.startswith("[E400]")


def test_a_bad_format_is_refused(seed_db):
    result = run("quotes", "--db", seed_db, "--format", "xml")
    assert result.exit_code == 2


def test_serve_refuses_a_missing_database_in_one_line(tmp_path):
    result = run("serve", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith("[E400]")


def test_eval_names_scores_the_shipped_pairs():
    result = run("eval", "names", "tests/data/name_pairs.tsv", "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert 0.0 < scores["precision"] <= 1.0 and 0.0 < scores["recall"] <= 1.0
