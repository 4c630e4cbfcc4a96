"""The ``pilar`` command line.

Exit codes (DESIGN.md §3): 0 all inputs analysed; 1 at least one input rejected or missing (the
others are still analysed: issue 11 moved "no such path" here from 2); 2 usage error (bad flag).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import typer

from pipeline.analyzer import TAGGERS

app = typer.Typer(
    name="pilar",
    help="Mine Indonesian smart-city policy documents: Cohen's six pillars, programmes and their status.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help and one-paragraph usage errors, no boxes
)


def _print_version(value: bool) -> None:
    if value:
        version()
        raise typer.Exit()


@app.callback()
def _options(
    show_version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the code and lexicon versions and exit.")] = False,
) -> None:
    """Mine Indonesian smart-city policy documents: Cohen's six pillars, programmes and their status."""


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"
    parquet = "parquet"


#: ``--tagger`` choices: :data:`pipeline.analyzer.TAGGERS`, the one list.
Tagger = Enum("Tagger", {t: t for t in TAGGERS}, type=str)  # type: ignore[misc]


def _check_models(err) -> None:
    """Load the learned models once, up front: a tampered file stops the run (exit 2)."""
    from pipeline.classify.persist import ModelIntegrityError
    from pipeline.classify.tagger import get_bundle

    try:
        get_bundle()
    except ModelIntegrityError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from None


def _bound(value: str | None, *, end: bool, hint: str):
    from pipeline.ingest.dates import parse_bound

    if value is None:
        return None
    try:
        return parse_bound(value, end=end)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=hint) from None


class _Progress:
    """A document counter on stderr, drawn only when stderr is a terminal (never on stdout).

    Results stream to stdout as each document is done; when stdout is the same terminal, the
    bar is lifted for each line written so the two never overwrite each other.
    """

    def __init__(self, enabled: bool, total: int) -> None:
        self.bar = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
                            TimeElapsedColumn(), console=Console(stderr=True), transient=True,
                            redirect_stdout=False, redirect_stderr=False)
        self.task = self.bar.add_task("analyse", total=total)
        self.lift = sys.stdout.isatty()
        self.bar.start()

    def grow(self, items: int) -> None:  # a table input holds many documents
        if self.bar is not None and items != 1:
            self.bar.update(self.task, total=(self.bar.tasks[0].total or 0) + items - 1)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    @contextmanager
    def lifted(self) -> Iterator[None]:
        """Lift the bar while writing to stdout, when stdout is the same terminal."""
        lift = self.bar is not None and self.lift
        if lift:
            self.bar.stop()
        try:
            yield
        finally:
            sys.stdout.flush()
            if lift:
                self.bar.start()

    def note(self, line: str, err) -> None:
        """A line on stderr, above the bar."""
        (self.bar.console if self.bar is not None else err).print(line, markup=False, highlight=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command(short_help="Analyse documents; one result per document or table row.")
def analyze(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Files or folders (txt, md, pdf, docx, html, csv, jsonl, parquet); "
        "- reads standard input.")],
    format: Annotated[Format, typer.Option(
        "--format", "-f", help="table (for people); json (an array, or one object); jsonl (one object per "
        "document, streamed); csv or parquet (one row per document and pillar).")] = Format.table,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE", help="csv/parquet: write FILE (atomically) instead of stdout.")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="DATE", help="Only documents published on or after DATE (YYYY-MM-DD, WIB; or "
        "a zoned time). Undated documents are left out.")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", metavar="DATE", help="Only documents published on or before DATE (the whole day).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show Python tracebacks for unexpected errors.")] = False,
    max_bytes: Annotated[int | None, typer.Option(
        "--max-bytes", min=1, metavar="N", help="Reject files larger than N bytes (default: "
        "PILAR_MAX_FILE_BYTES, else 50 MiB).")] = None,
    column: Annotated[list[str] | None, typer.Option(
        "--column", "-c", metavar="FIELD=COLUMN", help="Tables: which column holds text, title, id, date "
        "or url (e.g. -c text=isi_berita). Default: found by name.")] = None,
    tagger: Annotated[Tagger, typer.Option(
        "--tagger", help="combined (lexicon + learned models), model, or lexicon only.")] = Tagger.combined,
) -> None:
    """Analyse documents and print one result per document (one per row of a CSV, JSONL or
    Parquet table), in input order.

    Exit status: 0 all analysed; 1 some input rejected or missing (the rest are still
    analysed); 2 usage error.
    """
    from rich.console import Console

    from pipeline.analyze import Counts, expand_inputs, iter_results
    from pipeline.analyzer import Settings
    from pipeline.ingest import ColumnMap
    from pipeline.render import dumps, render_table

    if paths.count("-") > 1:
        raise typer.BadParameter("standard input (-) can be read once", param_hint="PATH")
    if output is not None and format not in (Format.csv, Format.parquet):
        raise typer.BadParameter("--output is for --format csv or parquet (redirect the others)", param_hint="--output")
    if format == Format.parquet and output is None and sys.stdout.isatty():
        raise typer.BadParameter("parquet is binary: pass --output FILE.parquet, or redirect stdout",
                                 param_hint="--format")
    low, high = _bound(since, end=False, hint="--since"), _bound(until, end=True, hint="--until")
    try:
        columns = ColumnMap.parse(column)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--column") from None
    err = Console(stderr=True, soft_wrap=True)  # one line per rejected input, never wrapped
    if tagger != Tagger.lexicon:
        _check_models(err)
    inputs = expand_inputs(paths)
    progress = _Progress(sys.stderr.isatty(), total=len(inputs))
    counts = Counts()
    results: list[dict] = []
    stream = format in (Format.jsonl, Format.table)
    table_out = Console() if format == Format.table else None
    try:
        for res in iter_results(inputs, debug=debug, max_bytes=max_bytes, columns=columns,
                                settings=Settings(tagger=tagger.value), since=low, until=high, counts=counts,
                                on_file=progress.grow):
            progress.advance()
            if "error" in res and not (table_out is not None and sys.stdout.isatty()):
                # the table shows it on the same screen already; redirected, stderr still says it
                progress.note(f"{res['source']}: {res['error']}", err)
            if format == Format.jsonl:
                with progress.lifted():
                    sys.stdout.write(dumps(res) + "\n")
            elif table_out is not None:
                with progress.lifted():
                    render_table([res], table_out)
            else:
                results.append(res)
    finally:
        progress.close()
    if not stream:
        if format == Format.json:
            sys.stdout.write(dumps(results[0] if len(results) == 1 else results) + "\n")
        else:
            _write_long_table(results, fmt=format.value, output=output)
    if counts.out_of_range:
        err.print(f"{counts.out_of_range} document(s) outside --since/--until, or undated, left out",
                  markup=False, highlight=False)
    sys.stdout.flush()
    raise typer.Exit(1 if counts.rejected else 0)


