"""Is a data folder whole? Missing and unreadable tables, and rows that went missing.

A data folder that was ever committed holds every table of :data:`~pipeline.store.schemas.TABLES`
(the first commit writes them all, empty or not). So a table that is absent while another is
present was lost (a deleted folder), and a table whose file does not read back, or reads with
another schema, is damaged. Beyond whole tables, ``documents`` states how many sentences and
mentions each text has, and every text has one ``pillar_summary`` row per pillar: a text whose
rows in those tables do not add up lost some of them.

This module only reports (:func:`check_data_dir`); the corpus run decides what to re-analyse
(:mod:`pipeline.corpora.run`), and :func:`pipeline.store.load_dataset` refuses with one line
saying how to repair. Damaged files are copied to ``DIR/.quarantine/`` before anything replaces
them (:func:`quarantine`), so no bytes are ever thrown away by a repair.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.schema import PILLARS
from pipeline.store.schemas import DOC_TABLES, TABLES, SchemaError, validate_table
from pipeline.store.tables import COMMIT, PART, STAGING, table_path

QUARANTINE = ".quarantine"

#: Per-document tables whose row count per text ``documents`` records (column name).
COUNTED: dict[str, str] = {"sentences": "sentences", "mentions": "mentions"}


class DatasetError(RuntimeError):
    """A dataset of a data folder is missing or unreadable; the message says how to repair it."""


@dataclass(frozen=True)
class TableProblem:
    """One table that cannot be trusted: ``missing`` or ``corrupt`` (with a short reason)."""

    table: str
    kind: str
    detail: str

    def describe(self) -> str:
        return f"{self.table}: {self.detail}"


@dataclass
class Integrity:
    """What :func:`check_data_dir` found.

    Attributes:
        committed: The folder holds at least one table (it was committed to before).
        problems: Tables missing or unreadable, by name.
        short_rows: Per table, the ``doc_id`` values whose rows there do not add up.
    """

    committed: bool = False
    problems: dict[str, TableProblem] = field(default_factory=dict)
    short_rows: dict[str, set[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and not any(self.short_rows.values())


def _short_reason(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())
    if len(msg) > 140:
        msg = msg[:137] + "…"
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def current_path(data_dir: Path, name: str) -> Path:
    """Where table ``name``'s committed content is now.

    While a commit is being applied (its ``COMMIT`` marker written, its files being moved into
    place one by one) a table not moved yet is read from the commit's staging folder, so a
    reader through here sees every table as of the same commit, never half of one.
    """
    staging = Path(data_dir) / STAGING
    if staging.is_dir():
        for txn in sorted((p for p in staging.iterdir() if p.is_dir()), reverse=True):
            staged = txn / f"{name}.parquet"
            if (txn / COMMIT).exists() and staged.exists():
                return staged
    return table_path(data_dir, name) / PART


def read_checked(data_dir: Path, name: str) -> pa.Table:
    """Read table ``name`` in full (as of the last commit) and check its schema.

    Raises:
        FileNotFoundError: The table's file does not exist.
        DatasetError: It exists but does not read back as the declared table.
    """
    for _ in range(5):  # a file moved into place between finding and reading it: look again
        path = current_path(data_dir, name)
        if not path.exists():
            if path.parent.name != name:
                continue
            raise FileNotFoundError(path)
        try:
            table = pq.read_table(path)
            validate_table(name, table)
        except FileNotFoundError:
            continue
        except SchemaError as exc:
            raise DatasetError(f"{path} does not hold table {name!r} ({' '.join(str(exc).split())[:140]})") from None
        except (OSError, pa.ArrowException, ValueError) as exc:
            raise DatasetError(f"{path} is unreadable ({_short_reason(exc)})") from None
        return table
    raise FileNotFoundError(table_path(data_dir, name) / PART)


def check_table(data_dir: Path, name: str, *, committed: bool) -> TableProblem | None:
    """The problem with one table, or ``None`` when it reads back whole."""
    try:
        read_checked(data_dir, name)
    except FileNotFoundError:
        return TableProblem(name, "missing", "missing (its folder or file was deleted)") if committed else None
    except DatasetError as exc:
        return TableProblem(name, "corrupt", str(exc))
    return None


def is_committed(data_dir: Path) -> bool:
    """True when any table was ever written to ``data_dir``."""
    return any((table_path(data_dir, n) / PART).exists() for n in TABLES)


def _counts(table: pa.Table) -> dict[str, int]:
    if table.num_rows == 0:
        return {}
    grouped = table.group_by("doc_id").aggregate([("doc_id", "count")])
    return dict(zip(grouped["doc_id"].to_pylist(), grouped["doc_id_count"].to_pylist(), strict=True))


def check_data_dir(data_dir: Path) -> Integrity:
    """Check every table of ``data_dir``, then the per-document row counts of the readable ones."""
    data_dir = Path(data_dir)
    out = Integrity(committed=is_committed(data_dir))
    if not out.committed:
        return out
    tables: dict[str, pa.Table] = {}
    for name in TABLES:
        try:
            table = read_checked(data_dir, name)
        except FileNotFoundError:
            out.problems[name] = TableProblem(name, "missing", "missing (its folder or file was deleted)")
            continue
        except DatasetError as exc:
            out.problems[name] = TableProblem(name, "corrupt", str(exc))
            continue
        if name == "documents" or name in DOC_TABLES:
            tables[name] = table
    docs = tables.get("documents")
    if docs is None or docs.num_rows == 0:
        return out
    # One row per text: the first (non-duplicate) row states its counts.
    firsts = docs.filter(pc.is_null(docs["duplicate_of"])) if docs.num_rows else docs
    expected = {
        "sentences": dict(zip(firsts["doc_id"].to_pylist(), firsts["sentences"].to_pylist(), strict=True)),
        "mentions": dict(zip(firsts["doc_id"].to_pylist(), firsts["mentions"].to_pylist(), strict=True)),
        "pillar_summary": dict.fromkeys(firsts["doc_id"].to_pylist(), len(PILLARS)),
    }
    for name, want in expected.items():
        if name not in tables:
            continue
        have = _counts(tables[name])
        short = {d for d, n in want.items() if have.get(d, 0) != n}
        if short:
            out.short_rows[name] = short
    return out


def quarantine(data_dir: Path, name: str) -> Path | None:
    """Copy table ``name``'s damaged file to ``DIR/.quarantine/`` (kept, never deleted); return the copy."""
    src = table_path(data_dir, name) / PART
    if not src.exists():
        return None
    dest_dir = Path(data_dir) / QUARANTINE
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{name}-{time.strftime('%Y%m%dT%H%M%S')}-{time.monotonic_ns() % 10**6:06d}.parquet"
    shutil.copy2(src, dest)
    return dest


def repair_hint(data_dir: Path) -> str:
    return f"`pilar run --data-dir {data_dir}` repairs it by re-analysing the affected sources"
