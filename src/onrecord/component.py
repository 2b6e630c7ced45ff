"""The spaCy component: ``nlp.add_pipe("onrecord")`` after a parser and NER.

It is the one place where attribution finding, speaker resolution and the facts stage
meet: ``__call__`` finds the attributions, resolves their speakers, finds the dates, places
and figures (dating and placing each attribution), then sets them all on the Doc. Dates are
resolved against ``doc._.published`` (ISO YYYY-MM-DD), which the caller sets on the Doc
before the pipeline runs (``doc = nlp.make_doc(text); doc._.published = ...; nlp(doc)``);
without it relative dates ("Saturday") stay unresolved. Everything
else (the CLI, the Python API, the web server) goes through a pipeline with this
component, so there is one code path to test.

spaCy imports this module through the ``spacy_factories`` entry point whenever any pipeline
loads, so the stages are imported only when the component is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from onrecord.errors import ModelError
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

    model_path (str | None): a folder with a trained tagger; None takes the packaged one.
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


def load_pipeline(model: str) -> Language:
    """Load an installed spaCy pipeline by name and put onrecord at its end."""
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
    nlp.add_pipe("onrecord")
    return nlp
