"""The corpus database's tables, and the migrations that bring an older file up to date.

The schema is versioned in the ``meta`` table. Each migration is a list of statements run in
one transaction, so a file is always at exactly one version; opening a file written by a
newer onrecord is refused rather than guessed at.

Tables:
- ``articles``: one row per version of an article. ``doc_key`` is the article's identity
  across versions (its given id, else its URL, else its path, else its text hash);
  ``text_hash`` identifies the normalised text, so the same text is never stored twice.
  Only the newest version of a ``doc_key`` has ``is_current``.
- ``speakers``: corpus-level speakers, linked across articles.
- ``speaker_names``: every (name, type) under which a speaker was seen: the linker's memory.
- ``entities``: per article, the speakers found in it, with the title used there.
- ``mentions``: every span of the article that refers to an entity.
- ``attributions``: content, cue and source spans (offsets into ``articles.text``; a
  discontinuous span keeps its slices as JSON in ``*_spans``), kind, and speaker; since
  version 2 also when (``said_on``: an ISO date at its granularity, "2022-04-23" or
  "2022-04") and where (``said_in``, a canonical place name and its country code) the
  statement was made, where the article says so.
- ``dates``, ``places``, ``figures`` (version 2): every date expression with its normalised
  value, every place with its gazetteer name, every amount with value, unit and modifier,
  and the attribution whose content holds it (NULL: the article's own claim).
"""

from __future__ import annotations

SCHEMA_VERSION = 2

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)""",
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            doc_key VARCHAR NOT NULL,
            version INTEGER NOT NULL,
            is_current BOOLEAN NOT NULL,
            text_hash VARCHAR NOT NULL UNIQUE,
            text VARCHAR NOT NULL,
            title VARCHAR,
            url VARCHAR,
            published DATE,
            outlet VARCHAR,
            author VARCHAR,
            path VARCHAR,
            model VARCHAR,
            ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
            UNIQUE (doc_key, version)
        )""",
        """CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name VARCHAR NOT NULL,
            type VARCHAR NOT NULL
        )""",
        """CREATE TABLE speaker_names (
            speaker_id INTEGER NOT NULL,
            name VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            PRIMARY KEY (speaker_id, name, type)
        )""",
        """CREATE TABLE entities (
            article_id INTEGER NOT NULL,
            entity VARCHAR NOT NULL,
            speaker_id INTEGER NOT NULL,
            type VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            title VARCHAR,
            PRIMARY KEY (article_id, entity)
        )""",
        """CREATE TABLE mentions (
            article_id INTEGER NOT NULL,
            entity VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL
        )""",
        """CREATE TABLE attributions (
            article_id INTEGER NOT NULL,
            id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            content VARCHAR NOT NULL,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            content_spans VARCHAR NOT NULL,
            cue VARCHAR,
            cue_start INTEGER,
            cue_end INTEGER,
            cue_spans VARCHAR,
            source VARCHAR,
            source_start INTEGER,
            source_end INTEGER,
            source_spans VARCHAR,
            entity VARCHAR,
            speaker_id INTEGER,
            confidence DOUBLE NOT NULL,
            PRIMARY KEY (article_id, id)
        )""",
        "CREATE INDEX attributions_speaker ON attributions (speaker_id)",
        "CREATE INDEX entities_speaker ON entities (speaker_id)",
    ],
    2: [
        # DuckDB cannot alter a table that an index depends on.
        "DROP INDEX attributions_speaker",
        "ALTER TABLE attributions ADD COLUMN said_on VARCHAR",
        "ALTER TABLE attributions ADD COLUMN said_on_text VARCHAR",
        "ALTER TABLE attributions ADD COLUMN said_in VARCHAR",
        "ALTER TABLE attributions ADD COLUMN said_in_country VARCHAR",
        "CREATE INDEX attributions_speaker ON attributions (speaker_id)",
        """CREATE TABLE dates (
            article_id INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            value VARCHAR,
            granularity VARCHAR
        )""",
        """CREATE TABLE places (
            article_id INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            kind VARCHAR,
            country_code VARCHAR,
            geonames_id INTEGER
        )""",
        """CREATE TABLE figures (
            article_id INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            value DOUBLE NOT NULL,
            unit VARCHAR,
            modifier VARCHAR,
            attribution VARCHAR
        )""",
    ],
}
