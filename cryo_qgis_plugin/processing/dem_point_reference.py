"""Reference points for ``cryo:demdifference`` (issue #17): the parameters REFERENCE_POINTS,
REFERENCE_ELEVATION_FIELD, REFERENCE_FILES and GEOID_HEIGHT, which reference a run has, reading the points, and the
OUTPUT_POINTS layer of the residuals point − aligned DEM."""
from __future__ import annotations

import os
from typing import Optional

import numpy as np
from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsFields, QgsGeometry, QgsPointXY,
                       QgsProcessingException, QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFile, QgsProcessingParameterNumber)

from ..compat import (FIELD_NUMERIC, FILE_BEHAVIOR_FILE, NUMBER_DOUBLE, SOURCE_VECTOR_POINT, WKB_POINT,
                      double_field, integer_field)
from ..core.glaciers import altimetry, altimetry_granules
from ..core.glaciers.point_alignment import align_to_points
from ..core.glaciers.point_coregistration import PointCoregistration
from .algorithms.altimetry_difference import GRANULE_FILTER, read_points
from ..qgis_io.features import polygons_of
from ..qgis_io.run import run_for
from .guard import staged_sink
from .parameters import with_help
from .stack_parameters import is_given


def tr(text: str) -> str:
    """``text`` in the user's language: pylupdate5 files a bare ``tr("...")`` outside a class under the context
    "@default", so that is where it is looked up."""
    return QCoreApplication.translate("@default", text)


REFERENCE_POINTS = "REFERENCE_POINTS"
REFERENCE_ELEVATION_FIELD = "REFERENCE_ELEVATION_FIELD"
REFERENCE_FILES = "REFERENCE_FILES"
GEOID_HEIGHT = "GEOID_HEIGHT"
OUTPUT_POINTS = "OUTPUT_POINTS"
POINT_FIELDS = ("h_ref_m", "dh_before_m", "dh_after_m", "stable", "used")


def add_parameters(alg) -> None:
    """The reference-point inputs (after REFERENCE and DEM)."""
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource(
            REFERENCE_POINTS, tr("…or reference points (altimetry, lidar, GNSS) to co-register DEM to"),
            [SOURCE_VECTOR_POINT], optional=True),
        tr("Points in any CRS with their elevation in REFERENCE_ELEVATION_FIELD (or Z), in the vertical datum "
           "of DEM after GEOID_HEIGHT: DEM is co-registered to them instead of to REFERENCE. Give these or "
           "REFERENCE_FILES, not both; an HDF5 granule (or a folder of them) named here is read as REFERENCE_FILES.")))
    alg.addParameter(with_help(
        QgsProcessingParameterField(
            REFERENCE_ELEVATION_FIELD, tr("Elevation field of the reference points (empty: Z)"),
            parentLayerParameterName=REFERENCE_POINTS, type=FIELD_NUMERIC, optional=True),
        tr("Numeric field of REFERENCE_POINTS with the elevation in metres; points without a value are "
           "skipped. Empty: the points' Z.")))
    alg.addParameter(with_help(
        QgsProcessingParameterFile(
            REFERENCE_FILES, tr("…or an ICESat-2 ATL06 granule as reference points"), FILE_BEHAVIOR_FILE,
            optional=True, fileFilter=GRANULE_FILTER),
        tr("An ICESat-2 ATL06 HDF5 granule as downloaded from NSIDC (ATL11 and ICESat GLAH12 are read too); "
           "scripts may give a folder of granules. Segments with atl06_quality_summary 0 and no fill value are "
           "used; their heights are above the WGS 84 ellipsoid (see GEOID_HEIGHT).")))
    alg.addParameter(with_help(
        QgsProcessingParameterNumber(
            GEOID_HEIGHT, tr("Geoid height to subtract from the reference points' heights (m)"), NUMBER_DOUBLE,
            defaultValue=0.0, optional=True),
        tr("Constant N in metres subtracted from every reference point's height (h − N) to bring ellipsoidal "
           "heights (ICESat-2: WGS 84 ellipsoid) to a geoid-based DEM, e.g. about 31 m at Longyearbyen "
           "(EGM2008). 0 (default): the heights are used as they are, and a constant datum offset ends up in "
           "SHIFT_Z, which is right only over an area small enough for the geoid to be flat to the accuracy "
           "needed.")))


