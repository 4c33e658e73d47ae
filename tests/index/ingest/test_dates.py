import datetime as dt

import pytest

from newsdesk.index.ingest.dates import looks_like_date, parse_date

D = dt.date(2025, 10, 21)


@pytest.mark.parametrize(
    "value",
    [
        "2025-10-21",
        "2025-10-21T08:00:00Z",
        "2025-10-21T08:00:00+02:00",
        "2025-10-21 08:00",
        "21.10.2025",
        "21.10.25",
        "21. 10. 2025",
        "21.10.2025, 08:15 Uhr",
        "2025/10/21",
        "20251021",
        "21. Oktober 2025",
        "Oct 21, 2025",
        " 2025-10-21 ",
        dt.date(2025, 10, 21),
        dt.datetime(2025, 10, 21, 8, 0),
        1761033600,  # 2025-10-21T08:00:00Z
        1761033600000,  # milliseconds
    ],
)
def test_accepted_formats(value):
    assert parse_date(value) == D


@pytest.mark.parametrize("value", [None, "", "2025-13-45", "31.02.2025", "gestern", "kein Datum", True, [], {}, "12345"])
def test_rejected_values(value):
    assert parse_date(value) is None


def test_looks_like_date():
    assert looks_like_date("2025-13-45") and looks_like_date("21.10.2025") and looks_like_date("20251021")
    assert not looks_like_date("Montag") and not looks_like_date("2025")
