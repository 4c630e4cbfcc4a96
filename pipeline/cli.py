"""The ``pilar`` command line.

Exit codes (DESIGN.md §3): 0 all inputs analysed; 1 at least one input rejected (the others
are still analysed); 2 usage error (bad flag, no such path).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
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


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


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


SUPPORTED_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm", ".csv", ".jsonl", ".parquet"}


def expand_inputs(paths: list[str]) -> list[str]:
    """Files in the given order; a folder expands to its supported files, sorted."""
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                str(f) for f in p.rglob("*")
                if (f.is_file() or f.is_symlink()) and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            out.extend(found)
        elif p.exists() or p.is_symlink():
            out.append(raw)
        else:
            raise typer.BadParameter(f"no such path: {raw}", param_hint="PATH")
    return out


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Files or folders (txt, md, pdf, docx, html, csv, jsonl, parquet).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="json (array, or one object), jsonl (one per document) or table.")] = Format.table,
    debug: Annotated[bool, typer.Option("--debug", help="Show Python tracebacks for unexpected errors.")] = False,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", min=1, help="Reject files larger than this (default: PILAR_MAX_FILE_BYTES, else 50 MiB).")] = None,
    column: Annotated[list[str] | None, typer.Option("--column", "-c", help="Tables: FIELD=COLUMN for text, title, id, date, url (e.g. -c text=isi_berita). Default: found by name.")] = None,
    tagger: Annotated[Tagger, typer.Option("--tagger", help="combined (lexicon + learned models), model, or lexicon only.")] = Tagger.combined,
) -> None:
    """Analyse documents and print one result per document (one per row for CSV/JSONL/Parquet)."""
    from rich.console import Console

    from pipeline.analyze import analyze_paths
    from pipeline.analyzer import Settings
    from pipeline.ingest import ColumnMap
    from pipeline.render import dumps, render_table

    files = expand_inputs(paths)
    try:
        columns = ColumnMap.parse(column)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--column") from None
    err = Console(stderr=True, soft_wrap=True)  # one line per rejected input, never wrapped
    if tagger != Tagger.lexicon:
        _check_models(err)
    results, rejected = analyze_paths(
        files, debug=debug, progress=sys.stderr.isatty() and format != Format.table,
        max_bytes=max_bytes, columns=columns, settings=Settings(tagger=tagger.value),
    )
    for res in results:
        if "error" in res:
            err.print(f"{res['source']}: {res['error']}", markup=False, highlight=False)
    if format == Format.jsonl:
        for res in results:
            sys.stdout.write(dumps(res) + "\n")
    elif format == Format.json:
        sys.stdout.write(dumps(results[0] if len(results) == 1 else results) + "\n")
    else:
        render_table(results, Console())
    sys.stdout.flush()
    raise typer.Exit(1 if rejected else 0)


@app.command()
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
