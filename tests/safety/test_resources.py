"""Bounded resources: URL fetches (loopback servers only), local inputs, long documents, PDF and HTML.

Caps are set small (kilobytes, seconds) through the same parameters a user has: a source's
``max_bytes``/``deadline``, ``PILAR_MAX_DOC_CHARS``, ``PILAR_MAX_HTML_BYTES``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import tracemalloc
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import pipeline
from pipeline.corpora.run import run_corpus_direct
from pipeline.fetch import FetchError, fetch_url
from pipeline.ingest import IngestError, read_path
from pipeline.ingest.html import read_html
from pipeline.ingest.pdf import read_pdf

from .bombs import deep_html, gzip_bomb, pdf_with_content_streams
from .helpers import text, write_table_corpus

PAGE = ("<!doctype html><html><head><title>Trotoar</title></head><body><article>"
        f"<p>{text(1)}</p><p>{text(2)}</p></article></body></html>").encode()
CAP = 64 * 1024
BOMB = gzip_bomb(64 * 1024 * 1024)  # ~64 KB on the wire, 64 MiB inflated


@pytest.fixture(scope="module")
def server():
    """A loopback server: a page, a slow drip, a gzip bomb, huge bodies with and without a length."""
    hits: Counter[str] = Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            hits[self.path] += 1
            try:
                if self.path == "/page.html":
                    self._send(PAGE, {"Content-Type": "text/html; charset=utf-8"})
                elif self.path == "/drip.html":  # a byte every 0.4 s: no read ever times out
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    for _ in range(200):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(0.4)
                elif self.path == "/bomb.html":
                    self._send(BOMB, {"Content-Type": "text/html", "Content-Encoding": "gzip"})
                elif self.path == "/huge.html":  # no Content-Length: only counting can stop it
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    for _ in range(4096):
                        self.wfile.write(b"<p>x</p>" * 1024)
                elif self.path == "/declared.html":
                    self.send_response(200)
                    self.send_header("Content-Length", str(1 << 30))
                    self.end_headers()
                    self.wfile.write(b"<p>x</p>" * 1024)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _send(self, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(200)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()


def test_a_slow_drip_is_cut_at_the_deadline(server):
    base, _ = server
    t0 = time.monotonic()
    with pytest.raises(FetchError, match=r"deadline of 1\.5 s passed") as err:
        fetch_url(f"{base}/drip.html", timeout=5, deadline=1.5, max_bytes=CAP)
    assert time.monotonic() - t0 < 3.5 and err.value.transient


def test_a_gzip_bomb_is_stopped_at_the_cap_while_inflating(server):
    base, _ = server
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match=r"the gzip body inflates past 65,536 bytes") as err:
            fetch_url(f"{base}/bomb.html", max_bytes=CAP)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, f"peak {peak} bytes: the bomb was inflated"
    assert not err.value.transient


@pytest.mark.parametrize(("path", "reason"), [("/huge.html", "over 65,536 bytes received"),
                                              ("/declared.html", "Content-Length is 1,073,741,824 bytes")])
def test_huge_responses_are_counted_and_refused(server, path, reason):
    base, _ = server
    with pytest.raises(FetchError, match=reason):
        fetch_url(f"{base}{path}", max_bytes=CAP)


def test_url_sources_in_a_run_are_bounded_and_too_large_is_not_retried(server, tmp_path):
    base, hits = server
    toml = tmp_path / "web.toml"
    toml.write_text('name = "web"\n' + "".join(
        f'\n[[sources]]\nurl = "{base}{p}"\nmax_bytes = {CAP}\ndeadline = 1.5\ntimeout = 5\nretries = 2\nretry_delay = 0\n'
        for p in ("/page.html", "/bomb.html", "/huge.html")), encoding="utf-8")
    before = dict(hits)
    t0 = time.monotonic()
    report = run_corpus_direct(str(toml), data_dir=tmp_path / "data")
    assert time.monotonic() - t0 < 30
    assert (report.documents_analyzed, report.documents_rejected) == (1, 2)
    rejects = pipeline.load_dataset("rejects", data_dir=tmp_path / "data").set_index("source_key")
    assert rejects.loc[f"{base}/bomb.html", "reason"].startswith("response too large: the gzip body inflates")
    assert rejects.loc[f"{base}/huge.html", "reason"].startswith("response too large: over 65,536 bytes")
    fetched = {p: hits[p] - before.get(p, 0) for p in ("/bomb.html", "/huge.html")}
    assert fetched == {"/bomb.html": 1, "/huge.html": 1}  # a body over the cap is not fetched again


def _run_with_limit(seconds: float, fn):
    """Run ``fn`` in a thread; fail (instead of hanging the suite) when it does not return in time."""
    out: dict[str, object] = {}
    thread = threading.Thread(target=lambda: out.setdefault("value", fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    return out["value"]


def test_a_fifo_and_a_device_named_as_file_sources_are_rejected_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(text(3), encoding="utf-8")
    toml = tmp_path / "odd.toml"
    toml.write_text('name = "odd"\n[[sources]]\nfile = "pipe.txt"\n[[sources]]\nfile = "/dev/zero"\n'
                    '[[sources]]\nfile = "good.txt"\n[[sources]]\nfolder = "."\n', encoding="utf-8")
    report = _run_with_limit(60, lambda: run_corpus_direct(str(toml), data_dir=tmp_path / "data"))
    assert (report.documents_analyzed, report.documents_rejected) == (1, 2)
    rejects = pipeline.load_dataset("rejects", data_dir=tmp_path / "data")
    assert rejects.reason.tolist() == ["not a regular file (device, pipe or socket)"] * 2


def test_analyze_rejects_a_fifo_in_one_line(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, "-m", "pipeline", "analyze", str(fifo), "--format", "jsonl",
                           "--tagger", "lexicon"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"{fifo}: not a regular file (device, pipe or socket)"


def test_a_table_source_obeys_its_size_limit(tmp_path):
    rows = [{"id": str(i), "text": text(i)} for i in range(20)]
    toml, _ = write_table_corpus(tmp_path, rows, extra="max_bytes = 1000\n")
    report = run_corpus_direct(str(toml), data_dir=tmp_path / "data")
    rejects = pipeline.load_dataset("rejects", data_dir=tmp_path / "data")
    assert (report.documents_analyzed, report.documents_rejected) == (0, 1)
    assert rejects.reason.str.match(r"cannot read table: file too large: \d+ bytes > limit 1000 ").all()


def test_a_long_document_is_split_by_a_run_and_refused_by_analyze(tmp_path, monkeypatch):
    monkeypatch.setenv("PILAR_MAX_DOC_CHARS", "2000")
    long = "\n\n".join(text(i) for i in range(40))
    assert len(long) > 8000
    path = tmp_path / "c" / "long.txt"
    path.parent.mkdir()
    path.write_text(long, encoding="utf-8")
    with pytest.raises(IngestError, match=r"document too long: [\d,]+ characters > limit 2,000 per document"):
        read_path(path)
    toml = tmp_path / "long.toml"
    toml.write_text('name = "long"\n[[sources]]\nfolder = "c"\n', encoding="utf-8")
    report = run_corpus_direct(str(toml), data_dir=tmp_path / "data")
    docs = pipeline.load_dataset("documents", data_dir=tmp_path / "data").sort_values("source_key")
    parts = len(docs)
    assert report.documents_analyzed == parts >= 4 and (docs.origin == "c/long.txt").all()
    assert docs.source_key.tolist() == sorted(f"c/long.txt#part-{i}" for i in range(1, parts + 1))
    assert docs.title.str.match(r"^long \(\d+/\d+\)$").all()
    sentences = pipeline.load_dataset("sentences", data_dir=tmp_path / "data")
    assert " ".join(sentences.text).count("Pemprov DKI telah merevitalisasi trotoar") == long.count(
        "Pemprov DKI telah merevitalisasi trotoar")  # nothing lost at the cuts
    proc = subprocess.run([sys.executable, "-m", "pipeline", "analyze", str(path), "--tagger", "lexicon"],
                          capture_output=True, text=True, timeout=120, env=dict(os.environ, PILAR_MAX_DOC_CHARS="2000"))
    assert proc.returncode == 1 and "document too long" in proc.stderr and "Traceback" not in proc.stderr


def test_pdf_pages_with_huge_content_streams_are_refused_quickly():
    data = pdf_with_content_streams(12, stream_bytes=48 << 20)  # ~0.6 MB file, 48 MiB per page decoded
    assert len(data) < 1_000_000
    t0 = time.monotonic()
    with pytest.raises(IngestError, match=r"PDF pages too heavy: 12 page\(s\) carry content streams over 1 MiB"):
        read_pdf(data, source="bomb.pdf")
    assert time.monotonic() - t0 < 5


def test_a_pdf_with_one_heavy_page_keeps_its_text_pages():
    heavy = pdf_with_content_streams(1, stream_bytes=8 << 20)
    with pytest.raises(IngestError):
        read_pdf(heavy, source="x.pdf")
    light = pdf_with_content_streams(1, stream_bytes=4096, text="Pemprov DKI telah merevitalisasi trotoar di Jakarta.")
    doc = read_pdf(light, source="y.pdf")
    assert "trotoar" in doc.text


def test_html_size_and_nesting_are_bounded(monkeypatch):
    with pytest.raises(IngestError, match=r"HTML nested too deeply: 200 or more levels"):
        read_html(deep_html(500), source="deep.html")
    assert "trotoar" in read_html(deep_html(20), source="ok.html").text
    monkeypatch.setenv("PILAR_MAX_HTML_BYTES", "4096")
    big = b"<html><body>" + b"<p>Pemprov DKI telah merevitalisasi trotoar.</p>" * 200 + b"</body></html>"
    t0 = time.monotonic()
    with pytest.raises(IngestError, match=r"HTML page too large: [\d,]+ bytes > limit 4,096 \(PILAR_MAX_HTML_BYTES"):
        read_html(big, source="big.html")
    assert time.monotonic() - t0 < 0.5
