"""The corpus database: DuckDB, embedded, one file.

One writer at a time (DuckDB locks the file; a second writer gets a clear error), and every
article is written in one transaction together with its attributions, entities and
speakers, so a run killed at any moment leaves whole articles or none. The same normalised
text is stored once; a changed text under the same article key becomes a new version.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb

from onrecord.errors import StoreError
from onrecord.settings import DEFAULT_DB
from onrecord.store.schema import MIGRATIONS, SCHEMA_VERSION
from onrecord.types import Article, Attribution, Document, Span

STDIN_PATH = "<stdin>"
_SPACES = re.compile(r"\s+")


def text_hash(text: str) -> str:
    """The identity of an article's text: NFC, whitespace runs as one space, trimmed."""
    normalised = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


def article_key(article: Article, digest: str) -> str:
    """What makes two texts versions of one article: the URL, else the file (and, for JSON
    Lines, the record id), else the text itself."""
    if article.url:
        return article.url
    if article.path and article.path != STDIN_PATH:
        where = article.path if ":" in article.path else str(Path(article.path).resolve())
        return f"{where}#{article.id or ''}"  # a URI (file:/, s3a://) is kept as it is
    return digest


class Store:
    """An open corpus database. Use as a context manager, or call ``close``."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise StoreError("no such database; run `onrecord ingest` first", path=self.path)
        self.con = _connect(self.path, read_only)
        if read_only:
            _check_current(self.con, self.path)
        else:
            migrate(self.con, self.path)
        self._speakers: _SpeakerLinker | None = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def has_text(self, digest: str) -> bool:
        return self._scalar("SELECT count(*) FROM articles WHERE text_hash = ?", [digest]) > 0

    def add(self, document: Document, digest: str | None = None) -> int | None:
        """Store one extracted article; returns its id, or None if its text is already in.

        Everything of the article is written in one transaction: it is there whole or not
        at all."""
        digest = digest or text_hash(document.text)
        if self.has_text(digest):
            return None
        if self._speakers is None:
            self._speakers = _SpeakerLinker.load(self.con)
        self.con.begin()
        try:
            article_id = self._insert_article(document, digest)
            speaker_of = self._speakers.link(self.con, document)
            self._insert_entities(article_id, document, speaker_of)
            self._insert_attributions(article_id, document, speaker_of)
            self._insert_facts(article_id, document)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            self._speakers = None  # its memory may hold speakers that were rolled back
            raise
        return article_id

    def _insert_article(self, document: Document, digest: str) -> int:
        article = document.article
        key = article_key(article, digest)
        previous = self._scalar(
            "SELECT coalesce(max(version), 0) FROM articles WHERE doc_key = ?", [key]
        )
        if previous:
            self.con.execute("UPDATE articles SET is_current = false WHERE doc_key = ?", [key])
        article_id = self._scalar("SELECT coalesce(max(id), 0) + 1 FROM articles")
        self.con.execute(
            "INSERT INTO articles (id, doc_key, version, is_current, text_hash, text, title,"
            " url, published, outlet, author, path, model)"
            " VALUES (?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id, key, previous + 1, digest, article.text, article.title,
                article.url, article.published, article.outlet, article.author,
                article.path, document.model,
            ],
        )  # fmt: skip
        return article_id

    def _insert_entities(
        self, article_id: int, document: Document, speaker_of: dict[str, int]
    ) -> None:
        entities = [
            (article_id, e.id, speaker_of[e.id], e.type, e.name, e.title) for e in document.entities
        ]
        mentions = [
            (article_id, e.id, m.start, m.end, m.text)
            for e in document.entities
            for m in e.mentions
        ]
        if entities:
            self.con.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", entities)
        if mentions:
            self.con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)", mentions)

    def _insert_attributions(
        self, article_id: int, document: Document, speaker_of: dict[str, int]
    ) -> None:
        rows = [_attribution_row(article_id, a, speaker_of) for a in document.attributions]
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            self.con.executemany(f"INSERT INTO attributions VALUES ({marks})", rows)

    def _insert_facts(self, article_id: int, document: Document) -> None:
        tables = {
            "dates": [
                (article_id, d.span.start, d.span.end, d.span.text, d.value, d.granularity)
                for d in document.dates
            ],
            "places": [
                (article_id, p.span.start, p.span.end, p.span.text, p.name, p.kind,
                 p.country_code, p.geonames_id)
                for p in document.places
            ],
            "figures": [
                (article_id, f.span.start, f.span.end, f.span.text, f.value, f.unit,
                 f.modifier, f.attribution)
                for f in document.figures
            ],
        }  # fmt: skip
        for table, rows in tables.items():
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def _scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        return self.con.execute(sql, params or []).fetchone()[0]


def _attribution_row(
    article_id: int, attribution: Attribution, speaker_of: dict[str, int]
) -> tuple:
    entity = attribution.speaker.entity if attribution.speaker else None
    return (
        article_id,
        attribution.id,
        attribution.kind,
        *_span_columns(attribution.content),
        *_span_columns(attribution.cue),
        *_span_columns(attribution.source),
        entity,
        speaker_of.get(entity) if entity else None,
        attribution.confidence,
        attribution.said_on.value if attribution.said_on else None,
        attribution.said_on.span.text if attribution.said_on else None,
        attribution.said_in.name if attribution.said_in else None,
        attribution.said_in.country_code if attribution.said_in else None,
    )


def _span_columns(span: Span | None) -> tuple:
    if span is None:
        return (None, None, None, None)
    return (span.text, span.start, span.end, json.dumps([list(s) for s in span.slices]))


class _SpeakerLinker:
    """Corpus speakers in memory: the index that links a new article's entities to them,
    and each speaker's names, from which its display name is chosen."""

    def __init__(self, index: Any, names: dict[int, Counter[str]], next_id: int):
        self.index = index
        self.names = names
        self.next_id = next_id

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> _SpeakerLinker:
        from onrecord.link import NameRecord, SpeakerIndex

        index = SpeakerIndex()
        names: dict[int, Counter[str]] = {}
        rows = con.execute(
            "SELECT n.speaker_id, n.name, n.type, count(e.entity) FROM speaker_names n"
            " LEFT JOIN entities e ON e.speaker_id = n.speaker_id AND e.name = n.name"
            " GROUP BY ALL ORDER BY n.speaker_id, n.name, n.type"
        ).fetchall()
        for speaker_id, name, kind, uses in rows:
            index.add(speaker_id, NameRecord(name, kind))
            names.setdefault(speaker_id, Counter())[name] += max(uses, 1)
        next_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM speakers").fetchone()[0]
        return cls(index, names, next_id)

    def link(self, con: duckdb.DuckDBPyConnection, document: Document) -> dict[str, int]:
        """The corpus speaker of each of the document's entities, creating new ones."""
        from onrecord.link import NameRecord, canonical_name

        speaker_of: dict[str, int] = {}
        for entity in document.entities:
            record = NameRecord(entity.name, entity.type, entity.title)
            # The index never matches a name that stands for nobody outside its article
            # (an unresolved "I", "officials"), so those always become speakers of their own.
            speaker_id = self.index.match(record)
            if speaker_id is None:
                speaker_id = self.next_id
                self.next_id += 1
                con.execute(
                    "INSERT INTO speakers VALUES (?, ?, ?)", [speaker_id, entity.name, entity.type]
                )
                self.names[speaker_id] = Counter()
            names = self.names[speaker_id]
            if entity.name not in names:
                self.index.add(speaker_id, record)
                con.execute(
                    "INSERT OR IGNORE INTO speaker_names VALUES (?, ?, ?)",
                    [speaker_id, entity.name, entity.type],
                )
            before = canonical_name(names) if names else None
            names[entity.name] += 1
            after = canonical_name(names)
            if after != before:
                con.execute("UPDATE speakers SET name = ? WHERE id = ?", [after, speaker_id])
            speaker_of[entity.id] = speaker_id
        return speaker_of


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as error:
        message = str(error)
        if "lock" in message.lower():
            raise StoreError(
                "the database is in use by another onrecord process (one writer at a time);"
                " wait for it to finish",
                path=path,
            ) from None
        first_line = message.splitlines()[0]
        raise StoreError(f"cannot open the database: {first_line}", path=path) from None
    except duckdb.Error as error:
        first_line = str(error).splitlines()[0]
        raise StoreError(f"not a DuckDB database: {first_line}", path=path) from None


def stored_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open database; 0 for an empty file."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()[0]
    if not has_meta:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> int:
    """Bring the database to SCHEMA_VERSION, one migration per transaction."""
    version = _check_version(con, path)
    for target in range(version + 1, SCHEMA_VERSION + 1):
        con.begin()
        try:
            for statement in MIGRATIONS[target]:
                con.execute(statement)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target)])
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return SCHEMA_VERSION


def _check_current(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """A read-only connection cannot migrate: an older file must be opened for writing once."""
    version = _check_version(con, path)
    if version == 0:
        raise StoreError("not an onrecord database (no schema version)", path=path)
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"the database has an older schema ({version}); run `onrecord migrate --db FILE`"
            " once to upgrade it",
            path=path,
        )


def _check_version(con: duckdb.DuckDBPyConnection, path: str) -> int:
    version = stored_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this onrecord"
            f" ({SCHEMA_VERSION}); upgrade onrecord",
            path=path,
        )
    return version
