"""The ``onrecord`` command: argument parsing and printing only (the work is in cli_utils).

JSON goes to stdout, everything meant for a person (errors, progress) to stderr, so the
output can be piped. An ``OnrecordError`` is printed as its one-line message, never as a
traceback.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from typer.core import TyperGroup

from onrecord import __version__
from onrecord.cli_utils import (
    attribution_table,
    create_folder,
    document_json,
    evaluate_polnear,
    extract_documents,
    peek,
    progress_bar,
    read_inputs,
    sample_text,
    wants_single_document,
    write_documents,
)
from onrecord.errors import OnrecordError, ReadError
from onrecord.read.dates import iso_date
from onrecord.settings import DEFAULT_MODEL
from onrecord.types import Article


class OnrecordGroup(TyperGroup):
    """Turns an OnrecordError raised by any command into one line on stderr and exit code 1."""

    def invoke(self, ctx: typer.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except OnrecordError as error:
            typer.echo(str(error), err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=OnrecordGroup,
    help="Who said what in news articles: attributions and their speakers, as JSON.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
eval_app = typer.Typer(
    help="Score onrecord against an annotated corpus.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
app.add_typer(eval_app, name="eval")

ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        metavar="NAME",
        help=f"Installed spaCy pipeline with a parser and NER to run under onrecord "
        f"(default {DEFAULT_MODEL}; e.g. en_core_web_trf).",
        show_default=False,
    ),
]


def stderr() -> Console:
    return Console(stderr=True)


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"onrecord {__version__}")
        raise typer.Exit()


def checked_date(value: str | None) -> str | None:
    try:
        return iso_date(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Who said what in news articles: attributions and their speakers, as JSON."""


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Article files (.txt, .html, .jsonl), folders of them, or - for stdin.",
            show_default=False,
        ),
    ],
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-o",
            file_okay=False,
            metavar="DIR",
            help="Write one DIR/ID.json per article (ID: the file name or JSON Lines id) "
            "instead of printing to stdout.",
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            callback=checked_date,
            help="Publication date for articles whose input gives none.",
        ),
    ] = None,
    model: ModelOption = None,
    pretty: Annotated[
        bool,
        typer.Option(
            "--pretty/--compact",
            help="Indent the JSON of a single document or of written files "
            "(JSON Lines are always compact).",
        ),
    ] = True,
) -> None:
    """Find the attributions in articles and print them as JSON ("onrecord/1").

    One input with one article prints one JSON object; several inputs, a folder or a JSON
    Lines file with several articles print JSON Lines, one document a line. A bad input is
    reported on stderr and the others are still processed; the exit code is then 1.
    """
    failures: list[ReadError] = []

    def report(error: ReadError) -> None:
        failures.append(error)
        typer.echo(str(error), err=True)

    articles = read_inputs(paths, published, report)
    if output_dir is None:
        print_documents(paths, articles, model, pretty)
    else:
        write_to_folder(output_dir, articles, model, pretty)
    if failures:
        raise typer.Exit(1)


def print_documents(
    paths: list[str], articles: Iterator[Article], model: str | None, pretty: bool
) -> None:
    head, articles = peek(articles, 2)
    single = wants_single_document(paths, head)
    for document in extract_documents(articles, model):
        typer.echo(document_json(document, pretty=pretty and single))


def write_to_folder(
    output_dir: Path, articles: Iterator[Article], model: str | None, pretty: bool
) -> None:
    batch = list(articles)  # read them all first: the progress bar needs the total
    if not batch:
        return
    create_folder(output_dir)
    documents = extract_documents(batch, model)
    if len(batch) == 1:
        written = write_documents(documents, output_dir, pretty=pretty, advance=lambda: None)
    else:
        with progress_bar(stderr()) as progress:
            task = progress.add_task("extracting", total=len(batch))
            written = write_documents(
                documents, output_dir, pretty=pretty, advance=lambda: progress.advance(task)
            )
    typer.echo(f"wrote {len(written)} file(s) to {output_dir}", err=True)


@eval_app.command("polnear")
def eval_polnear(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            exists=True,
            file_okay=False,
            help="A PolNeAR compartment: a folder with text/ and attributions/.",
            show_default=False,
        ),
    ],
    model: ModelOption = None,
    limit: Annotated[
        int | None,
        typer.Option(min=1, metavar="N", help="Score only the first N articles (by name)."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores and counts as JSON.")
    ] = False,
) -> None:
    """Score attributions on PolNeAR: content and attribution precision, recall and F1."""
    run = evaluate_polnear(directory, model, limit, stderr())
    if as_json:
        typer.echo(json.dumps(run.to_dict(), indent=2))
    else:
        typer.echo(run.report.format())
        typer.echo(run.speed_line())


@app.command()
def demo(model: ModelOption = None) -> None:
    """Show the attributions found in a bundled, made-up news article."""
    article = Article(text=sample_text(), id="sample")
    document = next(extract_documents([article], model))
    console = Console()
    console.print(attribution_table(document))
    console.print(
        f"model {document.model}; for the full JSON: onrecord extract FILE", highlight=False
    )
