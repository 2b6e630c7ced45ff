"""What the training split says about cues: how often each word form is part of a cue, and
how often a cue of each shape has no source.

PolNeAR's cues are open-ended ("said", "believes", "a poll found", "questions about"), so
no hand list is used: the rate at which a word form is annotated as a cue in the training
articles says how "reporting" it is, and the tagger sees that rate, binned, on the word
itself and on the words it hangs below. Rare forms (fewer than ``MIN_COUNT`` occurrences)
get no rate, so the tagger falls back to the word and its syntax.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

MIN_COUNT = 3
# How ``group.cue_shapes`` marks a cue whose verb has its own subject ("said|own").
OWN_SUBJECT = "own"
BINS = (0.02, 0.1, 0.25, 0.5, 0.75)


class CueLexicon:
    """Cue rates per lower-cased word form, with counts so one article can be left out."""

    def __init__(self, cue_counts: Counter | None = None, counts: Counter | None = None):
        self.cue_counts = cue_counts or Counter()
        self.counts = counts or Counter()

    def add(self, word: str, is_cue: bool) -> None:
        self.counts[word] += 1
        if is_cue:
            self.cue_counts[word] += 1

    def rate_bin(self, word: str, leave_out: CueLexicon | None = None) -> int | None:
        """Which of ``BINS`` the word's cue rate falls in; None for rare or unseen words.
        ``leave_out`` subtracts one article's own counts, so training features never see
        the article's own gold."""
        total = self.counts.get(word, 0)
        cues = self.cue_counts.get(word, 0)
        if leave_out is not None:
            total -= leave_out.counts.get(word, 0)
            cues -= leave_out.cue_counts.get(word, 0)
        if total < MIN_COUNT:
            return None
        rate = cues / total
        return sum(1 for edge in BINS if rate >= edge)

    def to_json(self) -> str:
        kept = {w: [self.cue_counts.get(w, 0), n] for w, n in self.counts.items() if n >= MIN_COUNT}
        return json.dumps(kept, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> CueLexicon:
        raw = json.loads(data)
        return cls(
            Counter({w: c for w, (c, _) in raw.items()}),
            Counter({w: n for w, (_, n) in raw.items()}),
        )

    @classmethod
    def from_path(cls, path: str | Path) -> CueLexicon:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))


class SourcelessCues:
    """How often a cue of each shape has no source in the training articles.

    Some cues take their subject into the content instead of giving it a speaker: "The
    statistics appear to be fabricated", "She is expected to continue", "Asked whether he
    would run, Smith said ...". PolNeAR annotates these with no source, while the parse
    offers a subject that grouping would otherwise take. A shape is the cue's head word with
    how it gets a subject (``cue_shapes`` in ``group``); the most specific shape seen at
    least ``MIN_COUNT`` times decides, and a cue is sourceless when most of its kind were.
    """

    def __init__(self, counts: dict[str, list[int]] | None = None):
        self.counts: dict[str, list[int]] = counts or {}

    def add(self, shapes: tuple[str, ...], sourceless: bool) -> None:
        for shape in shapes:
            seen = self.counts.setdefault(shape, [0, 0])
            seen[0] += int(sourceless)
            seen[1] += 1

    def is_sourceless(self, shapes: tuple[str, ...]) -> bool:
        """``shapes`` most specific first; unseen and rare shapes keep their source. A cue
        with a subject of its own is judged by that shape alone, never by its bare word: the
        word's count mixes in other constructions ("charged" has no source in 4 of its 5
        train cues, as in "was charged with"), while a verb with its own subject nearly
        always has its speaker there. On the two held-out halves of train that gave 13 and 3
        more attributions with the right source, and changed no content."""
        if shapes and shapes[0].endswith(f"|{OWN_SUBJECT}"):
            shapes = shapes[:1]
        for shape in shapes:
            sourceless, total = self.counts.get(shape, (0, 0))
            if total >= MIN_COUNT:
                return 2 * sourceless > total
        return False

    def to_json(self) -> str:
        kept = {shape: seen for shape, seen in self.counts.items() if seen[1] >= MIN_COUNT}
        return json.dumps(kept, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> SourcelessCues:
        return cls({shape: list(seen) for shape, seen in json.loads(data).items()})

    @classmethod
    def from_path(cls, path: str | Path) -> SourcelessCues:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))
