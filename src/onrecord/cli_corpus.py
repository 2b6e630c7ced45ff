"""Printing for the corpus commands (ingest, quotes, speakers, article, sql): tables for
people, JSON and CSV for programs. The questions themselves live in ``store.query``."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from onrecord.store.ingest import IngestReport

OutputFormat = Literal["table", "json", "csv"]
ROLE_STYLES = {"content": "on grey23", "cue": "bold yellow", "source": "bold cyan"}


def ingest_progress(
    console: Console,
) -> tuple[AbstractContextManager, Callable[[IngestReport], None]]:
    """A live line: articles seen, added, already present, failed, and articles/s. On a
    terminal it redraws in place; into a log file it is a line every few seconds."""
    started = time.perf_counter()

    def describe(report: IngestReport) -> str:
        rate = report.seen / max(time.perf_counter() - started, 1e-9)
        return (
            f"{report.seen} articles: {report.added} added, {report.present} already in,"
            f" {len(report.failed)} failed, {rate:.2f} articles/s"
        )

    if not console.is_terminal:
        return _log_lines(console, describe)
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                        console=console)  # fmt: skip
    task = progress.add_task("starting")
    return progress, lambda report: progress.update(task, description=describe(report))


LOG_EVERY_SECONDS = 2.0


def _log_lines(
    console: Console, describe: Callable[[IngestReport], str]
) -> tuple[AbstractContextManager, Callable[[IngestReport], None]]:
    last_printed = [-LOG_EVERY_SECONDS]

    def update(report: IngestReport) -> None:
        now = time.perf_counter()
        if now - last_printed[0] >= LOG_EVERY_SECONDS:
            last_printed[0] = now
            console.print(describe(report), highlight=False, soft_wrap=True)

    return nullcontext(), update


def print_rows(
    rows: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    *,
    columns: Sequence[str] | None = None,
    widths: dict[str, int] | None = None,
    title: str | None = None,
) -> None:
    """Rows as a rich table, JSON Lines, or CSV on stdout."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        for row in rows:
            print(json.dumps({c: row.get(c) for c in columns}, default=_jsonable))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([[_cell(row.get(c)) for c in columns] for row in rows])
        print(buffer.getvalue(), end="")
    else:
        table = Table(title=title, show_lines=False, expand=False)
        for column in columns:
            width = (widths or {}).get(column)
            table.add_column(column, max_width=width, overflow="fold" if width else "ellipsis")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        Console().print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(value: Any) -> str:
    return json.dumps(value, default=_jsonable, ensure_ascii=False, indent=2)


def marked_article(found: dict[str, Any]) -> Text:
    """The article text with every content, cue and source span styled by role."""
    text = Text(found["text"])
    for attribution in found["attributions"]:
        for role, style in ROLE_STYLES.items():
            for start, end in attribution[f"{role}_slices"]:
                text.stylize(style, start, end)
    return text


def print_article(found: dict[str, Any]) -> None:
    console = Console()
    heading = found.get("title") or found.get("doc_key")
    meta = ", ".join(
        str(v) for v in (found.get("outlet"), found.get("published"), found.get("url")) if v
    )
    console.print(f"[bold]{heading}[/bold]", highlight=False)
    if meta:
        console.print(meta, style="dim", highlight=False)
    console.print(
        Text.assemble(
            ("content", ROLE_STYLES["content"]), "  ", ("cue", ROLE_STYLES["cue"]), "  ",
            ("source", ROLE_STYLES["source"]),
        )
    )  # fmt: skip
    console.print()
    console.print(marked_article(found))
    console.print()
    rows = [
        {
            "id": a["id"],
            "kind": a["kind"],
            "speaker": a["speaker"] or "",
            "title": a["speaker_title"] or "",
            "content": a["content"],
        }
        for a in found["attributions"]
    ]
    print_rows(rows, "table", widths={"content": 60, "title": 30}, title="attributions")
