"""Test set-up: the repository on sys.path, headless Qt, and a QGIS application with Processing for the
tests that need one (core tests never start QGIS)."""
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LC_ALL"] = "C.UTF-8"  # English texts whatever the machine's locale (translations are tested explicitly)


@pytest.fixture(scope="session")
def qgis_app():
    """A headless QgsApplication with the Processing framework and the ``cryo`` provider registered."""
    from qgis.core import QgsApplication
    from qgis.testing import start_app

    app = start_app()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    from cryo_qgis_plugin.processing.provider import CryoProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("cryo") is None:
        registry.addProvider(CryoProvider())
    yield app
    from cryo_qgis_plugin.core.io.pixel_series import close_all

    close_all()  # close the rasters the dock tests kept open while GDAL is still up


@pytest.fixture(scope="session")
def qgis_process_env(tmp_path_factory):
    """Environment for ``scripts/qgis-process`` with the plugin deployed to a private plugin folder."""
    import subprocess

    plugins = str(tmp_path_factory.mktemp("plugins"))
    env = dict(os.environ, QGIS_PLUGINPATH=plugins)
    subprocess.run(["make", "-s", "-C", ROOT, "deploy", "QGIS_PLUGINPATH=" + plugins], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return env


def keep(messages):
    """A core run log (message, severity) that appends each message to the list ``messages``."""
    return lambda message, severity: messages.append(message)
