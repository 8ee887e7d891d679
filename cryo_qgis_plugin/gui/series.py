"""What the time-series dock plots, independent of Qt and pyqtgraph: one :class:`PlotSeries` per raster pixel
or table group, with its x positions (dates as POSIX seconds at 00:00 UTC, or band numbers), values, class
table and event markers, and the CSV export of the plotted series."""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from ..core.codes import ClassCode, ClassTable
from ..core.freezethaw.products import product_named
from ..core.io.outputs import atomic_path
from ..core.lakeice.freeze_events import DATE_COLUMNS
from ..core.io.pixel_series import PixelSeries

EPOCH = dt.date(1970, 1, 1)
DAY_SECONDS = 86400.0
# the location columns (lon, lat, x, y, crs) are those of a pixel's series, empty for a table's or a region's;
# cells: the valid cells a region's value is computed from (empty for a pixel's)
CSV_COLUMNS = ("series", "date", "band", "value", "class", "lon", "lat", "x", "y", "crs", "units", "cells")
# the lake-ice phenology events drawn as markers, in the order of the season
EVENT_NAMES = {"fus": "freeze-up start", "fue": "freeze-up end", "bus": "break-up start", "bue": "break-up end"}
# how a curve is drawn: a line (the default), a thick line, a dashed or a dotted one, or markers without a line
STYLES = ("line", "thick", "dash", "dot", "markers")
# a table field named <quantity>_<unit> (h_cm, area_km2, ...) plots on a y axis titled "<quantity> (<unit>)"
UNIT_SUFFIXES = {"mm_yr": "mm/yr", "m_yr": "m/yr", "cm_day": "cm/day", "km2": "km²", "m2": "m²", "m3": "m³",
                 "cm": "cm", "mm": "mm", "km": "km", "m": "m", "degc": "°C", "k": "K", "pct": "%", "percent": "%"}


def date_seconds(day: dt.date) -> float:
    """A date as POSIX seconds at 00:00 UTC (the x unit of pyqtgraph's date axis)."""
    return (day - EPOCH).days * DAY_SECONDS


def seconds_date(seconds: float) -> dt.date:
    return EPOCH + dt.timedelta(days=int(np.floor(seconds / DAY_SECONDS + 0.5)))


@dataclass
class Marker:
    """An event drawn as a vertical line on the plot (e.g. a lake's freeze-up end)."""

    x: float
    text: str


@dataclass(frozen=True)
class SeriesLocation:
    """Where a pixel series was read: the point in the layer's CRS (``crs``: its auth id, e.g. "EPSG:32633"),
    in WGS 84 longitude/latitude (None when it cannot be transformed), and the cell (0-based column, row)."""

    x: float
    y: float
    crs: str
    lon: Optional[float] = None
    lat: Optional[float] = None
    column: Optional[int] = None
    row: Optional[int] = None


@dataclass
class PlotSeries:
    """One plotted curve. ``dated`` tells whether ``x`` holds dates (seconds) or band numbers; ``bands`` are the
    band numbers of a raster pixel's series (None for a table's). ``style`` is how it is drawn (:data:`STYLES`);
    ``quantity`` the y axis title of a series with a known quantity and unit (e.g. the InSAR overlay's
    "Displacement (mm)"), empty for plain values: series of different quantities get their own y axis.
    ``units`` is the unit of ``y`` when known (the raster's band metadata ``UNITS``, e.g. "°C", "%", "m");
    ``location`` where a pixel series was read (None for tables and regions)."""

    name: str
    x: np.ndarray
    y: np.ndarray
    dated: bool
    bands: Optional[np.ndarray] = None
    class_table: Optional[ClassTable] = None
    markers: List[Marker] = field(default_factory=list)
    style: str = "line"
    quantity: str = ""
    units: str = ""
    location: Optional[SeriesLocation] = None

    @property
    def categorical(self) -> bool:
        return self.class_table is not None

    def index_near(self, x: float) -> Optional[int]:
        """The sample nearest to ``x`` (the crosshair read-out), None for an empty series."""
        if len(self.x) == 0:
            return None
        return int(np.argmin(np.abs(self.x - x)))

    def describe_value(self, i: int, label: Callable[[ClassCode], str] = lambda code: code.label) -> str:
        """The value of sample ``i`` for a person: the class name (``label``) for class codes, else the number."""
        value = self.y[i]
        if np.isnan(value):
            return "nodata"
        if self.class_table is not None:
            code = self.class_table.by_value().get(int(value))
            return "{} ({})".format(label(code) if code else self.class_table.label(int(value)), int(value))
        return "{:.6g}".format(value)

    def describe_x(self, i: int) -> str:
        return seconds_date(self.x[i]).isoformat() if self.dated else "band {}".format(int(self.x[i]))


