"""The ``onrecord`` command: argument parsing and printing only (the work is in cli_utils).

JSON goes to stdout, everything meant for a person (errors, progress) to stderr, so the
output can be piped. An ``OnrecordError`` is printed as its one-line message, never as a
traceback.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from typer.core import TyperGroup

from onrecord import __version__
from onrecord.cli_corpus import OutputFormat, ingest_progress, print_article, print_rows, to_json
from onrecord.cli_utils import (
    attribution_table,
    create_folder,
    document_json,
    evaluate_polnear,
    extract_documents,
    peek,
    progress_bar,
    read_inputs,
    sample_corpus,
    sample_text,
    step,
    wants_single_document,
    write_documents,
)
from onrecord.errors import OnrecordError, StoreError
from onrecord.parallel import keep_single_threaded
from onrecord.read import iter_articles
from onrecord.read.dates import iso_date
from onrecord.settings import DEFAULT_DB, DEFAULT_MODEL, TAGGER_VARIABLE
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

TaggerOption = Annotated[
    str | None,
    typer.Option(
        "--tagger",
        metavar="NAME",
        envvar=TAGGER_VARIABLE,
        help="Attribution tagger: crf (default; about as fast as bare spaCy) or encoder (a "
        "fine-tuned transformer's features added: more accurate, about twice as slow); or a "
        "folder with a trained tagger.",
        show_default=False,
    ),
]


def use_tagger(tagger: str | None) -> None:
    """Name the tagger in the environment, where every extractor this run loads, in this
    process or in a worker, looks for it."""
    if tagger:
        os.environ[TAGGER_VARIABLE] = tagger


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


DbOption = Annotated[
    Path,
    typer.Option("--db", metavar="FILE", help="The corpus database (DuckDB).", dir_okay=False),
]
FormatOption = Annotated[
    str,
    typer.Option("--format", "-f", metavar="FORMAT", help="table, json (JSON Lines) or csv."),
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


PublishedOption = Annotated[
    str | None,
    typer.Option(
        metavar="YYYY-MM-DD",
        callback=checked_date,
        help="Publication date for articles whose input gives none.",
    ),
]
WorkersOption = Annotated[
    int, typer.Option(min=1, metavar="N", help="Extraction processes (one per core is best).")
]
SinceOption = Annotated[
    str | None,
    typer.Option(metavar="YYYY-MM-DD", callback=checked_date, help="Published on or after."),
]
UntilOption = Annotated[
    str | None,
    typer.Option(metavar="YYYY-MM-DD", callback=checked_date, help="Published on or before."),
]


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
    keep_single_threaded()  # before numpy loads: extraction runs faster in one thread


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
    published: PublishedOption = None,
    model: ModelOption = None,
    tagger: TaggerOption = None,
    workers: WorkersOption = 1,
    pretty: Annotated[
        bool,
        typer.Option(
            "--pretty/--compact",
            help="Indent the JSON of a single document or of written files "
            "(JSON Lines are always compact).",
        ),
    ] = True,
) -> None:
    """Find the attributions in articles and print them as JSON ("onrecord/2").

    One input with one article prints one JSON object; several inputs, a folder or a JSON
    Lines file with several articles print JSON Lines, one document a line. A bad input is
    reported on stderr and the others are still processed; the exit code is then 1.
    """
    use_tagger(tagger)
    failures: list[OnrecordError] = []

    def report(error: OnrecordError) -> None:
        failures.append(error)
        typer.echo(str(error), err=True)

    articles = read_inputs(paths, published, report)
    if output_dir is None:
        print_documents(paths, articles, model, pretty, workers, report)
    else:
        write_to_folder(output_dir, articles, model, pretty, workers, report)
    if failures:
        raise typer.Exit(1)


def print_documents(
    paths: list[str],
    articles: Iterator[Article],
    model: str | None,
    pretty: bool,
    workers: int,
    on_error: Callable[[OnrecordError], None],
) -> None:
    head, articles = peek(articles, 2)
    single = wants_single_document(paths, head)
    for document in extract_documents(articles, model, workers=workers, on_error=on_error):
        typer.echo(document_json(document, pretty=pretty and single))


def write_to_folder(
    output_dir: Path,
    articles: Iterator[Article],
    model: str | None,
    pretty: bool,
    workers: int,
    on_error: Callable[[OnrecordError], None],
) -> None:
    batch = list(articles)  # read them all first: the progress bar needs the total
    if not batch:
        return
    create_folder(output_dir)
    documents = extract_documents(batch, model, workers=workers, on_error=on_error)
    if len(batch) == 1:
        written = write_documents(documents, output_dir, pretty=pretty, advance=lambda: None)
    else:
        with progress_bar(stderr()) as progress:
            task = progress.add_task("extracting", total=len(batch))
            written = write_documents(
                documents, output_dir, pretty=pretty, advance=lambda: step(progress, task)
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
    tagger: TaggerOption = None,
    limit: Annotated[
        int | None,
        typer.Option(min=1, metavar="N", help="Score only the first N articles (by name)."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores and counts as JSON.")
    ] = False,
) -> None:
    """Score attributions on PolNeAR: content and attribution precision, recall and F1."""
    use_tagger(tagger)
    run = evaluate_polnear(directory, model, limit, stderr())
    if as_json:
        typer.echo(json.dumps(run.to_dict(), indent=2))
    else:
        typer.echo(run.report.format())
        typer.echo(run.speed_line())


@app.command()
def demo(
    model: ModelOption = None,
    tagger: TaggerOption = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="FILE",
            dir_okay=False,
            help="Where to build the demo corpus (default: a new temporary folder).",
        ),
    ] = None,
    serve_page: Annotated[
        bool,
        typer.Option(
            "--serve/--no-serve", help="Serve the web page at the end (--no-serve for scripts)."
        ),
    ] = True,
    port: Annotated[int, typer.Option(min=1, max=65535, metavar="PORT")] = 8000,
) -> None:
    """The tour: extract a bundled made-up article, ingest the bundled sample articles into a
    corpus, query it, then serve the web page on http://127.0.0.1:PORT."""
    use_tagger(tagger)
    from onrecord.store import Store
    from onrecord.store import ingest as run_ingest
    from onrecord.store.query import QuoteFilter, quotes, speakers

    console = Console()
    article = Article(text=sample_text(), id="sample")
    document = next(extract_documents([article], model))
    console.rule("1. One article: onrecord extract")
    console.print(attribution_table(document))
    console.print(
        f"model {document.model}; for the full JSON: onrecord extract FILE", highlight=False
    )

    db = db or Path(tempfile.mkdtemp(prefix="onrecord-demo-")) / "demo.duckdb"
    console.rule("2. A corpus: onrecord ingest")
    with Store(db) as store:
        report = run_ingest(iter_articles([sample_corpus()]), store, model=model)
        console.print(
            f"{report.added} articles added, {report.present} already in, to {db}",
            highlight=False,
        )
        console.rule("3. Speakers across articles: onrecord speakers")
        top = speakers(store.con, top=8)
        print_rows(top, "table", columns=["id", "name", "type", "attributions", "articles"])
        if top:
            name = top[0]["name"]
            console.rule(f"4. What {name} said: onrecord quotes --speaker ...")
            rows = quotes(store.con, QuoteFilter(speaker_id=top[0]["id"]), limit=10)
            print_rows(rows, "table", columns=["published", "outlet", "kind", "content"],
                       widths={"content": 70})  # fmt: skip
    console.print(
        f"Ask more: onrecord quotes --db {db} --contains wall; onrecord sql --db {db} ...",
        highlight=False,
    )
    if serve_page:
        from onrecord.serve import serve

        console.rule(f"5. The web page: http://127.0.0.1:{port} (Ctrl-C to stop)")
        serve(db, host="127.0.0.1", port=port)


