"""``cryo:altimetrydifference``: repeat altimetry points of two epochs -> gridded elevation-change rate."""
from __future__ import annotations

import numpy as np
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsProcessing, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterCrs, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination)
from qgis.PyQt.QtCore import QCoreApplication

from ...core.glaciers import altimetry
from ..base import CryoAlgorithm, SidecarStyle, core_errors, logs_results


def read_points(source, field: str, parameter: str, feedback) -> altimetry.Points:
    """Coordinates (in the layer's CRS) and elevations of every point of ``source`` (multipoints: each part);
    the elevation is ``field``, or the geometry's Z when ``field`` is empty."""
    request = QgsFeatureRequest()
    index = -1
    if field:
        index = source.fields().lookupField(field)
        if index < 0:
            raise QgsProcessingException(QCoreApplication.translate(
                "CryoAlgorithm", "The {} layer has no field {!r}: choose the elevation field of both epochs, or leave "
                "ELEVATION_FIELD empty to use the points' Z").format(parameter, field))
        request.setSubsetOfAttributes([index])
    else:
        request.setNoAttributes()
    xs, ys, zs = [], [], []
    skipped = 0
    for number, feature in enumerate(source.getFeatures(request)):
        if number % 10000 == 0 and feedback.isCanceled():
            raise QgsProcessingException(
                QCoreApplication.translate("CryoAlgorithm", "Cancelled: no output was written"))
        value = feature.attributes()[index] if field else None
        for vertex in feature.geometry().vertices():
            elevation = value if field else vertex.z()
            try:
                zs.append(float(elevation))
            except (TypeError, ValueError):
                skipped += 1
                continue
            xs.append(vertex.x())
            ys.append(vertex.y())
    if skipped:
        feedback.pushWarning(QCoreApplication.translate(
            "CryoAlgorithm", "{}: {} point(s) without a numeric elevation were skipped").format(parameter, skipped))
    if not zs:
        raise QgsProcessingException(QCoreApplication.translate(
            "CryoAlgorithm", "The {} layer has no point with an elevation").format(parameter))
    crs = source.sourceCrs().toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)
    return altimetry.Points(np.array(xs), np.array(ys), np.array(zs), crs)


class AltimetryDifference(CryoAlgorithm):
    GROUP = "glaciers"

    def name(self) -> str:
        return "altimetrydifference"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Altimetry points to gridded elevation change")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>Grids the elevation change between two epochs of repeat altimetry points (ICESat, ICESat-2, "
            "CryoSat-2 POCA, airborne lidar): in each cell of CELL_SIZE metres of a projected CRS, <b>rate = (median "
            "of the EPOCH2 elevations − median of the EPOCH1 elevations) / YEARS</b>, for cells with points of both "
            "epochs (cell-median gridding as in Sørensen et al. 2011, The Cryosphere 5, 173-186). OUTPUT has two "
            "bands: the rate in m per year (nodata −9999) and the number of points used (both epochs).</p>"
            "<p>Elevations come from ELEVATION_FIELD, or from the points' Z when it is empty; points are reprojected "
            "to CRS (default: the EPOCH1 layer's CRS, which must then be projected). With OUTLIER_NMAD k &gt; 0, "
            "points farther than k NMAD from the median of their cell and epoch are dropped before the medians "
            "(cells with at least 3 points; removes cloud returns). The grid is aligned on multiples of CELL_SIZE. "
            "Results: MEAN_RATE (mean over the cells with a rate) and N_CELLS.</p>")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterFeatureSource(
            "EPOCH1", self.tr("Epoch 1 points (earlier)"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "EPOCH2", self.tr("Epoch 2 points (later)"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            "ELEVATION_FIELD", self.tr("Elevation field, in both layers (empty: the points' Z)"),
            parentLayerParameterName="EPOCH1", type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "CELL_SIZE", self.tr("Cell size (m)"), QgsProcessingParameterNumber.Double, defaultValue=500.0,
            minValue=1.0))
        self.addParameter(QgsProcessingParameterCrs(
            "CRS", self.tr("Projected CRS of the output grid (empty: the EPOCH1 layer's CRS)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "YEARS", self.tr("Years between the epochs"), QgsProcessingParameterNumber.Double, minValue=0.001))
        self.addParameter(QgsProcessingParameterNumber(
            "OUTLIER_NMAD", self.tr("Outlier threshold in NMAD within a cell (0 = no filtering)"),
            QgsProcessingParameterNumber.Double, defaultValue=3.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Elevation change rate (m/yr)")))
        self.addOutput(QgsProcessingOutputNumber("MEAN_RATE", self.tr("Mean rate over the cells with a rate (m/yr)")))
        self.addOutput(QgsProcessingOutputNumber("N_CELLS", self.tr("Cells with points of both epochs")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        field = self.parameterAsString(parameters, "ELEVATION_FIELD", context)
        sources = {name: self.parameterAsSource(parameters, name, context) for name in ("EPOCH1", "EPOCH2")}
        crs = self.parameterAsCrs(parameters, "CRS", context)
        if not crs.isValid():
            crs = sources["EPOCH1"].sourceCrs()
            if crs.isGeographic():
                raise QgsProcessingException(self.tr(
                    "EPOCH1 is in geographic coordinates ({}): choose a projected CRS for the grid (e.g. EPSG:3413 "
                    "for Greenland)").format(crs.authid()))
        points = {name: read_points(source, field, name, feedback) for name, source in sources.items()}
        feedback.pushInfo(self.tr("Points: {} in epoch 1, {} in epoch 2").format(points["EPOCH1"].z.size,
                                                                                 points["EPOCH2"].z.size))
        feedback.setProgress(50)
        cell_size = self.parameterAsDouble(parameters, "CELL_SIZE", context)
        years = self.parameterAsDouble(parameters, "YEARS", context)
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled: no output was written"))
        with core_errors():
            result = altimetry.altimetry_rate(points["EPOCH1"], points["EPOCH2"], cell_size,
                                              crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL), years,
                                              self.parameterAsDouble(parameters, "OUTLIER_NMAD", context))
            altimetry.write_rate(output, result, years)
        feedback.pushInfo(self.tr("{} cells with a rate; mean {:.3f} m/yr").format(result.cells, result.mean_rate))
        SidecarStyle.attach(context, output)
        return {"OUTPUT": output, "MEAN_RATE": result.mean_rate, "N_CELLS": result.cells}
