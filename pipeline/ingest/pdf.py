"""PDF: the text layer, as headings and paragraphs, without page furniture.

Why pypdf: pure Python (no poppler or MuPDF binaries to install), BSD-licensed (PyMuPDF is
AGPL), reads encrypted files through ``cryptography``, recovers from many broken files in
non-strict mode, and its ``visitor_text`` hook hands us each text run with its font and
position — enough to find headings (larger or bold type), paragraph breaks (larger vertical
gaps) and page headers/footers, without a layout engine. pdfminer.six does more layout
analysis but is several times slower on long theses.

What the reader does:

- lines are rebuilt from pypdf's own text output, each with its font size, boldness and
  height on the page;
- page headers/footers are dropped: a line at the top or bottom of a page that recurs (digits
  ignored) on most pages, lone page numbers ("12", "- 12 -", "Halaman 3", "iv"), and a page's
  very first or last line when it is set in type clearly smaller than the body;
- headings: lines in type clearly larger than the body text, or short bold lines standing
  alone; larger type is a higher level;
- paragraphs break at vertical gaps clearly larger than the line spacing; a paragraph that
  runs over a page break continues;
- words hyphenated across line ends are rejoined by the cleaner (``clean.dehyphenate``).

A PDF with pages but no text at all is a scan: it is rejected and the reason says so (OCR is
out of scope). Encrypted PDFs are opened when the user password is empty (common for
"no-copy" PDFs), else rejected.

Bounded work. A page's text costs time and memory in proportion to its decoded content
stream, and a few kilobytes of Flate data can decode to tens of megabytes of drawing
operators (measured: 70 MiB per page, 9 s and 70 MB each). So the decoded content of each page
is measured before its text is extracted: a page over :data:`MAX_PAGE_CONTENT_BYTES` is
skipped (a text page holds 5–50 KB; pages that big are drawings, whose prose is negligible)
and counted in ``metadata["cleaning"]["oversized_pages"]``; a document whose pages together
exceed :data:`MAX_CONTENT_BYTES`, or whose every page is oversized, is rejected with that
reason. Each stream's decompression is capped too (pypdf's configuration, where the installed
pypdf has one).
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
import warnings
from collections import Counter
from dataclasses import dataclass

from pipeline.ingest.blocks import Block, build_document
from pipeline.ingest.clean import clean_blocks, merge_counts
from pipeline.ingest.dates import parse_date
from pipeline.ingest.errors import IngestError
from pipeline.schema import Document

MAX_PAGES = 3000
#: Decoded content-stream bytes of one page above which its text is not extracted.
MAX_PAGE_CONTENT_BYTES = 1024 * 1024
#: Decoded content-stream bytes of the whole document above which it is rejected.
MAX_CONTENT_BYTES = 32 * 1024 * 1024
#: No single stream is decompressed beyond this (where pypdf can be told).
MAX_STREAM_BYTES = 16 * 1024 * 1024
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|halaman|hal\.?)\s*)?[-–(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–)\]]?"
    r"(?:\s*(?:of|dari|/)\s*\d{1,4})?$",
    re.I,
)
_TERMINAL = tuple('.!?:;"”’)')


@dataclass
class _Line:
    text: str
    y: float
    size: float
    bold: bool


def _short(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


class _quiet:
    """Silence pypdf's logging and warnings: the one-line reason is ours to give."""

    def __enter__(self) -> None:
        self._logger = logging.getLogger("pypdf")
        self._level = self._logger.level
        self._logger.setLevel(logging.CRITICAL + 1)
        self._warnings = warnings.catch_warnings()
        self._warnings.__enter__()
        warnings.simplefilter("ignore")

    def __exit__(self, *exc: object) -> None:
        self._warnings.__exit__(*exc)
        self._logger.setLevel(self._level)


