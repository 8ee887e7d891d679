"""A point layer whose fields are dates, as the core's :class:`~..core.io.egms.PointSeries` (an EGMS CSV loaded
in QGIS, a GeoPackage or shapefile made from one, any table of point displacement series).

Date fields follow the rule of the CSV reader (:func:`~..core.io.egms.date_of_column`): a field named by its date,
``YYYYMMDD`` (as EGMS) or ``YYYY-MM-DD``, optionally after a prefix of letters and underscores — ``20180106``,
``2018-01-06``, ``d_20180106``, ``D20180106`` (a shapefile's 10-character names), ``X20180106`` (R). Every other
field is ignored except ``incidence_angle`` (degrees; kept for the line of sight to vertical conversion, any
case). Two fields of one date are refused, so is a layer without any. Cells: numbers or numeric text; NULL and
empty cells are missing values; anything else is refused naming the feature's row and field.

An EGMS CSV opened through GDAL's CSV driver without its header option has the fields ``field_1``, ``field_2``,
... (GDAL takes a header whose names look like numbers for data): refused with how to open it.

Coordinates are those of the point geometries in the layer's CRS (a multipoint of one part is taken as that point;
features without geometry are skipped and counted). Ids: the values of ``id_field``, else the feature ids.
"""
from __future__ import annotations

import re
from operator import itemgetter
from typing import List, Optional

import numpy as np
from qgis.core import QgsFeatureRequest, QgsFeatureSource, QgsMultiPoint, QgsPoint, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import WKT_PREFERRED_GDAL
from ..core.io.egms import PointSeries, RowBuffer, date_columns, date_of_column
from ..core.run import Run
from .cells import as_value, is_null

CHUNK = 2000  # features converted to numbers at a time


def _point(feature, parameter: str):
    """(x, y) of a point feature, None without geometry; other geometries are refused."""
    geometry = feature.geometry()
    if geometry is None or geometry.isEmpty():
        return None
    shape = geometry.constGet()
    if isinstance(shape, QgsMultiPoint):
        if shape.numGeometries() != 1:
            raise QgsProcessingException(QCoreApplication.translate(
                "CryoAlgorithm", "The {} layer: feature {} is a multipoint of {} points; give one point per time "
                "series (Vector > Geometry Tools > Multipart to Singleparts)").format(
                parameter, feature.id(), shape.numGeometries()))
        shape = shape.geometryN(0)
    if not isinstance(shape, QgsPoint):
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer must hold points; feature {} is a {}").format(
            parameter, feature.id(), shape.geometryType()))
    return shape.x(), shape.y()


def _numbers(cells: List[tuple], names: List[str], rows: List[int]) -> np.ndarray:
    """Attribute values (features, fields) as float64, NaN for NULL; a cell that is not a number is refused by
    :func:`~.cells.as_value` naming its row and field."""
    try:
        values = np.array(cells, dtype=float).reshape(len(cells), len(names))
        if np.isfinite(values[~np.isnan(values)]).all():
            return values
    except (TypeError, ValueError):
        pass
    values = np.empty((len(cells), len(names)))
    for r, row in enumerate(cells):
        try:
            values[r] = np.array(row, dtype=float)
            if not np.isinf(values[r]).any():
                continue
        except (TypeError, ValueError):
            pass
        values[r] = [as_value(cell, rows[r], name) for cell, name in zip(row, names)]
    return values


def point_series_from_source(source: QgsFeatureSource, id_field: Optional[str] = None, parameter: str = "INPUT",
                             run: Run = Run()) -> PointSeries:
    """The displacement series of the points of ``source`` (module docstring), named after ``parameter`` in the
    messages; ``run`` (e.g. ``qgis_io.run.run_for(feedback)``) is polled for cancelling between chunks of
    features and told the progress."""
    fields = source.fields()
    names = fields.names()
    if not any(date_of_column(n) for n in names) and any(re.fullmatch(r"field_\d+", n) for n in names):
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has the fields field_1, field_2, ...: GDAL took the CSV's header for a "
            "row of data because its date names look like numbers. Open the CSV with its header (Layer > Add "
            "Delimited Text Layer, 'First record has field names'; or the OGR open option HEADERS=YES), or give "
            "the CSV file itself").format(parameter))
    positions, dates = date_columns(names, "The {} layer".format(parameter))
    if id_field and fields.lookupField(id_field) < 0:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no field {!r} (fields: {})").format(
            parameter, id_field, ", ".join(names)))
    if not source.sourceCrs().isValid():
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no CRS; set its CRS first").format(parameter))
    lower = [n.lower() for n in names]
    angle = lower.index("incidence_angle") if "incidence_angle" in lower else None
    wanted = positions + ([angle] if angle is not None else []) + ([fields.lookupField(id_field)] if id_field else [])
    request = QgsFeatureRequest().setSubsetOfAttributes(sorted(set(wanted)))
    take = itemgetter(*positions) if len(positions) > 1 else (lambda values: (values[positions[0]],))
    date_names = [names[i] for i in positions]
    total = source.featureCount()
    values = RowBuffer(len(positions), max(1, total))
    ids, xs, ys, angles = [], [], [], []
    cells, rows = [], []
    skipped = 0
    for row, feature in enumerate(source.getFeatures(request), start=1):
        point = _point(feature, parameter)
        if point is None:
            skipped += 1
            continue
        attributes = feature.attributes()
        cells.append(take(attributes))
        rows.append(row)
        xs.append(point[0])
        ys.append(point[1])
        ids.append(feature.id() if not id_field else (None if is_null(feature[id_field]) else feature[id_field]))
        if angle is not None:
            angles.append(as_value(attributes[angle], row, names[angle]))
        if len(cells) == CHUNK:
            run.report(row / total if total > 0 else 0.0)
            values.append(_numbers(cells, date_names, rows), parameter)
            cells, rows = [], []
    run.check()
    if cells:
        values.append(_numbers(cells, date_names, rows), parameter)
    run.report(1.0)
    if not xs:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no point").format(parameter))
    if skipped:
        run.warning(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer: {} features without geometry skipped").format(parameter, skipped))
    run.info(QCoreApplication.translate("CryoAlgorithm", "The {} layer: {} points × {} dates {} .. {}").format(
        parameter, len(xs), len(dates), dates[0], dates[-1]))
    return PointSeries(np.array(ids), np.array(xs, float), np.array(ys, float),
                       source.sourceCrs().toWkt(WKT_PREFERRED_GDAL), dates, values.array().T,
                       np.array(angles, float) if angle is not None else None,
                       getattr(source, "sourceName", lambda: parameter)())
