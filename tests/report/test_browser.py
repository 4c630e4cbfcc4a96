"""The report in a real headless Chromium: the charts draw, the page fits a laptop and a
phone, it prints, and nothing is requested from anywhere but the file itself.

Skipped when Chromium is not installed (``apt-get install -y chromium``; ``.ci/run`` does
it). Set ``PILAR_SCREENSHOT_DIR`` to keep the screenshots and the PDF for a look.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
from pathlib import Path

import pytest

from pipeline.report.data import load_data_dir
from pipeline.report.sources import write_report
from report.cdp import Browser, find_chromium

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)")

MEASURE = """JSON.stringify([...document.querySelectorAll('svg.chart')].map(svg => {
  const box = svg.getBoundingClientRect();
  const drawn = sel => [...svg.querySelectorAll(sel)].filter(e => {
    const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length;
  return {id: svg.getAttribute('aria-labelledby'), w: box.width, h: box.height,
          bars: drawn('rect.seg'), dots: drawn('circle.dot'), labels: drawn('text')};
}))"""


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def _keep(*paths: Path) -> None:
    where = os.environ.get("PILAR_SCREENSHOT_DIR")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        for p in paths:
            shutil.copy(p, Path(where) / p.name)


@pytest.fixture(scope="module")
def report_file(corpora, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report.html"
    html, _ = write_report(load_data_dir(corpora.news), baseline=load_data_dir(corpora.base), out=out)
    return html


def test_report_renders_offline_in_chromium(report_file, tmp_path):
    import json

    with Browser(CHROMIUM, width=1366, height=900) as b:
        b.open(report_file)
        charts = json.loads(b.evaluate(MEASURE))
        overflow = b.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        broken = b.evaluate("[...document.querySelectorAll('a[href^=\"#\"]')]"
                            ".filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length")
        shot = b.screenshot(tmp_path / "report-laptop.png")
        b.media("print")
        pdf = b.pdf(tmp_path / "report-print.pdf")
        requests = b.requests()
    # three charts: pillars by status, programmes by month, programmes by year named
    assert [c["id"] for c in charts] == ["bars-t", "tl-dates-t", "tl-years-t"], charts
    for c in charts:
        assert c["w"] > 100 and c["h"] > 40 and c["labels"] > 3, c
    assert charts[0]["bars"] >= 3 and charts[1]["dots"] >= 2 and charts[2]["dots"] >= 2, charts
    assert charts[0]["w"] <= 1366 and overflow <= 0
    assert broken == 0
    width, height = _png_size(shot)
    assert width == 1366 and height > 2000
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 2
    # nothing but the file itself was asked for: no font, style, image or script from anywhere
    assert requests == [report_file.resolve().as_uri()], requests
    _keep(shot, pdf)


def test_report_fits_a_phone(report_file, tmp_path):
    with Browser(CHROMIUM, width=400, height=800) as b:
        b.open(report_file)
        overflow = b.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        shot = b.screenshot(tmp_path / "report-phone.png")
    assert overflow <= 0  # wide tables scroll inside their box, charts shrink
    _keep(shot)


def test_the_request_check_would_catch_a_leak(tmp_path):
    """A control: a page that asks for an outside image shows up in the recorded requests."""
    page = tmp_path / "leak.html"
    page.write_text('<!DOCTYPE html><p>x</p><img src="https://example.org/pixel.png">', encoding="utf-8")
    with Browser(CHROMIUM) as b:
        b.open(page)
        requests = b.requests()
    assert "https://example.org/pixel.png" in requests
