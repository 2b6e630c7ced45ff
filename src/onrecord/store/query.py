"""Questions asked of a corpus: the queries behind the CLI, the HTTP API and the web page.

Every query reads only the current version of each article, takes its values as bound
parameters (never pasted into SQL), and returns plain dicts ready for JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import duckdb

from onrecord.errors import StoreError

KINDS = ("direct", "mixed", "indirect", "according_to")
MAX_LIMIT = 1000

# Filtering, sorting and paging touch only attributions and articles; speaker names and
# titles are joined to the one page of rows that survives, not to the whole corpus.
QUOTE_FROM = """
    FROM attributions t
    JOIN articles a ON a.id = t.article_id AND a.is_current
"""
PAGE_COLUMNS = """
    t.article_id, t.id, t.kind, t.content, t.cue, t.source, t.speaker_id, t.entity,
    t.content_start, t.said_on, t.said_in, a.title AS article_title, a.published, a.outlet,
    a.url
"""
NAMED_COLUMNS = """
    p.article_id, p.id, p.kind, p.content, p.cue, p.source, p.speaker_id,
    s.name AS speaker, s.type AS speaker_type, e.title AS speaker_title,
    p.said_on, p.said_in, p.article_title, p.published, p.outlet, p.url
"""


@dataclass(frozen=True)
class QuoteFilter:
    """What ``onrecord quotes`` and ``GET /api/quotes`` filter on; None means any."""

    speaker: str | None = None
    speaker_id: int | None = None
    contains: str | None = None
    kind: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    article_id: int | None = None
    said_on: str | None = None
    place: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.speaker:
            clauses.append(
                "t.speaker_id IN (SELECT speaker_id FROM speaker_names"
                f" WHERE name {_ilike(self.speaker)}"
                f" UNION SELECT id FROM speakers WHERE name {_ilike(self.speaker)})"
            )
            params += [_like(self.speaker)] * 2
        if self.speaker_id is not None:
            clauses.append("t.speaker_id = ?")
            params.append(self.speaker_id)
        if self.contains:
            clauses.append(f"t.content {_ilike(self.contains)}")
            params.append(_like(self.contains))
        if self.kind:
            if self.kind not in KINDS:
                raise StoreError(f"unknown kind {self.kind!r}; choose from {', '.join(KINDS)}")
            clauses.append("t.kind = ?")
            params.append(self.kind)
        if self.since:
            clauses.append("a.published >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append("a.published <= CAST(? AS DATE)")
            params.append(self.until)
        if self.outlet:
            clauses.append(f"a.outlet {_ilike(self.outlet)}")
            params.append(_like(self.outlet))
        if self.article_id is not None:
            clauses.append("t.article_id = ?")
            params.append(self.article_id)
        if self.said_on:
            # "2022-04" finds every statement dated in April 2022, "2022-04-23" one day.
            clauses.append("(t.said_on = ? OR starts_with(t.said_on, ? || '-'))")
            params += [self.said_on, self.said_on]
        if self.place:
            clauses.append(f"(t.said_in {_ilike(self.place)} OR t.said_in_country = upper(?))")
            params += [_like(self.place), self.place]
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _ilike(text: str) -> str:
    """The case-blind substring test for a ``_like`` pattern: with an ESCAPE clause only when
    the text holds a LIKE wildcard, because DuckDB's escaping matcher is about twice as slow
    as its plain one on a large corpus."""
    return "ILIKE ? ESCAPE '\\'" if any(c in text for c in "%_\\") else "ILIKE ?"


def _like(text: str) -> str:
    """A substring pattern with LIKE's own wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def quotes(
    con: duckdb.DuckDBPyConnection, where: QuoteFilter, *, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Attributions matching ``where``, newest articles first, in article order within one."""
    sql, params = where.where()
    rows = con.execute(
        f"""WITH page AS (
                SELECT {PAGE_COLUMNS} {QUOTE_FROM} {sql}
                ORDER BY a.published DESC NULLS LAST, t.article_id DESC, t.content_start
                LIMIT ? OFFSET ?
            )
            SELECT {NAMED_COLUMNS} FROM page p
            LEFT JOIN speakers s ON s.id = p.speaker_id
            LEFT JOIN entities e ON e.article_id = p.article_id AND e.entity = p.entity
            ORDER BY p.published DESC NULLS LAST, p.article_id DESC, p.content_start""",
        [*params, _bounded(limit), max(0, offset)],
    )
    return _dicts(rows)


def count_quotes(con: duckdb.DuckDBPyConnection, where: QuoteFilter) -> int:
    sql, params = where.where()
    return con.execute(f"SELECT count(*) {QUOTE_FROM} {sql}", params).fetchone()[0]


def speakers(
    con: duckdb.DuckDBPyConnection, *, top: int = 20, name: str | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Speakers by number of attributions, each with the titles articles gave them."""
    filter_sql, params = "", []
    if name:
        filter_sql = (
            f" WHERE s.id IN (SELECT speaker_id FROM speaker_names WHERE name {_ilike(name)})"
            f" OR s.name {_ilike(name)}"
        )
        params = [_like(name)] * 2
    rows = con.execute(
        f"""
        WITH current AS (SELECT id FROM articles WHERE is_current),
        counts AS (
            SELECT speaker_id, count(*) AS attributions FROM attributions
            WHERE speaker_id IS NOT NULL AND article_id IN (SELECT id FROM current)
            GROUP BY speaker_id
        ),
        top AS (
            SELECT s.id, s.name, s.type, c.attributions
            FROM speakers s JOIN counts c ON c.speaker_id = s.id
            {filter_sql}
            ORDER BY c.attributions DESC, s.id
            LIMIT ? OFFSET ?
        ),
        spread AS (
            SELECT t.speaker_id, count(DISTINCT t.article_id) AS articles
            FROM attributions t JOIN top ON t.speaker_id = top.id
            WHERE t.article_id IN (SELECT id FROM current)
            GROUP BY t.speaker_id
        ),
        titles AS (
            SELECT e.speaker_id, list(DISTINCT e.title ORDER BY e.title) AS titles
            FROM entities e JOIN top ON e.speaker_id = top.id
            WHERE e.title IS NOT NULL AND e.article_id IN (SELECT id FROM current)
            GROUP BY e.speaker_id
        )
        SELECT top.id, top.name, top.type, top.attributions, spread.articles,
               coalesce(titles.titles, []) AS titles
        FROM top
        JOIN spread ON spread.speaker_id = top.id
        LEFT JOIN titles ON titles.speaker_id = top.id
        ORDER BY top.attributions DESC, top.id
        """,
        [*params, _bounded(top), max(0, offset)],
    )
    return _dicts(rows)


