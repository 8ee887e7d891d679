"""Translations: the zh_CN .ts covers every text of the plugin, is complete and consistent with the sources, and
the translator comes back at runtime (Processing algorithms, workflows, qgis_process) and goes away again."""
import ast
import glob
import os
import re
import shutil
import subprocess
from xml.etree import ElementTree
import zipfile

import pytest

from conftest import ROOT

PLUGIN = os.path.join(ROOT, "cryo_qgis_plugin")
TS = os.path.join(PLUGIN, "i18n", "cryo_qgis_plugin_zh_CN.ts")
QM = TS[:-3] + ".qm"
CJK = re.compile(r"[\u4e00-\u9fff]")
# (context, source) pairs that may stay untranslated in the .ts: none so far
ALLOWED_UNFINISHED = set()
FORMAT_FIELD = re.compile(r"\{[^{}]*\}")
QT_ARG = re.compile(r"%L?\d+|%n")
TAG = re.compile(r"</?([a-zA-Z]+)[^>]*>")
FILE_PATTERN = re.compile(r"\*\.[\w.]+|\(\*\)")


def messages(path=TS):
    """``[(context, source, translation, type)]`` of a .ts file (obsolete entries left out)."""
    found = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "")
            if kind in ("obsolete", "vanished"):
                continue
            found.append((name, message.findtext("source"), translation.text or "", kind))
    return found


@pytest.fixture(scope="module")
def qm_file():
    """The compiled zh_CN translation (`make translations`, or lrelease directly where make is not wanted)."""
    if not os.path.exists(QM) or os.path.getmtime(QM) < os.path.getmtime(TS):
        if shutil.which("make"):
            subprocess.run(["make", "-s", "-C", ROOT, "translations"], check=True, stdout=subprocess.DEVNULL)
        else:
            subprocess.run(["lrelease", "-silent", TS, "-qm", QM], check=True)
    assert os.path.exists(QM)
    return QM


@pytest.fixture
def zh_translator(qgis_app, qm_file):
    """The zh_CN translator installed for one test, removed afterwards whatever happens."""
    from cryo_qgis_plugin.translation import install_translator, remove_translator

    translator = install_translator("zh_CN")
    assert translator is not None, "install_translator('zh_CN') found no translation"
    yield translator
    remove_translator()


def test_ts_covers_every_text_in_the_sources(tmp_path):
    """pylupdate5 over the plugin's sources finds no text the committed .ts lacks (`make translations-update`)."""
    pylupdate = shutil.which("pylupdate5")
    if pylupdate is None:
        pytest.skip("pylupdate5 (pyqt5-dev-tools) is not installed")
    sources = sorted(p for p in glob.glob(os.path.join(PLUGIN, "**", "*.py"), recursive=True)
                     if os.path.basename(p) != "resources.py")
    fresh = str(tmp_path / "fresh.ts")
    subprocess.run([pylupdate, "-noobsolete"] + sources + ["-ts", fresh], check=True, capture_output=True)
    committed = {(c, s) for c, s, _, _ in messages()}
    missing = sorted({(c, s) for c, s, _, _ in messages(fresh)} - committed)
    assert not missing, "texts missing from {} (run make translations-update and translate them):\n{}".format(
        os.path.relpath(TS, ROOT), "\n".join("{}: {!r}".format(c, s[:100]) for c, s in missing))


def test_ts_is_translated_completely():
    untranslated = [(c, s) for c, s, t, kind in messages()
                    if (kind == "unfinished" or not t.strip()) and (c, s) not in ALLOWED_UNFINISHED]
    assert not untranslated, "untranslated in {}:\n{}".format(
        os.path.relpath(TS, ROOT), "\n".join("{}: {!r}".format(c, s[:100]) for c, s in untranslated))


def test_translations_keep_placeholders_markup_and_file_patterns():
    problems = []
    for context, source, translation, _ in messages():
        if not translation:
            continue
        for what, pattern, ordered in (("format fields", FORMAT_FIELD, True), ("Qt arguments", QT_ARG, False),
                                       ("HTML tags", TAG, False), ("file patterns", FILE_PATTERN, False)):
            expected, got = pattern.findall(source), pattern.findall(translation)
            if not ordered:  # Qt's %1 and markup may move; str.format's {} fill in order, so they may not
                expected, got = sorted(expected), sorted(got)
            if expected != got:
                problems.append("{}: {} {} != {} in {!r}".format(context, what, got, expected, source[:60]))
    assert not problems, "\n".join(problems)


