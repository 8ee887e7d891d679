"""Daily lake-ice tables as lake products ship them, read into a :class:`.freeze_events.Series`.

* a folder of tables, one file per lake (``Nam_Co.csv`` with columns date,value: AlpineWELLS, many TPDC lake
  products) or several long tables: every ``.csv`` and ``.xlsx`` file of the folder is read;
* an Excel workbook (``.xlsx``, read with openpyxl, imported only here): one sheet (the first, or ``sheet``), whose
  first row holds the column names; dates as Excel dates or ``YYYY-MM-DD`` text.

A file with a column named like the lake column holds several lakes (long form); a file without one is one lake's
series, named after the file: its stem, or the first group of ``lake_pattern`` (a regular expression searched in
the stem, e.g. ``^(.+)_ice$``). Column names are matched exactly, else ignoring case and surrounding blanks.

Cells follow the rules of the long tables read through QGIS: an empty cell (or ``NULL``) is a missing day, any
other value that is not a finite number is an error naming the file and row (rows counted as a spreadsheet shows
them: the header is row 1). Tables of areas (TPDC: ice, water, cloud in km² or percent) give percent ice
``100 · ice / (ice + water)`` when ``water`` names the water column (``value`` then names the ice column); with
``cloud`` as well, a day on which cloud covers more than ice and water together is missing.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from ..errors import CryoInputError
from ..io.hdf5_datasets import HDF5_SUFFIXES
from ..io.stack import GDAL_SUFFIXES
from ..run import Run
from .freeze_events import VALUE_RANGES, Series, series_from_records

TABLE_SUFFIXES = (".csv", ".xlsx")
NULL_TEXTS = ("", "NULL")
_INSTALL = ("Reading .xlsx files needs the Python package openpyxl: install it (Debian/Ubuntu: sudo apt install "
            "python3-openpyxl; otherwise pip install openpyxl in the Python of QGIS, e.g. from the OSGeo4W Shell), "
            "or save the sheet as CSV")


class OpenpyxlMissing(CryoInputError):
    """An .xlsx file was given but openpyxl cannot be imported."""


@dataclass(frozen=True)
class TableColumns:
    """Which columns to read: ``lake`` (optional in a file: see the module docstring), ``date``, ``value`` and,
    for tables of areas, ``water`` and ``cloud`` (empty: not used); ``lake_pattern`` and ``sheet`` as above."""

    lake: str = "lake"
    date: str = "date"
    value: str = "value"
    water: str = ""
    cloud: str = ""
    lake_pattern: str = ""
    sheet: str = ""


def table_files(folder: str) -> List[str]:
    """The ``.csv`` and ``.xlsx`` files of ``folder``, sorted (hidden files and Excel's ``~$`` lock files left out)."""
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))
            if name.lower().endswith(TABLE_SUFFIXES) and not name.startswith((".", "~$"))
            and os.path.isfile(os.path.join(folder, name))]


def is_table_folder(folder: str) -> bool:
    """A folder of tables: it holds ``.csv``/``.xlsx`` files and no daily grids (HDF5, GeoTIFF, netCDF), which
    make it a stack (the stack reader ignores other files)."""
    if not os.path.isdir(folder):
        return False
    names = [name.lower() for name in os.listdir(folder)]
    return bool(table_files(folder)) and not any(name.endswith(HDF5_SUFFIXES + GDAL_SUFFIXES) for name in names)


def lake_name(path: str, pattern: str = "") -> str:
    """The lake a one-lake file holds: the file's stem, or the first group (else the match) of ``pattern``."""
    stem = os.path.splitext(os.path.basename(path))[0]
    if not pattern:
        return stem
    try:
        match = re.search(pattern, stem)
    except re.error as exc:
        raise CryoInputError("LAKE_NAME_PATTERN {!r} is not a regular expression ({}); write e.g. ^(.+)_ice$ to "
                             "name the lake by the part of the file name before _ice".format(pattern, exc)) from None
    name = (match.group(1) if match.re.groups else match.group(0)) if match else None
    if not name:
        raise CryoInputError("The file name {} does not give a lake name with LAKE_NAME_PATTERN {!r}; change the "
                             "pattern (its first group is the lake name) or move the file out of the folder".format(
                                 os.path.basename(path), pattern))
    return name


def ice_percent(ice: float, water: float, cloud: float, where: str) -> float:
    """Percent ice of the lake surface seen, ``100 · ice / (ice + water)``; NaN when either is missing, when
    nothing is seen, or when ``cloud`` (NaN: not known) exceeds ice and water together."""
    for name, number in (("ice", ice), ("water", water), ("cloud", cloud)):
        if number < 0:
            raise CryoInputError("{}: the {} value {} is negative; areas and percentages are ≥ 0".format(
                where, name, number))
    seen = ice + water
    if not seen > 0 or cloud > seen:
        return float("nan")
    return 100.0 * ice / seen


