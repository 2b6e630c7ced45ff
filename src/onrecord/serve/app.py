"""The HTTP API and web page over a corpus database.

The database is opened read-only once per app; each request reads through its own cursor
(DuckDB's per-thread connection), so requests answered in parallel threads never share one.
Errors leave as one-line JSON (``{"error": code, "message": ...}``), never as a traceback.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from onrecord import __version__
from onrecord.errors import ModelError, OnrecordError, StoreError
from onrecord.serve.middleware import BodyLimit, CatchAll, SecurityHeaders
from onrecord.serve.models import (
    ArticleDetail,
    ErrorBody,
    ExtractRequest,
    Overview,
    QuotePage,
    SpeakerDetail,
    SpeakerPage,
)
from onrecord.store import query
from onrecord.store.database import Store
from onrecord.types import Article, Kind

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 2_000_000
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A bad parameter"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such record"},
}

Limit = Annotated[int, Query(ge=1, le=query.MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=500)]
SaidOn = Annotated[
    str | None,
    Query(
        pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
        description="When the statement was made: a year (2022), a month (2022-04) or a day "
        "(2022-04-23). A month finds statements dated to any of its days or to the month.",
        examples=["2022-04"],
    ),
]
Place = Annotated[
    str | None,
    Query(
        max_length=500,
        description="Where the statement was made: part of a place name, or a country code.",
        examples=["Paris", "FR"],
    ),
]


class ApiError(Exception):
    """An answer other than 200 that the client caused (unknown id, bad filter)."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


class Corpus:
    """The read-only database behind an app, handing each request its own cursor."""

    def __init__(self, db_path: Path):
        self.store = Store(db_path, read_only=True)

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cursor = self.store.con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def close(self) -> None:
        self.store.close()


LOOPBACK_HOSTS = ["127.0.0.1", "localhost"]


