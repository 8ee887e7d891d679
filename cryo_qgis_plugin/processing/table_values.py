"""Table cells (from CSV, GeoPackage, ... through QGIS) as plain numbers and dates, with row-numbered errors."""
from __future__ import annotations

import datetime as dt

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication, QDate


def as_date(value, row: int, field: str) -> dt.date:
    """A table cell as a date: QDate/QDateTime, or text starting with YYYY-MM-DD."""
    if isinstance(value, QDate):
        return value.toPyDate()
    if hasattr(value, "date") and hasattr(value, "toPyDateTime"):  # QDateTime
        return value.toPyDateTime().date()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "Row {}: cannot read the date {!r} in field {}; write dates as YYYY-MM-DD").format(
            row, value, field)) from None


def as_value(value, row: int, field: str) -> float:
    """A table cell as a number; empty/NULL cells are missing values (NaN)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()) or str(value).strip() in ("", "NULL"):
        return float("nan")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "Row {}: the value {!r} in field {} is not a number").format(row, value, field)) from None