def add_outputs(alg) -> None:
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSink(
            OUTPUT_POINTS, tr("Reference points with their residuals"), SOURCE_VECTOR_POINT, optional=True,
            createByDefault=False),
        tr("With reference points: the points on the DEM, in the DEM's working CRS, with h_ref_m (height after "
           "GEOID_HEIGHT), dh_before_m (point − DEM), dh_after_m (point − aligned DEM), stable (1 off GLACIERS and "
           "UNSTABLE) and used (1: a stable inlier the vertical shift is the median of). Not written unless a "
           "destination is given.")))


def reference_problem(alg, parameters) -> str:
    """Why the references cannot be used ('' when there is a reference and at most one kind of points)."""
    points = [name for name in (REFERENCE_POINTS, REFERENCE_FILES) if is_given(parameters.get(name))]
    if len(points) > 1:
        return tr("Reference points are given twice (REFERENCE_POINTS and REFERENCE_FILES): give a point layer "
                  "or ATL06 granules, not both.")
    if not points and not is_given(parameters.get(alg.REFERENCE)):
        return tr("No reference is given: give a reference DEM (REFERENCE), reference points "
                  "(REFERENCE_POINTS) or ICESat-2 ATL06 granules (REFERENCE_FILES) to co-register DEM to.")
    if not points and is_given(parameters.get(OUTPUT_POINTS)):
        return tr("OUTPUT_POINTS needs reference points (REFERENCE_POINTS or REFERENCE_FILES): give them, or "
                  "leave OUTPUT_POINTS empty.")
    return ""


def granules_as_files(parameters) -> dict:
    """The parameters with an HDF5 granule (or a folder of them) given as REFERENCE_POINTS moved to REFERENCE_FILES
    when that is empty: a script or ``qgis_process`` may name a granule where a point layer is expected, as
    ``cryo:altimetrydifference`` accepts."""
    value = parameters.get(REFERENCE_POINTS)
    if isinstance(value, str) and value.strip() and not is_given(parameters.get(REFERENCE_FILES)) \
            and altimetry_granules.is_granule_path(value.strip()):
        parameters = dict(parameters, **{REFERENCE_POINTS: None, REFERENCE_FILES: value.strip()})
    return parameters


def granule_path_for_checks(parameters) -> dict:
    """The parameters with a folder of granules in REFERENCE_FILES replaced by its first granule (QGIS's file
    parameter takes files only; the reader checks every file later)."""
    path = parameters.get(REFERENCE_FILES)
    if isinstance(path, str) and os.path.isdir(path) and altimetry_granules.is_granule_path(path):
        parameters = dict(parameters, **{REFERENCE_FILES: altimetry_granules.granule_files(path)[0]})
    return parameters


def needs_h5py(parameters) -> bool:
    return is_given(parameters.get(REFERENCE_FILES))


def reference_points(alg, parameters, context, feedback, run) -> Optional[altimetry.Points]:
    """The reference points (heights minus GEOID_HEIGHT), or None when none are given."""
    if is_given(parameters.get(REFERENCE_POINTS)):
        source = alg.parameterAsSource(parameters, REFERENCE_POINTS, context)
        field = alg.parameterAsString(parameters, REFERENCE_ELEVATION_FIELD, context)
        points = read_points(source, field, REFERENCE_POINTS, feedback)
    elif is_given(parameters.get(REFERENCE_FILES)):
        points = altimetry_granules.read_granules(alg.parameterAsFile(parameters, REFERENCE_FILES, context),
                                                  REFERENCE_FILES, run)
    else:
        return None
    geoid = alg.parameterAsDouble(parameters, GEOID_HEIGHT, context) if is_given(parameters.get(GEOID_HEIGHT)) else 0.0
    if geoid:
        feedback.pushInfo(tr("Reference point heights minus the geoid height {:.3f} m").format(geoid))
    else:
        feedback.pushInfo(tr("GEOID_HEIGHT is 0: the reference point heights are used as they are (ICESat-2 "
                             "heights are ellipsoidal; a constant datum offset goes into SHIFT_Z)"))
    return altimetry.Points(points.x, points.y, points.z - geoid, points.crs_wkt, points.days)


