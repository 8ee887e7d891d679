"""Displacement time series of points from a CSV: the European Ground Motion Service (EGMS) products as
distributed, and generic tables of the same shape.

EGMS layout (Copernicus Land Monitoring Service, *EGMS Product Description and Format Specification*,
https://eea.github.io/CLMS_documents/develop/DOCS/products/EGMS_product_description_2023.html; the same column
lists are read by the EGMS toolkit, https://github.com/alexisInSAR/EGMStoolkit): one row per measurement point
after a header row, comma-separated, displacements in mm relative to the first date::

    L2a Basic, L2b Calibrated (line of sight, one file per burst):
        pid, mp_type, latitude, longitude, easting, northing, height, height_wgs84, line, pixel, rmse,
        temporal_coherence, amplitude_dispersion, incidence_angle, track_angle, los_east, los_north, los_up,
        mean_velocity, mean_velocity_std, acceleration, acceleration_std, seasonality, seasonality_std,
        20180106, 20180112, ...                      (one column per acquisition date, YYYYMMDD)
    L3 Ortho (vertical "U" or east-west "E" component on a 100 m grid, one file per 100 km tile):
        pid, easting, northing, height, rmse, mean_velocity, mean_velocity_std, acceleration,
        acceleration_std, seasonality, seasonality_std, 20180106, ...

``easting``/``northing`` are ETRS89-LAEA (EPSG:3035), ``latitude``/``longitude`` WGS 84 (EPSG:4326),
``incidence_angle`` degrees. The EGMS toolkit's merged and clipped files use ``;`` as the separator.

Columns read (names compared without case; every other column is ignored):

- **dates**: a name that is a date, ``YYYYMMDD`` (EGMS) or ``YYYY-MM-DD``, optionally after a prefix of letters
  and underscores (``d_20180106``, R's ``X20180106``, a shapefile's ``D20180106``): :func:`date_of_column`. Two
  columns of the same date are refused, so is a table without any.
- **coordinates**: ``easting``/``northing`` (EPSG:3035; preferred, every EGMS level has them), else
  ``longitude``/``latitude`` or ``lon``/``lat`` (EPSG:4326), else ``x``/``y`` in the CRS the caller gives, or
  EPSG:4326 when every value lies within ±180/±90. Rows without coordinates are skipped and counted.
- **ids**: ``pid``, else ``id``, else the row number; ``incidence_angle`` when present (LOS to vertical).

A ``.zip`` holding one ``.csv`` (an EGMS download: the CSV and its XML metadata) is read without unpacking it.
The separator is the most frequent of ``,`` ``;`` and tab in the header; a UTF-8 byte-order mark is dropped;
empty cells (and ``NaN``, ``NA``, ``NULL``) are missing values; with ``;`` a decimal comma is accepted. Any other
text in a number column is refused, naming its row and column. The file is read in chunks of rows (csv module,
numpy per chunk) sized by the run's budget into one growing array, so a burst of 10⁶ points × 300 dates holds
the displacements once (float64), not the text.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import re
import zipfile
from dataclasses import dataclass
from operator import itemgetter
from typing import BinaryIO, Callable, Iterator, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import osr

from ..errors import CryoInputError
from ..run import Run, memory_ceiling
from .incidence import checked_cosines

MISSING = ("", "nan", "NaN", "NAN", "NA", "N/A", "NULL", "null", "None")
_DATE_COLUMN = re.compile(r"(?:[A-Za-z_][A-Za-z_]*)?(\d{4})(-?)(\d{2})\2(\d{2})")
_EAST_WEST = re.compile(r"EGMS_L3_.*_E_\d{4}_\d{4}", re.IGNORECASE)
BYTES_PER_CELL_OF_TEXT = 160  # a cell held as Python text by the csv module, for the chunk size


def date_of_column(name: str) -> Optional[dt.date]:
    """The date a column (or field) is named after: ``[prefix]YYYYMMDD`` or ``[prefix]YYYY-MM-DD`` with an
    optional prefix of letters and underscores; None for any other name."""
    match = _DATE_COLUMN.fullmatch(name.strip())
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    except ValueError:
        return None


def date_columns(names: Sequence[str], what: str) -> Tuple[List[int], List[dt.date]]:
    """The positions of the date columns among ``names``, in date order, and their dates; ``what`` names the
    table in the messages. A table without a date column, or with two columns of one date, is refused."""
    found = [(day, i) for i, name in enumerate(names) for day in [date_of_column(name)] if day is not None]
    if not found:
        shown = ", ".join(names[:15]) + (", ..." if len(names) > 15 else "")
        raise CryoInputError("{} has no date column: name each displacement column by its date, YYYYMMDD (as "
                             "EGMS) or YYYY-MM-DD, optionally after a prefix of letters (d_20180106); its "
                             "columns are {}".format(what, shown))
    found.sort()
    for (day, i), (other, j) in zip(found, found[1:]):
        if day == other:
            raise CryoInputError("{}: the columns {!r} and {!r} are both the date {}; keep one of them".format(
                what, names[i], names[j], day))
    return [i for _, i in found], [day for day, _ in found]


@dataclass
class PointSeries:
    """Displacement time series of points, as stored (the units of the source, NaN for missing values)."""

    ids: np.ndarray  # (points,) pid text, the id field's values or feature ids
    xs: np.ndarray  # (points,) float64 in ``crs``
    ys: np.ndarray
    crs: str  # "EPSG:3035", "EPSG:4326" or a layer's CRS (anything GDAL's SetFromUserInput reads)
    dates: List[dt.date]  # sorted
    displacement: np.ndarray  # (dates, points) float64
    incidence_angle: Optional[np.ndarray] = None  # (points,) degrees, from an incidence_angle column
    source: str = ""

    def __len__(self) -> int:
        return len(self.xs)

    def incidence_cosines(self) -> np.ndarray:
        """cos θ of every point from its own ``incidence_angle`` (NaN where it has none), for d_v = d_los / cos θ;
        refused when the source has no such column."""
        if self.incidence_angle is None:
            raise CryoInputError("{} has no incidence_angle column (EGMS L2a/L2b have one; EGMS L3 Ortho is "
                                 "already vertical or east-west): give an incidence angle or raster, or no line "
                                 "of sight to vertical conversion".format(self.source or "INPUT"))
        return checked_cosines(self.incidence_angle, "{} incidence_angle".format(self.source or "INPUT"))

    def coordinates_in(self, crs: str) -> Tuple[np.ndarray, np.ndarray]:
        """The points' x and y in ``crs`` (EPSG:n, WKT, ...), e.g. that of a temperature stack or an incidence
        raster the points are to sample."""
        source, target = _srs(self.crs), _srs(crs)
        if source.IsSame(target) or len(self) == 0:
            return self.xs, self.ys
        transform = osr.CoordinateTransformation(source, target)
        moved = np.array(transform.TransformPoints(np.column_stack([self.xs, self.ys])), float)
        return moved[:, 0], moved[:, 1]


def _srs(text: str) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    try:
        srs.SetFromUserInput(text)
    except RuntimeError as exc:
        raise CryoInputError("Unknown CRS {!r} ({})".format(text[:80], exc)) from None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


class RowBuffer:
    """Rows of numbers appended chunk by chunk into one preallocated array that grows by a quarter when full
    (no list of chunks concatenated at the end, which would hold everything twice)."""

    def __init__(self, columns: int, capacity: int = 1024):
        self._data = np.empty((max(1, capacity), columns))
        self.rows = 0

    def reserve(self, capacity: int, what: str) -> None:
        """Grow to ``capacity`` rows now (refused beyond the memory this machine can give)."""
        needed = capacity * self._data.shape[1] * 8
        if needed > memory_ceiling():
            raise CryoInputError("{}: about {:,} points × {} dates need {:.1f} GiB, more than this machine can "
                                 "give; clip it to your area first (Vector > Geoprocessing > Clip, or the EGMS "
                                 "toolkit's clipping)".format(what, capacity, self._data.shape[1], needed / 2 ** 30))
        if capacity > len(self._data):
            grown = np.empty((capacity, self._data.shape[1]))
            grown[:self.rows] = self._data[:self.rows]
            self._data = grown

    def append(self, block: np.ndarray, what: str = "INPUT") -> None:
        if self.rows + len(block) > len(self._data):
            self.reserve(max(self.rows + len(block), int(len(self._data) * 1.25) + 1), what)
        self._data[self.rows:self.rows + len(block)] = block
        self.rows += len(block)

    def array(self) -> np.ndarray:
        """The rows appended, (rows, columns): a view, or a copy when much of the buffer is unused."""
        if self.rows < 0.8 * len(self._data):
            return self._data[:self.rows].copy()
        return self._data[:self.rows]


@dataclass
class _Layout:
    names: List[str]
    dates: List[dt.date]
    date_index: List[int]
    x: int
    y: int
    crs: Optional[str]  # None: x/y, decided from the values
    coordinates: str
    id: Optional[int]
    incidence: Optional[int]


def _layout(names: List[str], what: str, crs: Optional[str]) -> _Layout:
    index, dates = date_columns(names, what)
    lower = {name.strip().lower(): i for i, name in reversed(list(enumerate(names)))}
    pairs = (("easting", "northing", "EPSG:3035"), ("longitude", "latitude", "EPSG:4326"),
             ("lon", "lat", "EPSG:4326"), ("x", "y", None))
    for x, y, own in pairs:
        if x in lower and y in lower:
            return _Layout(names, dates, index, lower[x], lower[y], crs or own, " and ".join((x, y)),
                           lower.get("pid", lower.get("id")), lower.get("incidence_angle"))
    raise CryoInputError("{} has no coordinate columns: give easting/northing (ETRS89-LAEA, EPSG:3035, as EGMS), "
                         "longitude/latitude (WGS 84) or x/y".format(what))


def _getter(positions: List[int]) -> Callable[[list], Sequence[str]]:
    """The cells at ``positions`` of a row: a slice when they follow each other (EGMS's dates)."""
    if positions == list(range(positions[0], positions[-1] + 1)):
        first, stop = positions[0], positions[-1] + 1
        return lambda row: row[first:stop]
    return itemgetter(*positions)


def _cell(text: str, decimal_comma: bool) -> Optional[float]:
    """One cell as a number, NaN for a missing value, None when it is not a finite number."""
    text = text.strip()
    if text in MISSING:
        return float("nan")
    try:
        value = float(text.replace(",", ".") if decimal_comma else text)
    except ValueError:
        return None
    return value if np.isfinite(value) else None


def _numbers(cells: List[Sequence[str]], columns: List[str], rows: List[int], lines: List[int], what: str,
             decimal_comma: bool) -> np.ndarray:
    """Text cells (rows, columns) as float64, NaN for missing values; refuses any other text and non-finite
    numbers naming the row and column. Fast path: Python's float over the flattened cells (5× numpy's string
    conversion); the cell by cell path only for chunks with other missing-value marks or bad cells."""
    size = len(cells) * len(columns)
    if decimal_comma:
        flat = [c.replace(",", ".") or "nan" for row in cells for c in row]
    else:
        flat = [c or "nan" for row in cells for c in row]
    try:
        values = np.fromiter(map(float, flat), np.float64, size)
        if not np.isinf(values).any():
            return values.reshape(len(cells), len(columns))
    except ValueError:
        pass
    values = np.empty(size)
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            value = _cell(text, decimal_comma)
            if value is None:
                raise CryoInputError("{}: row {} (line {}), column {}: {!r} is not a number; cells must hold "
                                     "numbers (mm for displacements) or be empty".format(
                                         what, rows[r], lines[r], columns[c], text))
            values[r * len(columns) + c] = value
    return values.reshape(len(cells), len(columns))


def _chunks(reader, columns: int, size: int, what: str, sep: str) -> Iterator[Tuple[list, List[int], List[int]]]:
    """The rows of ``reader`` by ``size``, with their row numbers (1 = the first data row) and line numbers in the
    file; blank lines are skipped, a row of another length than the header is refused."""
    rows, numbers, lines = [], [], []
    count = 0
    for row in reader:
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        count += 1
        if len(row) != columns:
            raise CryoInputError("{}: row {} (line {}) has {} cells, the header {}; is the separator {!r} used "
                                 "inside a cell?".format(what, count, reader.line_num + 1, len(row), columns, sep))
        rows.append(row)
        numbers.append(count)
        lines.append(reader.line_num + 1)
        if len(rows) == size:
            yield rows, numbers, lines
            rows, numbers, lines = [], [], []
    if rows:
        yield rows, numbers, lines


@contextlib.contextmanager
def _binary(path: str, what: str) -> Iterator[Tuple[BinaryIO, int]]:
    """The CSV as bytes and its size: the file, or the one .csv of a zip archive (as EGMS delivers them)."""
    if not zipfile.is_zipfile(path):
        with open(path, "rb") as raw:
            yield raw, max(1, os.path.getsize(path))
        return
    with zipfile.ZipFile(path) as archive:
        members = [m for m in archive.infolist() if m.filename.lower().endswith(".csv")]
        if len(members) != 1:
            raise CryoInputError("{}: a zip archive holding one .csv is expected (as EGMS delivers them); it "
                                 "holds {}".format(what, ", ".join(m.filename for m in archive.infolist())))
        with archive.open(members[0]) as raw:
            yield raw, max(1, members[0].file_size)


def _separator(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=counts.get)


POINT_TABLE_SUFFIXES = (".csv", ".txt", ".zip")


def is_point_table(path: str) -> bool:
    """Whether ``path`` names a CSV of point series (or the zip EGMS delivers it in) rather than a raster stack."""
    return path.lower().endswith(POINT_TABLE_SUFFIXES)


def read_point_csv(path: str, crs: Optional[str] = None, run: Run = Run()) -> PointSeries:
    """Read an EGMS CSV (L2a, L2b, L3) or a generic CSV of point displacement series (module docstring).
    ``crs``: the CRS of x/y columns (or of any coordinate columns, overriding EGMS's); cancel and progress
    through ``run``."""
    if not os.path.isfile(path):
        raise CryoInputError("{} does not exist; check the INPUT path".format(path))
    what = "INPUT {}".format(os.path.basename(path))
    with _binary(path, what) as (raw, size), io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace",
                                                              newline="") as text:
        header_line = text.readline()
        if not header_line.strip():
            raise CryoInputError("{} is empty: a CSV with a header row is expected".format(what))
        sep = _separator(header_line)
        names = [n.strip() for n in next(csv.reader([header_line], delimiter=sep))]
        layout = _layout(names, what, crs)
        date_names = [names[i] for i in layout.date_index]
        take_dates = _getter(layout.date_index)
        take_xy = _getter([layout.x, layout.y] + ([layout.incidence] if layout.incidence is not None else []))
        xy_names = [names[layout.x], names[layout.y]] + (["incidence_angle"] if layout.incidence is not None else [])
        chunk = max(16, run.budget_bytes // (len(names) * BYTES_PER_CELL_OF_TEXT))
        values = RowBuffer(len(date_names))
        ids: List[str] = []
        coordinates: List[np.ndarray] = []
        skipped = 0
        for rows, numbers, lines in _chunks(csv.reader(text, delimiter=sep), len(names), chunk, what, sep):
            run.check()
            block = _numbers([take_dates(r) for r in rows], date_names, numbers, lines, what, sep == ";")
            place = _numbers([take_xy(r) for r in rows], xy_names, numbers, lines, what, sep == ";")
            keep = np.isfinite(place[:, 0]) & np.isfinite(place[:, 1])
            skipped += int((~keep).sum())
            if values.rows == 0:  # size the buffer from the bytes one row takes
                estimate = int(size / max(1, raw.tell()) * len(rows) * 1.05) + len(rows)
                values.reserve(estimate, what)
            values.append(block[keep], what)
            coordinates.append(place[keep])
            if layout.id is not None:
                ids += [r[layout.id].strip() for r, k in zip(rows, keep) if k]
            else:
                ids += [str(n) for n, k in zip(numbers, keep) if k]
            run.report(raw.tell() / size)
    return _series(path, what, layout, values, coordinates, ids, skipped, run)


def _series(path: str, what: str, layout: _Layout, values: RowBuffer, coordinates: List[np.ndarray],
            ids: List[str], skipped: int, run: Run) -> PointSeries:
    place = np.concatenate(coordinates) if coordinates else np.empty((0, 3))
    if not len(place):
        raise CryoInputError("{} holds no point with coordinates ({})".format(what, layout.coordinates))
    crs = layout.crs
    if crs is None:
        if np.all(np.abs(place[:, 0]) <= 180) and np.all(np.abs(place[:, 1]) <= 90):
            crs = "EPSG:4326"
            run.info("{}: x/y taken for longitude/latitude (WGS 84): every value is within ±180/±90".format(what))
        else:
            raise CryoInputError("{}: the CRS of its x/y columns is unknown; name them easting/northing "
                                 "(ETRS89-LAEA, EPSG:3035, as EGMS) or longitude/latitude (WGS 84), or load the "
                                 "CSV as a point layer with its CRS".format(what))
    if skipped:
        run.warning("{}: {} rows without coordinates ({}) skipped".format(what, skipped, layout.coordinates))
    angles = place[:, 2].copy() if layout.incidence is not None else None
    columns = {n.lower() for n in layout.names}
    kind = ("EGMS L2a/L2b, line of sight" if {"los_up", "mp_type"} <= columns else
            "EGMS L3 Ortho" if {"mean_velocity", "easting"} <= columns else "point table")
    run.info("{} ({}): {} points × {} dates {} .. {}, coordinates {} ({})".format(
        what, kind, len(place), len(layout.dates), layout.dates[0], layout.dates[-1], layout.coordinates, crs))
    if _EAST_WEST.search(os.path.basename(path)):
        run.warning("{} is EGMS Ortho's east-west component: horizontal motion, not the vertical thaw settlement "
                    "this model fits; use the vertical (_U_) file".format(what))
    return PointSeries(np.array(ids), place[:, 0].copy(), place[:, 1].copy(), crs, layout.dates,
                       values.array().T, angles, path)
