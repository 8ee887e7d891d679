"""One helper for the parameter definitions of the ``cryo`` algorithms: a parameter with its help text."""
from __future__ import annotations

from typing import TypeVar

from qgis.core import QgsProcessingParameterDefinition

from ..compat import FLAG_ADVANCED

Parameter = TypeVar("Parameter", bound=QgsProcessingParameterDefinition)


def with_help(parameter: Parameter, help_text: str) -> Parameter:
    """``parameter`` with ``help_text`` as its help (the tooltip of the dialog, ``qgis_process help``).

    ``help_text`` is already in the user's language: ``self.tr("...")`` in an algorithm, or
    ``QCoreApplication.translate("CryoAlgorithm", "...")`` at module level."""
    parameter.setHelp(help_text)
    return parameter


def advanced(parameter: Parameter) -> Parameter:
    """``parameter`` shown under *Advanced Parameters* in the dialog."""
    parameter.setFlags(parameter.flags() | FLAG_ADVANCED)
    return parameter
