"""Dates as sources write them, to typed, zoned timestamps.

Handles ISO strings (with or without an offset), Indonesian and English month names in full or
short ("Selasa, 21 Okt 2025 14:30 WIB", "Senin, 01 Des 2025 | 10:15 WIB", "21 Oktober 2025",
"Oct 21, 2025", RFC 822 "Mon, 01 Dec 2025 10:15:00 +0700") and numeric dates
("10/21/2025 20:43", "21-10-2025"). A numeric date whose day and month could swap is read
day-first (the Indonesian convention) unless ``dayfirst=False`` says otherwise;
:func:`infer_dayfirst` decides that for a whole table column from the values that are not
ambiguous.

Time zones: WIB, WITA and WIT are +07:00, +08:00 and +09:00; ``UTC``/``GMT``/``Z`` and numeric
offsets are read as written. A time given without a zone is read as WIB (+07:00): pilar's
sources are Indonesian, and most of them Jakarta's (documented in the data dictionary).
:func:`parse_datetime` gives a :class:`ParsedDate` (an aware ``datetime`` plus its precision);
:func:`parse_date` its ISO 8601 text: ``YYYY-MM-DD`` for a date alone, else
``YYYY-MM-DDTHH:MM[:SS]+HH:MM``. Both are idempotent on their own output.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

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

#: Indonesia's three zones, and the offsets written out.
ZONES: dict[str, int] = {"wib": 7 * 60, "wita": 8 * 60, "wit": 9 * 60, "utc": 0, "gmt": 0, "z": 0}
#: The zone of a time written without one (pilar's sources are Indonesian: WIB).
DEFAULT_OFFSET = dt.timezone(dt.timedelta(hours=7))

_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ZONE = r"(?:\s*(?P<tz>WITA|WIB|WIT|UTC|GMT|Z|[+-]\d{2}:?\d{2})\b)?"
# "14:30", ", 14.30", " | 10:15", " pukul 09.15", " jam 9:05"
_TIME = rf"(?:[\s,|]+(?:pukul\s+|jam\s+)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?:[:.](?P<s>\d{{2}}))?{_ZONE})?"
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
                  r"(?:[T\s](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?" + _ZONE + ")?", re.I)
_DAY_MONTH_NAME = re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH})\.?\s+(?P<y>\d{{4}}){_TIME}", re.I)
_MONTH_NAME_DAY = re.compile(rf"(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}}){_TIME}", re.I)
_NUMERIC = re.compile(rf"^(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-](?P<y>\d{{4}}){_TIME}", re.I)


@dataclass(frozen=True)
class ParsedDate:
    """A date as read: an aware ``datetime`` and how much of it the source gave.

    Attributes:
        value: The instant (midnight in the zone for a date alone).
        precision: ``day``, ``minute`` or ``second``.
        zone_stated: Whether the source gave the zone (else WIB was assumed).
    """

    value: dt.datetime
    precision: str
    zone_stated: bool

    def isoformat(self) -> str:
        """``YYYY-MM-DD`` for a date alone, else the time with its offset."""
        if self.precision == "day":
            return self.value.date().isoformat()
        return self.value.isoformat(timespec="seconds" if self.precision == "second" else "minutes")


def _offset(tz: str | None) -> dt.timezone | None:
    if not tz:
        return None
    key = tz.lower()
    if key in ZONES:
        return dt.timezone(dt.timedelta(minutes=ZONES[key]))
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        return None
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _build(year: int, month: int, day: int, hour: str | None, minute: str | None,
           second: str | None = None, tz: str | None = None) -> ParsedDate | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    zone = _offset(tz)
    h, m, s = int(hour or 0), int(minute or 0), int(second or 0)
    if hour is None or h > 23 or m > 59 or s > 59:
        return ParsedDate(dt.datetime(date.year, date.month, date.day, tzinfo=zone or DEFAULT_OFFSET), "day",
                          zone is not None)
    precision = "second" if second is not None and s else "minute"
    return ParsedDate(dt.datetime(date.year, date.month, date.day, h, m, s, tzinfo=zone or DEFAULT_OFFSET),
                      precision, zone is not None)


def parse_datetime(value: object, *, dayfirst: bool | None = None) -> ParsedDate | None:
    """Parse ``value`` into a :class:`ParsedDate` (``None`` when it is not a recognisable date).

    Args:
        value: a string (or a ``datetime``/``date``, e.g. from Parquet; a naive one is WIB).
        dayfirst: for numeric dates only: ``True`` D/M/Y, ``False`` M/D/Y, ``None`` day-first
            unless the numbers only fit month-first ("10/21/2025").
    """
    if isinstance(value, dt.datetime):
        stated = value.tzinfo is not None
        aware = value if stated else value.replace(tzinfo=DEFAULT_OFFSET)
        if not (value.hour or value.minute or value.second):
            return ParsedDate(aware, "day", stated)
        return ParsedDate(aware.replace(microsecond=0), "second" if value.second else "minute", stated)
    if isinstance(value, dt.date):
        return ParsedDate(dt.datetime(value.year, value.month, value.day, tzinfo=DEFAULT_OFFSET), "day", False)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > 200:
        return None
    if m := _ISO.match(text):
        return _build(int(m["y"]), int(m["m"]), int(m["d"]), m["h"], m["mi"], m["s"], m["tz"])
    if m := _NUMERIC.match(text):
        a, b = int(m["a"]), int(m["b"])
        first_is_day = dayfirst if dayfirst is not None else True
        if a > 12:
            first_is_day = True
        elif b > 12:
            first_is_day = False
        day, month = (a, b) if first_is_day else (b, a)
        return _build(int(m["y"]), month, day, m["h"], m["mi"], m["s"], m["tz"])
    for pattern in (_DAY_MONTH_NAME, _MONTH_NAME_DAY):
        if m := pattern.search(text):
            month = _MONTHS[m["mon"].lower()]
            return _build(int(m["y"]), month, int(m["d"]), m["h"], m["mi"], m["s"], m["tz"])
    return None


def parse_date(value: object, *, dayfirst: bool | None = None) -> str | None:
    """``value`` as ISO 8601 text (see :func:`parse_datetime`), or ``None``."""
    parsed = parse_datetime(value, dayfirst=dayfirst)
    return parsed.isoformat() if parsed else None


def parse_bound(value: str, *, end: bool = False) -> dt.datetime:
    """A ``--since``/``--until`` value as an instant.

    A date alone is the start of that day in WIB. As an upper bound (``end=True``) the result
    is *exclusive*: a date alone gives the start of the next day (``--until 2025-10-31`` keeps
    all of 31 October), a time gives that time plus a microsecond (the time itself is kept).

    Raises:
        ValueError: not a date.
    """
    parsed = parse_datetime(value)
    if parsed is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD, or YYYY-MM-DDTHH:MM[+HH:MM])")
    if end:
        return parsed.value + (dt.timedelta(days=1) if parsed.precision == "day" else dt.timedelta(microseconds=1))
    return parsed.value


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
