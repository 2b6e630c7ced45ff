"""What the CLI does between parsing its arguments and printing: reading, extracting, writing.

``cli.py`` only parses and prints; everything here is plain functions over the public types,
so each step can be tested (and reused) without a terminal.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from onrecord.errors import OnrecordError, ReadError
from onrecord.pipeline import Extractor, get_extractor
from onrecord.read import iter_articles
from onrecord.types import Article, Attribution, Document

if TYPE_CHECKING:
    from onrecord.eval.metric import Report

SAMPLE_RESOURCE = ("data", "sample.txt")
_UNSAFE_FILE_CHARACTERS = re.compile(r"[^\w.\-]+")
_INDENTED_SLICE = re.compile(r"\[\n +(\d+),\n +(\d+)\n +\]")


def good_articles(
    items: Iterable[Article | ReadError], on_error: Callable[[ReadError], None]
) -> Iterator[Article]:
    """The articles among ``items``; each ReadError goes to ``on_error`` as it is met, so a
    bad input is reported at once and the good ones after it are still processed."""
    for item in items:
        if isinstance(item, ReadError):
            on_error(item)
        else:
            yield item


def read_inputs(
    paths: Sequence[str], published: str | None, on_error: Callable[[ReadError], None]
) -> Iterator[Article]:
    return good_articles(iter_articles(paths, published=published), on_error)


def peek(items: Iterator[Article], count: int) -> tuple[list[Article], Iterator[Article]]:
    """The first ``count`` items and an iterator that still yields all of them."""
    head = list(islice(items, count))
    return head, chain(head, items)


def wants_single_document(paths: Sequence[str], head: list[Article]) -> bool:
    """One file (or stdin) holding one article prints one JSON object; anything that can hold
    several (a directory, several paths, a JSON Lines file with more lines) prints JSON Lines,
    so the shape of the output never depends on a directory's contents."""
    return len(paths) == 1 and not Path(paths[0]).is_dir() and len(head) == 1


def document_json(document: Document, *, pretty: bool) -> str:
    if not pretty:
        return json.dumps(document.to_dict(), ensure_ascii=False)
    indented = json.dumps(document.to_dict(), ensure_ascii=False, indent=2)
    # One line per [start, end] slice instead of four; JSON strings never hold a raw newline,
    # so the pattern cannot touch article text.
    return _INDENTED_SLICE.sub(r"[\1, \2]", indented)


def extract_documents(
    articles: Iterable[Article],
    model: str | None,
    *,
    workers: int = 1,
    on_error: Callable[[OnrecordError], None] | None = None,
) -> Iterator[Document]:
    """Documents for ``articles``, in order; the pipeline is loaded only if there is an article,
    so a run whose every input is bad fails fast and says why. With ``workers`` > 1 the
    articles are spread over that many processes. An article whose extraction fails (too
    long, say) goes to ``on_error`` and the others go on."""
    articles = iter(articles)
    head, articles = peek(articles, 1)
    if not head:
        return iter(())
    return _documents_from_workers(articles, model, workers, on_error)


def _documents_from_workers(
    articles: Iterator[Article],
    model: str | None,
    workers: int,
    on_error: Callable[[OnrecordError], None] | None,
) -> Iterator[Document]:
    from onrecord.parallel import extract_all

    for _article, outcome in extract_all(articles, model=model, workers=workers):
        if isinstance(outcome, Document):
            yield outcome
        elif on_error is not None:
            on_error(outcome)


def output_name(article: Article, taken: set[str]) -> str:
    """A file name for ``article`` inside the output folder: its id (the input file's stem, or
    ``<stem>-<line>`` / the record's id for JSON Lines), made safe and unique within the run."""
    stem = _UNSAFE_FILE_CHARACTERS.sub("_", article.id or "article").strip("._") or "article"
    name, number = f"{stem}.json", 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}.json"
    taken.add(name)
    return name


def write_documents(
    documents: Iterable[Document], output_dir: Path, *, pretty: bool, advance: Callable[[], None]
) -> list[Path]:
    """Write each document as it comes into ``output_dir`` (see ``create_folder``); a file that
    cannot be written stops the run."""
    taken: set[str] = set()
    written = []
    for document in documents:
        path = output_dir / output_name(document.article, taken)
        _write_text(path, document_json(document, pretty=pretty) + "\n")
        written.append(path)
        advance()
    return written


