"""Each corpus run writes its report into the data folder and links it as a Prefect artifact."""

from __future__ import annotations

from pathlib import Path

from pipeline.flows.corpus import run_corpus
from pipeline.flows.report import artifact_key


def test_run_writes_the_report_and_links_it(corpus, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    data = tmp_path / "data"
    result = run_corpus(corpus=str(corpus), data_dir=str(data), report_lang="en")
    html = Path(result["report_html"])
    assert html == data / "report.html" and html.exists() and (data / "report.md").exists()
    assert '<html lang="en">' in html.read_text(encoding="utf-8")
    key = artifact_key("mini")
    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
    # Prefect stores a link artifact as markdown, [text](link); other tests' runs share the key
    assert any(f"({html.resolve().as_uri()})" in str(a.data) for a in arts)
