"""Table cells (from CSV, GeoPackage, ... through QGIS) as plain numbers and dates: leniently for display (the
time-series dock: None for an empty or unreadable cell), strictly for algorithms (row-numbered errors)."""
from __future__ import annotations

import datetime as dt
import math
from typing import Optional

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime


def is_null(value) -> bool:
    """An empty cell: None, a NULL QVariant, or blank/"NULL" text."""
    return value is None or (hasattr(value, "isNull") and value.isNull()) or str(value).strip() in ("", "NULL")


def date_or_none(value) -> Optional[dt.date]:
    """A table cell as a date: QDate/QDateTime, or text starting with YYYY-MM-DD; None when it is not one."""
    if isinstance(value, QDateTime):
        value = value.date()
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def number_or_none(value) -> Optional[float]:
    """A table cell as a number; None when it is empty or not a number."""
    if is_null(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def as_date(value, row: int, field: str) -> dt.date:
    """A table cell as a date (:func:`date_or_none`), or an error naming the row and field."""
    day = date_or_none(value)
    if day is None:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "Row {}: cannot read the date {!r} in field {}; write dates as YYYY-MM-DD").format(
            row, value, field))
    return day


def as_value(value, row: int, field: str) -> float:
    """A table cell as a finite number; empty/NULL cells are missing values (NaN); anything else, including
    inf, -inf and nan (as numbers or as text), is an error naming the row and field."""
    if is_null(value):
        return float("nan")
    number = number_or_none(value)
    if number is None:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "Row {}: the value {!r} in field {} is not a number").format(row, value, field))
    if not math.isfinite(number):
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "Row {}: the value {} in field {} is not a finite number; correct it, or leave the cell "
            "empty for a missing value").format(row, str(value).strip(), field))
    return number
