"""Widgets of the Processing dialog, batch table and model builder for parameters whose values are ids or texts
that scripts give (``qgis_process run cryo:demdifference --COREGISTER=nuth_kaab``, ``--START_DATE=2020-01-01``):
the value stays the id or the ISO text, the person sees a readable label or a calendar.

Processing creates these wrappers from the parameter's metadata (``{"widget_wrapper": {"class": ...}}``, set by
:mod:`.parameters`); this module imports Processing's GUI, so only the dialogs import it (by its path), never
``qgis_process``. In the model builder the wrappers hold QGIS's own modeler widget (static value, model input,
algorithm output, expression), with the enum's labels shown on its static-value choices."""
from __future__ import annotations

from typing import Dict, Optional

from processing.gui.wrappers import DIALOG_MODELER, WidgetWrapper
from qgis.core import QgsProcessingModelChildParameterSource
from qgis.gui import QgsDateEdit, QgsGui
from qgis.PyQt.QtCore import QDate, QVariant, Qt
from qgis.PyQt.QtWidgets import QComboBox

from ..compat import FLAG_OPTIONAL
from .base import translated
from .parameters import NOT_SET, OPTION_LABELS

ISO_DATE = "yyyy-MM-dd"
MONTH_DAY = "MM-dd"
MONTH_DAY_YEAR = 2000  # a leap year: 02-29 can be chosen


def option_labels(parameter) -> Dict[str, str]:
    """``{id: label in the user's language}`` of an enum parameter with labelled options."""
    return {key: translated(label) for key, label in (parameter.metadata().get(OPTION_LABELS) or {}).items()}


def is_unset(value) -> bool:
    return value is None or value == "" or (isinstance(value, QVariant) and value.isNull())


class ModelerDelegate(WidgetWrapper):
    """In the model builder, QGIS's own modeler widget (every kind of source); subclasses build the widget of the
    dialog and the batch table."""

    def createWidget(self, **kwargs):  # noqa: N802 (Processing API)
        if self.dialogType == DIALOG_MODELER:
            return QgsGui.processingGuiRegistry().createModelerParameterWidget(
                self.dialog.model, self.dialog.childId, self.parameterDefinition(), self.dialog.context)
        return self.create_input_widget()

    def create_input_widget(self):
        raise NotImplementedError

    def setValue(self, value):  # noqa: N802 (Processing API)
        if self.dialogType != DIALOG_MODELER:
            self.set_input_value(value)
            return
        if isinstance(value, list):
            value = value[0] if len(value) == 1 else value
        if not isinstance(value, (QgsProcessingModelChildParameterSource, list)):
            value = QgsProcessingModelChildParameterSource.fromStaticValue(value)
        self.widget.setWidgetValue(value)

    def value(self):
        if self.dialogType == DIALOG_MODELER:
            return self.widget.value()
        return self.input_value()

    def set_input_value(self, value) -> None:
        raise NotImplementedError

    def input_value(self):
        raise NotImplementedError


class LabelledEnumWrapper(ModelerDelegate):
    """A single-choice enum whose options are ids (``usesStaticStrings``): the combo box shows each option's label
    (its id as tooltip) and gives the id."""

    def create_input_widget(self):
        combo = QComboBox()
        labels = option_labels(self.parameterDefinition())
        for key in self.parameterDefinition().options():
            combo.addItem(labels.get(key, key), key)
            combo.setItemData(combo.count() - 1, key, Qt.ItemDataRole.ToolTipRole)
        combo.currentIndexChanged.connect(lambda _index: self.widgetValueHasChanged.emit(self))
        return combo

    def createWidget(self, **kwargs):  # noqa: N802 (Processing API)
        widget = super().createWidget(**kwargs)
        if self.dialogType == DIALOG_MODELER:
            relabel_static_choices(widget, option_labels(self.parameterDefinition()))
        return widget

    def set_input_value(self, value) -> None:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, int) and not isinstance(value, bool) and \
                0 <= value < len(self.parameterDefinition().options()):
            value = self.parameterDefinition().options()[value]  # an index, as older scripts gave it
        index = -1 if is_unset(value) else self.widget.findData(str(value))
        if index < 0:
            index = self.widget.findData(self.parameterDefinition().defaultValue())
        self.widget.setCurrentIndex(max(index, 0))

    def input_value(self) -> Optional[str]:
        return self.widget.currentData()


def relabel_static_choices(widget, labels: Dict[str, str]) -> None:
    """Show ``labels`` on the combo boxes of a modeler widget whose choices are the enum's ids (its static value);
    the ids stay their data."""
    for combo in widget.findChildren(QComboBox):
        keys = [combo.itemData(i) for i in range(combo.count())]
        ids = [k for k in keys if isinstance(k, str) and k]
        if ids and all(k in labels for k in ids):
            for i, key in enumerate(keys):
                if key in labels:
                    combo.setItemText(i, labels[key])
                    combo.setItemData(i, key, Qt.ItemDataRole.ToolTipRole)


class DateWrapper(ModelerDelegate):
    """A date given as ISO text (YYYY-MM-DD; empty = not set when the parameter is optional): a date field with a
    calendar, its clear button leaving it empty."""

    FORMAT = ISO_DATE

    def create_input_widget(self):
        edit = QgsDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(self.FORMAT)
        optional = self.parameterDefinition().flags() & FLAG_OPTIONAL
        edit.setAllowNull(bool(optional))
        if optional:
            edit.setNullRepresentation(translated(NOT_SET))
            edit.clear()
        edit.dateValueChanged.connect(lambda _date: self.widgetValueHasChanged.emit(self))
        return edit

    def to_date(self, text: str) -> QDate:
        return QDate.fromString(text.strip(), Qt.DateFormat.ISODate)

    def set_input_value(self, value) -> None:
        date = QDate() if is_unset(value) else (value if isinstance(value, QDate) else self.to_date(str(value)))
        if date.isValid():
            self.widget.setDate(date)
        elif self.widget.allowNull():
            self.widget.clear()

    def input_value(self) -> str:
        if self.widget.allowNull() and self.widget.isNull():
            return ""
        return self.widget.date().toString(self.FORMAT)


class MonthDayWrapper(DateWrapper):
    """A day of the year given as MM-DD (season starts): the same calendar, the year left out of the value."""

    FORMAT = MONTH_DAY

    def to_date(self, text: str) -> QDate:
        return QDate.fromString("{}-{}".format(MONTH_DAY_YEAR, text.strip()), ISO_DATE)
