"""Fuzz the reader and the extractor with hypothesis for a fixed wall-clock time.

Run standalone (not collected by pytest)::

    python tests/reliability/fuzz_extract.py --minutes 10

Each round runs two targets with a fresh random seed until the time is up:

* ``extract``: article-like text (``strategies.any_article_text``) through the full spaCy
  pipeline; the document must be valid "onrecord/2" with every span cutting its own text
  out of the article, and a second extraction must give the same document;
* ``read``: arbitrary bytes (random, or article text in UTF-8/UTF-16/UTF-32, or wrapped in
  HTML or JSON Lines) read as an unnamed file; the reader must yield Articles or one-line
  ReadErrors and nothing else.

A failure stops the run and prints hypothesis's smallest failing example; keep it as a
regression test in tests/reliability/.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # strategies.py, helpers.py

from helpers import offset_problems  # noqa: E402
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from strategies import any_article_text  # noqa: E402

from onrecord.errors import OnrecordError  # noqa: E402
from onrecord.pipeline import get_extractor  # noqa: E402
from onrecord.read import iter_articles  # noqa: E402
from onrecord.types import Article  # noqa: E402


def document_problems(text: str) -> list[str]:
    """What is wrong with the extraction of ``text``: [] when nothing is."""
    extractor = get_extractor()
    try:
        first = extractor.extract(Article(text=text)).to_dict()
    except OnrecordError as error:  # a refusal is fine when it is one line
        return [] if "\n" not in str(error) else [f"multi-line error: {error!r}"]
    problems = offset_problems(first) + schema_problems(first)
    second = extractor.extract(Article(text=text)).to_dict()
    if second != first:
        problems.append("a second extraction of the same text differs")
    return problems


def schema_problems(output: dict) -> list[str]:
    from jsonschema import Draft202012Validator

    schema_file = resources.files("onrecord").joinpath("schema", "onrecord-2.json")
    validator = Draft202012Validator(json.loads(schema_file.read_text(encoding="utf-8")))
    return [f"schema: {e.message}" for e in validator.iter_errors(output)]


def read_problems(data: bytes, folder: Path) -> list[str]:
    """What is wrong with reading ``data`` as a file of unknown kind: [] when nothing is."""
    path = folder / "input.data"
    path.write_bytes(data)
    problems = []
    for item in iter_articles([path]):
        if isinstance(item, OnrecordError):
            if "\n" in str(item):
                problems.append(f"multi-line error: {item!r}")
        elif not isinstance(item, Article) or not item.text.strip():
            problems.append(f"not an article with text: {item!r}")
    return problems


def input_bytes() -> st.SearchStrategy[bytes]:
    text = any_article_text()
    return st.one_of(
        st.binary(max_size=400),
        st.builds(lambda t, e: t.encode(e), text, st.sampled_from(["utf-8", "utf-16", "utf-32"])),
        st.builds(lambda t: f"<html><body><p>{t}</p></body></html>".encode(), text),
        st.builds(lambda t: (json.dumps({"text": t}) + "\n{bad\n").encode(), text),
        st.builds(lambda t, b: t.encode("utf-8", "replace") + b, text, st.binary(max_size=8)),
    )


def run_round(round_seed: int, examples: int, folder: Path) -> None:
    """One round of each target; raises AssertionError with the smallest failing example."""
    fuzz_settings = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )

    @seed(round_seed)
    @fuzz_settings
    @given(text=any_article_text())
    def extract_target(text: str) -> None:
        assert document_problems(text) == []

    @seed(round_seed)
    @fuzz_settings
    @given(data=input_bytes())
    def read_target(data: bytes) -> None:
        assert read_problems(data, folder) == []

    extract_target()
    read_target()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--examples", type=int, default=100, help="examples per target a round")
    parser.add_argument("--seed", type=int, default=0, help="first round's seed")
    options = parser.parse_args()

    get_extractor()  # load the model before the clock starts
    started = time.monotonic()
    deadline = started + options.minutes * 60
    rounds = 0
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() < deadline:
            run_round(options.seed + rounds, options.examples, Path(folder))
            rounds += 1
            elapsed = time.monotonic() - started
            print(f"round {rounds} passed ({elapsed:.0f} s)", file=sys.stderr, flush=True)
    minutes = (time.monotonic() - started) / 60
    examples = rounds * options.examples
    print(f"fuzzed {minutes:.1f} min: {rounds} rounds, {examples} examples per target, no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
