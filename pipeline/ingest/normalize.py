"""Character-level clean-up shared by every reader.

Unicode NFC, no soft hyphens or zero-width characters, one kind of space, no control
characters. En and em dashes are kept: "2017–2020" stays a range.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"), None
)  # soft hyphen, zero-width (non-)joiners/spaces, word joiner, BOM
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MULTISPACE = re.compile(r" {2,}")


def normalize_unicode(text: str) -> str:
    """Return ``text`` in NFC with invisible and control characters removed.

    Line breaks are kept (``\\r\\n`` and ``\\r`` become ``\\n``); runs of spaces collapse to
    one; trailing spaces on a line go.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = _MULTISPACE.sub(" ", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))
