"""The spaCy component: ``nlp.add_pipe("onrecord")`` after a parser and NER.

It is the one place where attribution finding, speaker resolution and the facts stage
meet: ``__call__`` finds the attributions, resolves their speakers, finds the dates, places
and figures (dating and placing each attribution), then sets them all on the Doc. Dates are
resolved against ``doc._.published`` (ISO YYYY-MM-DD), which the caller sets on the Doc
before the pipeline runs (``doc = nlp.make_doc(text); doc._.published = ...; nlp(doc)``);
without it relative dates ("Saturday") stay unresolved. Everything
else (the CLI, the Python API, the web server) goes through a pipeline with this
component, so there is one code path to test. A second, tiny component,
``onrecord_paragraphs``, goes before the parser and keeps sentences inside paragraphs.

spaCy imports this module through the ``spacy_factories`` entry point whenever any pipeline
loads, so the stages are imported only when the component is built.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from onrecord.errors import ModelError
from onrecord.lexicon import ABBREVIATED_HONORIFICS, ABBREVIATED_TITLES
from onrecord.settings import NEEDED_COMPONENTS, UNUSED_COMPONENTS
from onrecord.types import Attribution, Entity

if TYPE_CHECKING:
    from onrecord.facts import Facts

EXTENSIONS = ("attributions", "entities", "dates", "places", "figures", "published")


def _register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@Language.factory(
    "onrecord",
    assigns=[
        "doc._.attributions",
        "doc._.entities",
        "doc._.dates",
        "doc._.places",
        "doc._.figures",
        "doc.spans",
    ],
    requires=["token.dep", "token.head", "token.tag", "doc.ents"],
    default_config={"model_path": None, "spans_key": "onrecord"},
)
def make_onrecord(nlp: Language, name: str, model_path: str | None, spans_key: str):
    return OnrecordComponent(nlp, name, model_path=model_path, spans_key=spans_key)


class OnrecordComponent:
    """Finds attributions and resolves their speakers.

    model_path (str | None): a shipped tagger's name ("crf", "encoder") or a folder with a
        trained one; None takes the one ``ONRECORD_TAGGER`` names, else "crf".
    spans_key (str): the ``doc.spans`` key for the content, cue and source spans.
    """

    def __init__(
        self, nlp: Language, name: str = "onrecord", *, model_path: str | None, spans_key: str
    ):
        from onrecord.attribute import Tagger, find
        from onrecord.facts import find_facts, prepare
        from onrecord.resolve import resolve_speakers

        _register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.tagger = Tagger(model_path)
        self._find = find
        self._resolve = resolve_speakers
        self._find_facts = find_facts
        prepare()

    def __call__(self, doc: Doc) -> Doc:
        attributions = self._find(doc, self.tagger)
        attributions, entities = self._resolve(doc, attributions)
        facts = self._find_facts(doc, attributions, doc._.published)
        self.set_annotations(doc, facts.attributions, entities, facts)
        return doc

    def set_annotations(
        self, doc: Doc, attributions: list[Attribution], entities: list[Entity], facts: Facts
    ) -> None:
        doc._.attributions = attributions
        doc._.entities = entities
        doc._.dates = facts.dates
        doc._.places = facts.places
        doc._.figures = facts.figures
        spans = []
        for attribution in attributions:
            for role in ("content", "cue", "source"):
                span = getattr(attribution, role)
                if span is None:
                    continue
                for start, end in span.slices:
                    piece = doc.char_span(start, end, label=role, alignment_mode="expand")
                    if piece is not None:
                        spans.append(piece)
        doc.spans[self.spans_key] = spans

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in self.tagger.files().items():
            (path / name).write_bytes(data)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> OnrecordComponent:
        self.tagger = type(self.tagger)(Path(path))
        return self


# -1, "not a sentence start", as a Doc's uint64 arrays hold it.
NOT_A_SENTENCE_START = 2**64 - 1


@Language.factory("onrecord_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_starts(nlp: Language, name: str):
    return mark_paragraph_starts


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at the first word after a line break, before the parser runs.

    News paragraphs are sentences' natural ends, but the parser runs a sentence over a
    paragraph break in about one sentence in twelve (most often before a paragraph that
    opens with a quotation) and hangs the quotation below the previous paragraph's verb.
    The parser keeps a preset sentence start and decides every token left unset, so this
    only forbids sentences from crossing paragraphs. The tagger was trained on parses made
    this way (held-out train: attribution F1 0.610 -> 0.614).

    For the same reason a name after a title abbreviation ("Capt. Ann Lee") never starts a
    sentence: the parser ends one after a title it rarely saw, and the name is then read
    as a sentence of its own, with the title left as the speaker.

    The starts are written as one array: ``token.is_sent_start = True`` first checks the
    whole Doc for a parse, which made marking every paragraph quadratic in the article.
    """
    from onrecord.doc_arrays import token_texts

    if len(doc) == 0:
        return doc
    starts = doc.to_array([SENT_START]).reshape(-1, 1)
    after_break = False
    previous = ""
    for i, text in enumerate(token_texts(doc)):
        if after_break and not text.isspace():
            starts[i, 0] = 1
            after_break = False
        elif previous in TITLE_TOKENS and text[:1].isupper():
            starts[i, 0] = NOT_A_SENTENCE_START
        previous = text
        if "\n" in text:  # line breaks are tokens of their own
            after_break = True
    doc.from_array([SENT_START], starts)
    return doc


