"""QGIS 3.22 to 4.x from one code base: the QGIS enums that moved to ``Qgis.*`` (3.30-3.36) or were scoped, and
``QgsField`` types (``QVariant`` before 3.38, ``QMetaType`` from 3.38; QGIS 3.22 rejects ``QMetaType`` there).

Each name resolves to the newest form the running QGIS has, so no DeprecationWarning is raised on QGIS 3.40+ and
nothing is missing on QGIS 4 (PyQt6, scoped enums only) or on 3.22. Qt's own enums are written in their scoped
form everywhere (``Qt.ItemDataRole.UserRole``): PyQt5 5.15 accepts it, PyQt6 requires it.
"""
from __future__ import annotations

from qgis.core import (Qgis, QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsField, QgsProcessing,
                       QgsProcessingModelChildParameterSource, QgsProcessingParameterDefinition,
                       QgsProcessingParameterField, QgsProcessingParameterFile, QgsProcessingParameterNumber,
                       QgsWkbTypes)


def _first(*candidates):
    """The first of ``(owner, "Enum.Member")`` pairs that this QGIS has."""
    for owner, path in candidates:
        value = owner
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except AttributeError:
            continue
        return value
    raise AttributeError("none of {} exists in this QGIS".format([path for _, path in candidates]))


# Processing layer types (Qgis.ProcessingSourceType since 3.36)
SOURCE_VECTOR_ANY = _first((Qgis, "ProcessingSourceType.Vector"), (QgsProcessing, "SourceType.TypeVector"))
SOURCE_VECTOR_POINT = _first((Qgis, "ProcessingSourceType.VectorPoint"),
                             (QgsProcessing, "SourceType.TypeVectorPoint"))
SOURCE_VECTOR_POLYGON = _first((Qgis, "ProcessingSourceType.VectorPolygon"),
                               (QgsProcessing, "SourceType.TypeVectorPolygon"))
SOURCE_RASTER = _first((Qgis, "ProcessingSourceType.Raster"), (QgsProcessing, "SourceType.TypeRaster"))
SOURCE_FILE = _first((Qgis, "ProcessingSourceType.File"), (QgsProcessing, "SourceType.TypeFile"))

# Parameter types and flags (Qgis.Processing* since 3.36)
NUMBER_DOUBLE = _first((Qgis, "ProcessingNumberParameterType.Double"),
                       (QgsProcessingParameterNumber, "Type.Double"))
NUMBER_INTEGER = _first((Qgis, "ProcessingNumberParameterType.Integer"),
                        (QgsProcessingParameterNumber, "Type.Integer"))
FILE_BEHAVIOR_FILE = _first((Qgis, "ProcessingFileParameterBehavior.File"),
                            (QgsProcessingParameterFile, "Behavior.File"))
FILE_BEHAVIOR_FOLDER = _first((Qgis, "ProcessingFileParameterBehavior.Folder"),
                              (QgsProcessingParameterFile, "Behavior.Folder"))
FIELD_NUMERIC = _first((Qgis, "ProcessingFieldParameterDataType.Numeric"),
                       (QgsProcessingParameterField, "DataType.Numeric"))
# Where a model step's parameter comes from (Qgis.ProcessingModelChildParameterSource since 3.36)
MODEL_SOURCE_CHILD_OUTPUT = _first((Qgis, "ProcessingModelChildParameterSource.ChildOutput"),
                                   (QgsProcessingModelChildParameterSource, "Source.ChildOutput"))
FIELD_ANY = _first((Qgis, "ProcessingFieldParameterDataType.Any"), (QgsProcessingParameterField, "DataType.Any"))
FLAG_ADVANCED = _first((Qgis, "ProcessingParameterFlag.Advanced"),
                       (QgsProcessingParameterDefinition, "Flag.FlagAdvanced"))
FLAG_OPTIONAL = _first((Qgis, "ProcessingParameterFlag.Optional"),
                       (QgsProcessingParameterDefinition, "Flag.FlagOptional"))

# Geometry, CRS and feature requests
WKB_NO_GEOMETRY = _first((Qgis, "WkbType.NoGeometry"), (QgsWkbTypes, "Type.NoGeometry"))
WKB_POINT = _first((Qgis, "WkbType.Point"), (QgsWkbTypes, "Type.Point"))
WKT_PREFERRED_GDAL = _first((Qgis, "CrsWktVariant.PreferredGdal"),
                            (QgsCoordinateReferenceSystem, "WktVariant.WKT_PREFERRED_GDAL"))
REQUEST_NO_GEOMETRY = _first((Qgis, "FeatureRequestFlag.NoGeometry"), (QgsFeatureRequest, "Flag.NoGeometry"))

# Message levels
MESSAGE_INFO = Qgis.MessageLevel.Info
MESSAGE_WARNING = Qgis.MessageLevel.Warning
MESSAGE_CRITICAL = Qgis.MessageLevel.Critical
MESSAGE_SUCCESS = Qgis.MessageLevel.Success


def _field_types():
    """(string, double, integer) field types in the form this QGIS's QgsField takes."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType
        return QMetaType.Type.QString, QMetaType.Type.Double, QMetaType.Type.Int
    from qgis.PyQt.QtCore import QVariant
    return QVariant.Type.String, QVariant.Type.Double, QVariant.Type.Int


_STRING, _DOUBLE, _INTEGER = _field_types()


def string_field(name: str) -> QgsField:
    return QgsField(name, _STRING)


def double_field(name: str) -> QgsField:
    return QgsField(name, _DOUBLE)


def integer_field(name: str) -> QgsField:
    return QgsField(name, _INTEGER)


def _combo_filters():
    """(vector layer, numeric, date, datetime, string) filters of QgsMapLayerComboBox and QgsFieldComboBox: the
    layer filters moved to ``Qgis.LayerFilter`` in 3.34, the field filters are ``QgsFieldProxyModel.Filter``."""
    from qgis.core import QgsFieldProxyModel, QgsMapLayerProxyModel
    return (_first((Qgis, "LayerFilter.VectorLayer"), (QgsMapLayerProxyModel, "Filter.VectorLayer")),
            _first((QgsFieldProxyModel, "Filter.Numeric")),
            _first((QgsFieldProxyModel, "Filter.Date")),
            _first((QgsFieldProxyModel, "Filter.DateTime")),
            _first((QgsFieldProxyModel, "Filter.String")))


LAYER_FILTER_VECTOR, FIELD_FILTER_NUMERIC, FIELD_FILTER_DATE, FIELD_FILTER_DATETIME, FIELD_FILTER_STRING = \
    _combo_filters()


def parameter_as_strings(algorithm, parameters, name: str, context) -> list:
    """The list of texts of a multi-value parameter (field names): ``parameterAsStrings`` from QGIS 3.32,
    ``parameterAsFields`` (deprecated there) before."""
    if hasattr(algorithm, "parameterAsStrings"):
        return list(algorithm.parameterAsStrings(parameters, name, context))
    return list(algorithm.parameterAsFields(parameters, name, context))
