"""The unchanged rerun, without Prefect: plan first, and run no flow when there is nothing to do.

``pilar run`` on a corpus whose sources did not change used to cost 13–21 s, nearly all of it
Prefect: importing it (~1.5–2 s here), starting its temporary server (5–20 s) or reaching a
running one, and a flow run that analyses nothing. The plan alone (discover, fingerprint,
compare with the stored state) needs none of that, so the CLI plans here first; when nothing
is new, changed, deleted or newly rejected, and no source is remote (a URL or feed must be
fetched to know), it records the run itself — a ``runs`` row (``task_runner`` = ``none
(unchanged)``, no flow run) and a snapshot version, as a flow run would — and prints the same
summary. Anything else goes to the Prefect flow as before. ``pilar run --flow`` always runs the
flow (to see every run in Prefect's UI).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.analyzer import Settings
from pipeline.corpora.run import CorpusRun
from pipeline.corpora.spec import CorpusSpec

#: What the ``runs`` table says ran such a run.
TASK_RUNNER = "none (unchanged)"


def run_if_unchanged(spec: CorpusSpec, data_dir: Path, *, settings: Settings, wait: float = 0.0) -> dict[str, Any] | None:
    """Record an unchanged run without Prefect; ``None`` when there is work for the flow.

    Returns:
        The report (as the flow returns it, with ``summary_markdown``), or ``None``.
    """
    from pipeline.corpora.report import summary_markdown
    from pipeline.corpora.sources import discover_local
    from pipeline.store.lock import data_dir_lock

    if any(s.remote for s in spec.sources):
        return None
    with data_dir_lock(data_dir, wait=wait):
        run = CorpusRun(spec, data_dir, task_runner=TASK_RUNNER, settings=settings)
        if not (data_dir / "documents").exists():
            return None  # a first run: the flow does it
        run.open()
        if run.full or run.notes:  # a rebuild or a recovery: let the flow do (and log) it
            return None
        items, discover_rejects = discover_local(spec)
        run.timings["discover_s"] = run.elapsed()
        plan = run.plan(items)
        if plan.analyse or plan.deleted or discover_rejects:
            return None
        report = run.commit([])
        md = summary_markdown(spec, data_dir, report, settings=settings)
    return {**report.to_dict(), "summary_markdown": md}
