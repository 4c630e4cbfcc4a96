"""Hostile inputs built at test time: PDF pages with huge content streams, deep HTML, gzip bombs."""

from __future__ import annotations

import gzip
import zlib


def pdf_with_content_streams(pages: int, *, stream_bytes: int, text: str = "Trotoar Jakarta telah direvitalisasi.") -> bytes:
    """A small PDF whose pages each carry a FlateDecode content stream of ``stream_bytes`` decoded bytes.

    The stream shows ``text`` once, then repeats a harmless no-op (``q Q``) up to the size: it
    compresses ~1000×, so a file of kilobytes asks a reader to parse megabytes per page.
    """
    show = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET\n".encode("latin-1")
    filler = b"q Q\n" * max(0, (stream_bytes - len(show)) // 4)
    content = zlib.compress(show + filler, 9)
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    font_obj = 3 + 2 * pages
    for i in range(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
                       f"/Resources << /Font << /F1 {font_obj} 0 R >> >> >>".encode())
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def deep_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "<p>Pemprov DKI telah merevitalisasi trotoar.</p>"
            + "</div>" * depth + "</body></html>").encode()


def gzip_bomb(inflated: int) -> bytes:
    """A gzip body of a few kilobytes that inflates to ``inflated`` bytes of spaces."""
    buf = bytearray()
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 20)
    left = inflated
    while left > 0:
        buf += comp.compress(chunk[:min(left, len(chunk))])
        left -= len(chunk)
    buf += comp.flush()
    return bytes(buf)


__all__ = ["pdf_with_content_streams", "deep_html", "gzip_bomb", "gzip"]
