"""Hand-written SVG charts for the report: no library, no script, nothing fetched.

Sizes are in viewBox units; the page scales the drawing to its column (``width: 100%``), so
a chart reads the same on a laptop and on paper. Text is sized in the same units (13 ≈ the
page's small print at the usual column width). Every chart has a ``<title>`` for screen
readers and the numbers it draws written on it, so a printout in grey still says them.
"""

from __future__ import annotations

import math
from html import escape

#: Status colours, least to most done reading as red → blue → green; ``mentioned`` grey.
COLORS: dict[str, str] = {
    "implemented": "#1b7837",
    "partial": "#7fbf7b",
    "planned": "#2c7bb6",
    "recommended": "#abd9e9",
    "not_addressed": "#d7301f",
    "mentioned": "#bdbdbd",
}
#: Text colour on each fill (dark fills get white text).
INK: dict[str, str] = {"implemented": "#fff", "partial": "#111", "planned": "#fff", "recommended": "#111",
                       "not_addressed": "#fff", "mentioned": "#111"}

CHAR = 7.8  # average glyph width at font-size 13 (DejaVu/Noto Sans are wide), for laying out labels
WIDTH = 760


def _text_width(s: str, size: float = 13) -> float:
    return len(s) * CHAR * size / 13


def _fit(s: str, width: float, size: float = 13) -> str:
    """Cut ``s`` with "…" to fit ``width``."""
    if _text_width(s, size) <= width:
        return s
    n = max(int(width / (CHAR * size / 13)) - 1, 1)
    return s[:n].rstrip() + "…"


def _open(width: float, height: float, title: str, ident: str) -> list[str]:
    return [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="{width:.0f}" height="{height:.0f}" role="img" aria-labelledby="{ident}-t" class="chart">',
            f'<title id="{ident}-t">{escape(title)}</title>']


def status_bars(rows: list[tuple[str, dict[str, tuple[int, float]], str]], *, statuses: list[str],
                labels: dict[str, str], title: str, ident: str = "bars") -> str:
    """Stacked horizontal bars: one row per pillar, one segment per status.

    Args:
        rows: ``(row label, {status: (documents, weight)}, right-hand note)`` per row.
        statuses: Segment order (left to right) and legend order.
        labels: Status → legend text.
        title: The chart's accessible title.
    """
    left, right, top = 150, 92, 12
    legend: list[tuple[float, float, str]] = []
    x, y = float(left), float(top)
    for s in statuses:
        w = 18 + _text_width(labels[s], 12) + 16
        if x + w > WIDTH and x > left:
            x, y = float(left), y + 20
        legend.append((x, y, s))
        x += w
    bar_top = y + 30
    row_h, bar_h = 32, 22
    height = bar_top + row_h * len(rows) + 8
    area = WIDTH - left - right
    biggest = max((sum(w for _, w in seg.values()) for _, seg, _ in rows), default=0.0) or 1.0
    out = _open(WIDTH, height, title, ident)
    for lx, ly, s in legend:
        out.append(f'<rect x="{lx:.1f}" y="{ly:.1f}" width="12" height="12" fill="{COLORS[s]}" stroke="#555" stroke-width=".5"/>')
        out.append(f'<text x="{lx + 17:.1f}" y="{ly + 10.5:.1f}" font-size="12" fill="#222">{escape(labels[s])}</text>')
    for i, (label, seg, note) in enumerate(rows):
        y0 = bar_top + i * row_h
        out.append(f'<g class="row" data-row="{escape(label)}">')
        out.append(f'<text x="{left - 10}" y="{y0 + bar_h / 2 + 4.5:.1f}" font-size="13" text-anchor="end" '
                   f'fill="#111">{escape(_fit(label, left - 14))}</text>')
        out.append(f'<line x1="{left}" x2="{left}" y1="{y0 - 4}" y2="{y0 + bar_h + 4}" stroke="#999" stroke-width="1"/>')
        x = float(left)
        for s in statuses:
            n, w = seg.get(s, (0, 0.0))
            if not n:
                continue
            width = area * w / biggest
            out.append(f'<rect class="seg seg-{s}" x="{x:.2f}" y="{y0}" width="{max(width, 1.0):.2f}" height="{bar_h}" '
                       f'fill="{COLORS[s]}" stroke="#fff" stroke-width=".75"><title>{escape(labels[s])}: {n}</title></rect>')
            if width >= 8 + _text_width(str(n), 12):
                out.append(f'<text x="{x + width / 2:.2f}" y="{y0 + bar_h / 2 + 4.2:.1f}" font-size="12" '
                           f'text-anchor="middle" fill="{INK[s]}">{n}</text>')
            x += width
        out.append(f'<text x="{WIDTH - right + 8}" y="{y0 + bar_h / 2 + 4.5:.1f}" font-size="12" fill="#444">'
                   f'{escape(note)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def dot_matrix(rows: list[str], cols: list[str], values: dict[tuple[int, int], int], *, title: str,
               ident: str, row_notes: list[str] | None = None) -> str:
    """Rows (programmes) against columns (months or years); a circle per cell, area ∝ count."""
    label_w = min(max((_text_width(r) for r in rows), default=60) + 16, 270)
    col_w = max(30.0, min(64.0, (WIDTH - label_w - 10) / max(len(cols), 1)))
    rotate = max((_text_width(c, 11) for c in cols), default=0) > col_w - 4
    head = 58 if rotate else 26
    row_h = 26
    # rotated column labels lean right, past the last column: leave them room
    width = max(WIDTH, label_w + col_w * len(cols) + (48 if rotate else 10))
    height = head + row_h * len(rows) + 6
    biggest = max(values.values(), default=1) or 1
    out = _open(width, height, title, ident)
    for j, c in enumerate(cols):
        cx = label_w + col_w * (j + 0.5)
        if rotate:
            out.append(f'<text x="{cx:.1f}" y="{head - 8}" font-size="11" fill="#333" '
                       f'transform="rotate(-40 {cx:.1f} {head - 8})">{escape(c)}</text>')
        else:
            out.append(f'<text x="{cx:.1f}" y="{head - 9}" font-size="11" fill="#333" text-anchor="middle">{escape(c)}</text>')
    for i, r in enumerate(rows):
        y0 = head + i * row_h
        if i % 2 == 0:
            out.append(f'<rect x="0" y="{y0}" width="{width:.0f}" height="{row_h}" fill="#f3f3f3"/>')
        note = (row_notes or [""] * len(rows))[i]
        style = ' font-style="italic"' if note == "initiative" else ""
        out.append(f'<text x="{label_w - 10:.1f}" y="{y0 + row_h / 2 + 4.5:.1f}" font-size="13" text-anchor="end" '
                   f'fill="#111"{style}>{escape(_fit(r, label_w - 16))}</text>')
        for j in range(len(cols)):
            v = values.get((i, j), 0)
            if not v:
                continue
            cx = label_w + col_w * (j + 0.5)
            rad = 2.5 + 9.0 * math.sqrt(v / biggest)
            out.append(f'<circle class="dot" cx="{cx:.1f}" cy="{y0 + row_h / 2:.1f}" r="{rad:.2f}" fill="#2c7bb6" '
                       f'fill-opacity=".85"><title>{escape(r)}, {escape(cols[j])}: {v}</title></circle>')
            if rad >= 8:
                out.append(f'<text x="{cx:.1f}" y="{y0 + row_h / 2 + 4:.1f}" font-size="11" text-anchor="middle" '
                           f'fill="#fff">{v}</text>')
    out.append("</svg>")
    return "\n".join(out)
