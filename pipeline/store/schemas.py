"""Explicit, versioned Arrow schemas of pilar's datasets, and their validation on write.

Each table carries ``pilar.table``, ``pilar.schema_version`` and ``pilar.description`` in its
Parquet metadata, and each field its ``description`` (from :mod:`pipeline.store.descriptions`,
which ``docs/datasets.md`` is generated from). Bump :data:`SCHEMA_VERSION` whenever a field
changes; a data folder written under another version is rebuilt in full on the next run (the
incremental state cannot be trusted; the ``runs`` history is carried over).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from pipeline.schema import DOC_STATUSES, MENTION_STATUSES, PILLARS

SCHEMA_VERSION = "4"  # 2: mentioned status, mentions.rule, documents.relevant
# 3: documents.date a zoned timestamp (+ date_precision, date_raw); run_id on every row; the
#    texts table; runs.version (snapshots)
# 4: programs.status and programs.cue (a programme's status, as its clause gives it)

_TS = pa.timestamp("us", tz="UTC")
#: Publication dates are instants shown in WIB (most sources are Jakarta's); WITA/WIT sources
#: keep their instant (10:15 WITA is stored as 09:15+07:00).
_LOCAL_TS = pa.timestamp("us", tz="+07:00")


def _f(name: str, type_: pa.DataType, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable)


#: ``doc_id`` is the content hash of the clean text; ``source_key`` is where it came from.
#: Per-document tables hold one set of rows per ``doc_id`` (an exact duplicate is stored once).
TABLES: dict[str, pa.Schema] = {
    "documents": pa.schema([
        _f("source_key", pa.string(), False),
        _f("origin", pa.string(), False),
        _f("doc_id", pa.string(), False),
        _f("source", pa.string(), False),
        _f("source_kind", pa.string(), False),
        _f("source_hash", pa.string(), False),
        _f("title", pa.string()),
        _f("date", _LOCAL_TS),
        _f("date_precision", pa.string()),
        _f("date_raw", pa.string()),
        _f("url", pa.string()),
        _f("format", pa.string()),
        _f("language", pa.string()),
        _f("word_count", pa.int32(), False),
        _f("relevance", pa.float64(), False),
        _f("relevant", pa.bool_(), False),
        _f("sentences", pa.int32(), False),
        _f("mentions", pa.int32(), False),
        _f("actors", pa.list_(pa.string())),
        _f("years", pa.list_(pa.int32())),
        _f("summary", pa.string()),
        _f("duplicate_of", pa.string()),
        _f("analysis_version", pa.string(), False),
        _f("run_id", pa.string(), False),
        _f("analyzed_at", _TS, False),
    ]),
    "sentences": pa.schema([
        _f("doc_id", pa.string(), False),
        _f("sentence", pa.int32(), False),
        _f("start", pa.int32(), False),
        _f("end", pa.int32(), False),
        _f("section", pa.string()),
        _f("status", pa.string()),
        _f("cue", pa.string()),
        _f("text", pa.string(), False),
        _f("run_id", pa.string(), False),
    ]),
    "mentions": pa.schema([
        _f("doc_id", pa.string(), False),
        _f("sentence", pa.int32(), False),
        _f("start", pa.int32(), False),
        _f("end", pa.int32(), False),
        _f("pillar", pa.string(), False),
        _f("driver", pa.string()),
        _f("term", pa.string(), False),
        _f("text", pa.string(), False),
        _f("method", pa.string(), False),
        _f("score", pa.float64(), False),
        _f("status", pa.string()),
        _f("cue", pa.string()),
        _f("rule", pa.string()),
        _f("section", pa.string()),
        _f("lexicon_version", pa.string(), False),
        _f("run_id", pa.string(), False),
    ]),
    "programs": pa.schema([
        _f("doc_id", pa.string(), False),
        _f("sentence", pa.int32(), False),
        _f("start", pa.int32(), False),
        _f("end", pa.int32(), False),
        _f("name", pa.string(), False),
        _f("kind", pa.string(), False),
        _f("pillar", pa.string()),
        _f("text", pa.string(), False),
        _f("method", pa.string(), False),
        _f("score", pa.float64(), False),
        _f("status", pa.string()),  # the status this mention's clause gives it (null: named only)
        _f("cue", pa.string()),
        _f("run_id", pa.string(), False),
    ]),
    "pillar_summary": pa.schema([
        _f("doc_id", pa.string(), False),
        _f("pillar", pa.string(), False),
        _f("status", pa.string(), False),
        _f("mentions", pa.int32(), False),
        _f("mentions_per_1k_words", pa.float64(), False),
        _f("relevant", pa.bool_(), False),
        _f("run_id", pa.string(), False),
    ]),
    "texts": pa.schema([
        _f("doc_id", pa.string(), False),
        _f("text", pa.string(), False),
        _f("run_id", pa.string(), False),
    ]),
    "rejects": pa.schema([
        _f("source_key", pa.string(), False),
        _f("source", pa.string(), False),
        _f("source_hash", pa.string()),
        _f("stage", pa.string(), False),
        _f("reason", pa.string(), False),
        _f("run_id", pa.string(), False),
        _f("rejected_at", _TS, False),
    ]),
    "runs": pa.schema([
        _f("run_id", pa.string(), False),
        _f("version", pa.int32()),
        _f("corpus", pa.string(), False),
        _f("flow_run_id", pa.string()),
        _f("task_runner", pa.string()),
        _f("full", pa.bool_(), False),
        _f("started_at", _TS, False),
        _f("finished_at", _TS, False),
        _f("duration_s", pa.float64(), False),
        _f("discover_s", pa.float64(), False),
        _f("analyze_s", pa.float64(), False),
        _f("write_s", pa.float64(), False),
        _f("code_version", pa.string(), False),
        _f("lexicon_version", pa.string(), False),
        _f("schema_version", pa.string(), False),
        _f("documents_seen", pa.int32(), False),
        _f("documents_analyzed", pa.int32(), False),
        _f("documents_skipped", pa.int32(), False),
        _f("documents_rejected", pa.int32(), False),
        _f("documents_deleted", pa.int32(), False),
    ]),
}

#: Per-document tables: their rows belong to a ``doc_id``.
DOC_TABLES: tuple[str, ...] = ("sentences", "mentions", "programs", "pillar_summary", "texts")

#: The order rows are kept in, so an unchanged corpus rewrites byte-identical tables.
SORT_KEYS: dict[str, list[str]] = {
    "documents": ["source_key"],
    "sentences": ["doc_id", "sentence"],
    "mentions": ["doc_id", "start", "end", "pillar"],
    "programs": ["doc_id", "start", "end", "name"],
    "pillar_summary": ["doc_id", "pillar"],
    "texts": ["doc_id"],
    "rejects": ["source_key", "stage"],
    "runs": ["started_at", "run_id"],
}

_ALLOWED: dict[tuple[str, str], set[str | None]] = {
    ("mentions", "pillar"): set(PILLARS),
    ("mentions", "status"): set(MENTION_STATUSES) | {None},
    ("sentences", "status"): set(MENTION_STATUSES) | {None},
    ("pillar_summary", "pillar"): set(PILLARS),
    ("pillar_summary", "status"): set(DOC_STATUSES),
    ("programs", "kind"): {"program", "initiative"},
    ("programs", "status"): set(MENTION_STATUSES) | {None},
    ("documents", "date_precision"): {"day", "minute", "second", None},
}


class SchemaError(ValueError):
    """A table does not match its declared schema."""


def schema_for(name: str) -> pa.Schema:
    """The declared schema of table ``name``, with pilar's version metadata attached."""
    try:
        schema = TABLES[name]
    except KeyError:
        raise SchemaError(f"unknown table {name!r}; tables: {', '.join(TABLES)}") from None
    from pipeline.store.descriptions import COLUMNS
    from pipeline.store.descriptions import TABLES as TABLE_DOCS

    docs = COLUMNS.get(name, {})
    described = pa.schema([f.with_metadata({"description": docs[f.name]}) if f.name in docs else f for f in schema])
    return described.with_metadata({"pilar.table": name, "pilar.schema_version": SCHEMA_VERSION,
                                    "pilar.description": TABLE_DOCS.get(name, "")})


