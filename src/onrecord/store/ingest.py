"""Ingest: articles in, extracted in parallel, written to the store one whole article at a
time, in input order.

Extraction runs in worker processes (``onrecord.parallel``); writing stays in this process,
because DuckDB allows one writer and because writing in input order makes a run's result
the same whatever the number of workers. Articles whose text is already stored
are skipped before any work is spent on them, so a run killed half-way and started again
does only what is left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from onrecord.errors import OnrecordError, ReadError
from onrecord.parallel import extract_all
from onrecord.store.database import Store, text_hash
from onrecord.types import Article, Document


@dataclass
class IngestReport:
    """What a run did: articles added, already present, and the ones that failed."""

    added: int = 0
    present: int = 0
    failed: list[OnrecordError] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.present + len(self.failed)


def ingest(
    items: Iterable[Article | ReadError],
    store: Store,
    *,
    workers: int = 1,
    model: str | None = None,
    on_article: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Extract and store every new article of ``items``; unreadable ones are reported."""
    report = IngestReport()
    pending: set[str] = set()

    def new_articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, OnrecordError):
                report.failed.append(item)
                _notify(on_article, report)
                continue
            digest = text_hash(item.text)
            if digest in pending or store.has_text(digest):
                report.present += 1
                _notify(on_article, report)
                continue
            pending.add(digest)
            yield item

    for article, outcome in extract_all(new_articles(), model=model, workers=workers):
        digest = text_hash(article.text)
        pending.discard(digest)
        if isinstance(outcome, Document):
            if store.add(outcome, digest) is not None:
                report.added += 1
            else:
                report.present += 1
        else:
            report.failed.append(outcome)
        _notify(on_article, report)
    return report


def _notify(callback: Callable[[IngestReport], None] | None, report: IngestReport) -> None:
    if callback is not None:
        callback(report)


def ingest_documents(
    documents: Iterable[Document],
    store: Store,
    *,
    on_article: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Store documents extracted elsewhere (e.g. by ``onrecord spark``): linking speakers
    across articles happens here, as for articles extracted by ``ingest``."""
    report = IngestReport()
    for document in documents:
        if store.add(document) is not None:
            report.added += 1
        else:
            report.present += 1
        _notify(on_article, report)
    return report
