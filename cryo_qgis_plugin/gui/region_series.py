"""A region's series in the time-series dock: the region (drawn on the map or the selected polygons of a layer),
its plotted series (:class:`RegionPlotSeries`: the mean of the valid cells per date, or for a class-code raster the
fraction of each class, drawn in the class colour) and their valid-cell counts in the read-out and the CSV."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

from ..compat import WKT_PREFERRED_GDAL
from ..core.codes import ClassCode
from ..core.io.zonal_series import ZonalSeries
from ..core.optional import lazy
from .series import PlotSeries, date_seconds

pg = lazy("pyqtgraph")


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


@dataclass
class Region:
    """Polygons as WKB in the CRS ``crs_wkt`` (what the background task reads), their union ``outline`` in ``crs``
    (drawn on the map) and how series name it (``label``: "polygon", "2 features of lakes")."""

    wkb: List[bytes]
    crs_wkt: str
    outline: QgsGeometry
    crs: QgsCoordinateReferenceSystem
    label: str


def drawn_region(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> Region:
    """A polygon drawn on the canvas (``crs``: the canvas CRS)."""
    return Region([bytes(geometry.asWkb())], crs.toWkt(WKT_PREFERRED_GDAL), geometry, crs, tr("polygon"))


def selected_region(layer: QgsVectorLayer) -> Region:
    """The selected features of a polygon layer."""
    features = [f for f in layer.getSelectedFeatures() if f.hasGeometry() and not f.geometry().isEmpty()]
    geometries = [f.geometry() for f in features]
    if len(features) == 1:
        label = tr("feature {} of {}").format(features[0].id(), layer.name())
    else:
        label = tr("{} features of {}").format(len(features), layer.name())
    return Region([bytes(g.asWkb()) for g in geometries], layer.crs().toWkt(WKT_PREFERRED_GDAL),
                  QgsGeometry.unaryUnion(geometries), layer.crs(), label)


@dataclass
class RegionPlotSeries(PlotSeries):
    """A region's curve: ``counts`` of valid cells per date (read-out, CSV), the ``region`` (its outline on the
    map), ``colour`` the class colour of a class fraction (empty: the plot's own colour)."""

    counts: Optional[np.ndarray] = None
    region: Optional[Region] = None
    colour: str = ""
    count_note: str = "{} valid cells"

    def describe_value(self, i: int, label=lambda code: code.label) -> str:
        text = super().describe_value(i, label)
        return text if self.counts is None else "{}  ({})".format(text, self.count_note.format(
            "{:,}".format(int(self.counts[i]))))


def region_plot_series(name: str, zonal: ZonalSeries, region: Region) -> List[RegionPlotSeries]:
    """The series of raster ``name`` over ``region``: its mean, or one fraction per class (in the class colour)
    for a class-code raster."""
    count = len(zonal.counts)
    bands = np.arange(1, count + 1)
    dated = zonal.dates is not None
    x = np.array([date_seconds(d) for d in zonal.dates]) if dated else bands.astype(float)
    cells = "{:,}".format(zonal.cells)
    common = dict(dated=dated, bands=bands, counts=zonal.counts, region=region, count_note=tr("{} valid cells"))
    if zonal.fractions is None:
        return [RegionPlotSeries(tr("{} mean of {} cells ({})").format(name, cells, region.label), x,
                                 zonal.means.astype(float), units=zonal.units, **common)]
    series = []
    for k, code in enumerate(zonal.class_table):
        fractions = zonal.fractions[:, k]
        if not np.nansum(fractions) > 0:  # a class absent from the region all along is not plotted
            continue
        series.append(RegionPlotSeries(
            tr("{}: {}, fraction of {} cells ({})").format(name, code.label, cells, region.label), x, fractions,
            quantity=tr("Fraction of the valid cells"), colour=visible_colour(code), **common))
    return series


def visible_colour(code: ClassCode) -> str:
    """The class colour, darkened when it is too light to see as a line on the white plot (snow, no data)."""
    r, g, b = code.color
    if 0.299 * r + 0.587 * g + 0.114 * b <= 200:
        return code.hex_color
    return QColor(r, g, b).darker(160).name()


def class_colours(panel) -> List[str]:
    """After ``panel`` (:class:`.plot_panel.PlotPanel`) drew its series, recolour the curves of class fractions
    in their class colours; returns (and keeps in ``panel.colours``) the colour of each series' curve."""
    colours = list(panel.colours)
    wanted = {}
    for k, s in enumerate(panel.series):
        if isinstance(s, RegionPlotSeries) and s.colour:
            colours[k] = wanted[s.name] = s.colour
    if wanted:
        items = list(panel.plot.getPlotItem().listDataItems())
        if panel.right is not None:
            items += list(panel.right.view.addedItems)
        for item in items:
            name = item.name() if hasattr(item, "name") else None
            if name in wanted and "pen" in getattr(item, "opts", {}):
                pen = pg.mkPen(item.opts["pen"])
                pen.setColor(QColor(wanted[name]))
                item.setPen(pen)
        panel.colours[:] = colours
    return colours


def region_messages(answers) -> Tuple[List[PlotSeries], List[str]]:
    """The series and the problems of a region task's answers (:class:`.region_task.RegionAnswer`)."""
    series, problems = [], []
    for answer in answers:
        if answer.zonal is None:
            problems.append("{}: {}".format(answer.name, answer.problem))
        else:
            series.extend(region_plot_series(answer.name, answer.zonal, answer.region))
    return series, problems


def valid_counts_text(series: Sequence[PlotSeries]) -> List[str]:
    """One note per raster read over a region: the fewest and most valid cells over the dates (the series of the
    classes of one raster share their counts)."""
    notes, seen = [], []
    for s in series:
        if isinstance(s, RegionPlotSeries) and s.counts is not None and len(s.counts) \
                and not any(s.counts is c for c in seen):
            seen.append(s.counts)
            fewest, most = ("{:,}".format(int(n)) for n in (s.counts.min(), s.counts.max()))
            notes.append(tr("{}: {} to {} valid cells per date").format(s.name, fewest, most))
    return notes