def output_format(value: str) -> OutputFormat:
    if value not in ("table", "json", "csv"):
        raise typer.BadParameter(f"{value!r}: choose table, json or csv", param_hint="--format")
    return value  # type: ignore[return-value]


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Article files (.txt, .html, .jsonl), folders of them (recursively), or -.",
            show_default=False,
        ),
    ] = None,
    spark_output: Annotated[
        Path | None,
        typer.Option(
            "--spark-output",
            metavar="DIR",
            file_okay=False,
            help="Load the output of `onrecord spark` (already extracted) instead of PATHs.",
        ),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    workers: WorkersOption = 1,
    published: PublishedOption = None,
    model: ModelOption = None,
    tagger: TaggerOption = None,
) -> None:
    """Extract articles into the corpus database.

    An article whose text is already stored is skipped, so a run that was stopped can simply
    be started again. Each article is written whole, in one transaction. Unreadable inputs
    are reported on stderr and the rest is still ingested; the exit code is then 1.
    """
    use_tagger(tagger)
    from onrecord.store import Store, ingest_documents
    from onrecord.store import ingest as run_ingest

    if bool(paths) == bool(spark_output):
        raise typer.BadParameter("give PATHs to read, or --spark-output DIR, not both")
    console = stderr()
    with Store(db) as store:
        progress, update = ingest_progress(console)
        with progress:
            if spark_output is not None:
                from onrecord.spark import documents_from_spark_output

                documents = documents_from_spark_output(spark_output)
                report = ingest_documents(documents, store, on_article=update)
            else:
                items = iter_articles(paths or [], published=published)
                report = run_ingest(items, store, workers=workers, model=model, on_article=update)
    for error in report.failed:
        typer.echo(str(error), err=True)
    typer.echo(
        f"{report.added} added, {report.present} already in, {len(report.failed)} failed ({db})",
        err=True,
    )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def quotes(
    speaker: Annotated[
        str | None, typer.Option(metavar="NAME", help="Speaker name (any part, any case).")
    ] = None,
    contains: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Content contains TEXT (any case).")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(metavar="KIND", help="direct, mixed, indirect or according_to."),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: Annotated[str | None, typer.Option(metavar="OUTLET", help="Outlet name.")] = None,
    said_on: Annotated[
        str | None,
        typer.Option(
            "--said-on",
            metavar="DATE",
            help="Said on this day (YYYY-MM-DD), month (YYYY-MM) or year, where the article "
            "says when.",
        ),
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(metavar="PLACE", help="Said in this place (name or ISO country code)."),
    ] = None,
    fmt: FormatOption = "table",
    limit: Annotated[int, typer.Option(min=1, max=1000, metavar="N")] = 50,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Attributions in the corpus, newest articles first."""
    from onrecord.store import Store
    from onrecord.store.query import QuoteFilter
    from onrecord.store.query import quotes as find_quotes

    fmt = output_format(fmt)
    where = QuoteFilter(
        speaker=speaker,
        contains=contains,
        kind=kind,
        since=since,
        until=until,
        outlet=outlet,
        said_on=said_on,
        place=place,
    )
    with Store(db, read_only=True) as store:
        rows = find_quotes(store.con, where, limit=limit)
    columns = ["article_id", "published", "speaker", "kind", "content"]
    if fmt != "table":
        columns = list(rows[0].keys()) if rows else columns
    print_rows(rows, fmt, columns=columns, widths={"content": 70, "speaker": 24})


@app.command()
def speakers(
    top: Annotated[int, typer.Option(min=1, max=1000, metavar="N")] = 20,
    name: Annotated[str | None, typer.Option(metavar="NAME", help="Only names like NAME.")] = None,
    fmt: FormatOption = "table",
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """The most quoted speakers, with their titles."""
    from onrecord.store import Store
    from onrecord.store.query import speakers as top_speakers

    fmt = output_format(fmt)
    with Store(db, read_only=True) as store:
        rows = top_speakers(store.con, top=top, name=name)
    columns = ["id", "name", "type", "attributions", "articles", "titles"]
    print_rows(rows, fmt, columns=columns, widths={"titles": 50})


@app.command()
def article(
    article_id: Annotated[int, typer.Argument(metavar="ID", help="The article's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print it as JSON.")] = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """One article with its attributions marked: content, cue and source."""
    from onrecord.store import Store
    from onrecord.store.query import article as find_article

    with Store(db, read_only=True) as store:
        found = find_article(store.con, article_id)
    if as_json:
        typer.echo(to_json(found))
    else:
        print_article(found)


@app.command()
def sql(
    statement: Annotated[str, typer.Argument(metavar="SQL", help="One read-only statement.")],
    fmt: FormatOption = "table",
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Run read-only SQL on the corpus (tables: articles, attributions, speakers,
    speaker_names, entities, mentions)."""
    from onrecord.store import Store
    from onrecord.store.query import read_only_sql

    fmt = output_format(fmt)
    with Store(db, read_only=True) as store:
        columns, rows = read_only_sql(store.con, statement)
    print_rows([dict(zip(columns, row, strict=True)) for row in rows], fmt, columns=columns)


@app.command("export")
def export_data(
    what: Annotated[
        str,
        typer.Argument(metavar="WHAT", help="attributions, speakers, or brat (one article)."),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="PATH", help="The file (a folder for brat) to write."
        ),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="parquet, csv or jsonl.")
    ] = "parquet",
    article_id: Annotated[
        int | None, typer.Option("--article", metavar="ID", help="The article, for brat.")
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Write attributions or speakers as Parquet, CSV or JSON Lines, or one article as BRAT
    standoff (.txt + .ann, PolNeAR's Source/Cue/Content scheme)."""
    from onrecord.store import Store
    from onrecord.store.export import export_table, write_brat

    with Store(db, read_only=True) as store:
        if what == "brat":
            if article_id is None:
                raise typer.BadParameter("brat needs --article ID", param_hint="--article")
            written = write_brat(store.con, article_id, output)
            typer.echo(f"wrote {', '.join(str(p) for p in written)}", err=True)
            return
        count = export_table(store.con, what, output, fmt)  # type: ignore[arg-type]
    typer.echo(f"wrote {count} {what} to {output}", err=True)


@app.command()
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[
        str, typer.Option(metavar="HOST", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, metavar="PORT")] = 8000,
    tagger: TaggerOption = None,
) -> None:
    """Serve the HTTP API (/api, OpenAPI at /openapi.json) and the web page over a corpus.
    --tagger names the tagger that /api/extract runs."""
    use_tagger(tagger)
    from onrecord.serve import serve as run_server

    typer.echo(f"serving {db} on http://{host}:{port} (Ctrl-C to stop)", err=True)
    run_server(db, host=host, port=port)


@eval_app.command("names")
def eval_names(
    pairs: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            exists=True,
            dir_okay=False,
            help="Tab-separated name pairs: name_a type_a name_b type_b same note.",
            show_default=False,
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores and counts as JSON.")
    ] = False,
) -> None:
    """Score cross-article speaker linking on hand-labelled name pairs (same / different)."""
    from onrecord.eval.linking import score_pairs

    report = score_pairs(pairs)
    typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format())


