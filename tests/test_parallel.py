"""Extraction in worker processes gives exactly what one process gives, in input order."""

from __future__ import annotations

import shutil

from helpers import require_shared
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.parallel import extract_all
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
