"""Processing dialogs a scientist finds natural: enum choices shown by readable labels while the value stays the id
scripts give, dates and season starts with a calendar while the value stays ISO text, field pickers where a value
is one field of a layer of the same algorithm, and no two outputs of an algorithm with the same name. The widgets
are made the way Processing's dialogs make them (``WidgetWrapperFactory.create_wrapper`` with a dialog of the
dialog's class name)."""
import datetime as dt
import json
import os
import subprocess

from conftest import ROOT
from test_processing_freezethaw import SMALL_EXTENT, small_season_folder

ALGORITHMS = ("decodefreezethaw", "freezethawindicators", "degreedays", "lsttogst", "gstmodel", "ttop",
              "insardeformation", "mapaccuracy", "demdifference", "altimetrydifference", "lakeiceseries",
              "lakeicephenology", "lakeicethickness", "snowcover", "snowdepth", "trend")


_KEPT = {}  # the algorithms own their parameter definitions: keep them alive


def algorithm(name):
    from qgis.core import QgsApplication

    if name not in _KEPT:
        _KEPT[name] = QgsApplication.processingRegistry().createAlgorithmById("cryo:" + name)
    return _KEPT[name]


CONTEXT = None  # a QgsProcessingContext, made with the application (setParameterValue takes one, as dialogs give)


def context():
    global CONTEXT
    if CONTEXT is None:
        from qgis.core import QgsProcessingContext

        CONTEXT = QgsProcessingContext()
    return CONTEXT


class AlgorithmDialog:  # the class name tells Processing's wrappers which dialog they are in
    pass


class BatchAlgorithmDialog:
    pass


def wrapper_for(parameter, dialog_class=AlgorithmDialog):
    from processing.gui.wrappers import WidgetWrapperFactory

    return WidgetWrapperFactory.create_wrapper(parameter, dialog_class())


def test_every_enum_shows_labels_and_gives_the_id(qgis_app):
    from cryo_qgis_plugin.processing.dialog_widgets import LabelledEnumWrapper

    seen = 0
    for name in ALGORITHMS:
        alg = algorithm(name)
        for parameter in alg.parameterDefinitions():
            if parameter.type() != "enum":
                continue
            seen += 1
            for dialog_class in (AlgorithmDialog, BatchAlgorithmDialog):
                wrapper = wrapper_for(parameter, dialog_class)
                assert isinstance(wrapper, LabelledEnumWrapper), (name, parameter.name())
                combo = wrapper.widget
                ids = [combo.itemData(i) for i in range(combo.count())]
                labels = [combo.itemText(i) for i in range(combo.count())]
                assert ids == parameter.options(), (name, parameter.name())
                assert all(label and label != key for label, key in zip(labels, ids)), (name, labels)
                assert wrapper.parameterValue() == parameter.defaultValue()
                wrapper.setParameterValue(ids[-1], context())
                assert wrapper.parameterValue() == ids[-1] and combo.currentText() == labels[-1]
                assert parameter.checkValueIsAcceptable(wrapper.parameterValue())
    assert seen >= 20