def write_point_residuals(alg, parameters, context, fit: PointCoregistration, crs_wkt: str) -> str:
    """OUTPUT_POINTS: the points on the DEM with :data:`POINT_FIELDS`; returns the destination."""
    fields = QgsFields()
    for name in POINT_FIELDS[:3]:
        fields.append(double_field(name))
    for name in POINT_FIELDS[3:]:
        fields.append(integer_field(name))
    sink, destination = staged_sink(alg, parameters, OUTPUT_POINTS, context, fields, WKB_POINT,
                                    QgsCoordinateReferenceSystem.fromWkt(crs_wkt))
    columns = (fit.h, fit.before, fit.after, fit.stable.astype(int), fit.used.astype(int))
    for i in range(fit.h.size):
        feature = QgsFeature(fields)
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(fit.x[i]), float(fit.y[i]))))
        feature.setAttributes([None if not np.isfinite(c[i]) else float(c[i]) for c in columns[:3]]
                              + [int(c[i]) for c in columns[3:]])
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
    return destination


def align_only(alg, parameters, context, feedback, points, number_outputs) -> dict:
    """No REFERENCE: DEM aligned to the reference points on its own grid; the shift and point statistics."""
    for name in (alg.OUTPUT_GLACIERS,):
        if is_given(parameters.get(name)):
            raise QgsProcessingException(tr("{} needs a reference DEM (REFERENCE): give one, or leave {} "
                                            "empty.").format(name, name))
    output = alg.parameterAsOutputLayer(parameters, alg.OUTPUT, context)
    if output and context.willLoadLayerOnCompletion(output):
        context.setLayersToLoadOnCompletion({k: v for k, v in context.layersToLoadOnCompletion().items()
                                             if k != output})
    feedback.pushInfo(tr("No REFERENCE: the DEM is aligned to the reference points on its own grid; "
                         "OUTPUT and OUTPUT_REPORT are not written"))
    aligned = alg.parameterAsOutputLayer(parameters, alg.OUTPUT_ALIGNED, context) or None
    alignment = align_to_points(
        alg.parameterAsRasterLayer(parameters, alg.DEM, context).source(), points,
        polygons_of(alg.parameterAsSource(parameters, alg.GLACIERS, context), alg.GLACIERS),
        polygons_of(alg.parameterAsSource(parameters, alg.UNSTABLE, context), alg.UNSTABLE),
        alg.parameterAsEnumString(parameters, alg.COREGISTER, context),
        alg.parameterAsInt(parameters, alg.MAX_ITERATIONS, context),
        alg.parameterAsDouble(parameters, alg.OUTLIER_NMAD, context), aligned, run_for(feedback))
    residuals = None
    if is_given(parameters.get(OUTPUT_POINTS)):
        residuals = write_point_residuals(alg, parameters, context, alignment.points, alignment.grid.crs_wkt)
    values = dict.fromkeys(number_outputs)
    values.update(point_results(alignment.points))
    return dict(values, **{alg.OUTPUT: None, alg.OUTPUT_ALIGNED: aligned, alg.OUTPUT_REPORT: None,
                           alg.OUTPUT_GLACIERS: None, OUTPUT_POINTS: residuals})


def point_results(fit) -> dict:
    """The shift and the statistics of the stable point residuals (Python floats)."""
    shift = fit.coregistration.shift
    return {"SHIFT_X": float(shift.x), "SHIFT_Y": float(shift.y), "SHIFT_Z": float(shift.z),
            "N_POINTS": float(fit.n_points), "POINTS_MEDIAN_BEFORE": float(fit.median_before),
            "POINTS_NMAD_BEFORE": float(fit.nmad_before), "POINTS_MEDIAN_AFTER": float(fit.median_after),
            "POINTS_NMAD_AFTER": float(fit.nmad_after)}
