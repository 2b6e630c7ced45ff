"""What the serve tests' corpus is made of: PolNeAR train articles spread over outlets and
months, the seed article (dated statements, a place, figures), and one hand-made hostile
article whose text, quote and speaker are written to break a page that treats data as HTML.
Imported by conftest.py and the tests."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from helpers import require_shared

from onrecord.types import Article, Attribution, Document, Entity, Span, Speaker

TRAIN_ARTICLES = 8
SEED_ID = "seed-000"
SEED_TITLE = "Seed article"

# Every string an injected script would run sets window.__onrecordXss; the browser test
# asserts it stays undefined.
HOSTILE_SPEAKER = '<img src=x onerror="window.__onrecordXss=1">Mallory'
HOSTILE_TITLE = '"onmouseover="window.__onrecordXss=2" javascript:window.__onrecordXss=3'
HOSTILE_QUOTE = "<script>window.__onrecordXss=4</script> is all I will say"
HOSTILE_TEXT = (
    "A statement reached the newsroom on Tuesday. "
    f'"{HOSTILE_QUOTE}," said {HOSTILE_SPEAKER}, who did not explain. '
    'Readers who clicked <a href="javascript:window.__onrecordXss=5">here</a> saw nothing.'
)
HOSTILE_ARTICLE = Article(
    text=HOSTILE_TEXT,
    id="hostile-1",
    title="<script>window.__onrecordXss=6</script>Hostile headline",
    url="javascript:window.__onrecordXss=7",
    published="2016-03-15",
    outlet='<b onmouseover="window.__onrecordXss=8">Evil Times</b>',
    author="</title><script>window.__onrecordXss=9</script>",
)


def hostile_document() -> Document:
    """The hostile article with one attribution whose content, cue and source are cut from
    its text, and a speaker whose name and title are markup."""
    text = HOSTILE_TEXT
    source = _span(text, HOSTILE_SPEAKER)
    entity = Entity("e1", "person", HOSTILE_SPEAKER, HOSTILE_TITLE, (source,))
    attribution = Attribution(
        id="a1",
        kind="direct",
        content=_span(text, HOSTILE_QUOTE),
        cue=_span(text, "said"),
        source=source,
        speaker=Speaker("e1", HOSTILE_SPEAKER, "person", HOSTILE_TITLE),
    )
    return Document(HOSTILE_ARTICLE, (attribution,), (entity,), model="hand-made")


def _span(text: str, fragment: str) -> Span:
    start = text.index(fragment)
    return Span.from_slices(text, [(start, start + len(fragment))])


def spread_train_names(count: int) -> list[str]:
    """``count`` train articles evenly spaced through the sorted list, so the corpus spans
    several outlets and months."""
    folder = require_shared("polnear", "train", "text")
    names = sorted(p.stem for p in folder.glob("*.txt"))
    step = max(len(names) // count, 1)
    return names[::step][:count]


def seed_expected() -> dict:
    """The seed article's expected.json: its publication date, and the dates, places and
    amounts it holds."""
    return json.loads((require_shared("seed") / "expected.json").read_text(encoding="utf-8"))


def seed_record() -> dict:
    """The seed article as a JSON Lines record, published on the date its expectations
    assume (so "on Saturday" resolves to a day)."""
    expected = seed_expected()
    text = (require_shared("seed") / expected["article"]).read_text(encoding="utf-8")
    return {
        "id": SEED_ID,
        "text": text,
        "outlet": "Seed outlet",
        "published": expected["published"],
        "title": SEED_TITLE,
    }


def train_jsonl(names: list[str], out: Path) -> Path:
    """The train articles as JSON Lines, with outlet, date and title from PolNeAR's
    metadata, then the seed article."""
    polnear = require_shared("polnear")
    with (polnear / "metadata.tsv").open(encoding="utf-8") as handle:
        metadata = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    with out.open("w", encoding="utf-8") as handle:
        for name in names:
            meta = metadata.get(name, {})
            record = {
                "id": name,
                "text": (polnear / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8"),
                "outlet": meta.get("publisher"),
                "published": meta.get("publication_date"),
                "title": meta.get("title"),
            }
            handle.write(json.dumps(record) + "\n")
        handle.write(json.dumps(seed_record()) + "\n")
    return out