def test_labels_are_shown_in_the_user_language(qgis_app):
    """The labels go through Qt's translation when the widget is made (a stand-in translator marks them)."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    class Marking(QTranslator):
        def translate(self, context, text, disambiguation=None, n=-1):
            return "<{}>".format(text) if context == "CryoAlgorithm" and text.startswith("Vertical") else ""

        def isEmpty(self):  # noqa: N802 (Qt API)
            return False

    parameter = algorithm("demdifference").parameterDefinition("COREGISTER")
    wrapper = wrapper_for(parameter)
    wrapper.setParameterValue("vertical", context())
    assert wrapper.widget.currentText() == "Vertical shift only (median stable dh)"
    marking = Marking()
    QCoreApplication.installTranslator(marking)
    try:
        translated = wrapper_for(parameter)
    finally:
        QCoreApplication.removeTranslator(marking)
    translated.setParameterValue("vertical", context())
    assert translated.widget.currentText() == "<Vertical shift only (median stable dh)>"
    assert translated.parameterValue() == "vertical"


def test_enum_labels_in_the_model_builder(qgis_app):
    """In the model builder the wrapper holds QGIS's modeler widget (static value, model input, ...) whose static
    choices show the labels; the static value given back is the id."""
    from qgis.core import QgsProcessingContext, QgsProcessingModelAlgorithm, QgsProcessingModelChildParameterSource
    from qgis.PyQt.QtWidgets import QComboBox

    class ModelerParametersDialog:
        model = QgsProcessingModelAlgorithm("m", "g")
        childId = "demdifference_1"  # noqa: N815 (the attribute Processing reads)
        context = QgsProcessingContext()

    wrapper = wrapper_for(algorithm("demdifference").parameterDefinition("FILL_VOIDS"), ModelerParametersDialog)
    static = [c for c in wrapper.widget.findChildren(QComboBox) if c.findData("linear") >= 0]
    assert static, "the modeler widget has no combo box of the ids"
    combo = static[0]
    assert combo.itemText(combo.findData("linear")) == "Linear interpolation (Delaunay)"
    wrapper.setValue("linear")
    value = wrapper.value()
    value = value[0] if isinstance(value, list) else value
    assert isinstance(value, QgsProcessingModelChildParameterSource) and value.staticValue() == "linear"


def test_dates_have_a_calendar_and_stay_iso_text(qgis_app):
    from qgis.PyQt.QtCore import QDate

    start = wrapper_for(algorithm("decodefreezethaw").parameterDefinition("PERIOD_START"))
    edit = start.widget
    assert edit.calendarPopup() and edit.calendarWidget() is not None
    assert start.parameterValue() == ""  # optional and empty: the input's first date
    edit.setDate(QDate(2006, 1, 3))
    assert start.parameterValue() == "2006-01-03"
    start.setParameterValue("2020-02-29", context())
    assert start.parameterValue() == "2020-02-29" and edit.date() == QDate(2020, 2, 29)
    start.setParameterValue("", context())
    assert start.parameterValue() == ""
    season = wrapper_for(algorithm("snowdepth").parameterDefinition("SEASON_START"))
    assert season.widget.calendarPopup() and season.parameterValue() == "08-01"
    season.setParameterValue("10-15", context())
    assert season.parameterValue() == "10-15" and season.widget.date().month() == 10
    for name, parameter in (("insardeformation", "REFERENCE_DATE"), ("decodefreezethaw", "START_DATE"),
                            ("lakeicephenology", "YEAR_START"), ("degreedays", "YEAR_START")):
        definition = algorithm(name).parameterDefinition(parameter)
        assert definition.type() == "string", (name, parameter)  # scripts keep giving text
        assert wrapper_for(definition).widget.calendarPopup(), (name, parameter)


def test_field_pickers_follow_their_layer(qgis_app):
    expected = {("lakeiceseries", "LAKE_FIELD"): "LAKES", ("lakeicethickness", "DATE_FIELD"): "INPUT",
                ("lakeicethickness", "TEMPERATURE_FIELD"): "INPUT", ("lakeicethickness", "SNOW_FIELD"): "INPUT",
                ("lakeicethickness", "FREEZE_UP_FIELD"): "PHENOLOGY",
                ("lakeicethickness", "BREAK_UP_FIELD"): "PHENOLOGY"}
    for (name, parameter), parent in expected.items():
        definition = algorithm(name).parameterDefinition(parameter)
        assert definition.type() == "field" and definition.parentLayerParameterName() == parent, (name, parameter)
    assert algorithm("lakeicethickness").parameterDefinition("LAKE_FIELD").type() == "string"  # INPUT or LAKES


def test_no_two_outputs_of_an_algorithm_share_a_name(qgis_app):
    from qgis.core import QgsApplication

    clashes = []
    for alg in QgsApplication.processingRegistry().providerById("cryo").algorithms():
        named = {p.name(): p.description() for p in alg.destinationParameterDefinitions()}
        named.update({o.name(): o.description() for o in alg.outputDefinitions() if o.name() not in named})
        descriptions = list(named.values())
        clashes += ["{}: {}".format(alg.id(), d) for d in set(descriptions) if descriptions.count(d) > 1]
    assert not clashes


def test_qgis_process_takes_ids_and_iso_dates(qgis_process_env, tmp_path):
    """The values qgis_process users give are unchanged: an enum id and ISO dates as text."""
    daily = small_season_folder(str(tmp_path / "daily"), dt.date(2005, 12, 28), dt.date(2006, 1, 6))
    table = str(tmp_path / "areas.csv")
    proc = subprocess.run(
        [os.path.join(ROOT, "scripts", "qgis-process"), "run", "cryo:decodefreezethaw", "--json", "--",
         "INPUT=" + daily, "EXTENT=" + SMALL_EXTENT, "PRODUCT=amsr_tpdc", "PASS=auto", "PERIOD_START=2006-01-01",
         "PERIOD_END=2006-01-03", "OUTPUT=" + str(tmp_path / "ft.tif"), "OUTPUT_TABLE=" + table],
        env=qgis_process_env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert (results["N_DATES"], results["FIRST_DATE"], results["LAST_DATE"]) == (3, "2006-01-01", "2006-01-03")
    with open(os.path.splitext(table)[0] + ".csvt", encoding="utf-8") as fh:
        assert fh.read().split(",")[0] == '"Date"'
