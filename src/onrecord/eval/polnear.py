"""Gold attributions from a PolNeAR compartment (BRAT standoff).

A compartment is a folder with ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``.
Only the ``E`` lines matter: each ties an attribution trigger to its content, cue and source
``T`` spans. Spans are kept as offsets into the ``.txt`` (read without newline translation, so
offsets are the corpus's own); the text echoed in the ``.ann`` is never trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from onrecord.errors import EvalError

Slices = tuple[tuple[int, int], ...]

ROLE = re.compile(r"^(Content|Cue|Source)\d*$")
ANNOTATION_ID = re.compile(r"^[TERAMN#]\d*\t")
TRIGGERS = frozenset({"Attribution", "Attribution-no-source"})


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution; ``cue`` and ``source`` are empty when the annotator left none."""

    content: Slices
    cue: Slices = ()
    source: Slices = ()
    id: str = ""


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


@dataclass(frozen=True)
class TextBound:
    """A BRAT ``T`` line: its type, its slices and the text the annotation tool echoed."""

    type: str
    slices: Slices
    echoed: str


@dataclass(frozen=True)
class Event:
    """A BRAT ``E`` line: the trigger's type and its ``(role, T id)`` arguments."""

    id: str
    trigger: str
    arguments: tuple[tuple[str, str], ...]
    line: int


def load_compartment(path: str | Path, *, limit: int | None = None) -> list[GoldArticle]:
    """Every article of a compartment, sorted by name (so ``limit`` always picks the same ones)."""
    root = Path(path)
    names = article_names(root)
    if limit is not None:
        names = names[:limit]
    return [load_article(root, name) for name in names]


def load_article(path: str | Path, name: str) -> GoldArticle:
    """One article's text and gold attributions, by the stem of its ``.txt`` file."""
    root = Path(path)
    text_path = root / "text" / f"{name}.txt"
    if not text_path.is_file():
        raise EvalError(f"no article text {name}.txt in this compartment", path=str(root))
    text = read_text(text_path)
    ann_path = annotation_file(root, name)
    spans, events = parse_ann(read_text(ann_path), path=str(ann_path))
    attributions = [build_attribution(event, spans, str(ann_path)) for event in events]
    return GoldArticle(name, text, [a for a in attributions if a is not None])


def article_names(root: Path) -> list[str]:
    """The stems of ``text/*.txt``; a missing or empty compartment is the user's to fix."""
    if not root.is_dir():
        raise EvalError("PolNeAR compartment not found (expected a folder)", path=str(root))
    text_dir = root / "text"
    names = sorted(p.stem for p in text_dir.glob("*.txt")) if text_dir.is_dir() else []
    if not names:
        raise EvalError(
            "no articles: expected text/<name>.txt and attributions/<name>_<annotator>.ann",
            path=str(root),
        )
    return names


def annotation_file(root: Path, name: str) -> Path:
    """The alphabetically first annotator's file, so a doubly annotated article is read once."""
    pattern = re.compile(re.escape(name) + r"_[^_/]+\.ann$")
    folder = root / "attributions"
    candidates = sorted(p for p in folder.glob(f"{name}_*.ann") if pattern.fullmatch(p.name))
    if not candidates:
        raise EvalError(f"no annotation file {name}_<annotator>.ann", path=str(folder))
    return candidates[0]


def read_text(path: Path) -> str:
    """Read UTF-8 without newline translation: BRAT offsets count every character as stored."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise EvalError(f"cannot read: {error}", path=str(path)) from error


def parse_ann(content: str, *, path: str | None = None) -> tuple[dict[str, TextBound], list[Event]]:
    """The ``T`` and ``E`` lines of a ``.ann``; notes and continuation lines are skipped.

    A ``T`` line's echoed text may run over several lines when the span holds a newline; those
    continuation lines carry no id and are appended to the echoed text.
    """
    spans: dict[str, TextBound] = {}
    events: list[Event] = []
    last_span: str | None = None
    lines = content.removesuffix("\n").split("\n")
    for number, line in enumerate((line.removesuffix("\r") for line in lines), start=1):
        if not ANNOTATION_ID.match(line):
            if last_span is not None:
                bound = spans[last_span]
                spans[last_span] = TextBound(bound.type, bound.slices, bound.echoed + "\n" + line)
            continue
        last_span = None
        ident, _, rest = line.partition("\t")
        if ident.startswith("T"):
            spans[ident] = parse_text_bound(rest, number, path)
            last_span = ident
        elif ident.startswith("E"):
            events.append(parse_event(ident, rest, number, path))
    return spans, events


def parse_text_bound(rest: str, number: int, path: str | None = None) -> TextBound:
    """``Content 2103 2168;2170 2425<TAB>text`` into its type and slices."""
    header, _, echoed = rest.partition("\t")
    type_, _, offsets = header.partition(" ")
    try:
        slices = tuple(
            (int(start), int(end))
            for start, end in (segment.split() for segment in offsets.split(";"))
        )
    except ValueError as error:
        message = f"malformed span offsets {offsets!r}"
        raise EvalError(message, path=path, line=number) from error
    return TextBound(type_, slices, echoed)


def parse_event(ident: str, rest: str, number: int, path: str | None = None) -> Event:
    """``Attribution:T4 Content:T3 Cue:T2 Source:T1``: the first argument is the trigger."""
    pairs = [part.split(":", 1) for part in rest.split()]
    if not pairs or any(len(pair) != 2 for pair in pairs):
        raise EvalError(f"malformed event {rest!r}", path=path, line=number)
    trigger = pairs[0][0]
    return Event(ident, trigger, tuple((role, target) for role, target in pairs[1:]), number)


def build_attribution(
    event: Event, spans: dict[str, TextBound], path: str
) -> GoldAttribution | None:
    """Merge every ``Content*``/``Cue*``/``Source*`` argument; ``None`` when nothing to match."""
    if event.trigger not in TRIGGERS:
        return None
    roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
    for role, target in event.arguments:
        found = ROLE.match(role)
        if not found:
            continue
        if target not in spans:
            message = f"event {event.id} refers to undefined {target}"
            raise EvalError(message, path=path, line=event.line)
        roles[found.group(1)].extend(spans[target].slices)
    if not any(end > start for start, end in roles["Content"]):
        return None
    return GoldAttribution(
        content=tidy(roles["Content"]),
        cue=tidy(roles["Cue"]),
        source=tidy(roles["Source"]),
        id=event.id,
    )


def tidy(slices: list[tuple[int, int]]) -> Slices:
    """Sorted, de-duplicated, non-empty slices (annotators sometimes list segments backwards)."""
    return tuple(sorted({(start, end) for start, end in slices if end > start}))