def test_processing_code_passes_its_texts_through_translation():
    """No literal (untranslated) description, help or message in the Processing modules."""
    user_calls = {"pushInfo", "pushWarning", "reportError", "QgsProcessingException", "setDescription", "setHelp",
                  "logMessage"}

    def literal(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return any(ch.isalpha() for ch in node.value)
        if isinstance(node, ast.JoinedStr):
            return True
        if isinstance(node, ast.BinOp):
            return literal(node.left) or literal(node.right)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            return literal(node.func.value)
        return False

    found = []
    for path in sorted(glob.glob(os.path.join(PLUGIN, "processing", "**", "*.py"), recursive=True)):
        for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name.startswith(("QgsProcessingParameter", "QgsProcessingOutput")):
                texts = node.args[1:2] + [k.value for k in node.keywords if k.arg in ("description", "fileFilter")]
            elif name == "with_help":  # with_help(parameter, help_text)
                texts = node.args[1:2]
            elif name in user_calls:
                texts = node.args[:1]
            else:
                continue
            found += ["{}:{} {}({})".format(os.path.relpath(path, ROOT), t.lineno, name, ast.unparse(t)[:70])
                      for t in texts if literal(t)]
    assert not found, "wrap these in self.tr() / QCoreApplication.translate():\n" + "\n".join(found)


def _texts(algorithm):
    """The texts of a fresh, initialised algorithm that users read."""
    texts = {"displayName": algorithm.displayName(), "group": algorithm.group(),
             "shortHelpString": algorithm.shortHelpString()}
    for parameter in algorithm.parameterDefinitions():
        texts["parameter " + parameter.name()] = parameter.description()
        if parameter.help():
            texts["help of " + parameter.name()] = parameter.help()
    for output in algorithm.outputDefinitions():
        texts["output " + output.name()] = output.description()
    return texts


def _algorithm(cls):
    algorithm = cls()
    algorithm.initAlgorithm()
    return algorithm


def test_every_algorithm_text_comes_back_translated(qgis_app, qm_file):
    from cryo_qgis_plugin.processing.algorithms import ALGORITHMS
    from cryo_qgis_plugin.translation import install_translator, remove_translator

    english = {cls.__name__: _texts(_algorithm(cls)) for cls in ALGORITHMS}
    assert install_translator("zh_CN") is not None
    try:
        chinese = {cls.__name__: _texts(_algorithm(cls)) for cls in ALGORITHMS}
    finally:
        remove_translator()
    untranslated = ["{} {}: {!r}".format(name, key, text[:80]) for name, texts in chinese.items()
                    for key, text in texts.items() if text == english[name][key] or not CJK.search(text)]
    assert not untranslated, "untranslated at runtime:\n" + "\n".join(untranslated)
    assert english["Ttop"]["displayName"] == "TTOP permafrost model (classes, probability, zones)"


def test_messages_of_a_base_class_are_translated_for_its_subclasses(zh_translator, tmp_path):
    """pylupdate5 files StackAlgorithm's message under StackAlgorithm; DecodeFreezeThaw still finds it."""
    from qgis.core import QgsProcessingContext

    from cryo_qgis_plugin.processing.algorithms.decode_freezethaw import DecodeFreezeThaw

    ok, message = _algorithm(DecodeFreezeThaw).checkParameterValues({"INPUT": str(tmp_path)}, QgsProcessingContext())
    assert not ok and CJK.search(message) and str(tmp_path) in message, message


def test_workflows_and_provider_are_translated(zh_translator):
    from qgis.core import QgsApplication, QgsProcessingModelAlgorithm

    provider = QgsApplication.processingRegistry().providerById("cryo")
    assert CJK.search(provider.name()) and CJK.search(provider.longName())
    workflows = [a for a in provider.algorithms() if isinstance(a, QgsProcessingModelAlgorithm)]
    assert len(workflows) == 5
    for workflow in workflows:
        description = workflow.helpContent()["ALG_DESC"]
        assert CJK.search(workflow.displayName()) and workflow.group() == "工作流", workflow.id()
        assert description not in workflow.shortHelpString() and CJK.search(workflow.shortHelpString()), workflow.id()


def test_plugin_menu_texts_are_translated(zh_translator):
    """plugin.py's module-level tr(): pylupdate5 files a bare ``tr("...")`` outside a class under the context
    "@default", so that is the context it must look the text up in."""
    from cryo_qgis_plugin import plugin

    if not hasattr(plugin, "table_title"):
        pytest.skip("plugin.py has no menu texts yet")
    for text in (plugin.tr("Time series"), plugin.table_title("permafrost_zones")):
        assert CJK.search(text), text


def test_workflow_texts_are_those_of_the_shipped_models(qgis_app):
    """WORKFLOW_TEXTS (the strings pylupdate5 sees) still match the titles and descriptions in models/."""
    from qgis.core import QgsProcessingModelAlgorithm

    from cryo_qgis_plugin.processing.provider import WORKFLOW_TEXTS, workflow_files

    for path in workflow_files():
        model = QgsProcessingModelAlgorithm()
        assert model.fromFile(path)
        assert model.group() in WORKFLOW_TEXTS
        for key in ("ALG_TITLE", "ALG_DESC"):
            assert model.helpContent()[key] in WORKFLOW_TEXTS, (os.path.basename(path), key)


def test_install_translator_and_remove_it(qgis_app, qm_file):
    from cryo_qgis_plugin.processing.algorithms.trend import Trend
    from cryo_qgis_plugin.translation import install_translator, remove_translator

    english = Trend().displayName()
    for locale in ("zh_CN", "zh-Hans", "zh", "zh_CN.UTF-8"):
        translator = install_translator(locale)
        try:
            assert translator is not None, locale
            assert CJK.search(Trend().displayName()), locale
        finally:
            remove_translator()
        assert Trend().displayName() == english, locale
    for locale in ("en_US", "fr_FR", "C", ""):
        assert install_translator(locale) is None, locale
        assert Trend().displayName() == english
    # what Qt does when the caller removes the returned translator itself
    from qgis.PyQt.QtCore import QCoreApplication

    translator = install_translator("zh_CN")
    QCoreApplication.removeTranslator(translator)
    assert Trend().displayName() == english
    remove_translator()


def test_locale_follows_the_qgis_settings(qgis_app, qm_file):
    from qgis.core import QgsSettings

    from cryo_qgis_plugin.processing.algorithms.trend import Trend
    from cryo_qgis_plugin.translation import install_translator, qgis_locale, remove_translator

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    try:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "zh-Hans")  # what QGIS's options dialog writes for Chinese
        assert qgis_locale() == "zh-Hans"
        assert install_translator() is not None and CJK.search(Trend().displayName())
        remove_translator()
        settings.setValue("locale/userLocale", "en_US")
        assert install_translator() is None and not CJK.search(Trend().displayName())
        settings.setValue("locale/overrideFlag", False)
        from qgis.PyQt.QtCore import QLocale

        assert qgis_locale() == QLocale.system().name()
    finally:
        remove_translator()
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)