def load_pipeline(model: str, tagger: str | None = None) -> Language:
    """Load an installed spaCy pipeline by name, ready for onrecord, with onrecord at its
    end (``tagger``: see ``onrecord.attribute.tagger.model_dir_for``), quotation marks
    glued to words split off (``split_glued_quotation_marks``) and title abbreviations
    kept whole (``keep_title_abbreviations``)."""
    nlp = load_parsing_pipeline(model)
    split_glued_quotation_marks(nlp)
    keep_title_abbreviations(nlp)
    nlp.add_pipe("onrecord", config={"model_path": tagger})
    return nlp


def load_parsing_pipeline(model: str) -> Language:
    """The spaCy pipeline onrecord runs, without onrecord itself and with spaCy's own
    tokenizer (training parses with it): the components onrecord never reads left out,
    paragraph starts marked before the parser."""
    _register_extensions()
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as error:
        raise ModelError(
            f"cannot load spaCy pipeline {model!r}: is it installed? ({error.args[0][:120]})"
        ) from None
    missing = [c for c in NEEDED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"spaCy pipeline {model!r} lacks {', '.join(missing)}, which onrecord needs"
        )
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    return nlp


# Title abbreviations as written before a name ("Sen.", "Capt.", "Sens.", "Dr.").
TITLE_TOKENS = frozenset(
    f"{word.capitalize()}." for word in ABBREVIATED_TITLES | ABBREVIATED_HONORIFICS
)


def keep_title_abbreviations(nlp: Language) -> None:
    """Keep every title abbreviation one token, full stop included.

    spaCy's English tokenizer knows "Sen.", "Gov." and "Gen." but splits "Capt.", "Lt.",
    "Sens." and "Govs." into a word and a full stop, which the parser then takes for a
    sentence end: "said Pentagon spokesman Navy Capt. Jeff Davis" gave the speaker "Navy
    Capt". Only onrecord's own pipeline is changed, as with
    ``split_glued_quotation_marks``; training parses keep spaCy's tokenizer, where these
    abbreviations appear about 50 times in train's 840 articles."""
    if not hasattr(nlp.tokenizer, "add_special_case"):  # a tokenizer of another kind
        return
    for token in sorted(TITLE_TOKENS - set(nlp.tokenizer.rules or {})):
        nlp.tokenizer.add_special_case(token, [{ORTH: token}])


# A double quotation mark (or two apostrophes standing for one) inside a token, and the
# punctuation or dash between it and the word it is glued to: ``said,“Look``,
# ``audiences,"Katie``, ``act—“My``, ``history”—and``, ``said,''We``.
GLUED_QUOTATION_MARKS = (
    r"(?<=[^\s“”\"'])[,.:;!?—–―-]+(?=[“”\"]|'')",
    r"[“”\"]|''",
    r"(?<=[“”\"])[—–―-]+(?=[^\s“”\"])",
    r"(?<='')[—–―-]+(?=[^\s“”\"'])",
)


def split_glued_quotation_marks(nlp: Language) -> None:
    """Split quotation marks that touch a word on both sides into tokens of their own.

    spaCy's English tokenizer splits a quotation mark off only at a word's edge, so a
    quotation glued to its cue (``Ryan said,“Look, ...``, a missing space in the source)
    makes ``said,“Look`` one token: the cue is lost and the quotation starts mid-token. A
    quotation mark, or punctuation before one, never belongs inside a word, so these go to
    the tokenizer's infixes; a token only reaches the infixes after its prefixes and
    suffixes are split off, so marks at a word's edge are tokenized as before. Offsets are
    unchanged: tokens only split. Only onrecord's own pipeline is changed this way, never
    a pipeline a user adds the component to.

    Training parses keep spaCy's tokenizer, which the shipped taggers were fitted on: the
    split changes 90 tokens in 20 of train's 840 articles, and refitting on them moved the
    CRFs by refitting noise alone (docs/experiments.md, 2026-12-05). Read by the shipped
    taggers, the split tokens gained attributions on held-out train (+3, +3, +4 and 0 on
    the affected articles, for the two taggers on both folds)."""
    if not hasattr(nlp.tokenizer, "infix_finditer"):  # a tokenizer of another kind
        return
    known = []
    if nlp.tokenizer.infix_finditer is not None:
        pattern = getattr(nlp.tokenizer.infix_finditer, "__self__", None)
        if not isinstance(pattern, re.Pattern):
            return  # infixes that are not one regular expression cannot be extended
        known.append(pattern.pattern)
    infixes = compile_infix_regex([*GLUED_QUOTATION_MARKS, *known])
    nlp.tokenizer.infix_finditer = infixes.finditer
