"""How well ``same_speaker`` decides whether two names are one speaker, on hand-labelled pairs.

The pairs file is tab-separated with the header ``name_a type_a name_b type_b same note``;
lines starting with ``#`` and blank lines are comments. ``same`` is 1 when the two names
denote one speaker. What is measured is *merging*: precision is the share of the pairs
``same_speaker`` merges that are truly one speaker (a false merge mixes two people's
statements, the costlier error), recall the share of true pairs it merges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onrecord.errors import EvalError
from onrecord.link import NameRecord, same_speaker

HEADER = ("name_a", "type_a", "name_b", "type_b", "same", "note")
TYPES = frozenset({"person", "organization", "group", "document", "unknown"})
LABELS = {"1": True, "0": False}


@dataclass(frozen=True)
class NamePair:
    """One labelled pair and the line it came from (so a report can point at it)."""

    first: NameRecord
    second: NameRecord
    same: bool
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class PairReport:
    """Counts of ``same_speaker`` against the labels, and the pairs it got wrong."""

    tp: int
    fp: int
    fn: int
    tn: int
    false_merges: tuple[NamePair, ...] = field(default=(), repr=False)
    missed_merges: tuple[NamePair, ...] = field(default=(), repr=False)

    @property
    def pairs(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        merged = self.tp + self.fp
        return self.tp / merged if merged else 0.0

    @property
    def recall(self) -> float:
        same = self.tp + self.fn
        return self.tp / same if same else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "false_merges": [_pair_dict(p) for p in self.false_merges],
            "missed_merges": [_pair_dict(p) for p in self.missed_merges],
        }

    def format(self) -> str:
        """A few lines for the terminal: the figures, then every wrong decision."""
        lines = [
            f"pairs {self.pairs}: tp {self.tp}  fp {self.fp}  fn {self.fn}  tn {self.tn}",
            f"merging precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
        ]
        for title, pairs in (("false merges", self.false_merges), ("missed", self.missed_merges)):
            if pairs:
                lines.append(f"{title}:")
                lines.extend(f"  line {p.line}: {_pair_text(p)}" for p in pairs)
        return "\n".join(lines)


def score_pairs(path: str | Path) -> PairReport:
    """Run ``same_speaker`` on every pair of the file and count its decisions."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    false_merges, missed = [], []
    for pair in load_pairs(path):
        merged = same_speaker(pair.first, pair.second)
        if merged and pair.same:
            counts["tp"] += 1
        elif merged:
            counts["fp"] += 1
            false_merges.append(pair)
        elif pair.same:
            counts["fn"] += 1
            missed.append(pair)
        else:
            counts["tn"] += 1
    return PairReport(**counts, false_merges=tuple(false_merges), missed_merges=tuple(missed))


def load_pairs(path: str | Path) -> list[NamePair]:
    """The labelled pairs of a file; a malformed line is an ``EvalError`` naming it."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EvalError(f"cannot read the pairs file: {error}", path=where) from error
    pairs: list[NamePair] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(f.strip() for f in fields) != HEADER:
                expected = "\\t".join(HEADER)
                raise EvalError(f"expected the header {expected}", path=where, line=number)
            header_seen = True
            continue
        pairs.append(parse_pair(fields, number, where))
    if not pairs:
        raise EvalError("no pairs (expected a header line and at least one pair)", path=where)
    return pairs


def parse_pair(fields: list[str], number: int, where: str) -> NamePair:
    """One data line: five or six tab-separated fields (the note may be left off)."""
    if len(fields) not in (len(HEADER) - 1, len(HEADER)):
        message = f"expected {len(HEADER)} tab-separated fields, found {len(fields)}"
        raise EvalError(message, path=where, line=number)
    name_a, type_a, name_b, type_b, label = (f.strip() for f in fields[:5])
    note = fields[5].strip() if len(fields) == len(HEADER) else ""
    if not name_a or not name_b:
        raise EvalError("empty name", path=where, line=number)
    for kind in (type_a, type_b):
        if kind not in TYPES:
            allowed = "|".join(sorted(TYPES))
            raise EvalError(f"unknown type {kind!r} (expected {allowed})", path=where, line=number)
    if label not in LABELS:
        raise EvalError(f"same must be 1 or 0, not {label!r}", path=where, line=number)
    return NamePair(
        NameRecord(name_a, type_a), NameRecord(name_b, type_b), LABELS[label], note, number
    )


def _pair_text(pair: NamePair) -> str:
    first, second = pair.first, pair.second
    text = f"{first.name} ({first.type}) ~ {second.name} ({second.type})"
    return f"{text}  # {pair.note}" if pair.note else text


def _pair_dict(pair: NamePair) -> dict[str, Any]:
    return {
        "line": pair.line,
        "name_a": pair.first.name,
        "type_a": pair.first.type,
        "name_b": pair.second.name,
        "type_b": pair.second.type,
        "same": pair.same,
        "note": pair.note,
    }
