"""Property tests: whatever the bytes, readers return documents or raise IngestError only."""

from __future__ import annotations

import functools
import io
import os
import tempfile
import zipfile
from pathlib import Path

from builders import write_docx, write_pdf
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import IngestError, document_from_text, read_bytes
from pipeline.ingest.clean import clean_text
from pipeline.ingest.dates import parse_date
from pipeline.schema import Document

# PILAR_FUZZ_EXAMPLES=1000 for a longer hunt; the default keeps the suite fast.
SETTINGS = settings(max_examples=int(os.environ.get("PILAR_FUZZ_EXAMPLES", "60")), deadline=None)
SUFFIXES = [".txt", ".md", ".pdf", ".docx", ".html", ".csv", ".jsonl", ".parquet", ".xyz", ""]
SAMPLE = "# Judul\n\nPemerintah kota sudah meluncurkan layanan publik daring pada 2020.\n"


@functools.cache
def seeds() -> dict[str, bytes]:
    """Valid files of each format, to damage (built once; not a fixture, to keep reprs short)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    d = Path(tempfile.mkdtemp(prefix="pilar-seeds-"))
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist([{"id": 1, "text": "Kota pintar sudah berjalan."}]), buf)
    return {
        ".pdf": write_pdf(SAMPLE, d / "s.pdf").read_bytes(),
        ".docx": write_docx(SAMPLE, d / "s.docx").read_bytes(),
        ".html": b"<html><head><title>T</title></head><body><h1>Judul</h1><p>Kota pintar sudah berjalan.</p></body></html>",
        ".csv": b"id,judul,isi_berita\n1,T,\"Kota pintar sudah berjalan.\"\n",
        ".jsonl": b'{"id": 1, "text": "Kota pintar sudah berjalan."}\n',
        ".parquet": buf.getvalue(),
        ".txt": SAMPLE.encode(),
    }


def _read(data: bytes, suffix: str) -> None:
    try:
        items = read_bytes(data, source=f"fuzz{suffix}", suffix=suffix)
    except IngestError as exc:
        assert exc.reason and "\n" not in exc.reason
        return
    for item in items:
        assert isinstance(item, (Document, IngestError))


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(data, suffix):
    _read(data, suffix)


@SETTINGS
@given(
    suffix=st.sampled_from([".pdf", ".docx", ".html", ".csv", ".jsonl", ".parquet", ".txt"]),
    cut=st.floats(0, 1),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8),
)
def test_damaged_real_files(suffix, cut, flips):
    data = bytearray(seeds()[suffix])
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    _read(bytes(data[: max(1, int(len(data) * cut))]) if cut < 0.98 else bytes(data), suffix)


@SETTINGS
@given(names=st.lists(st.text(st.characters(min_codepoint=33, max_codepoint=0x2FF), min_size=1, max_size=20).filter(lambda n: n != "word/document.xml"), max_size=4, unique=True), payload=st.binary(max_size=500))
def test_random_zip_archives_as_docx(names, payload):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names + ["word/document.xml"]:
            try:
                archive.writestr(name, payload)
            except (ValueError, UnicodeEncodeError):
                pass
    _read(buf.getvalue(), ".docx")


@SETTINGS
@given(text=st.text(max_size=2000))
def test_cleaner_never_raises_and_is_idempotent_on_debris(text):
    cleaned, counts = clean_text(text)
    assert isinstance(cleaned, str) and all(v > 0 for v in counts.values())
    assert "SCROLL TO CONTINUE WITH CONTENT" not in clean_text(cleaned + "\nSCROLL TO CONTINUE WITH CONTENT\n")[0]


@SETTINGS
@given(text=st.text(max_size=2000))
def test_document_from_text_only_raises_ingest_error(text):
    try:
        doc = document_from_text(text, source="fuzz")
    except IngestError:
        return
    assert doc.text.strip()
    for section in doc.sections:
        assert 0 <= section.start <= section.end <= len(doc.text)


@SETTINGS
@given(value=st.one_of(st.text(max_size=60), st.integers(), st.none()))
def test_parse_date_never_raises(value):
    out = parse_date(value)
    assert out is None or out[:4].isdigit()
