"""Reports on a corpus: one offline HTML page and its Markdown twin, the comparison with a
baseline corpus, and keyword in context over a data folder.

Reads datasets through :func:`pipeline.store.load_dataset`; works on relevant documents only
(:mod:`pipeline.report.data` decides). Plain Python, no Prefect: the corpus flow calls
:func:`pipeline.report.sources.write_report` after each run.

| module | what |
|---|---|
| ``data`` | a data folder (or a run's rows) as :class:`CorpusData`: the relevant documents |
| ``evidence`` | keyword in context with the pillar term and the status cue marked |
| ``compare`` | per pillar, documents that agree with the baseline, add or contradict |
| ``kwic`` | quanteda-style KWIC rows, as a table or CSV |
| ``narrative``, ``text`` | the conclusions in the thesis's order, in Indonesian or English |
| ``build`` | everything a report says, gathered once |
| ``svg``, ``html``, ``markdown`` | hand-written charts and the two renderings |
| ``sources`` | corpus names and folders to data; writing the files |
| ``cli`` | ``pilar report``, ``pilar compare``, ``pilar kwic`` |
"""

from __future__ import annotations

from pipeline.report.build import Report, build_report
from pipeline.report.compare import CorpusComparison, compare_corpora
from pipeline.report.data import CorpusData, load_data_dir
from pipeline.report.html import render_html
from pipeline.report.kwic import kwic
from pipeline.report.markdown import render_markdown

__all__ = ["CorpusData", "load_data_dir", "Report", "build_report", "render_html", "render_markdown",
           "CorpusComparison", "compare_corpora", "kwic"]