@app.command()
def migrate(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Upgrade a corpus database written by an older onrecord to the current schema."""
    from onrecord.store import Store
    from onrecord.store.schema import SCHEMA_VERSION

    if not db.exists():
        raise StoreError("no such database", path=str(db))
    with Store(db):
        pass
    typer.echo(f"{db}: schema version {SCHEMA_VERSION}", err=True)


@app.command()
def spark(
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="JSON Lines or Parquet of articles: any path Spark reads (local, hdfs://, s3a://).",
            show_default=False,
        ),
    ],
    output: Annotated[
        str,
        typer.Argument(
            metavar="OUTPUT",
            help="A new folder for Parquet of articles, attributions, entities and errors.",
            show_default=False,
        ),
    ],
    partitions: Annotated[
        int | None, typer.Option(min=1, metavar="N", help="Repartition the input into N.")
    ] = None,
    model: ModelOption = None,
    tagger: TaggerOption = None,
    master: Annotated[
        str | None,
        typer.Option(metavar="URL", help="Spark master (default: spark-submit's, or local[*])."),
    ] = None,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format", metavar="FORMAT", help="jsonl or parquet (default: by suffix)."
        ),
    ] = None,
) -> None:
    """Extract a corpus on Spark, with the model loaded once per executor; load the result
    with `onrecord ingest --spark-output OUTPUT` or query its Parquet in place."""
    from onrecord.spark import run_job

    counts = run_job(
        input_path,
        output,
        partitions=partitions,
        model=model,
        tagger=tagger,
        master=master,
        input_format=input_format,
    )
    typer.echo(
        ", ".join(f"{value} {name}" for name, value in counts.items()) + f" -> {output}",
        err=True,
    )
    if counts.get("errors"):
        raise typer.Exit(1)