def _write_long_table(results: list[dict], *, fmt: str, output: str | None) -> None:
    """csv/parquet: the tidy document × pillar table (errors went to stderr)."""
    from pipeline.export import ExportError, write_frames
    from pipeline.frames import pillar_table, to_frames

    table = pillar_table(to_frames(results))
    try:
        write_frames({"analysis": table}, fmt=fmt, output=output or "-", dataset_tables=False)
    except ExportError as exc:
        raise typer.BadParameter(str(exc), param_hint="--output") from None


@app.command(short_help="Print the code and lexicon versions.")
def version() -> None:
    """Print the code and lexicon versions."""
    from pipeline import __version__
    from pipeline.lexicon import load_lexicon

    typer.echo(f"pilar {__version__} · lexicon {load_lexicon().version}")


# `pilar run | schedule | server`: corpus runs through Prefect (imported lazily in the commands).
from pipeline.flows.cli import register as _register_flow_commands  # noqa: E402

_register_flow_commands(app)

# `pilar train | evaluate`: the learned tagger (pipeline/learn).
from pipeline.learn.cli import register as _register_learn_commands  # noqa: E402

_register_learn_commands(app)

# `pilar export | versions`: a data folder's tables out, and its snapshots.
from pipeline.datasets_cli import register as _register_dataset_commands  # noqa: E402

_register_dataset_commands(app)

# `pilar report | compare | kwic`: reading a data folder (pipeline/report).
from pipeline.report.cli import register as _register_report_commands  # noqa: E402

_register_report_commands(app)


def main() -> None:
    """Console-script entry point."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.stderr.write("interrupted\n")
        sys.exit(130)
