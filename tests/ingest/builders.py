"""Write real PDF, DOCX and HTML files at test time (fpdf2, python-docx, plain HTML).

Each builder takes Markdown-ish text (``#`` headings, blank-line paragraphs, ``*emphasis*``)
and keeps headings as headings in the target format.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
)


def blocks(text: str) -> list[tuple[int, str]]:
    """``(level, text)`` per block; level 0 is a paragraph."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        b = block.strip()
        if not b:
            continue
        m = re.match(r"^(#{1,6})\s+(.*)", b)
        if m:
            out.append((len(m.group(1)), m.group(2).strip()))
        else:
            out.append((0, " ".join(re.sub(r"\*([^*]+)\*", r"\1", b).replace("*", "").split())))
    return out


def dejavu() -> tuple[Path, Path] | None:
    """Regular and bold DejaVu Sans, from the system or matplotlib, if present."""
    dirs = list(FONT_DIRS)
    try:
        import matplotlib

        dirs.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:
        pass
    for d in dirs:
        regular, bold = d / "DejaVuSans.ttf", d / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return regular, bold
    return None


def write_pdf(text: str, path: Path, *, header: str = "Universitas Contoh — Skripsi 2021", hyphenate: dict[str, str] | None = None) -> Path:
    """A PDF with a running header, page numbers, larger bold headings and justified body.

    ``hyphenate`` maps a word to how it is split across a line end ("pemba-\\nngunan"): the
    paragraph holding it is written line by line so the break really is at a line end.
    """
    from fpdf import FPDF

    fonts = dejavu()

    class Thesis(FPDF):
        def header(self) -> None:
            self.set_font(family, "", 8)
            self.cell(0, 8, header if fonts else header.replace("—", "-"), align="C")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font(family, "", 8)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Thesis()
    if fonts:
        pdf.add_font("DejaVu", "", str(fonts[0]))
        pdf.add_font("DejaVu", "B", str(fonts[1]))
        family = "DejaVu"
    else:  # core fonts are Latin-1 only: the en-dash becomes a hyphen
        family = "Helvetica"
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    sizes = {1: 17, 2: 16, 3: 14, 4: 12, 5: 12, 6: 12}
    for level, body in blocks(text):
        if not fonts:
            body = body.replace("–", "-").replace("—", "-")
        if level:
            pdf.set_font(family, "B", sizes[level])
            pdf.multi_cell(0, 9, body, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
            continue
        pdf.set_font(family, "", 11)
        split = next((w for w in (hyphenate or {}) if w in body), None)
        if split:
            before, after = body.split(split, 1)
            pdf.multi_cell(0, 6, before + hyphenate[split].split("\n")[0], new_x="LMARGIN", new_y="NEXT")
            pdf.multi_cell(0, 6, hyphenate[split].split("\n")[1] + after, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))
    return path


def write_docx(text: str, path: Path, *, table: list[list[str]] | None = None) -> Path:
    """A DOCX whose headings use Word's Heading styles (and an optional table at the end)."""
    import docx

    document = docx.Document()
    for level, body in blocks(text):
        if level:
            document.add_heading(body, level=min(level, 9))
        else:
            document.add_paragraph(body)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def write_html(text: str, path: Path, *, title: str = "Bab VI Penutup") -> Path:
    """An HTML page with navigation, a header, a footer and scripts around the article."""
    parts = [
        "<!doctype html><html lang='id'><head><meta charset='utf-8'>",
        f"<title>{html.escape(title)}</title>",
        "<meta property='article:published_time' content='2021-08-17T09:00:00+07:00'>",
        "<script>window.dataLayer = [];</script><style>body{font:14px sans-serif}</style></head><body>",
        "<nav><ul><li><a href='/'>Beranda</a></li><li><a href='/repo'>Repositori</a></li>"
        "<li><a href='/kontak'>Kontak</a></li></ul></nav>",
        "<header><p>Repositori Skripsi Universitas Contoh</p></header><main><article>",
    ]
    for level, body in blocks(text):
        tag = f"h{level}" if level else "p"
        parts.append(f"<{tag}>{html.escape(body)}</{tag}>")
    parts.append(
        "</article></main><aside><h3>Terpopuler</h3><ul><li><a href='/a'>Berita lain</a></li></ul></aside>"
        "<footer><p>© 2021 Universitas Contoh. Hak cipta dilindungi.</p></footer>"
        "<script>track('view');</script></body></html>"
    )
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
