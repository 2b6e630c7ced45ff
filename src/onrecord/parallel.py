"""Extraction over many articles on every core, results in input order.

Each worker process loads the spaCy pipeline once and extracts whole articles; the parent
only feeds articles and collects documents, so whatever it does with them (print, write
files, store) happens in one process and in input order, the same for any number of
workers. A failure on one article comes back as an error for that article, not a stopped
run; a worker whose parent is killed exits instead of living on as an orphan.

A process that extracts keeps to one thread (``keep_single_threaded``): with a second thread
alive, even an idle one, spaCy parses about a tenth slower.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from onrecord.errors import OnrecordError
from onrecord.types import Article, Document

# Batches in flight per worker: enough to keep every worker busy, few enough that a huge
# input is never read into memory at once.
QUEUE_PER_WORKER = 4
# Articles a worker takes at a time, parsed as one spaCy batch (nlp.pipe): the parser and
# NER run about a tenth faster on a few articles together than on one at a time; more per
# batch would leave one worker alone with a long last batch.
BATCH = 4

Outcome = tuple[Article, "Document | OnrecordError"]

# The variables that size numpy's BLAS thread pool (OpenBLAS in numpy's wheels; OpenMP
# builds of other BLAS libraries), read once, when numpy is first imported.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")


def keep_single_threaded() -> None:
    """Keep numpy's BLAS from starting its thread pool in this process, unless the user set
    its size; call it before numpy is first imported (the CLI does, and so does each worker).

    spaCy allocates small objects all the time, and a process with a second thread, even an
    idle one, does that more slowly (most likely glibc's malloc, which takes its lock-free
    path only while a process has one thread). On the 84 PolNeAR dev articles, bare
    en_core_web_sm took 11.7 s alone and 12.9 s beside one sleeping thread; numpy's
    OpenBLAS starts such a thread on a machine with two cores, and onrecord multiplies no
    matrix large enough to share out."""
    os.environ.update(single_threaded_env())


def single_threaded_env() -> dict[str, str]:
    """The BLAS pool sizes that keep a process to one thread: 1, or the size the user set.
    Also what a Spark session passes to its workers, which import numpy before onrecord."""
    return {name: os.environ.get(name, "1") for name in BLAS_THREAD_VARIABLES}


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
    for batch in _batches(articles, BATCH):
        yield from zip(batch, _extract_batch(extractor, batch), strict=True)


def _extract_in_workers(
    articles: Iterable[Article], model: str | None, workers: int
) -> Iterator[Outcome]:
    # "spawn": a fresh interpreter per worker, never a fork of a parent that holds threads
    # and open database files.
    context = multiprocessing.get_context("spawn")
    in_flight: deque[tuple[list[Article], Future]] = deque()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_load_worker, initargs=(model,)
    ) as pool:
        for batch in _batches(articles, BATCH):
            in_flight.append((batch, pool.submit(_extract_batch_in_worker, batch)))
            if len(in_flight) >= workers * QUEUE_PER_WORKER:
                yield from _finished(*in_flight.popleft())
        while in_flight:
            yield from _finished(*in_flight.popleft())


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _finished(batch: list[Article], future: Future) -> Iterator[Outcome]:
    try:
        results = future.result()
    except Exception as error:  # the worker process died on this batch
        results = [_failure(article, error) for article in batch]
    yield from zip(batch, results, strict=True)


_worker_extractor = None


def _load_worker(model: str | None) -> None:
    global _worker_extractor
    keep_single_threaded()
    parent = os.getppid()
    from onrecord.pipeline import Extractor

    _worker_extractor = Extractor(model)
    _exit_with_parent(parent)


def _exit_with_parent(parent: int) -> None:
    """End this worker when the parent process is gone (killed, even with SIGKILL).

    A timer signal asks once a second, rather than a watching thread, which would slow the
    worker (see ``keep_single_threaded``); the interrupted wait for work resumes by itself
    (PEP 475). It starts once the model is loaded, so no signal interrupts the loading.
    Where there are no timer signals (Windows), a thread watches instead."""
    if not hasattr(signal, "setitimer"):
        _watch_parent_in_thread(parent)
        return

    def check(signum: int, frame: object) -> None:
        if os.getppid() != parent:
            os._exit(1)

    signal.signal(signal.SIGALRM, check)
    signal.setitimer(signal.ITIMER_REAL, 1.0, 1.0)
    check(signal.SIGALRM, None)  # the parent may have gone while the model loaded


def _watch_parent_in_thread(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="onrecord-parent-watch", daemon=True).start()


def _extract_batch_in_worker(batch: list[Article]) -> list[Document | OnrecordError]:
    return _extract_batch(_worker_extractor, batch)


def _extract_batch(extractor, batch: list[Article]) -> list[Document | OnrecordError]:
    """The batch's documents in one spaCy batch; if anything fails, each article alone, so
    one bad article costs only its own document."""
    try:
        return list(extractor.extract_many(batch))
    except Exception:
        return [_extract_one(extractor, article) for article in batch]


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