def build_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows (dicts) to an Arrow table of the declared schema, validated."""
    schema = schema_for(name)
    try:
        table = pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise SchemaError(f"{name}: {exc}") from None
    validate_table(name, table)
    return table


def validate_table(name: str, table: pa.Table) -> None:
    """Raise :class:`SchemaError` unless ``table`` matches the declared schema and value sets."""
    expected = TABLES[name]
    if not table.schema.remove_metadata().equals(expected):
        raise SchemaError(f"{name}: schema differs from version {SCHEMA_VERSION}:\n{table.schema}")
    for field in expected:
        col = table.column(field.name)
        if not field.nullable and col.null_count:
            raise SchemaError(f"{name}.{field.name}: {col.null_count} null value(s) in a required field")
        allowed = _ALLOWED.get((name, field.name))
        if allowed is not None:
            bad = set(col.to_pylist()) - allowed
            if bad:
                raise SchemaError(f"{name}.{field.name}: unexpected value(s) {sorted(map(str, bad))}")


def upgrade_table(name: str, table: pa.Table) -> pa.Table:
    """An older version's table in today's schema: columns matched by name, new ones null.

    Used for the ``runs`` history when a folder is rebuilt under a new schema version.

    Raises:
        SchemaError: A required column is missing or a value does not fit.
    """
    schema = schema_for(name)
    columns = []
    for f in schema:
        if f.name in table.column_names:
            try:
                columns.append(table.column(f.name).cast(f.type))
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
                raise SchemaError(f"{name}.{f.name}: cannot upgrade ({exc})") from None
        elif f.nullable:
            columns.append(pa.nulls(table.num_rows, f.type))
        else:
            raise SchemaError(f"{name}.{f.name}: required, and missing from the stored table")
    return pa.Table.from_arrays(columns, schema=schema)