def pixel_plot_series(name: str, pixel: PixelSeries) -> PlotSeries:
    """A raster pixel's values across the bands, on a date axis when every band has a date; its classes those the
    raster records, else, for integer codes, those of the freeze/thaw product its file name identifies (a product
    file as downloaded, e.g. a SMAP L3 FT GeoTIFF); its unit that the raster records (e.g. "°C", "cm", "class")."""
    bands = np.arange(1, len(pixel.values) + 1)
    x = bands.astype(float) if pixel.dates is None else np.array([date_seconds(d) for d in pixel.dates])
    values = np.asarray(pixel.values, dtype=float)
    codes = values[np.isfinite(values)]
    integral = codes.size > 0 and bool(np.all(codes == np.round(codes)))
    named = product_named([pixel.path]) if pixel.class_table is None and integral else None
    return PlotSeries(name, x, values, pixel.dates is not None, bands,
                      named[0].table if named else pixel.class_table, units=pixel.units)


def field_quantity(field_name: str) -> str:
    """The y axis title of a table field whose name ends in a unit (:data:`UNIT_SUFFIXES`): ``h_cm`` -> ``h (cm)``;
    '' for other names (their series share the plain "Value" axis)."""
    lower = field_name.lower()
    for suffix in sorted(UNIT_SUFFIXES, key=len, reverse=True):
        if lower.endswith("_" + suffix) and len(lower) > len(suffix) + 1:
            return "{} ({})".format(field_name[:-len(suffix) - 1], UNIT_SUFFIXES[suffix])
    return ""


def table_plot_series(name: str, rows: Iterable[Tuple[str, Optional[dt.date], Optional[float]]],
                      quantity: str = "") -> List[PlotSeries]:
    """Series of a table, one per group: ``rows`` are (group, date, value); rows without a date are skipped,
    missing values kept as gaps (NaN); each group is sorted by date. ``quantity``: their y axis title
    (:func:`field_quantity`)."""
    groups: Dict[str, List[Tuple[dt.date, float]]] = {}
    for group, day, value in rows:
        if day is not None:
            groups.setdefault(group, []).append((day, np.nan if value is None else float(value)))
    series = []
    for group in sorted(groups):
        points = sorted(groups[group], key=lambda p: p[0])
        label = name if group == "" else "{}: {}".format(name, group)
        series.append(PlotSeries(label, np.array([date_seconds(d) for d, _ in points]),
                                 np.array([v for _, v in points], dtype=float), True, quantity=quantity))
    return series


def phenology_markers(rows: Iterable[Dict[str, object]], lake: str) -> List[Marker]:
    """Event markers of one lake from rows of a ``cryo:lakeicephenology`` table (ISO dates in fus, fue, bus,
    bue; empty for an event not observed)."""
    markers = []
    for row in rows:
        if str(row.get("lake")) != lake:
            continue
        for column in DATE_COLUMNS:
            text = row.get(column)
            if text:
                day = text if isinstance(text, dt.date) else dt.date.fromisoformat(str(text)[:10])
                markers.append(Marker(date_seconds(day), "{} {}".format(EVENT_NAMES[column], day.isoformat())))
    return sorted(markers, key=lambda m: m.x)


def location_text(location: SeriesLocation) -> str:
    """Where a pixel is, for its name: ``78.2172° N, 15.6412° E`` (4 decimals), or the point in the layer's CRS
    when it has no longitude/latitude (``x 512345.5, y 6789012 (EPSG:32633)``)."""
    if location.lon is not None and location.lat is not None:
        return "{:.4f}° {}, {:.4f}° {}".format(abs(location.lat), "S" if location.lat < 0 else "N",
                                               abs(location.lon), "W" if location.lon < 0 else "E")
    return "x {:.10g}, y {:.10g} ({})".format(location.x, location.y, location.crs)


def _location_cells(location: Optional[SeriesLocation]) -> Tuple[str, ...]:
    """lon, lat, x, y, crs of the CSV (empty without a location)."""
    if location is None:
        return ("",) * 5
    lon, lat = ("" if v is None else "{:.10g}".format(v) for v in (location.lon, location.lat))
    return lon, lat, "{:.10g}".format(location.x), "{:.10g}".format(location.y), location.crs


def write_series_csv(path: str, series: Sequence[PlotSeries]) -> int:
    """The plotted series as one long table (:data:`CSV_COLUMNS`), written atomically; returns the row count."""
    count = 0
    with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for s in series:
            where = _location_cells(s.location)
            cells = getattr(s, "counts", None)  # a region's series (:class:`.region_series.RegionPlotSeries`)
            for i in range(len(s.x)):
                day = seconds_date(s.x[i]).isoformat() if s.dated else ""
                band = int(s.bands[i]) if s.bands is not None else ""
                value = "" if np.isnan(s.y[i]) else "{:.10g}".format(s.y[i])
                label = s.class_table.label(int(s.y[i])) if s.class_table is not None and value else ""
                writer.writerow((s.name, day, band, value, label) + where
                                + (s.units, "" if cells is None else int(cells[i])))
                count += 1
    return count
