"""The labels the Processing dialog, batch table and model builder show for the choices of the algorithms' enum
parameters, one ``{id: label}`` table per parameter (:func:`.parameters.with_option_labels`); the ids stay the
values scripts and ``qgis_process`` give. The choices shared by several algorithms have theirs beside their
definition: PASS in :mod:`.stack_parameters`, PRODUCT in :mod:`.product_parameters`, temperature UNITS in
:mod:`.temperature_parameters`."""
from __future__ import annotations

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

# COREGISTER of cryo:demdifference
COREGISTER_LABELS = {
    "nuth_kaab": QT_TRANSLATE_NOOP("CryoAlgorithm", "Nuth & Kääb (2011): horizontal and vertical shift"),
    "vertical": QT_TRANSLATE_NOOP("CryoAlgorithm", "Vertical shift only (median stable dh)"),
    "none": QT_TRANSLATE_NOOP("CryoAlgorithm", "None: use the DEM as it is"),
}

# FILL_VOIDS of cryo:demdifference
FILL_VOIDS_LABELS = {
    "none": QT_TRANSLATE_NOOP("CryoAlgorithm", "None: voids stay empty"),
    "linear": QT_TRANSLATE_NOOP("CryoAlgorithm", "Linear interpolation (Delaunay)"),
    "local_hypsometric": QT_TRANSLATE_NOOP("CryoAlgorithm", "Local hypsometric (median dh per 50 m band)"),
}

# DISPLACEMENT_UNIT of cryo:insardeformation
DISPLACEMENT_UNIT_LABELS = {
    "auto": QT_TRANSLATE_NOOP("CryoAlgorithm", "Automatic (from the file: MintPy metres, EGMS millimetres)"),
    "m": QT_TRANSLATE_NOOP("CryoAlgorithm", "Metres"),
    "mm": QT_TRANSLATE_NOOP("CryoAlgorithm", "Millimetres"),
}

# LOS of cryo:insardeformation
LOS_LABELS = {
    "none": QT_TRANSLATE_NOOP("CryoAlgorithm", "None: fit the displacements as given"),
    "incidence_angle": QT_TRANSLATE_NOOP("CryoAlgorithm", "One incidence angle for the scene (INCIDENCE_ANGLE)"),
    "incidence_raster": QT_TRANSLATE_NOOP("CryoAlgorithm", "Incidence angle of each pixel (INCIDENCE_RASTER)"),
    "points_incidence_angle": QT_TRANSLATE_NOOP("CryoAlgorithm",
                                                "Incidence angle of each point (EGMS incidence_angle column)"),
}

# INDICES_FROM of cryo:ttop
INDICES_FROM_LABELS = {
    "ground": QT_TRANSLATE_NOOP("CryoAlgorithm", "Ground surface temperature (only rk applies)"),
    "air": QT_TRANSLATE_NOOP("CryoAlgorithm", "Air temperature (n-factors applied)"),
}

# PRESET of cryo:snowdepth
PRESET_LABELS = {
    "chang1987": QT_TRANSLATE_NOOP("CryoAlgorithm", "Chang et al. (1987): a = 1.59 cm/K, b = 0"),
    "che2008": QT_TRANSLATE_NOOP("CryoAlgorithm", "Che et al. (2008), China: a = 0.66 cm/K, b = 1.97 cm"),
    "custom": QT_TRANSLATE_NOOP("CryoAlgorithm", "Custom (COEFFICIENT_A, COEFFICIENT_B)"),
}

# PRECIPITATION of cryo:freezethawindicators
PRECIPITATION_LABELS = {
    "thawed": QT_TRANSLATE_NOOP("CryoAlgorithm", "Thawed days"),
    "missing": QT_TRANSLATE_NOOP("CryoAlgorithm", "Missing days (they break the runs)"),
}

# VALUE_TYPE of cryo:lakeiceseries and cryo:lakeicephenology
VALUE_TYPE_LABELS = {
    "ice_percent": QT_TRANSLATE_NOOP("CryoAlgorithm", "Ice cover in percent (0-100)"),
    "ice_fraction": QT_TRANSLATE_NOOP("CryoAlgorithm", "Ice fraction (0-1)"),
    "brightness_temperature": QT_TRANSLATE_NOOP("CryoAlgorithm", "Brightness temperature (K, passive microwave)"),
}
