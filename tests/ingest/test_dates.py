import datetime as dt

import pytest

from pipeline.ingest.dates import infer_dayfirst, parse_bound, parse_date, parse_datetime


@pytest.mark.parametrize("raw, iso", [
    ("Selasa, 21 Okt 2025 14:30 WIB", "2025-10-21T14:30+07:00"),
    ("Senin, 01 Des 2025 | 10:15 WIB", "2025-12-01T10:15+07:00"),
    ("Senin, 01 Des 2025 | 10:15 WITA", "2025-12-01T10:15+08:00"),
    ("Rabu, 03 Des 2025 08:00 WIT", "2025-12-03T08:00+09:00"),
    ("Mon, 01 Dec 2025 10:15:00 +0700", "2025-12-01T10:15+07:00"),
    ("2025-10-21T07:30:00Z", "2025-10-21T07:30+00:00"),
    ("2025-10-21T14:30:15+08:00", "2025-10-21T14:30:15+08:00"),
    ("21 Oktober 2025", "2025-10-21"),
    ("10/21/2025 20:43", "2025-10-21T20:43+07:00"),
    ("21/10/2025", "2025-10-21"),
    ("2025-10-21T14:30:00+07:00", "2025-10-21T14:30+07:00"),
    ("2025-10-21", "2025-10-21"),
    ("Kamis, 4 Agu 2022 pukul 09.15", "2022-08-04T09:15+07:00"),
    ("1 Mei 2024", "2024-05-01"),
    ("Oct 21, 2025", "2025-10-21"),
    ("17 Agustus 1945", "1945-08-17"),
])
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso
    assert parse_date(iso) == iso  # idempotent: a stored date reads back as itself


@pytest.mark.parametrize("raw", ["", "kemarin", "31/02/2025", "99 Oktober 2025", None, 12])
def test_not_a_date(raw):
    assert parse_date(raw) is None


def test_ambiguous_numeric_dates_follow_the_column():
    assert parse_date("05/06/2025") == "2025-06-05"  # day-first by default (Indonesian)
    assert parse_date("05/06/2025", dayfirst=False) == "2025-05-06"
    assert infer_dayfirst(["10/21/2025 20:43", "5/6/2025 10:00"]) is False
    assert infer_dayfirst(["21/10/2025", "5/6/2025"]) is True
    assert infer_dayfirst(["5/6/2025"]) is None


def test_datetime_values_from_parquet():
    assert parse_date(dt.datetime(2025, 10, 21, 20, 43)) == "2025-10-21T20:43+07:00"  # naive: WIB
    assert parse_date(dt.date(2025, 10, 21)) == "2025-10-21"


def test_zones_are_instants():
    wib = parse_datetime("Senin, 01 Des 2025 | 10:15 WIB")
    wita = parse_datetime("Senin, 01 Des 2025 | 11:15 WITA")
    assert wib.value == wita.value and wib.zone_stated and wib.precision == "minute"
    assumed = parse_datetime("1/12/2025 10:15")  # day-first, no zone: WIB
    assert assumed.value == wib.value and not assumed.zone_stated
    assert parse_datetime("1 Desember 2025").precision == "day"


def test_bounds_cover_whole_days():
    assert parse_bound("2025-12-01") == dt.datetime(2025, 12, 1, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert parse_bound("2025-12-01", end=True) == dt.datetime(2025, 12, 2, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert parse_bound("2025-12-01T10:00+08:00", end=True).hour == 10
    with pytest.raises(ValueError, match="not a date"):
        parse_bound("kemarin")
