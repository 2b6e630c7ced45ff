"""The ``onrecord`` command, run in-process with typer's CliRunner on real files.

Tests that need the pipeline take the session ``extractor`` fixture first, so the model is
loaded once and the CLI's cached extractor is the same one.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from helpers import require_shared
from typer.main import get_command
from typer.testing import CliRunner

from onrecord import __version__
from onrecord.cli import app
from onrecord.cli_utils import document_json, output_name
from onrecord.settings import TAGGER_VARIABLE
from onrecord.types import Article, Attribution, Document, Span

ARTICLE = (
    "Councillor Ada Brightwater said on Monday that the bridge would reopen in June.\n\n"
    "“We owe the valley a working crossing,” Brightwater told reporters. “It has waited long "
    "enough.”\n"
)
OTHER_ARTICLE = (
    "The ferry will keep running all winter, according to a statement from the harbor office.\n"
)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def assert_no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("[E")]


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "ferry.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    return folder


# --- no model needed ----------------------------------------------------------------------


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"onrecord {__version__}"


def test_every_command_and_option_has_help():
    missing = []
    for path, command in walk(get_command(app), "onrecord"):
        if not (command.help or "").strip():
            missing.append(path)
        for param in command.params:
            if param.name != "help" and not (getattr(param, "help", None) or "").strip():
                missing.append(f"{path} {param.name}")
    assert missing == []


def walk(command: click.Command, path: str):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from walk(sub, f"{path} {name}")


def test_invalid_published_date_is_a_clear_usage_error(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article), "--published", "last tuesday")
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert "YYYY-MM-DD" in result.stderr
    assert result.stdout == ""
    assert_no_traceback(result)


def test_only_bad_inputs_fail_fast_with_one_line_each(tmp_path: Path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = run("extract", str(binary), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("[E100]") and "photo.txt" in lines[0]
    assert lines[1].startswith("[E100]") and "missing.txt" in lines[1]
    assert_no_traceback(result)


def test_unknown_model_is_one_line(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article), "--model", "no_such_pipeline_xyz")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == error_lines(result)
    assert len(error_lines(result)) == 1
    assert error_lines(result)[0].startswith("[E200]")
    assert "no_such_pipeline_xyz" in result.stderr
    assert_no_traceback(result)


def test_unknown_tagger_is_one_line(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(TAGGER_VARIABLE, "crf")  # so the one --tagger sets is undone after
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article), "--tagger", "no_such_tagger")
    assert result.exit_code == 1
    assert len(error_lines(result)) == 1
    assert error_lines(result)[0].startswith("[E200]")
    assert "no_such_tagger" in result.stderr and "crf, encoder" in result.stderr
    assert_no_traceback(result)


def test_output_dir_that_cannot_be_created_is_one_line(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article), "--output-dir", str(article / "out"))
    assert result.exit_code == 1
    assert len(error_lines(result)) == 1
    assert "cannot create" in error_lines(result)[0]
    assert_no_traceback(result)


def test_eval_on_a_folder_that_is_not_a_compartment(tmp_path: Path):
    result = run("eval", "polnear", str(tmp_path))
    assert result.exit_code == 1
    assert len(error_lines(result)) == 1
    assert error_lines(result)[0].startswith("[E300]")
    assert_no_traceback(result)


def test_pretty_json_keeps_slices_on_one_line_and_text_intact(check_output):
    text = "He said [ 1, 2 ] was\nthe answer."
    content = Span.from_slices(text, [(8, 16), (21, 32)])
    document = Document(Article(text=text), (Attribution("a1", "indirect", content),))
    pretty = document_json(document, pretty=True)
    assert "[8, 16]" in pretty and "[21, 32]" in pretty
    assert json.loads(pretty) == document.to_dict()
    check_output(json.loads(pretty))
    assert "\n" not in document_json(document, pretty=False)


def test_output_names_are_safe_and_unique():
    taken: set[str] = set()
    names = [
        output_name(Article(text="x", id=article_id), taken)
        for article_id in ("report", "report", "../../etc/passwd", "a b/c", None, "..")
    ]
    assert names == [
        "report.json",
        "report-2.json",
        "etc_passwd.json",
        "a_b_c.json",
        "article.json",
        "article-2.json",
    ]


# --- extract --------------------------------------------------------------------------------


def test_extract_one_file_prints_one_document(extractor, check_output, tmp_path: Path):
    article = tmp_path / "bridge.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article), "--published", "2031-06-02")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("{\n")  # pretty by default
    output = json.loads(result.stdout)
    check_output(output)
    assert output["document"]["text"] == ARTICLE
    assert output["document"]["id"] == "bridge"
    assert output["document"]["path"] == str(article)
    assert output["document"]["published"] == "2031-06-02"
    assert output["document"]["model"] == extractor.model
    assert output["attributions"], "the quotation and the reported speech were missed"


def test_extract_with_the_encoder_tagger(extractor, check_output, tmp_path, monkeypatch):
    monkeypatch.setenv(TAGGER_VARIABLE, "crf")
    article = tmp_path / "bridge.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", "--tagger", "encoder", str(article))
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    check_output(output)
    contents = [a["content"]["text"] for a in output["attributions"]]
    assert any("working crossing" in c for c in contents), contents


def test_extract_compact_prints_one_line(extractor, check_output, tmp_path: Path):
    article = tmp_path / "bridge.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", "--compact", str(article))
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1
    check_output(json.loads(result.stdout))


def test_extract_stdin(extractor, check_output):
    result = run("extract", "-", input=ARTICLE)
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    check_output(output)
    assert output["document"]["path"] == "<stdin>"
    assert output["document"]["text"] == ARTICLE


def test_extract_directory_prints_json_lines(extractor, check_output, articles_dir: Path):
    result = run("extract", str(articles_dir))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    outputs = [json.loads(line) for line in lines]
    for output in outputs:
        check_output(output)
    assert [o["document"]["id"] for o in outputs] == ["bridge", "ferry"]


def test_extract_directory_to_output_dir(extractor, check_output, articles_dir, tmp_path):
    out = tmp_path / "out"
    result = run("extract", str(articles_dir), "--output-dir", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["bridge.json", "ferry.json"]
    bridge = json.loads((out / "bridge.json").read_text(encoding="utf-8"))
    check_output(bridge)
    assert bridge["document"]["text"] == ARTICLE
    assert "wrote 2 file(s)" in result.stderr


def test_jsonl_input_to_output_dir_names_files_by_id(extractor, check_output, tmp_path: Path):
    crawl = tmp_path / "crawl.jsonl"
    records = [
        {"id": "bridge-story", "text": ARTICLE, "published": "2031-06-02"},
        {"text": OTHER_ARTICLE, "outlet": "Valley Courier"},
    ]
    crawl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    result = run("extract", str(crawl), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["bridge-story.json", "crawl-2.json"]
    ferry = json.loads((out / "crawl-2.json").read_text(encoding="utf-8"))
    check_output(ferry)
    assert ferry["document"]["outlet"] == "Valley Courier"


def test_jsonl_with_several_articles_prints_json_lines(extractor, check_output, tmp_path):
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(
        json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": OTHER_ARTICLE}) + "\n",
        encoding="utf-8",
    )
    result = run("extract", str(crawl))
    assert result.exit_code == 0, result.output
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["document"]["id"] for o in outputs] == ["crawl-1", "crawl-2"]
    for output in outputs:
        check_output(output)


def test_bad_input_among_good_ones(extractor, check_output, articles_dir: Path, tmp_path):
    (articles_dir / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    out = tmp_path / "out"
    result = run("extract", str(articles_dir), str(tmp_path / "gone.txt"), "-o", str(out))
    assert result.exit_code == 1
    errors = error_lines(result)
    assert len(errors) == 2
    assert "broken.txt" in errors[0] and "gone.txt" in errors[1]
    assert all("\n" not in e for e in errors)
    assert sorted(p.name for p in out.iterdir()) == ["bridge.json", "ferry.json"]
    for written in out.iterdir():
        check_output(json.loads(written.read_text(encoding="utf-8")))
    assert_no_traceback(result)


def test_bad_line_in_jsonl_is_reported_and_the_rest_printed(extractor, check_output, tmp_path):
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(
        json.dumps({"text": ARTICLE})
        + "\n{not json\n"
        + json.dumps({"text": OTHER_ARTICLE})
        + "\n",
        encoding="utf-8",
    )
    result = run("extract", str(crawl))
    assert result.exit_code == 1
    assert [e.split(":")[0:2] for e in error_lines(result)] == [[f"[E100] {crawl}", "2"]]
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs) == 2
    for output in outputs:
        check_output(output)
    assert_no_traceback(result)


# --- eval and demo --------------------------------------------------------------------------


@pytest.fixture
def small_compartment(tmp_path: Path) -> Path:
    """The first three PolNeAR dev articles with their annotation files."""
    dev = require_shared("polnear", "dev")
    compartment = tmp_path / "dev3"
    (compartment / "text").mkdir(parents=True)
    (compartment / "attributions").mkdir()
    for text in sorted((dev / "text").glob("*.txt"))[:3]:
        shutil.copy(text, compartment / "text")
        for ann in (dev / "attributions").glob(f"{text.stem}_*.ann"):
            shutil.copy(ann, compartment / "attributions")
    return compartment


def test_eval_polnear_prints_figures(extractor, small_compartment: Path):
    result = run("eval", "polnear", str(small_compartment))
    assert result.exit_code == 0, result.output
    assert "attribution" in result.stdout
    assert "articles 3" in result.stdout
    assert f"model {extractor.model}, tagger crf: 3 articles" in result.stdout
    assert "extracting" in result.stderr  # the progress bar


def test_eval_polnear_json_with_limit(extractor, small_compartment: Path):
    result = run("eval", "polnear", str(small_compartment), "--limit", "2", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 2
    assert report["model"] == extractor.model
    assert report["tagger"] == "crf"
    assert report["counts"]["gold"] > 0
    assert report["counts"]["predicted"] > 0
    assert 0.0 <= report["scores"]["attribution_f1"] <= 1.0


def test_demo_tours_extraction_and_the_corpus(extractor, tmp_path):
    db = tmp_path / "demo.duckdb"
    result = run("demo", "--no-serve", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "kind" in result.stdout and "speaker" in result.stdout and "content" in result.stdout
    assert "direct" in result.stdout
    assert "Odessa Quill" in result.stdout  # the sample's most quoted speaker
    assert "3 articles added" in result.stdout
    again = run("demo", "--no-serve", "--db", str(db))
    assert "0 articles added, 3 already in" in again.stdout


def test_demo_links_a_speaker_across_the_sample_articles(extractor, tmp_path):
    db = tmp_path / "demo.duckdb"
    assert run("demo", "--no-serve", "--db", str(db)).exit_code == 0
    result = run("speakers", "--db", str(db), "--format", "json", "--name", "Ketterley")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["name"], row["articles"]) for row in rows] == [("Bram Ketterley", 3)]
