"""URL and feed sources against a local HTTP server: retries recover a 500, a dead URL is rejected."""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

from pipeline.flows.corpus import run_corpus

PAGE = """<!doctype html><html><head><title>Revitalisasi trotoar Jakarta</title></head><body>
<article><h1>Revitalisasi trotoar Jakarta</h1>
<p>Pemprov DKI Jakarta telah merevitalisasi trotoar di kawasan Sudirman dan Thamrin sepanjang tahun 2019.</p>
<p>Integrasi transportasi publik dengan halte TransJakarta juga sudah berjalan dan memudahkan pejalan kaki.</p>
</article></body></html>"""
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Berita kota</title>
<item><title>Bank sampah digital</title><link>http://example.test/bank-sampah</link><guid>bs-1</guid>
<description>&lt;p&gt;Bank sampah digital telah berjalan di Surabaya sejak 2019.&lt;/p&gt;</description></item>
<item><title>Layanan online</title><link>http://example.test/jaki</link><guid>jaki-1</guid>
<description>Pelayanan publik online melalui aplikasi JAKI sudah diterapkan di kelurahan.</description></item>
</channel></rss>"""


@pytest.fixture
def server():
    hits: Counter = Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            hits[self.path] += 1
            if self.path == "/dead.html" or (self.path == "/flaky.html" and hits[self.path] == 1):
                self.send_response(500)
                self.end_headers()
                return
            body, ctype = (FEED, "application/rss+xml") if self.path == "/feed.xml" else (PAGE, "text/html; charset=utf-8")
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):  # keep test output clean
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()


def test_pages_and_feed_with_retries_and_a_dead_url(server, tmp_path):
    base, hits = server
    toml = tmp_path / "web.toml"
    toml.write_text(
        'name = "web"\n'
        + "".join(f'\n[[sources]]\n{kind} = "{base}/{path}"\ntimeout = 5\nretries = 2\nretry_delay = 0\n'
                  for kind, path in [("url", "page.html"), ("url", "flaky.html"), ("url", "dead.html"), ("feed", "feed.xml")]),
        encoding="utf-8",
    )
    data = tmp_path / "data"
    report = run_corpus(corpus=str(toml), data_dir=str(data))
    assert hits["/flaky.html"] == 2 and hits["/dead.html"] == 3  # one try + two retries
    assert (report["documents_analyzed"], report["documents_rejected"]) == (4, 1)

    docs = pd.read_parquet(data / "documents").set_index("source_key")
    assert {f"{base}/page.html", f"{base}/flaky.html", f"{base}/feed.xml#bs-1", f"{base}/feed.xml#jaki-1"} == set(docs.index)
    assert docs.loc[f"{base}/page.html", "title"] == "Revitalisasi trotoar Jakarta"
    assert docs.loc[f"{base}/feed.xml#bs-1", "url"] == "http://example.test/bank-sampah"
    rejects = pd.read_parquet(data / "rejects")
    assert list(rejects.source_key) == [f"{base}/dead.html"]
    assert rejects.stage[0] == "fetch" and "500" in rejects.reason[0]
    # page and flaky serve the same text: stored once, the second marked as a duplicate.
    pair = docs.loc[[f"{base}/flaky.html", f"{base}/page.html"]]
    assert pair.doc_id.nunique() == 1 and pair.duplicate_of.notna().sum() == 1
    statuses = pd.read_parquet(data / "pillar_summary")
    page = statuses[statuses.doc_id == pair.doc_id.iloc[0]].set_index("pillar").status
    assert len(page) == 6 and page["smart_mobility"] == "implemented"

    # Unchanged pages are fetched again but not re-analysed; the dead URL stays rejected.
    again = run_corpus(corpus=str(toml), data_dir=str(data))
    assert (again["documents_analyzed"], again["documents_skipped"], again["documents_rejected"]) == (0, 4, 1)



def test_the_flow_does_not_retry_a_body_over_its_cap(server, tmp_path):
    base, hits = server
    toml = tmp_path / "cap.toml"
    toml.write_text(f'name = "cap"\n[[sources]]\nurl = "{base}/capped.html"\nmax_bytes = 100\nretries = 2\n'
                    f'retry_delay = 0\n\n[[sources]]\nurl = "{base}/page.html"\n', encoding="utf-8")
    report = run_corpus(corpus=str(toml), data_dir=str(tmp_path / "data"))
    assert (report["documents_analyzed"], report["documents_rejected"]) == (1, 1)
    assert hits["/capped.html"] == 1
    rejects = pd.read_parquet(tmp_path / "data" / "rejects")
    assert rejects.reason[0] == (f"response too large: Content-Length is {len(PAGE.encode()):,} bytes "
                                 "(limit 100 bytes: the source's max_bytes)")
