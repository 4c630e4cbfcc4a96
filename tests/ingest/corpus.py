"""A test corpus with every kind of bad input beside good files of every format."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from builders import write_docx, write_html, write_pdf

GOOD_TEXT = (
    "# Transportasi Publik Jakarta\n\n"
    "Pemprov DKI telah merevitalisasi trotoar dan halte TransJakarta di Jakarta pada 2019. "
    "Integrasi transportasi publik sudah berjalan dan layanan publik daring diluncurkan.\n"
)
#: file name → a word its reason must contain.
BAD = {
    "empty.txt": "empty",
    "whitespace.txt": "whitespace",
    "junk.txt": "binary",
    "truncated.pdf": "truncated",
    "corrupt.pdf": "corrupt PDF",
    "encrypted.pdf": "encrypted",
    "scanned.pdf": "scanned",
    "notzip.docx": "not a zip",
    "bomb.docx": "zip bomb",
    "scripts.html": "no main text",
    "big.txt": "too large",
    "broken_link.txt": "broken symbolic link",
    "unknown.xyz": "unknown format",
}
GOOD = ["good.txt", "good.md", "good.pdf", "good.docx", "good.html", "table.csv"]
MAX_BYTES = 1_500_000


def _pdf(tmp: Path) -> bytes:
    return write_pdf(GOOD_TEXT, tmp / "_good.pdf").read_bytes()


def _scanned_pdf(path: Path) -> None:
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("L", (300, 400), 230), x=10, y=10, w=150)
    pdf.output(str(path))


def _encrypted_pdf(source: bytes, path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(source)))
    writer.encrypt(user_password="rahasia", owner_password="pemilik", algorithm="AES-256")
    with path.open("wb") as handle:
        writer.write(handle)


def _zip_bomb(path: Path) -> None:
    # 64 MiB of zeros deflates to ~64 KiB: a 1,000x ratio that no Word file has.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (64 * 1024 * 1024))


def build(folder: Path) -> Path:
    """Write the corpus into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / ".build"
    tmp.mkdir(exist_ok=True)
    pdf = _pdf(tmp)
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "good.md").write_text(GOOD_TEXT.replace("2019", "2020"), encoding="utf-8")
    (folder / "good.pdf").write_bytes(pdf)
    write_docx(GOOD_TEXT.replace("2019", "2018"), folder / "good.docx")
    write_html(GOOD_TEXT.replace("2019", "2017"), folder / "good.html", title="Transportasi")
    (folder / "table.csv").write_text(
        "id,judul,isi_berita,tanggal,tautan\n"
        '7,Halte baru,"Pemprov DKI sudah membangun halte baru.\nSCROLL TO CONTINUE WITH CONTENT\nWarga senang.",10/21/2025 20:43,https://x.id/7\n'
        "8,Kosong,,10/22/2025 08:00,https://x.id/8\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "whitespace.txt").write_text("  \n\t\n   \n")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + b"\x8f garbage " * 200 + b"\n%%EOF\n")
    _encrypted_pdf(pdf, folder / "encrypted.pdf")
    _scanned_pdf(folder / "scanned.pdf")
    (folder / "notzip.docx").write_text("Ini bukan dokumen Word, hanya teks biasa.")
    _zip_bomb(folder / "bomb.docx")
    (folder / "scripts.html").write_text(
        "<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script>"
        "<style>p{}</style></body></html>"
    )
    (folder / "big.txt").write_text("Kota pintar. " * (MAX_BYTES // 13 + 10))
    (folder / "broken_link.txt").symlink_to(folder / "does-not-exist.txt")
    (folder / "unknown.xyz").write_text("Teks dalam format yang tidak dikenal.")
    return folder
