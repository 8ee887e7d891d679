"""Dates of daily grids: parsing them from file names and from band descriptions, season years.

File names carry the date as ``YYYYMMDD`` (``AMSR_20070125_FT_25.h5``) or as year and day of year
``YYYYDDD`` (``FT_2007025.tif``), as a run of exactly 8 or 7 digits.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import List, Optional, Sequence, Tuple

from ..errors import CryoInputError
from ..run import Run

_DIGITS = re.compile(r"(?<!\d)(\d{8}|\d{7})(?!\d)")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date_from_name(name: str) -> Optional[dt.date]:
    """The date in a file name, or None when it has no valid ``YYYYMMDD``/``YYYYDDD`` run of digits."""
    for match in _DIGITS.finditer(name):
        digits = match.group(1)
        try:
            if len(digits) == 8:
                return dt.datetime.strptime(digits, "%Y%m%d").date()
            year, doy = int(digits[:4]), int(digits[4:])
            if 1 <= doy <= 366:
                day = dt.date(year, 1, 1) + dt.timedelta(days=doy - 1)
                if day.year == year:
                    return day
        except ValueError:
            continue
    return None


def date_from_description(text: str) -> Optional[dt.date]:
    """The ISO date (``YYYY-MM-DD``) in a band description, or None."""
    match = _ISO.search(text or "")
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def parse_iso_date(text: str, what: str) -> dt.date:
    """Parse ``YYYY-MM-DD``; ``what`` names the parameter in the error message."""
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise CryoInputError("{} must be a date written YYYY-MM-DD, got {!r}".format(what, text)) from None


def parse_month_day(text: str, what: str = "YEAR_START") -> Tuple[int, int]:
    """Parse a ``MM-DD`` season start such as ``08-01``; 02-29 is refused (not every year has it)."""
    match = re.fullmatch(r"\s*(\d{1,2})-(\d{1,2})\s*", text or "")
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        try:
            dt.date(2001, month, day)
            return month, day
        except ValueError:
            pass
    raise CryoInputError("{} must be a month and day written MM-DD (e.g. 08-01), got {!r}".format(what, text))


def season_bounds(year: int, month_day: Tuple[int, int]) -> Tuple[dt.date, dt.date]:
    """First day and the day after the last day of the season year named ``year``."""
    return dt.date(year, *month_day), dt.date(year + 1, *month_day)


def complete_seasons(dates: Sequence[dt.date], year_start: Tuple[int, int]) -> Tuple[List[int], List[int]]:
    """Season years fully inside ``[dates[0], dates[-1]]`` and those covered only in part."""
    first, last = dates[0], dates[-1]
    complete, partial = [], []
    for year in range(first.year - 1, last.year + 1):
        start, stop = season_bounds(year, year_start)
        if stop <= first or start > last:
            continue
        (complete if start >= first and stop - dt.timedelta(days=1) <= last else partial).append(year)
    return complete, partial


def whole_seasons(dates: Sequence[dt.date], year_start: Tuple[int, int], source: str, purpose: str,
                  run: Run) -> Tuple[List[int], List[int]]:
    """The season years fully inside ``dates`` and those covered in part (logged); an error when none is whole."""
    years, partial = complete_seasons(dates, year_start)
    if not years:
        raise CryoInputError(
            "{} ({} .. {}) does not hold one complete season starting {:02d}-{:02d}; {} need at least one whole "
            "season year: add dates or change YEAR_START".format(source, dates[0], dates[-1], *year_start, purpose))
    if partial:
        run.warning("Season years covered only in part, left out: {}".format(", ".join(map(str, partial))))
    return years, partial