def create_folder(folder: Path) -> None:
    """Create the output folder up front, so a wrong path fails before the model loads."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OnrecordError(f"cannot create: {error.strerror or error}", path=str(folder)) from None


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise OnrecordError(f"cannot write: {error.strerror or error}", path=str(path)) from None


def progress_bar(console: Console) -> Progress:
    """A bar redrawn by ``step`` after each article, not by rich's refresh thread: a second
    thread slows extraction in this process (``onrecord.parallel.keep_single_threaded``)."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        auto_refresh=False,
    )


def step(progress: Progress, task: TaskID) -> None:
    """One more article done, drawn at once."""
    progress.update(task, advance=1, refresh=True)


@dataclass(frozen=True)
class EvalRun:
    """A report with what it was measured on: the model and the seconds spent extracting
    (pipeline loading excluded, so the rate is the steady-state speed)."""

    report: Report
    model: str
    tagger: str
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.report.articles / self.seconds if self.seconds else 0.0

    def speed_line(self) -> str:
        return (
            f"model {self.model}, tagger {self.tagger}: {self.report.articles} articles in "
            f"{self.seconds:.1f} s ({self.articles_per_second:.2f} articles/s)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "tagger": self.tagger,
            "seconds": round(self.seconds, 2),
            "articles_per_second": round(self.articles_per_second, 3),
            **self.report.to_dict(),
        }


def evaluate_polnear(
    compartment: Path, model: str | None, limit: int | None, console: Console
) -> EvalRun:
    """Score the extractor on a PolNeAR compartment, with a progress bar on ``console``."""
    from onrecord.eval.metric import evaluate

    measured: dict[str, Any] = {}

    def extract(articles: list[Any]) -> list[list[Attribution]]:
        # Loaded here, after the corpus: a wrong folder fails before the slow model load.
        extractor = get_extractor(model)
        started = time.perf_counter()
        results = extract_with_progress(extractor, articles, console)
        seconds = time.perf_counter() - started
        measured.update(model=extractor.model, tagger=extractor.tagger, seconds=seconds)
        return results

    report = evaluate(compartment, extract, limit=limit)
    return EvalRun(report, measured["model"], measured["tagger"], measured["seconds"])


def extract_with_progress(
    extractor: Extractor, articles: Sequence[Any], console: Console
) -> list[list[Attribution]]:
    """Attributions per gold article (anything with ``.text``), batched through the pipeline."""
    inputs = (Article(text=a.text, id=getattr(a, "name", None)) for a in articles)
    results = []
    with progress_bar(console) as progress:
        task = progress.add_task("extracting", total=len(articles))
        for document in extractor.extract_many(inputs):
            results.append(list(document.attributions))
            step(progress, task)
    return results


def sample_text() -> str:
    """The bundled made-up article the demo runs on."""
    return resources.files("onrecord").joinpath(*SAMPLE_RESOURCE).read_text(encoding="utf-8")


def sample_corpus() -> Path:
    """The bundled made-up articles (JSON Lines with outlet, date and title) for the tour."""
    return Path(str(resources.files("onrecord").joinpath("data", "samples.jsonl")))


def shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def attribution_table(document: Document, content_width: int = 48) -> Table:
    """One row per attribution: who (speaker name and title, else the source text), the cue,
    and the content, shortened to keep rows on one line where the terminal allows."""
    table = Table(title=f"{len(document.attributions)} attributions", title_justify="left")
    table.add_column("kind", no_wrap=True)
    table.add_column("speaker", max_width=28)
    table.add_column("cue", max_width=20)
    table.add_column("content")
    for attribution in document.attributions:
        # Text() cells: article text may hold "[...]", which rich would read as markup.
        table.add_row(
            Text(attribution.kind),
            Text(speaker_label(attribution)),
            Text(attribution.cue.text if attribution.cue else ""),
            Text(shorten(attribution.content.text, content_width)),
        )
    return table


def speaker_label(attribution: Attribution) -> str:
    speaker = attribution.speaker
    if speaker is not None:
        return f"{speaker.name} ({speaker.title})" if speaker.title else speaker.name
    if attribution.source is not None:
        return f"“{attribution.source.text}” (unresolved)"
    return "—"
