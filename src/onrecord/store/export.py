"""Getting data out: attributions and speakers as Parquet, CSV or JSON Lines (written by
DuckDB itself, so a corpus of any size streams to disk), and one article as BRAT standoff
in PolNeAR's scheme, so annotators can correct onrecord's output in the tool they know.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import duckdb

from onrecord.errors import StoreError
from onrecord.store.query import article

Format = Literal["parquet", "csv", "jsonl"]
FORMATS: dict[str, str] = {
    "parquet": "(FORMAT parquet)",
    "csv": "(FORMAT csv, HEADER true)",
    "jsonl": "(FORMAT json)",
}

TABLES = {
    "attributions": """
        SELECT a.id AS article_id, a.doc_key, a.title AS article_title, a.url, a.published,
               a.outlet, t.id AS attribution_id, t.kind, t.content, t.content_start,
               t.content_end, t.content_spans, t.cue, t.cue_start, t.cue_end, t.source,
               t.source_start, t.source_end, t.speaker_id, s.name AS speaker,
               s.type AS speaker_type, e.title AS speaker_title, t.said_on, t.said_in,
               t.said_in_country, t.confidence
        FROM attributions t
        JOIN articles a ON a.id = t.article_id AND a.is_current
        LEFT JOIN speakers s ON s.id = t.speaker_id
        LEFT JOIN entities e ON e.article_id = t.article_id AND e.entity = t.entity
        ORDER BY a.id, t.content_start
    """,
    "speakers": """
        SELECT s.id, s.name, s.type,
               (SELECT list(DISTINCT n.name ORDER BY n.name) FROM speaker_names n
                WHERE n.speaker_id = s.id) AS names,
               (SELECT list(DISTINCT e.title ORDER BY e.title) FROM entities e
                WHERE e.speaker_id = s.id AND e.title IS NOT NULL) AS titles,
               (SELECT count(*) FROM attributions t JOIN articles a
                  ON a.id = t.article_id AND a.is_current
                WHERE t.speaker_id = s.id) AS attributions
        FROM speakers s ORDER BY s.id
    """,
}


def export_table(con: duckdb.DuckDBPyConnection, table: str, path: Path, fmt: Format) -> int:
    """Write ``attributions`` or ``speakers`` to ``path``; returns the number of rows."""
    if table not in TABLES:
        raise StoreError(f"cannot export {table!r}; choose from {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    target = str(path).replace("'", "''")
    con.execute(f"COPY ({TABLES[table]}) TO '{target}' {FORMATS[fmt]}")
    return con.execute(f"SELECT count(*) FROM ({TABLES[table]})").fetchone()[0]


def brat_standoff(con: duckdb.DuckDBPyConnection, article_id: int) -> tuple[str, str]:
    """The article's text and its ``.ann`` file: Source, Cue and Content ``T`` spans tied by
    an ``E`` event per attribution, as in PolNeAR."""
    found = article(con, article_id)
    lines: list[str] = []
    text = found["text"]
    for number, attribution in enumerate(found["attributions"], start=1):
        roles: list[tuple[str, str]] = []
        for role, label in (("source", "Source"), ("cue", "Cue"), ("content", "Content")):
            slices = attribution[f"{role}_slices"]
            if slices:
                tid = f"T{len(lines) + 1}"
                lines.append(_t_line(tid, label, slices, text))
                roles.append((label, tid))
        anchor = attribution["cue_slices"] or attribution["content_slices"]
        event = "Attribution" if attribution["source_slices"] else "Attribution-no-source"
        anchor_id = f"T{len(lines) + 1}"
        lines.append(_t_line(anchor_id, event, anchor, text))
        parts = [f"{event}:{anchor_id}", *(f"{label}:{tid}" for label, tid in roles)]
        lines.append(f"E{number}\t{' '.join(parts)}")
    return text, "".join(line + "\n" for line in lines)


def _t_line(tid: str, label: str, slices: list[list[int]], text: str) -> str:
    offsets = ";".join(f"{start} {end}" for start, end in slices)
    fragment = " ".join(text[start:end] for start, end in slices).replace("\n", " ")
    return f"{tid}\t{label} {offsets}\t{fragment}"


def write_brat(con: duckdb.DuckDBPyConnection, article_id: int, folder: Path) -> list[Path]:
    """Write ``<id>.txt`` and ``<id>.ann`` into ``folder``."""
    text, ann = brat_standoff(con, article_id)
    folder.mkdir(parents=True, exist_ok=True)
    txt_path, ann_path = folder / f"{article_id}.txt", folder / f"{article_id}.ann"
    txt_path.write_text(text, encoding="utf-8", newline="")
    ann_path.write_text(ann, encoding="utf-8")
    return [txt_path, ann_path]
