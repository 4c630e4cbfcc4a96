import datetime as dt

import pytest

from pipeline.ingest.dates import infer_dayfirst, parse_date


@pytest.mark.parametrize("raw, iso", [
    ("Selasa, 21 Okt 2025 14:30 WIB", "2025-10-21T14:30"),
    ("21 Oktober 2025", "2025-10-21"),
    ("10/21/2025 20:43", "2025-10-21T20:43"),
    ("21/10/2025", "2025-10-21"),
    ("2025-10-21T14:30:00+07:00", "2025-10-21T14:30"),
    ("2025-10-21", "2025-10-21"),
    ("Kamis, 4 Agu 2022 pukul 09.15", "2022-08-04T09:15"),
    ("1 Mei 2024", "2024-05-01"),
    ("Oct 21, 2025", "2025-10-21"),
    ("17 Agustus 1945", "1945-08-17"),
])
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


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
    assert parse_date(dt.datetime(2025, 10, 21, 20, 43)) == "2025-10-21T20:43"
    assert parse_date(dt.date(2025, 10, 21)) == "2025-10-21"
