"""``pilar report``, ``pilar compare`` and ``pilar kwic`` (registered on the app by ``register``).

Exit codes: 0 done; 1 nothing to read (no datasets: the message says which run writes
them); 2 usage error (unknown corpus, pillar or option).
"""

from __future__ import annotations

import json
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pipeline.report.kwic import KWIC_STATUSES

if TYPE_CHECKING:
    from pipeline.corpora.spec import CorpusSpec
    from pipeline.report.data import CorpusData


class Lang(str, Enum):
    id = "id"
    en = "en"


class CompareFormat(str, Enum):
    table = "table"
    json = "json"


class KwicFormat(str, Enum):
    table = "table"
    csv = "csv"


KwicStatus = Enum("KwicStatus", {s: s for s in KWIC_STATUSES}, type=str)  # type: ignore[misc]

CorpusOpt = Annotated[str | None, typer.Option(
    "--corpus", "-c", metavar="NAME", help="Corpus name, TOML path or data folder. Default: thesis.")]
DataDirOpt = Annotated[str | None, typer.Option(
    "--data-dir", metavar="DIR", help="Data folder (else PILAR_DATA_DIR, the corpus's output).")]


def _fail(msg: str, code: int) -> typer.Exit:
    typer.echo(f"pilar: {msg}", err=True)
    return typer.Exit(code)


def _load(corpus: str | None, data_dir: str | None, *,
          relevant_only: bool = True) -> tuple[CorpusData, CorpusSpec | None]:
    from pipeline.report.sources import ReportError, corpus_data

    try:
        return corpus_data(corpus, data_dir, relevant_only=relevant_only)
    except ReportError as exc:
        code = 1 if "no datasets" in str(exc) else 2
        raise _fail(str(exc), code) from None


def _baseline(ref: str | None, baseline_dir: str | None) -> CorpusData:
    from pipeline.report.sources import ReportError, baseline_data

    try:
        return baseline_data(ref, baseline_dir=baseline_dir, note=lambda m: typer.echo(f"note: {m}", err=True))
    except ReportError as exc:
        raise _fail(str(exc), 1 if "no datasets" in str(exc) else 2) from None


def _pillar(value: str | None) -> str | None:
    from pipeline.schema import PILLARS

    if value is None:
        return None
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    key = key if key.startswith("smart_") else f"smart_{key}"
    if key not in PILLARS:
        raise typer.BadParameter(f"unknown pillar {value!r}; use one of {', '.join(PILLARS)}", param_hint="--pillar")
    return key


def report(
    corpus: CorpusOpt = None,
    data_dir: DataDirOpt = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE",
        help="The HTML file; its Markdown twin goes beside it (.md). Default: DIR/report.html.")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the report: id or en.")] = Lang.id,
    baseline: Annotated[str | None, typer.Option(
        "--baseline", "-b", metavar="CORPUS",
        help="Compare with this corpus or data folder. Default: the corpus's own baseline.")] = None,
    no_baseline: Annotated[bool, typer.Option("--no-baseline", help="Leave the comparison out.")] = False,
    baseline_dir: Annotated[str | None, typer.Option("--baseline-dir", metavar="DIR",
                                                     help="The baseline's data folder.")] = None,
) -> None:
    """Write a corpus report: one offline HTML page and a Markdown twin."""
    from pipeline.report.sources import write_report

    data, spec = _load(corpus, data_dir)
    ref = baseline or (spec.baseline if spec else None)
    base = None if no_baseline or not (ref or baseline_dir) else _baseline(ref, baseline_dir)
    out = output or (data.data_dir or Path(".")) / "report.html"
    html_path, md_path = write_report(data, baseline=base, out=out, lang=lang.value)
    size = html_path.stat().st_size
    against = f", compared with {base.name}" if base is not None else ""
    relevant = f"{data.relevant} relevant document" + ("" if data.relevant == 1 else "s")
    typer.echo(f"wrote {html_path} ({size / 1024:.0f} KB) and {md_path.name}: {relevant}, "
               f"{data.unrelated} unrelated left out{against}")


def compare(
    corpus: Annotated[str, typer.Argument(metavar="CORPUS", help="Corpus name, TOML path or data folder.")],
    baseline: Annotated[str, typer.Option(
        "--baseline", "-b", metavar="CORPUS", help="The corpus (or data folder) to compare with.")] = "thesis",
    data_dir: DataDirOpt = None,
    baseline_dir: Annotated[str | None, typer.Option("--baseline-dir", metavar="DIR",
                                                     help="The baseline's data folder.")] = None,
    format: Annotated[CompareFormat, typer.Option("--format", "-f", help="table or json.")] = CompareFormat.table,
) -> None:
    """Per pillar: the documents that agree with the baseline, add or contradict."""
    from pipeline.report.compare import compare_corpora, to_table

    data, _ = _load(corpus, data_dir)
    base = _baseline(baseline, baseline_dir)
    cmp = compare_corpora(data, base)
    if format == CompareFormat.json:
        typer.echo(json.dumps(cmp.to_dict(), ensure_ascii=False, indent=1))
    else:
        typer.echo(to_table(cmp), nl=False)


def kwic(
    term: Annotated[str | None, typer.Argument(
        metavar="TERM", help="Word or phrase; * and ? are wildcards (quanteda's glob).")] = None,
    pillar: Annotated[str | None, typer.Option(
        "--pillar", "-p", metavar="PILLAR", help="Keywords are this pillar's mentions (smart_mobility or mobility).")] = None,
    status: Annotated[KwicStatus | None, typer.Option(
        "--status", "-s", help="Only mentions (or, for a term, sentences) with this status; none = no status.")] = None,
    corpus: CorpusOpt = None,
    data_dir: DataDirOpt = None,
    window: Annotated[int, typer.Option("--window", "-w", min=0, metavar="WORDS", help="Words of context each side (0: all).")] = 6,
    format: Annotated[KwicFormat, typer.Option("--format", "-f", help="table or csv.")] = KwicFormat.table,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, metavar="N", help="At most N lines.")] = None,
    all_documents: Annotated[bool, typer.Option(
        "--all-documents", help="Also search documents judged unrelated to urban policy.")] = False,
) -> None:
    """Keyword in context: the sentences with TERM or a pillar's mentions."""
    from pipeline.report.kwic import kwic as run_kwic
    from pipeline.report.kwic import to_csv, to_table

    if term is None and pillar is None:
        raise typer.BadParameter("give a TERM or --pillar", param_hint="TERM")
    key = _pillar(pillar)
    data, _ = _load(corpus, data_dir, relevant_only=not all_documents)
    try:
        rows = run_kwic(data, term=term, pillar=key, status=status.value if status else None, window=window)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="TERM") from None
    found = len(rows)
    rows = rows[:limit] if limit else rows
    if format == KwicFormat.csv:
        sys.stdout.write(to_csv(rows))
    else:
        sys.stdout.write(to_table(rows, width=shutil.get_terminal_size((100, 24)).columns))
    scope = "documents" if all_documents else "relevant documents"
    docs = len({r["doc_id"] for r in rows})
    typer.echo(f"{found} match(es) in {scope} of {data.name}" + (f", {len(rows)} shown" if len(rows) < found else "")
               + f" ({docs} document(s))", err=True)


def register(app: typer.Typer) -> None:
    """Add ``report``, ``compare`` and ``kwic`` to the ``pilar`` app."""
    app.command(short_help="Write a corpus report: offline HTML and Markdown.")(report)
    app.command(short_help="Per pillar: documents that agree, add or contradict.")(compare)
    app.command(short_help="Keyword in context for a term or a pillar.")(kwic)