def _page_lines(page) -> list[_Line]:
    """Rebuild the lines of ``page`` from pypdf's text runs, with font size and position."""
    lines: list[_Line] = []
    current: list[tuple[str, float, float, bool]] = []

    def flush() -> None:
        text = "".join(part for part, *_ in current)
        if text.strip():
            weights = Counter()
            for part, _, size, _ in current:
                weights[round(size, 1)] += len(part.strip())
            size = weights.most_common(1)[0][0] if weights else 0.0
            y = next((y for part, y, *_ in current if part.strip()), 0.0)
            bold = all(b for part, _, _, b in current if part.strip())
            lines.append(_Line(text.strip(), y, size, bold))
        current.clear()

    def visit(text: str, cm, tm, font, font_size) -> None:
        try:
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]) or 1.0
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            size = float(font_size or 0) * scale
            name = str(font.get("/BaseFont", "")) if font else ""
        except (TypeError, ValueError, IndexError, AttributeError):
            scale, y, size, name = 1.0, 0.0, 0.0, ""
        bold = bool(re.search(r"bold|black|heavy|semibold", name, re.I))
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                flush()
            if piece:
                current.append((piece, y, size, bold))

    page.extract_text(visitor_text=visit)
    flush()
    return lines


class _Oversized(Exception):
    """A page's content stream is over the per-page limit (or could not be decoded within it)."""


def _limits():
    """Cap pypdf's decompression per stream while reading (pypdf ≥ 6 has a configuration)."""
    import contextlib

    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:  # pragma: no cover - older pypdf: the per-page check below still holds
        return contextlib.nullcontext()
    caps = {"zlib_maximum_output_length": MAX_STREAM_BYTES, "lzw_maximum_output_length": MAX_STREAM_BYTES,
            "run_length_maximum_output_length": MAX_STREAM_BYTES,
            "array_based_stream_maximum_output_length": MAX_STREAM_BYTES}
    try:
        return apply(**caps)
    except TypeError:  # pragma: no cover - a pypdf without one of these fields
        return contextlib.nullcontext()


