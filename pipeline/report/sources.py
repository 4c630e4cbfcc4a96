"""From what a user names (a corpus, a data folder) to :class:`CorpusData`, and writing reports.

A corpus name resolves as ``pilar run`` resolves it (its definition's ``output``, unless
``--data-dir`` or ``PILAR_DATA_DIR`` says otherwise); a folder that holds datasets is read
as it is. A baseline resolves from its own definition's ``output`` (as the run summary's
comparison does); when that folder was never written and the baseline is small, it is
analysed in memory, and the caller is told so.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.report.data import CorpusData, NoData, has_datasets, load_data_dir

if TYPE_CHECKING:
    from pipeline.corpora.spec import CorpusSpec


class ReportError(ValueError):
    """A corpus or data folder cannot be resolved (one line, says what to do)."""


def _spec(ref: str | None) -> CorpusSpec:
    from pipeline.corpora.spec import CorpusError, load_corpus

    try:
        return load_corpus(ref)
    except CorpusError as exc:
        raise ReportError(str(exc)) from None


def _quiet_spec(ref: str | None) -> CorpusSpec | None:
    try:
        return _spec(ref)
    except ReportError:
        return None


def _from_folder(path: Path, spec: CorpusSpec | None, *, relevant_only: bool = True) -> CorpusData:
    data = load_data_dir(path, name=spec.name if spec else None, relevant_only=relevant_only)
    spec = spec or _quiet_spec(data.name)
    if spec is not None:
        data.description = spec.description
        data.source_root = spec.root
    return data


def corpus_data(corpus: str | None, data_dir: str | None, *,
                relevant_only: bool = True) -> tuple[CorpusData, CorpusSpec | None]:
    """The corpus to report on, and its definition when there is one.

    Raises:
        ReportError: Unknown corpus, or no datasets where they should be.
    """
    from pipeline import config

    spec: CorpusSpec | None
    if data_dir:
        path, spec = Path(data_dir), (_spec(corpus) if corpus else None)
    elif corpus and has_datasets(Path(corpus)):
        path, spec = Path(corpus), None
    else:
        spec = _spec(corpus)
        path = config.data_dir(None, corpus_output=spec.output)
    if not has_datasets(path):
        name = (spec.name if spec else None) or corpus or "thesis"
        hint = f"pilar run --corpus {name}" + (f" --data-dir {data_dir}" if data_dir else "")
        raise ReportError(f"no datasets in {path}/: run `{hint}` first")
    data = _from_folder(path, spec, relevant_only=relevant_only)
    held = data.run.get("corpus")
    if spec is not None and not data_dir and held and held != spec.name:
        # the default data folder holds another corpus ("pilar report --corpus my/" before its
        # run): a report of those rows under this corpus's name would be wrong
        raise ReportError(f"data folder {path}/ holds corpus {held!r}, not {spec.name!r}: run "
                          f"`pilar run --corpus {corpus} --data-dir <folder>` first, then report with --data-dir")
    data.cli_ref = f"--corpus {corpus or spec.name}" if spec is not None and not data_dir else f"--data-dir {path}"
    return data, spec or _quiet_spec(data.name)


def baseline_data(ref: str | None, *, baseline_dir: str | None = None,
                  note: Callable[[str], None] | None = None) -> CorpusData:
    """The baseline corpus: its data folder, else its sources analysed in memory."""
    if baseline_dir:
        if not has_datasets(Path(baseline_dir)):
            raise ReportError(f"no datasets in {baseline_dir}/: run `pilar run --data-dir {baseline_dir}` first")
        data = _from_folder(Path(baseline_dir), _spec(ref) if ref else None)
        data.cli_ref = f"--data-dir {baseline_dir}"
    elif ref and has_datasets(Path(ref)):
        data = _from_folder(Path(ref), None)
        data.cli_ref = f"--data-dir {ref}"
    else:
        spec = _spec(ref or "thesis")
        if spec.output and has_datasets(Path(spec.output)):
            data = _from_folder(Path(spec.output), spec)
        else:
            data = analyse_in_memory(spec, note=note)
        data.cli_ref = f"--corpus {ref or spec.name}"
    return data


def analyse_in_memory(spec: CorpusSpec, *, note: Callable[[str], None] | None = None) -> CorpusData:
    """Analyse a (small) corpus's local sources without writing datasets."""
    from pipeline.analyzer import Settings
    from pipeline.corpora.run import analyze_batch, versions
    from pipeline.corpora.sources import discover_local

    items, _ = discover_local(spec)
    if not items:
        raise ReportError(f"corpus {spec.name} has no readable local sources: run `pilar run --corpus {spec.name}`")
    if note:
        note(f"baseline {spec.name}: no datasets in {spec.output or '(no output set)'}; analysing its "
             f"{len(items)} source(s) in memory (`pilar run --corpus {spec.name}` keeps them)")
    settings = Settings()
    _, lexicon, analysis = versions(settings)
    res = analyze_batch(items, settings=settings, run_id="in-memory", analysis_version=analysis, lexicon_version=lexicon)
    rows = {name: res.rows(name) for name in ("documents", "sentences", "mentions", "programs", "pillar_summary")}
    data = CorpusData.from_rows(spec.name, rows, rejected=len(res.rejects), description=spec.description,
                                source_root=spec.root)
    return data


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` beside ``path`` and move it into place (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_report(data: CorpusData, *, baseline: CorpusData | None, out: Path, lang: str = "id") -> tuple[Path, Path]:
    """Render and write ``out`` (HTML) and its Markdown twin beside it; returns both paths."""
    from pipeline.report.build import build_report
    from pipeline.report.html import render_html
    from pipeline.report.markdown import render_markdown

    report = build_report(data, baseline=baseline, lang=lang)
    html_path = out if out.suffix.lower() in (".html", ".htm") else out.with_suffix(".html")
    md_path = html_path.with_suffix(".md")
    write_atomic(html_path, render_html(report))
    write_atomic(md_path, render_markdown(report))
    return html_path, md_path


__all__ = ["ReportError", "NoData", "corpus_data", "baseline_data", "write_report", "analyse_in_memory"]
