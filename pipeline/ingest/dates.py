"""Dates as sources write them, to ISO 8601.

Handles ISO strings, Indonesian and English month names in full or short ("Selasa, 21 Okt 2025
14:30 WIB", "21 Oktober 2025", "Oct 21, 2025") and numeric dates ("10/21/2025 20:43",
"21-10-2025"). A numeric date whose day and month could swap is read day-first (the Indonesian
convention) unless ``dayfirst=False`` says otherwise; :func:`infer_dayfirst` decides that for a
whole table column from the values that are not ambiguous.

The result is ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM`` when the source gives a time. Time zone
words (WIB/WITA/WIT) are dropped: the clock time as printed is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

_MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TIME = r"(?:[,\s]+(?:pukul\s+)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?)?"
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T\s](?P<h>\d{1,2}):(?P<mi>\d{2}))?")
_DAY_MONTH_NAME = re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH})\.?\s+(?P<y>\d{{4}}){_TIME}", re.I)
_MONTH_NAME_DAY = re.compile(rf"(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}}){_TIME}", re.I)
_NUMERIC = re.compile(rf"^(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-](?P<y>\d{{4}}){_TIME}")


def _iso(year: int, month: int, day: int, hour: str | None, minute: str | None) -> str | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if hour is None:
        return date.isoformat()
    h, m = int(hour), int(minute or 0)
    if h > 23 or m > 59:
        return date.isoformat()
    return f"{date.isoformat()}T{h:02d}:{m:02d}"


def parse_date(value: object, *, dayfirst: bool | None = None) -> str | None:
    """Parse ``value`` into an ISO date (``None`` when it is not a recognisable date).

    Args:
        value: a string (or a ``datetime``/``date``, e.g. from Parquet).
        dayfirst: for numeric dates only: ``True`` D/M/Y, ``False`` M/D/Y, ``None`` day-first
            unless the numbers only fit month-first ("10/21/2025").
    """
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M") if (value.hour or value.minute) else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > 200:
        return None
    if m := _ISO.match(text):
        return _iso(int(m["y"]), int(m["m"]), int(m["d"]), m["h"], m["mi"])
    if m := _NUMERIC.match(text):
        a, b = int(m["a"]), int(m["b"])
        first_is_day = dayfirst if dayfirst is not None else True
        if a > 12:
            first_is_day = True
        elif b > 12:
            first_is_day = False
        day, month = (a, b) if first_is_day else (b, a)
        return _iso(int(m["y"]), month, day, m["h"], m["mi"])
    for pattern in (_DAY_MONTH_NAME, _MONTH_NAME_DAY):
        if m := pattern.search(text):
            month = _MONTHS[m["mon"].lower()]
            return _iso(int(m["y"]), month, int(m["d"]), m["h"], m["mi"])
    return None


def infer_dayfirst(values: Iterable[object]) -> bool | None:
    """Decide D/M vs M/D for a column of numeric dates from its unambiguous values.

    Returns ``True``/``False`` when some value has a first (or second) number above 12 and none
    contradicts it, else ``None`` (no evidence, or mixed).
    """
    day_first = month_first = False
    for value in values:
        if not isinstance(value, str):
            continue
        m = _NUMERIC.match(value.strip())
        if not m:
            continue
        a, b = int(m["a"]), int(m["b"])
        day_first |= a > 12
        month_first |= b > 12
    if day_first == month_first:
        return None
    return day_first