def _content_bytes(page) -> int:
    """Decoded size of the page's content stream(s); :class:`_Oversized` past the limit."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    obj = contents.get_object()
    streams = [o.get_object() for o in obj] if isinstance(obj, list) else [obj]
    total = 0
    for stream in streams:
        get = getattr(stream, "get_data", None)
        if get is None:
            continue
        try:
            total += len(get())
        except Exception as exc:  # pypdf's LimitReachedError, or a damaged stream
            if "limit" in type(exc).__name__.lower() or "maximum" in str(exc).lower():
                raise _Oversized() from None
            raise
        if total > MAX_PAGE_CONTENT_BYTES:
            raise _Oversized()
    return total


def _furniture_keys(pages: list[list[_Line]]) -> set[str]:
    """Header/footer lines: at a page's top or bottom, recurring on most pages."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        edge = {_key(line.text) for line in lines[:2] + lines[-2:]}
        seen.update(edge)
    need = max(2, math.ceil(0.6 * len(pages)))
    return {k for k, n in seen.items() if n >= need}


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _body_size(lines: list[_Line]) -> float:
    """The font size that sets the most characters: the body text's."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _drop_furniture(pages: list[list[_Line]]) -> tuple[list[list[_Line]], int]:
    keys = _furniture_keys(pages)
    body = _body_size([line for page in pages for line in page])
    dropped = 0
    out: list[list[_Line]] = []
    for lines in pages:
        kept = []
        for i, line in enumerate(lines):
            # Only the very first/last line can be furniture by its small type alone (a
            # one-page document has no repetition to go by).
            outermost = i == 0 or i == len(lines) - 1
            small = bool(body) and 0 < line.size <= 0.85 * body and len(lines) > 2
            at_edge = i < 2 or i >= len(lines) - 2
            if (at_edge and (_key(line.text) in keys or _PAGE_NUMBER.match(line.text.strip()))) or (outermost and small):
                dropped += 1
                continue
            kept.append(line)
        out.append(kept)
    return out, dropped


def _blocks(pages: list[list[_Line]]) -> list[Block]:
    """Headings and paragraphs from the lines of all pages."""
    lines = [line for page in pages for line in page]
    body = _body_size(lines)

    def is_heading(line: _Line) -> bool:
        text = line.text
        if len(text) > 120 or not re.search(r"[A-Za-z]", text) or text.endswith((".", ",", ";")):
            return False
        if body and line.size >= body * 1.15:
            return True
        return line.bold and len(text) <= 100 and (not body or line.size >= body * 0.95)

    heading_sizes = sorted({round(line.size * 2) / 2 for line in lines if is_heading(line) and line.size >= body * 1.15}, reverse=True)
    gaps = [
        a.y - b.y for page in pages for a, b in zip(page, page[1:], strict=False)
        if not is_heading(a) and not is_heading(b) and 0 < a.y - b.y < 4 * max(body, 1)
    ]
    spacing = statistics.median(gaps) if gaps else body * 1.2

    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("para", "\n".join(para)))
            para.clear()

    for page in pages:
        prev: _Line | None = None
        for line in page:
            if is_heading(line):
                flush()
                size = round(line.size * 2) / 2
                level = heading_sizes.index(size) + 1 if size in heading_sizes else len(heading_sizes) + 1
                blocks.append(Block("heading", line.text, level))
                prev = None
                continue
            if para and prev is not None and prev.y - line.y > 1.4 * spacing:
                flush()
            if para and prev is None and para[-1].rstrip().endswith(_TERMINAL):
                flush()  # after a heading, or a page break that ends a sentence
            para.append(line.text)
            prev = line
    flush()
    return blocks


def read_pdf(data: bytes, *, source: str) -> Document:
    """Read a PDF's text layer into a :class:`Document`.

    Raises:
        IngestError: truncated, corrupt, encrypted with a password, or without a text layer.
    """
    if b"%%EOF" not in data[-4096:]:
        raise IngestError("truncated PDF: the end-of-file marker (%%EOF) is missing")
    with _quiet(), _limits():
        try:
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except Exception:
                    opened = 0
                if not opened:
                    raise IngestError("encrypted PDF: a password is needed to open it")
            n_pages = len(reader.pages)
            if n_pages == 0:
                raise IngestError("PDF has no pages")
            if n_pages > MAX_PAGES:
                raise IngestError(f"PDF has {n_pages} pages (limit {MAX_PAGES})")
            pages: list[list[_Line]] = []
            oversized: list[int] = []
            content = 0
            for number, page in enumerate(reader.pages, 1):
                try:
                    content += _content_bytes(page)
                except _Oversized:
                    oversized.append(number)
                    pages.append([])
                    continue
                if content > MAX_CONTENT_BYTES:
                    raise IngestError(
                        f"PDF content streams too large: over {MAX_CONTENT_BYTES >> 20} MiB decoded by page "
                        f"{number} (limit per document; a text page holds 5–50 KB)")
                pages.append(_page_lines(page))
            info = reader.metadata or {}
            meta_title = str(info.get("/Title") or "").strip()
            created = str(info.get("/CreationDate") or "")
        except IngestError:
            raise
        except RecursionError:
            raise IngestError("corrupt PDF: structure nested too deeply") from None
        except Exception as exc:
            raise IngestError(f"corrupt PDF ({_short(exc)})") from None
    if oversized and not any(pages):
        raise IngestError(
            f"PDF pages too heavy: {len(oversized)} page(s) carry content streams over "
            f"{MAX_PAGE_CONTENT_BYTES >> 20} MiB decoded (limit per page; drawings, not text)")
    if not any(pages):
        if b"/Image" in data:
            raise IngestError(f"no text layer: scanned PDF ({n_pages} page(s) of images only); run OCR first")
        raise IngestError(f"PDF has no extractable text ({n_pages} page(s))")
    pages, furniture = _drop_furniture(pages)
    blocks, counts = clean_blocks(_blocks(pages))
    if not any(b.kind != "heading" for b in blocks):
        raise IngestError("PDF has no body text (headings or page furniture only)")
    metadata = {
        "pages": n_pages,
        "cleaning": merge_counts(counts, {"page_furniture_lines": furniture,
                                          **({"oversized_pages": len(oversized)} if oversized else {})}),
    }
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})", created)
    if m:
        metadata["pdf_creation_date"] = parse_date(f"{m[1]}-{m[2]}-{m[3]}")
    has_heading = any(b.kind == "heading" for b in blocks)
    title = meta_title if meta_title and not has_heading else None
    return build_document(blocks, source=source, fmt="pdf", title=title, metadata=metadata)