def test_missing_translation_files_are_harmless(qgis_app, monkeypatch, tmp_path):
    from cryo_qgis_plugin import translation

    monkeypatch.setattr(translation, "I18N", str(tmp_path))
    assert translation.install_translator("zh_CN") is None


def test_the_zip_ships_the_compiled_translation():
    subprocess.run(["make", "-s", "-C", ROOT, "zip"], check=True, stdout=subprocess.DEVNULL)
    with zipfile.ZipFile(os.path.join(ROOT, "dist", "cryo_qgis_plugin.zip")) as archive:
        names = archive.namelist()
    assert "cryo_qgis_plugin/i18n/cryo_qgis_plugin_zh_CN.qm" in names and "cryo_qgis_plugin/translation.py" in names


def test_qgis_process_speaks_chinese_with_a_chinese_locale(qgis_process_env):
    plugins = qgis_process_env["QGIS_PLUGINPATH"]
    assert os.path.exists(os.path.join(plugins, "cryo_qgis_plugin", "i18n", "cryo_qgis_plugin_zh_CN.qm"))
    with open(os.path.join(PLUGIN, "plugin.py"), encoding="utf-8") as plugin:
        if "install_translator" not in plugin.read():
            pytest.skip("plugin.py does not install the translator yet")
    env = dict(qgis_process_env, LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8")
    done = subprocess.run([os.path.join(ROOT, "scripts", "qgis-process"), "help", "cryo:ttop"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert "TTOP 多年冻土模型" in done.stdout and "冻结指数 DDF" in done.stdout, \
        done.stdout[:2000] + done.stderr[-2000:]
