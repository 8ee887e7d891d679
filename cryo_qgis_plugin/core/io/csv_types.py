"""Column types of the CSV tables the plugin writes, as a ``.csvt`` sidecar: GDAL's CSV driver (and so QGIS) then
reads the dates as dates and the numbers as numbers instead of text (https://gdal.org/drivers/vector/csv.html,
"Reading CSVT files"). The sidecar is written like every output (:mod:`.outputs`): put in place with the table."""
from __future__ import annotations

import csv
import os
import re
from typing import Iterable, List

from .outputs import temporary_name, write_text_atomic

_INTEGER = re.compile(r"^[+-]?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT32 = 2 ** 31


def _is_real(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def column_type(values: Iterable[str]) -> str:
    """``Integer``, ``Real``, ``Date`` (YYYY-MM-DD) or ``String``: the narrowest type every non-empty value fits
    (``String`` for a column without a value)."""
    kinds = set()
    for value in values:
        text = value.strip()
        if not text:
            continue
        if _INTEGER.match(text) and abs(int(text)) < _INT32:
            kinds.add("Integer")
        elif _is_real(text):
            kinds.add("Real")
        elif _DATE.match(text):
            kinds.add("Date")
        else:
            return "String"
    if kinds <= {"Integer"}:
        return "Integer" if kinds else "String"
    if kinds <= {"Integer", "Real"}:
        return "Real"
    return "Date" if kinds == {"Date"} else "String"


def column_types(path: str) -> List[str]:
    """The type of each column of the CSV at ``path`` (header row, then the values)."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = csv.reader(fh)
        header = next(rows, [])
        columns: List[List[str]] = [[] for _ in header]
        for row in rows:
            for column, value in zip(columns, row):
                column.append(value)
    return [column_type(values) for values in columns]


def csvt_path(csv_path: str) -> str:
    return os.path.splitext(csv_path)[0] + ".csvt"


def write_csvt(csv_path: str) -> str:
    """Write the ``.csvt`` of the table ``csv_path`` (read where it is being written when the run has not put it in
    place yet); returns the sidecar's path."""
    staged = temporary_name(csv_path)
    types = column_types(staged if os.path.exists(staged) else csv_path)
    path = csvt_path(csv_path)
    write_text_atomic(path, ",".join('"{}"'.format(t) for t in types) + "\n")
    return path
