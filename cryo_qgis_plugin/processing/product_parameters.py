"""PRODUCT and PRODUCT_TABLE: which freeze/thaw product profile a stack's codes follow (decode, indicators)."""
from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingParameterEnum, QgsProcessingParameterFile
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..compat import FILE_BEHAVIOR_FILE
from ..core.freezethaw import PRODUCT_CHOICES, FreezeThawProduct
from ..core.freezethaw.products import product_for_stack
from ..core.io.stack import Stack
from .parameters import advanced, with_help, with_option_labels

PRODUCT = "PRODUCT"
PRODUCT_TABLE = "PRODUCT_TABLE"

PRODUCT_LABELS = {
    "auto": QT_TRANSLATE_NOOP("CryoAlgorithm", "Automatic (from the file and dataset names)"),
    "amsr_tpdc": QT_TRANSLATE_NOOP("CryoAlgorithm", "AMSR-E/AMSR2 and Tibetan Plateau (TPDC) freeze/thaw"),
    "smap_l3ft": QT_TRANSLATE_NOOP("CryoAlgorithm", "SMAP L3 radiometer freeze/thaw (SPL3FTP, SPL3FTA)"),
    "nsidc0477": QT_TRANSLATE_NOOP("CryoAlgorithm", "MEaSUREs FT-ESDR (NSIDC-0477)"),
    "custom": QT_TRANSLATE_NOOP("CryoAlgorithm", "Custom code table (PRODUCT_TABLE)"),
}

PRODUCT_HELP = QT_TRANSLATE_NOOP(  # in a help text: translated(PRODUCT_HELP)
    "CryoAlgorithm",
    "<p><b>PRODUCT</b> says which code table the grids follow (auto: from the file and dataset names, or the "
    "table a decoded stack records; the choice is logged): <i>amsr_tpdc</i> AMSR-E/AMSR2 and Tibetan Plateau "
    "products (0 water or missing, 1 frozen, 2 thawed, 3 precipitation, 15 perennial snow/ice; names like "
    "AMSR_YYYYMMDD_FT_25.h5, YYYYDOY_FT_State05.h5); <i>smap_l3ft</i> SMAP L3 FT (0 thawed, 1 frozen, 254 no "
    "retrieval; SMAP_L3_FT_*, SPL3FT*); <i>nsidc0477</i> MEaSUREs FT-ESDR (0 frozen, 1 thawed, 2 transitional, "
    "3 inverse transitional, 252-254 no data, outside the domain, open water); <i>custom</i>: a CSV "
    "PRODUCT_TABLE with the columns value, class (frozen, thawed, precipitation, transitional or missing), "
    "label, colour (#rrggbb). Any other value (fill 255 included) is unknown: counted in unknown_km2 and the log, "
    "written as nodata 255, a missing day for the indicators.</p>")


def add_product_parameters(algorithm: QgsProcessingAlgorithm) -> None:
    """PRODUCT (auto, amsr_tpdc, smap_l3ft, nsidc0477, custom) and PRODUCT_TABLE (CSV, for custom). Both are
    optional (empty PRODUCT = auto), so models saved before they existed still validate."""
    algorithm.addParameter(with_help(with_option_labels(
        QgsProcessingParameterEnum(
            PRODUCT, QCoreApplication.translate("CryoAlgorithm", "Freeze/thaw product (code table)"),
            list(PRODUCT_CHOICES), defaultValue="auto", usesStaticStrings=True, optional=True), PRODUCT_LABELS),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "The product whose code table the grids follow: auto (default, from the file and dataset names; the "
            "log says which), amsr_tpdc, smap_l3ft, nsidc0477, or custom (give PRODUCT_TABLE).")))
    algorithm.addParameter(advanced(with_help(
        QgsProcessingParameterFile(
            PRODUCT_TABLE, QCoreApplication.translate("CryoAlgorithm", "Code table of a custom product (CSV)"),
            FILE_BEHAVIOR_FILE, extension="csv", optional=True),
        QCoreApplication.translate(
            "CryoAlgorithm",
            "Only for PRODUCT = custom: a CSV with the header value,class,label,colour and one row per code "
            "(value 0-254; class frozen, thawed, precipitation, transitional or missing; colour #rrggbb)."))))


def product_from_parameters(algorithm: QgsProcessingAlgorithm, parameters, context, stack: Stack,
                            feedback) -> FreezeThawProduct:
    """The product profile the parameters ask for, detected from ``stack`` for auto; the choice is logged."""
    name = algorithm.parameterAsEnumString(parameters, PRODUCT, context) or "auto"
    table = algorithm.parameterAsFile(parameters, PRODUCT_TABLE, context) or None
    product, reason = product_for_stack(stack, name, table)
    feedback.pushInfo(QCoreApplication.translate("CryoAlgorithm", "Product {} ({}): {}; codes {}").format(
        product.name, product.title, reason, product.describe_roles()))
    return product