def cell_date(value, where: str, column: str) -> dt.date:
    """A date cell: a date or datetime (Excel), or text starting with ``YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    hint = (" (a number: format the column as a date in the spreadsheet)" if isinstance(value, (int, float)) else "")
    raise CryoInputError("{}: cannot read the date {!r} in column {}{}; write dates as YYYY-MM-DD or as "
                         "spreadsheet dates".format(where, value, column, hint))


def cell_value(value, where: str, column: str) -> float:
    """A value cell: a finite number; empty or ``NULL`` is a missing day (NaN); anything else is an error."""
    if value is None or (isinstance(value, str) and value.strip() in NULL_TEXTS):
        return float("nan")
    try:
        number = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise CryoInputError("{}: the value {!r} in column {} is not a number".format(where, value, column)) from None
    if not math.isfinite(number):
        raise CryoInputError("{}: the value {} in column {} is not a finite number; correct it, or leave the cell "
                             "empty for a missing value".format(where, value, column))
    return number


class Records:
    """Long-form records gathered from several files, each with where it came from (file and row)."""

    def __init__(self) -> None:
        self.lakes: List[str] = []
        self.dates: List[dt.date] = []
        self.values: List[float] = []
        self.origins: List[str] = []

    def add(self, lake: str, date: dt.date, value: float, origin: str) -> None:
        self.lakes.append(lake)
        self.dates.append(date)
        self.values.append(value)
        self.origins.append(origin)

    def series(self, value_type: str, what: str) -> Series:
        """The :class:`Series`; values outside the range of ``value_type`` and repeated lake/date pairs are
        refused naming the files and rows."""
        if not self.lakes:
            raise CryoInputError("{} holds no rows of data".format(what))
        low, high = VALUE_RANGES[value_type]
        seen: Dict[Tuple[str, dt.date], int] = {}
        for i, (lake, date, value) in enumerate(zip(self.lakes, self.dates, self.values)):
            if value < low or value > high:
                raise CryoInputError("{} (lake {}, {}): the value {} is outside {}..{} expected for VALUE_TYPE {}; "
                                     "check the value column (VALUE_FIELD) and VALUE_TYPE".format(
                                         self.origins[i], lake, date, value, low, high, value_type))
            first = seen.setdefault((lake, date), i)
            if first != i:
                raise CryoInputError("{} and {} both give lake {} on {}; keep one value per lake and date (lakes "
                                     "without a lake column are named after their file: check LAKE_NAME_PATTERN)"
                                     .format(self.origins[first], self.origins[i], lake, date))
        return series_from_records(self.lakes, self.dates, self.values, value_type)


def _find(header: Sequence[str], column: str) -> Optional[int]:
    if not column:
        return None
    if column in header:
        return header.index(column)
    folded = [name.strip().casefold() for name in header]
    return folded.index(column.strip().casefold()) if column.strip().casefold() in folded else None


def _missing_columns(path: str, header: Sequence[str], columns: TableColumns, missing: List[str]) -> CryoInputError:
    text = "{} has no column {} (its columns: {}); set DATE_FIELD and VALUE_FIELD to the names in its first row".format(
        os.path.basename(path), " or ".join(repr(m) for m in missing), ", ".join(n for n in header if n) or "none")
    if columns.value in missing and _find(header, "ice") is not None and _find(header, "water") is not None:
        text += (". It holds ice and water: for percent ice = 100 × ice / (ice + water) set VALUE_FIELD to ice and "
                 "WATER_FIELD to water (and CLOUD_FIELD to cloud to leave out days when cloud covers more than ice "
                 "and water together), or set VALUE_FIELD to a column that holds the ice cover itself")
    return CryoInputError(text + ". In a folder every .csv and .xlsx file is read as a lake series: move other files "
                                 "out of it")


def add_rows(path: str, header: Sequence, rows: Iterable[Tuple[int, Sequence]], columns: TableColumns,
             records: Records, run: Run) -> None:
    """Add the records of one table (``header``: its first row; ``rows``: (spreadsheet row number, cells))."""
    header = ["" if name is None else str(name) for name in header]
    name = os.path.basename(path)
    wanted = [columns.date, columns.value] + [c for c in (columns.water, columns.cloud) if c]
    missing = [column for column in wanted if _find(header, column) is None]
    if missing:
        raise _missing_columns(path, header, columns, missing)
    date_at, value_at, lake_at = (_find(header, c) for c in (columns.date, columns.value, columns.lake))
    water_at, cloud_at = _find(header, columns.water), _find(header, columns.cloud)
    single = lake_name(path, columns.lake_pattern) if lake_at is None else None
    if single is not None:
        run.info("{}: no column {!r}, read as the series of lake {} (named after the file)".format(
            name, columns.lake, single))
    for number, cells in rows:
        cells = list(cells) + [None] * (len(header) - len(cells))
        if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
            continue
        where = "{}, row {}".format(name, number)
        lake = single
        if lake is None:
            lake = "" if cells[lake_at] is None else str(cells[lake_at]).strip()
            if not lake:
                raise CryoInputError("{}: the lake column {} is empty; give every row its lake".format(
                    where, header[lake_at]))
        date = cell_date(cells[date_at], where, header[date_at])
        value = cell_value(cells[value_at], where, header[value_at])
        if water_at is not None:
            cloud = cell_value(cells[cloud_at], where, header[cloud_at]) if cloud_at is not None else float("nan")
            value = ice_percent(value, cell_value(cells[water_at], where, header[water_at]), cloud, where)
        records.add(lake, date, value, where)


def _text(path: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            with open(path, encoding=encoding, newline="") as fh:
                return fh.read()
        except UnicodeDecodeError:
            continue
    raise CryoInputError("{} cannot be read as text (UTF-8 or GB18030): is it a CSV file? Save it as CSV UTF-8 or "
                         "move it out of the folder".format(os.path.basename(path)))


def read_csv(path: str, columns: TableColumns, records: Records, run: Run) -> None:
    """One CSV file (comma, semicolon or tab separated, told by the header line)."""
    text = _text(path)
    first_line = text.split("\n", 1)[0]
    lines = csv.reader(io.StringIO(text), delimiter=max((",", ";", "\t"), key=first_line.count))
    try:
        header = next(lines, None)
        if header is None:
            raise CryoInputError("{} is empty; it needs a header row ({}, {}) and a row per day".format(
                os.path.basename(path), columns.date, columns.value))
        add_rows(path, header, enumerate(lines, start=2), columns, records, run)
    except csv.Error as exc:
        raise CryoInputError("{}, row {}: cannot be read as CSV ({}); is it a CSV file? Correct it or move it out "
                             "of the folder".format(os.path.basename(path), lines.line_num, exc)) from None


def read_xlsx(path: str, columns: TableColumns, records: Records, run: Run) -> None:
    """One sheet of an Excel workbook (the first, or ``columns.sheet``), its first row the header."""
    try:
        import openpyxl
    except ImportError:
        raise OpenpyxlMissing("{}: {}".format(os.path.basename(path), _INSTALL)) from None
    book = None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        if columns.sheet and columns.sheet not in book.sheetnames:
            raise CryoInputError("{} has no sheet {!r} (its sheets: {}); set SHEET to one of them, or leave it "
                                 "empty for the first".format(os.path.basename(path), columns.sheet,
                                                              ", ".join(book.sheetnames)))
        sheet = book[columns.sheet] if columns.sheet else book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            raise CryoInputError("The sheet {} of {} is empty; it needs a header row ({}, {}) and a row per day"
                                 .format(sheet.title, os.path.basename(path), columns.date, columns.value))
        add_rows(path, header, enumerate(rows, start=2), columns, records, run)
    except (CryoInputError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 (zipfile, XML and openpyxl errors alike)
        raise CryoInputError("{} cannot be read as an Excel workbook ({}: {}): save it again as .xlsx, or move it "
                             "out of the folder".format(os.path.basename(path), type(exc).__name__, exc)) from None
    finally:
        if book is not None:
            book.close()


def read_tables(paths: Sequence[str], columns: TableColumns, value_type: str, run: Run = Run()) -> Series:
    """The :class:`Series` of one or several tables (``.csv`` or ``.xlsx``), read as the module docstring says."""
    if columns.water and value_type != "ice_percent":
        raise CryoInputError("WATER_FIELD gives percent ice (100 × ice / (ice + water)): set VALUE_TYPE to "
                             "ice_percent, or leave WATER_FIELD empty")
    if not paths:
        raise CryoInputError("No .csv or .xlsx tables to read")
    records = Records()
    for path in paths:
        run.check()
        (read_xlsx if path.lower().endswith(".xlsx") else read_csv)(path, columns, records, run)
    what = os.path.basename(paths[0]) if len(paths) == 1 else "The {} tables of {}".format(
        len(paths), os.path.dirname(paths[0]))
    return records.series(value_type, what)


def read_table_folder(folder: str, columns: TableColumns, value_type: str, run: Run = Run()) -> Series:
    """Every ``.csv``/``.xlsx`` table of ``folder`` (:func:`table_files`) as one :class:`Series`."""
    paths = table_files(folder)
    if not paths:
        raise CryoInputError("The folder {} holds no .csv or .xlsx tables; give a folder with one table per lake "
                             "(e.g. Nam_Co.csv with columns {}, {})".format(folder, columns.date, columns.value))
    run.info("{} tables in {}".format(len(paths), folder))
    return read_tables(paths, columns, value_type, run)
