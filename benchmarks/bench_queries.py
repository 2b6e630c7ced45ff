"""How fast the corpus answers on a large store: a synthetic corpus of 100,000 articles.

    python benchmarks/bench_queries.py [--articles 100000] [--db /tmp/bench.duckdb]
                                       [--json benchmarks/query_results.json]

The store is generated with SQL straight into onrecord's own schema (real extraction of
100,000 articles would take hours and measure extraction, not queries): 25 attributions an
article, 20,000 speakers quoted with a long-tailed frequency, seven outlets, ten years of
dates, contents drawn from a vocabulary so that text search has real work to do. Each
query is the one the CLI and the API run (``onrecord.store.query``), timed as the median of
five runs after one warm-up, on a read-only connection like ``onrecord quotes`` opens.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from onrecord.store import Store
from onrecord.store.query import (
    QuoteFilter,
    article,
    count_quotes,
    overview,
    quotes,
    speaker,
    speakers,
)

PER_ARTICLE = 25
SPEAKERS = 20_000
WORDS = (
    "economy election border taxes health care jobs nato russia ukraine climate energy "
    "prices inflation police courts schools voters campaign debate senate house budget "
    "trade china iran immigration wall security war peace strategy reform deal plan"
).split()


def generate(db: Path, articles: int) -> None:
    """Fill an empty store with a synthetic corpus of ``articles`` articles."""
    if db.exists():
        db.unlink()
    with Store(db) as store:
        con = store.con
        con.execute(
            """INSERT INTO articles SELECT i, 'synthetic-' || i, 1, true, md5(i::VARCHAR),
                   repeat('Lorem ipsum dolor sit amet. ', 60), 'Article ' || i,
                   'https://example.org/' || i, DATE '2015-01-01' + (i % 3650)::INT,
                   ['Daily Planet', 'Gazette', 'Herald', 'Tribune', 'Courier', 'Post',
                    'Chronicle'][1 + i % 7], NULL, NULL, 'synthetic', now()
               FROM range(1, ? + 1) t(i)""",
            [articles],
        )
        con.execute(
            f"""INSERT INTO speakers SELECT i, 'Firstname' || (i % 97) || ' Surname' || i,
                   CASE WHEN i % 10 = 0 THEN 'group' WHEN i % 7 = 0 THEN 'organization'
                        ELSE 'person' END
               FROM range(1, {SPEAKERS} + 1) t(i)"""
        )
        con.execute("INSERT INTO speaker_names SELECT id, name, type FROM speakers")
        con.execute(
            f"""INSERT INTO attributions
               SELECT a, 'a' || k,
                      ['direct', 'indirect', 'mixed', 'according_to'][1 + (h % 4)::BIGINT],
                      content, 100 * k, 100 * k + length(content),
                      '[[' || 100 * k || ', ' || (100 * k + length(content)) || ']]',
                      'said', 100 * k - 10, 100 * k - 6, '[[0, 4]]',
                      'someone', 100 * k - 20, 100 * k - 12, '[[0, 7]]',
                      'e' || speaker, speaker, 0.9,
                      CASE WHEN h % 3 = 0 THEN (DATE '2015-01-01' + (a % 3650)::INT)::VARCHAR END,
                      NULL, CASE WHEN h % 5 = 0 THEN 'Springfield' END,
                      CASE WHEN h % 5 = 0 THEN 'US' END
               FROM (
                   SELECT a, k, h,
                          1 + floor({SPEAKERS} * pow(((h % 1000003)::BIGINT) / 1000003.0, 3))::INT
                              AS speaker,
                          array_to_string(list_transform(range(12), lambda j:
                              {WORDS!r}[1 + (hash(a, k, j) % {len(WORDS)})::BIGINT]), ' ')
                              AS content
                   FROM (SELECT a, k, hash(a * 31 + k) AS h
                         FROM range(1, ? + 1) r(a), range(1, {PER_ARTICLE} + 1) s(k))
               )""",
            [articles],
        )
        con.execute(
            """INSERT INTO entities
               SELECT DISTINCT article_id, entity, speaker_id, 'person',
                      'Surname' || speaker_id,
                      CASE WHEN speaker_id % 3 = 0 THEN 'minister of things' END
               FROM attributions"""
        )


QUERIES = {
    "quotes --speaker NAME": lambda con: quotes(con, QuoteFilter(speaker="Surname12")),
    "quotes --contains TEXT": lambda con: quotes(con, QuoteFilter(contains="inflation")),
    "quotes --kind direct --since --until": lambda con: quotes(
        con, QuoteFilter(kind="direct", since="2019-01-01", until="2019-06-30")
    ),
    "quotes --outlet O": lambda con: quotes(con, QuoteFilter(outlet="herald")),
    "quotes --said-on --place": lambda con: quotes(
        con, QuoteFilter(said_on="2019-03", place="springfield")
    ),
    "quotes, count for pagination": lambda con: count_quotes(con, QuoteFilter(contains="war")),
    "speakers --top 20": lambda con: speakers(con, top=20),
    "speaker page": lambda con: speaker(con, 12),
    "article ID": lambda con: article(con, 4321),
    "overview": lambda con: overview(con),
}


def time_queries(db: Path, repeat: int = 5) -> dict[str, float]:
    timings = {}
    with Store(db, read_only=True) as store:
        for name, query in QUERIES.items():
            query(store.con)  # warm-up
            runs = []
            for _ in range(repeat):
                started = time.perf_counter()
                query(store.con)
                runs.append(time.perf_counter() - started)
            timings[name] = round(statistics.median(runs), 4)
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="corpus query latency on a synthetic store")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/onrecord-bench.duckdb"))
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--reuse", action="store_true", help="query an existing --db as is")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    if not args.reuse:
        generate(args.db, args.articles)
    generated = time.perf_counter() - started
    with Store(args.db, read_only=True) as store:
        counts = store.con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM attributions),"
            " (SELECT count(*) FROM speakers)"
        ).fetchone()
    timings = time_queries(args.db)
    results = {
        "articles": counts[0],
        "attributions": counts[1],
        "speakers": counts[2],
        "database_mib": round(args.db.stat().st_size / 2**20, 1),
        "generate_seconds": round(generated, 1),
        "median_seconds": timings,
    }
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(
        f"{counts[0]:,} articles, {counts[1]:,} attributions, {counts[2]:,} speakers,"
        f" {results['database_mib']} MiB\n"
    )
    print("| query | median seconds |\n|---|---|")
    for name, seconds in timings.items():
        print(f"| `{name}` | {seconds:.3f} |")


if __name__ == "__main__":
    main()
