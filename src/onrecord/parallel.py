"""Extraction over many articles on every core, results in input order.

Each worker process loads the spaCy pipeline once and extracts whole articles; the parent
only feeds articles and collects documents, so whatever it does with them (print, write
files, store) happens in one process and in input order, the same for any number of
workers. A failure on one article comes back as an error for that article, not a stopped
run; a worker whose parent is killed exits instead of living on as an orphan.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from onrecord.errors import OnrecordError
from onrecord.types import Article, Document

# Articles in flight per worker: enough to keep every worker busy, few enough that a huge
# input is never read into memory at once.
QUEUE_PER_WORKER = 4

Outcome = tuple[Article, "Document | OnrecordError"]


def extract_all(
    articles: Iterable[Article], *, model: str | None = None, workers: int = 1
) -> Iterator[Outcome]:
    """Each article with its Document, or with the error that stopped its extraction."""
    if workers <= 1:
        return _extract_here(articles, model)
    return _extract_in_workers(articles, model, workers)


def _extract_here(articles: Iterable[Article], model: str | None) -> Iterator[Outcome]:
    from onrecord.pipeline import get_extractor

    extractor = get_extractor(model)
    for article in articles:
        yield article, _extract_one(extractor, article)


def _extract_in_workers(
    articles: Iterable[Article], model: str | None, workers: int
) -> Iterator[Outcome]:
    # "spawn": a fresh interpreter per worker, never a fork of a parent that holds threads
    # and open database files.
    context = multiprocessing.get_context("spawn")
    in_flight: deque[tuple[Article, Future]] = deque()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_load_worker, initargs=(model,)
    ) as pool:
        for article in articles:
            in_flight.append((article, pool.submit(_extract_in_worker, article)))
            if len(in_flight) >= workers * QUEUE_PER_WORKER:
                yield _finished(*in_flight.popleft())
        while in_flight:
            yield _finished(*in_flight.popleft())


def _finished(article: Article, future: Future) -> Outcome:
    try:
        return article, future.result()
    except Exception as error:  # the worker process died on this article
        return article, _failure(article, error)


_worker_extractor = None


def _load_worker(model: str | None) -> None:
    global _worker_extractor
    from onrecord.pipeline import Extractor

    _exit_with_parent(os.getppid())
    _worker_extractor = Extractor(model)


def _exit_with_parent(parent: int) -> None:
    """End this worker when the parent process is gone (killed, even with SIGKILL)."""

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