def create_app(db_path: Path, *, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app over the corpus at ``db_path``; raises StoreError if it cannot be opened.

    ``allowed_hosts`` (Host header values) guards a loopback server against DNS
    rebinding: a web page on another site cannot reach it under its own domain name."""
    corpus = Corpus(Path(db_path))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        corpus.close()

    # /docs and /redoc would load Swagger UI and ReDoc from a CDN, which the page's
    # security policy (and an offline machine) forbids; /openapi.json stays.
    app = FastAPI(
        title="onrecord",
        version=__version__,
        summary="Who said what, in a corpus of news articles.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.corpus = corpus
    _add_error_handlers(app)
    _add_api_routes(app, corpus)
    _add_page_routes(app)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(CatchAll)
    app.add_middleware(SecurityHeaders)  # added last: the outermost, so on every answer
    return app


def _add_api_routes(app: FastAPI, corpus: Corpus) -> None:
    @app.get("/api/quotes", response_model=QuotePage, responses=ERRORS, tags=["corpus"])
    def list_quotes(
        speaker: Text = None,
        speaker_id: int | None = None,
        contains: Text = None,
        kind: Kind | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        outlet: Text = None,
        article_id: int | None = None,
        said_on: SaidOn = None,
        place: Place = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Attributions matching every filter given, newest articles first.

        ``speaker``, ``contains`` and ``outlet`` match substrings, case-insensitively;
        ``since`` and ``until`` bound the publication date (inclusive); ``said_on`` and
        ``place`` ask when and where the statement itself was made, as far as the article
        says."""
        where = query.QuoteFilter(
            speaker=speaker,
            speaker_id=speaker_id,
            contains=contains,
            kind=kind,
            since=since.isoformat() if since else None,
            until=until.isoformat() if until else None,
            outlet=outlet,
            article_id=article_id,
            said_on=_calendar_date(said_on),
            place=place,
        )
        with corpus.reader() as con:
            items = _bad_filter_is_400(query.quotes, con, where, limit=limit, offset=offset)
            total = query.count_quotes(con, where)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/speakers", response_model=SpeakerPage, responses=ERRORS, tags=["corpus"])
    def list_speakers(name: Text = None, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        """Speakers by number of attributions (the top ``limit``), optionally those with a
        name containing ``name``."""
        with corpus.reader() as con:
            items = query.speakers(con, top=limit, name=name, offset=offset)
            total = query.count_speakers(con, name)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get(
        "/api/speakers/{speaker_id}",
        response_model=SpeakerDetail,
        responses=NOT_FOUND,
        tags=["corpus"],
    )
    def get_speaker(speaker_id: int) -> dict[str, Any]:
        """One speaker: names, titles over time, outlets, who is quoted alongside, and the
        places their statements were made in."""
        with corpus.reader() as con:
            detail = _missing_is_404(query.speaker, con, speaker_id)
        return detail

    @app.get(
        "/api/articles/{article_id}",
        response_model=ArticleDetail,
        responses=NOT_FOUND,
        tags=["corpus"],
    )
    def get_article(article_id: int) -> dict[str, Any]:
        """An article's text with every attribution's content, cue and source slices, when
        and where each was said, and the dates, places and figures found in the text."""
        with corpus.reader() as con:
            return _missing_is_404(query.article, con, article_id)

    @app.get("/api/overview", response_model=Overview, tags=["corpus"])
    def get_overview() -> dict[str, Any]:
        """Corpus totals, attributions by month and kind, sources by type, top speakers."""
        with corpus.reader() as con:
            return query.overview(con)

    @app.post(
        "/api/extract",
        responses={**ERRORS, 413: {"model": ErrorBody, "description": "Body over 2 MB"}},
        tags=["extract"],
    )
    async def extract(body: ExtractRequest) -> JSONResponse:
        """Extract one article's attributions (not stored); the "onrecord" JSON document.

        The first call loads the spaCy pipeline, which takes a few seconds."""
        if not body.text.strip():
            raise ApiError(400, "invalid_request", "text is empty")
        published = body.published.isoformat() if body.published else None
        article = Article(text=body.text, published=published)
        document = await run_in_threadpool(_extract, article)
        return JSONResponse(document)


_EXTRACTING = threading.Lock()


def _extract(article: Article) -> dict[str, Any]:
    """Runs in a worker thread; one extraction at a time, since a spaCy pipeline is not
    promised to be thread-safe and the first call loads it."""
    from onrecord.pipeline import get_extractor

    with _EXTRACTING:
        return get_extractor().extract(article).to_dict()


def _calendar_date(said_on: str | None) -> str | None:
    """``said_on`` unchanged when its month and day exist; the pattern on the parameter
    has already checked its shape, but "2022-13" or "2022-02-30" match that too."""
    if not said_on:
        return None
    year, month, day = [*map(int, said_on.split("-")), 1, 1][:3]
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ApiError(400, "invalid_request", f"said_on: no such date {said_on!r}") from None
    return said_on


def _missing_is_404(find: Any, con: duckdb.DuckDBPyConnection, key: int) -> dict[str, Any]:
    try:
        return find(con, key)
    except StoreError as error:
        raise ApiError(404, "not_found", error.message) from None


def _bad_filter_is_400(find: Any, con: duckdb.DuckDBPyConnection, *args: Any, **kw: Any) -> Any:
    try:
        return find(con, *args, **kw)
    except StoreError as error:
        raise ApiError(400, error.code, error.message) from None


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return _error(error.status, error.code, error.message)

    @app.exception_handler(OnrecordError)
    async def onrecord_error(_request: Request, error: OnrecordError) -> JSONResponse:
        status = 503 if isinstance(error, ModelError) else 400
        return _error(status, error.code, error.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        return _error(400, "invalid_request", _first_problem(error))

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        code = "not_found" if error.status_code == 404 else f"http_{error.status_code}"
        response = _error(error.status_code, code, str(error.detail).splitlines()[0])
        response.headers.update(error.headers or {})
        return response


def _first_problem(error: RequestValidationError) -> str:
    """One line for the first thing wrong with a request (FastAPI lists them all)."""
    problems = error.errors()
    if not problems:
        return "invalid request"
    first = problems[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"{where}: {first.get('msg', 'invalid')}{more}"


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def _add_page_routes(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API and web page until interrupted (``onrecord serve``)."""
    import uvicorn

    loopback = host == "localhost" or host.startswith("127.")
    allowed = sorted({host, *LOOPBACK_HOSTS}) if loopback else None
    app = create_app(Path(db_path), allowed_hosts=allowed)
    uvicorn.run(
        app, host=host, port=port, server_header=False, log_config=_log_config(), log_level="info"
    )


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, with onrecord's own logger (the details of any 500) beside it."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["onrecord"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
