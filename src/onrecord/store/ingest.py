"""Ingest: articles in, extracted in parallel, written to the store one whole article at a
time, in input order.

Extraction runs in worker processes (each loads the spaCy pipeline once); writing stays in
this process, because DuckDB allows one writer and because writing in input order makes a
run's result the same whatever the number of workers. Articles whose text is already stored
are skipped before any work is spent on them, so a run killed half-way and started again
does only what is left.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from onrecord.errors import OnrecordError, ReadError
from onrecord.store.database import Store, text_hash
from onrecord.types import Article, Document

# Futures in flight per worker: enough to keep every worker busy, few enough that a huge
# input is never read into memory at once.
QUEUE_PER_WORKER = 4


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

    def new_articles() -> Iterator[tuple[Article, str]]:
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
            yield item, digest

    extracted = (
        _extract_here(new_articles(), model)
        if workers <= 1
        else _extract_in_workers(new_articles(), model, workers)
    )
    for _article, digest, outcome in extracted:
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


Outcome = tuple[Article, str, "Document | OnrecordError"]


def _extract_here(articles: Iterator[tuple[Article, str]], model: str | None) -> Iterator[Outcome]:
    from onrecord.pipeline import get_extractor

    extractor = get_extractor(model)
    for article, digest in articles:
        yield article, digest, _extract_one(extractor, article)


def _extract_in_workers(
    articles: Iterator[tuple[Article, str]], model: str | None, workers: int
) -> Iterator[Outcome]:
    """Extract in ``workers`` processes, yielding results in input order."""
    context = multiprocessing.get_context("spawn")
    in_flight: deque[tuple[Article, str, Future]] = deque()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_load_worker, initargs=(model,)
    ) as pool:
        for article, digest in articles:
            in_flight.append((article, digest, pool.submit(_extract_in_worker, article)))
            if len(in_flight) >= workers * QUEUE_PER_WORKER:
                yield _finished(in_flight.popleft())
        while in_flight:
            yield _finished(in_flight.popleft())


def _finished(item: tuple[Article, str, Future]) -> Outcome:
    article, digest, future = item
    try:
        return article, digest, future.result()
    except OnrecordError as error:
        return article, digest, error
    except Exception as error:  # a worker crashed on this article: report it, go on
        return article, digest, _failure(article, error)


_worker_extractor = None


def _load_worker(model: str | None) -> None:
    global _worker_extractor
    from onrecord.pipeline import Extractor

    _exit_with_parent(os.getppid())
    _worker_extractor = Extractor(model)


def _exit_with_parent(parent: int) -> None:
    """End this worker when the ingest process is gone (killed, even with SIGKILL), instead
    of living on as an orphan holding a loaded model."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="onrecord-parent-watch", daemon=True).start()


def _extract_in_worker(article: Article) -> Document | OnrecordError:
    return _extract_one(_worker_extractor, article)


def _extract_one(extractor, article: Article) -> Document | OnrecordError:
    try:
        return extractor.extract(article)
    except OnrecordError as error:
        return error
    except Exception as error:
        return _failure(article, error)


def _failure(article: Article, error: Exception) -> OnrecordError:
    where = article.path or article.id
    return OnrecordError(f"extraction failed: {type(error).__name__}: {error}", path=where)
