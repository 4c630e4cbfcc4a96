"""The report step of a corpus run: write ``DIR/report.html`` (and its Markdown twin) and link
it from the run as a Prefect artifact.

A thin task over :mod:`pipeline.report`. The datasets are committed before it runs and the
report is derived from them (``pilar report`` rewrites it at any time), so a report that
cannot be written is logged as an error, with its traceback, and the run still counts as done.
"""

from __future__ import annotations

import re
from pathlib import Path

from prefect import get_run_logger, task
from prefect.artifacts import create_link_artifact
from prefect.cache_policies import NO_CACHE

from pipeline.corpora.spec import CorpusSpec

REPORT_FILE = "report.html"


def artifact_key(corpus: str) -> str:
    """The artifact key of a corpus's report link (``pilar-NAME-report``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", corpus.lower()).strip("-") or "corpus"
    return f"pilar-{slug}-report"


@task(name="write-report", cache_policy=NO_CACHE)
def write_report(corpus: CorpusSpec, data_dir: Path, lang: str = "id") -> str | None:
    """Write the corpus report into the data folder and link it; returns the HTML path."""
    from pipeline.report.data import NoData, load_data_dir
    from pipeline.report.sources import ReportError, baseline_data
    from pipeline.report.sources import write_report as write

    logger = get_run_logger()
    try:
        data = load_data_dir(Path(data_dir), name=corpus.name, description=corpus.description,
                             source_root=corpus.root)
        data.cli_ref = f"--data-dir {data_dir}"
        base = baseline_data(corpus.baseline, note=logger.info) if corpus.baseline else None
        html_path, md_path = write(data, baseline=base, out=Path(data_dir) / REPORT_FILE, lang=lang)
    except (ReportError, NoData, OSError) as exc:
        logger.warning("report not written: %s", exc)
        return None
    except Exception:  # a bug in the report must not undo a committed run
        logger.exception("report not written (run `pilar report --data-dir %s` to retry)", data_dir)
        return None
    create_link_artifact(link=html_path.resolve().as_uri(), link_text=f"{corpus.name}: report ({lang})",
                         key=artifact_key(corpus.name),
                         description=f"pilar report of {corpus.name}: {html_path} (Markdown: {md_path.name})")
    return str(html_path)