def count_speakers(con: duckdb.DuckDBPyConnection, name: str | None = None) -> int:
    """How many speakers ``speakers`` pages through: those with an attribution in a current
    article, optionally with a name like ``name``."""
    sql = (
        "SELECT count(DISTINCT t.speaker_id) FROM attributions t"
        " JOIN articles a ON a.id = t.article_id AND a.is_current"
        " JOIN speakers s ON s.id = t.speaker_id"
    )
    params: list[Any] = []
    if name:
        sql += (
            f" WHERE t.speaker_id IN (SELECT speaker_id FROM speaker_names"
            f" WHERE name {_ilike(name)}) OR s.name {_ilike(name)}"
        )
        params = [_like(name)] * 2
    return con.execute(sql, params).fetchone()[0]


def speaker(con: duckdb.DuckDBPyConnection, speaker_id: int) -> dict[str, Any]:
    """One speaker: names, titles over time, outlets, places, and who is quoted beside them."""
    row = con.execute("SELECT id, name, type FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    if row is None:
        raise StoreError(f"no speaker with id {speaker_id}")
    result: dict[str, Any] = {"id": row[0], "name": row[1], "type": row[2]}
    result["names"] = [
        r[0]
        for r in con.execute(
            "SELECT name FROM speaker_names WHERE speaker_id = ? ORDER BY name", [speaker_id]
        ).fetchall()
    ]
    result["titles"] = _dicts(
        con.execute(
            """SELECT e.title, min(a.published) AS first_seen, max(a.published) AS last_seen,
                      count(*) AS articles, list(a.id ORDER BY a.published, a.id) AS article_ids
               FROM entities e JOIN articles a ON a.id = e.article_id AND a.is_current
               WHERE e.speaker_id = ? AND e.title IS NOT NULL
               GROUP BY e.title ORDER BY first_seen NULLS LAST, e.title""",
            [speaker_id],
        )
    )
    result["outlets"] = _dicts(
        con.execute(
            """SELECT coalesce(a.outlet, '(unknown)') AS outlet, count(*) AS attributions
               FROM attributions t JOIN articles a ON a.id = t.article_id AND a.is_current
               WHERE t.speaker_id = ? GROUP BY ALL ORDER BY attributions DESC, outlet""",
            [speaker_id],
        )
    )
    result["alongside"] = _dicts(
        con.execute(
            """SELECT s.id, s.name, count(DISTINCT other.article_id) AS articles
               FROM (SELECT DISTINCT t.article_id FROM attributions t
                     JOIN articles a ON a.id = t.article_id AND a.is_current
                     WHERE t.speaker_id = ?) mine
               JOIN attributions other ON other.article_id = mine.article_id
               JOIN speakers s ON s.id = other.speaker_id
               WHERE other.speaker_id <> ?
               GROUP BY s.id, s.name ORDER BY articles DESC, s.id LIMIT 20""",
            [speaker_id, speaker_id],
        )
    )
    result["places"] = _dicts(
        con.execute(
            """SELECT t.said_in AS name, min(t.said_in_country) AS country_code,
                      count(*) AS attributions, count(DISTINCT t.article_id) AS articles
               FROM attributions t JOIN articles a ON a.id = t.article_id AND a.is_current
               WHERE t.speaker_id = ? AND t.said_in IS NOT NULL
               GROUP BY t.said_in ORDER BY attributions DESC, name""",
            [speaker_id],
        )
    )
    result["attributions"] = count_quotes(con, QuoteFilter(speaker_id=speaker_id))
    return result


def article(con: duckdb.DuckDBPyConnection, article_id: int) -> dict[str, Any]:
    """An article with its attributions (slices included) and entities."""
    rows = _dicts(
        con.execute(
            """SELECT id, doc_key, version, is_current, title, url, published, outlet, author,
                      path, model, text FROM articles WHERE id = ?""",
            [article_id],
        )
    )
    if not rows:
        raise StoreError(f"no article with id {article_id}")
    result = rows[0]
    attributions = _dicts(
        con.execute(
            """SELECT t.id, t.kind, t.content, t.content_spans, t.cue, t.cue_spans, t.source,
                      t.source_spans, t.entity, t.speaker_id, s.name AS speaker,
                      e.title AS speaker_title, t.confidence, t.said_on, t.said_on_text,
                      t.said_in, t.said_in_country
               FROM attributions t
               LEFT JOIN speakers s ON s.id = t.speaker_id
               LEFT JOIN entities e ON e.article_id = t.article_id AND e.entity = t.entity
               WHERE t.article_id = ? ORDER BY t.content_start""",
            [article_id],
        )
    )
    for attribution in attributions:
        for role in ("content", "cue", "source"):
            spans = attribution.pop(f"{role}_spans")
            attribution[f"{role}_slices"] = json.loads(spans) if spans else []
    result["attributions"] = attributions
    for table, columns in (
        ("dates", "value, granularity"),
        ("places", "name, kind, country_code"),
        ("figures", "value, unit, modifier, attribution"),
    ):
        result[table] = _dicts(
            con.execute(
                f"SELECT start_char, end_char, text, {columns} FROM {table}"
                " WHERE article_id = ? ORDER BY start_char",
                [article_id],
            )
        )
    result["entities"] = _dicts(
        con.execute(
            """SELECT e.entity, e.speaker_id, e.type, e.name, e.title, s.name AS speaker
               FROM entities e JOIN speakers s ON s.id = e.speaker_id
               WHERE e.article_id = ? ORDER BY e.entity""",
            [article_id],
        )
    )
    return result


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Corpus totals, attributions by month, top speakers, and named vs unnamed sources."""
    counts = con.execute(
        """SELECT grouping(month, kind, source_type) AS level, month, kind, source_type,
                  count(*) AS attributions
           FROM (SELECT strftime(a.published, '%Y-%m') AS month, t.kind,
                        coalesce(s.type, 'none') AS source_type
                 FROM attributions t JOIN articles a ON a.id = t.article_id AND a.is_current
                 LEFT JOIN speakers s ON s.id = t.speaker_id)
           GROUP BY GROUPING SETS ((month), (kind), (source_type), ())"""
    ).fetchall()
    # grouping() sets a bit for each column left out: 0b011 is "by month", and so on.
    by_level: dict[int, list[tuple]] = {}
    for level, month, kind, kind_of_source, n in counts:
        by_level.setdefault(level, []).append((month, kind, kind_of_source, n))
    totals: dict[str, Any] = {
        "articles": con.execute("SELECT count(*) FROM articles WHERE is_current").fetchone()[0],
        "attributions": by_level.get(0b111, [(None, None, None, 0)])[0][3],
        "speakers": con.execute(
            "SELECT count(DISTINCT speaker_id) FROM attributions"
            " WHERE article_id IN (SELECT id FROM articles WHERE is_current)"
        ).fetchone()[0],
    }
    months = sorted((m, n) for m, _, _, n in by_level.get(0b011, []) if m is not None)
    totals["by_month"] = [{"month": m, "attributions": n} for m, n in months]
    kinds = sorted(((k, n) for _, k, _, n in by_level.get(0b101, [])), key=lambda r: -r[1])
    totals["by_kind"] = [{"kind": k, "attributions": n} for k, n in kinds]
    types = sorted(((ty, n) for _, _, ty, n in by_level.get(0b110, [])), key=lambda r: -r[1])
    totals["by_source_type"] = [{"type": ty, "attributions": n} for ty, n in types]
    totals["top_speakers"] = speakers(con, top=10)
    return totals


def read_only_sql(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one statement on a read-only connection; the columns and rows it returns."""
    try:
        result = con.execute(sql)
    except duckdb.Error as error:
        raise StoreError(f"SQL error: {str(error).splitlines()[0]}") from None
    if result.description is None:
        return [], []
    return [d[0] for d in result.description], result.fetchall()


def _bounded(limit: int) -> int:
    return max(0, min(int(limit), MAX_LIMIT))


def _dicts(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
