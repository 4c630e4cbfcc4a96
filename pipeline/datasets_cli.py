"""``pilar export`` and ``pilar versions``: a data folder's tables out, and its snapshots.

Registered on the main Typer app by :func:`register`. Exit codes: 0 done; 1 nothing to
export (no data, no such version); 2 usage error.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

DataDirOpt = Annotated[str | None, typer.Option(
    "--data-dir", metavar="DIR", help="Data folder (else PILAR_DATA_DIR, else ./data).")]


class ExportFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"
    parquet = "parquet"


def export(
    tables: Annotated[list[str] | None, typer.Argument(
        metavar="TABLE", help="Tables to export (default: all; xlsx leaves out texts).",
        show_default=False)] = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, xlsx or parquet.")] = ExportFormat.csv,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="PATH", help="xlsx: a workbook FILE.xlsx (a sheet per table). csv/parquet: "
        "a folder (TABLE.csv each), or with one table a file; - is stdout (csv). Default: ./export "
        "(./export.xlsx).")] = None,
    data_dir: DataDirOpt = None,
    version: Annotated[str | None, typer.Option(
        "--version", metavar="N|RUN", help="A snapshot: version number (-1 newest, -2 the one before) or "
        "run id. Default: the current tables.")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="DATE", help="Only documents published on or after DATE (and their rows).")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", metavar="DATE", help="Only documents published on or before DATE (the whole day).")] = None,
) -> None:
    """Export a data folder's tables as CSV, XLSX or Parquet, for spreadsheets and other tools.

    Dates: CSV writes them with their offset (2025-12-01T10:15:00+07:00); XLSX as WIB clock
    time (Excel has no time zones: the header says "date (WIB)").
    """
    from pipeline.export import ExportError, export_data_dir

    out = output or ("export.xlsx" if format == ExportFormat.xlsx else "export")
    try:
        written = export_data_dir(data_dir, fmt=format.value, output=out, tables=tables, version=version,
                                  since=since, until=until)
    except ExportError as exc:
        typer.echo(f"pilar export: {exc}", err=True)
        raise typer.Exit(2 if exc.usage else 1) from None
    for line in written:  # the files written, and notes (cut cells); stdout stays the data's
        if line != "-":
            typer.echo(line, err=True)


def versions(
    data_dir: DataDirOpt = None,
    prune: Annotated[int | None, typer.Option(
        "--prune", metavar="KEEP", min=1, help="Delete all but the newest KEEP versions (and files no kept "
        "version uses).")] = None,
) -> None:
    """List the data folder's snapshot versions (one per run), or prune old ones."""
    from pipeline import config
    from pipeline.store import snapshots
    from pipeline.store.lock import DataDirLocked, data_dir_lock

    folder = config.data_dir(data_dir)
    if prune is not None:
        try:
            with data_dir_lock(folder):
                done = snapshots.prune(folder, keep=prune)
        except DataDirLocked as exc:
            typer.echo(f"pilar versions: {exc}", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"removed {done['versions']} version(s), {done['objects']} file(s), {done['bytes']:,} bytes")
        return
    listed = snapshots.list_versions(folder)
    if not listed:
        typer.echo(f"pilar versions: no snapshot versions in {folder} (run `pilar run` first)", err=True)
        raise typer.Exit(1)
    typer.echo("version  created (UTC)               run id        tables changed")
    before: dict = {}
    for v in listed:
        changed = [t for t, e in sorted(v["tables"].items()) if before.get(t, {}).get("sha256") != e["sha256"]]
        typer.echo(f"{v['version']:>7}  {v['created_at']:<26}  {v['run_id'][:12]:<12}  {', '.join(changed) or '-'}")
        before = v["tables"]
    cost = snapshots.storage(folder)
    typer.echo(f"\nsnapshots cost {cost['extra_bytes']:,} bytes beyond the current tables")


def register(app: typer.Typer) -> None:
    """Add ``export`` and ``versions`` to the ``pilar`` app."""
    app.command(short_help="Export a data folder's tables: csv, xlsx or parquet.")(export)
    app.command(short_help="List (or prune) a data folder's snapshot versions.")(versions)
