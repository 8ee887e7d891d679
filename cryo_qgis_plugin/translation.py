"""The plugin's translations: ``i18n/cryo_qgis_plugin_<locale>.qm`` (built from the ``.ts`` sources by
``make translations``), installed for the language QGIS runs in.

The language is chosen as QGIS chooses its own (and as its bundled Processing help does): the user's
*Override system locale* (settings ``locale/overrideFlag`` + ``locale/userLocale``) when set, otherwise the
system locale (``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``). The same rule holds under ``qgis_process``, which reads
the settings of the QGIS profile it runs with.
"""
from __future__ import annotations

import os
from typing import List, Optional

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

I18N = os.path.join(os.path.dirname(os.path.abspath(__file__)), "i18n")
PREFIX = "cryo_qgis_plugin_"

_installed: Optional[QTranslator] = None  # Qt keeps only a pointer: the reference that keeps it alive


def qgis_locale() -> str:
    """The locale QGIS uses for its interface: ``locale/userLocale`` when ``locale/overrideFlag`` is set,
    else the system locale (QGIS desktop also writes the latter into ``locale/userLocale`` at start-up)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, bool):
        user_locale = settings.value("locale/userLocale", "", str)
        if user_locale:
            return user_locale
    return QLocale.system().name()


def candidate_files(locale: str) -> List[str]:
    """The ``.qm`` paths to try for ``locale``, most specific first: the code as given (``zh_CN``), as Qt
    spells it (QGIS's ``zh-Hans`` is ``zh_CN``), then the language alone (``zh``)."""
    code = locale.strip().split(".")[0].split("@")[0].replace("-", "_")
    names = [code, QLocale(code).name() if code else "", code.split("_")[0]]
    unique = [n for i, n in enumerate(names) if n and n != "C" and n not in names[:i]]
    return [os.path.join(I18N, PREFIX + name + ".qm") for name in unique]


def install_translator(locale: Optional[str] = None) -> Optional[QTranslator]:
    """Install the plugin's translation for ``locale`` (default: :func:`qgis_locale`) into the running
    QCoreApplication and return the translator, or None when there is no translation for it (English, or the
    ``.qm`` files were not built): the sources' English is then used. A translator installed by an earlier
    call is removed first, so calling it again (plugin reload) does not stack translators."""
    global _installed
    remove_translator()
    if QCoreApplication.instance() is None:
        return None
    for path in candidate_files(locale if locale is not None else qgis_locale()):
        if not os.path.isfile(path):
            continue
        translator = QTranslator()
        if translator.load(path) and QCoreApplication.installTranslator(translator):
            _installed = translator
            return translator
    return None


def remove_translator() -> None:
    """Remove the translator :func:`install_translator` installed (no-op when there is none)."""
    global _installed
    if _installed is not None:
        if QCoreApplication.instance() is not None:
            QCoreApplication.removeTranslator(_installed)
        _installed = None
