"""Helpers for the parameter definitions of the ``cryo`` algorithms: help texts, advanced parameters, and the
dialog widgets of :mod:`.dialog_widgets` (readable option labels, calendars) attached through metadata, which
leaves the values scripts give (ids, ISO dates) as they are."""
from __future__ import annotations

from typing import Dict, TypeVar

from qgis.core import QgsProcessingParameterDefinition
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..compat import FLAG_ADVANCED, parameter_as_strings

Parameter = TypeVar("Parameter", bound=QgsProcessingParameterDefinition)

OPTION_LABELS = "cryo_option_labels"  # metadata key: {option id: English label}
NOT_SET = QT_TRANSLATE_NOOP("CryoAlgorithm", "not set")  # an empty optional date in the dialog
_WIDGETS = __name__.rsplit(".", 1)[0] + ".dialog_widgets."  # imported by the dialogs only, by this path


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


def _with_widget(parameter: Parameter, wrapper: str, **metadata) -> Parameter:
    values = dict(parameter.metadata() or {})
    values.update(metadata, widget_wrapper={"class": _WIDGETS + wrapper})
    parameter.setMetadata(values)
    return parameter


def with_option_labels(parameter: Parameter, labels: Dict[str, str]) -> Parameter:
    """An enum parameter whose options are ids (``usesStaticStrings``) shown in the dialog, batch table and model
    builder by ``labels`` (``{id: label}``, each label marked with ``QT_TRANSLATE_NOOP("CryoAlgorithm", ...)``,
    translated when the widget is made); the value stays the id."""
    missing = [key for key in parameter.options() if key not in labels]
    if missing:
        raise ValueError("no label for the options {} of {}".format(missing, parameter.name()))
    return _with_widget(parameter, "LabelledEnumWrapper", **{OPTION_LABELS: dict(labels)})


def with_calendar(parameter: Parameter) -> Parameter:
    """A text parameter holding a date as YYYY-MM-DD (empty: not set) edited with a calendar in the dialog."""
    return _with_widget(parameter, "DateWrapper")


def with_month_day_calendar(parameter: Parameter) -> Parameter:
    """A text parameter holding a day of the year as MM-DD (a season's start) edited with a calendar."""
    return _with_widget(parameter, "MonthDayWrapper")


def field_name(algorithm, parameters, name: str, context, default: str = "") -> str:
    """The one field a field parameter names (as text from a script or a list from the dialog), ``default`` when
    it is empty."""
    names = [n for n in parameter_as_strings(algorithm, parameters, name, context) if n and n.strip()]
    return names[0].strip() if names else default
