#!/usr/bin/env python3
"""Regenerate ``docs/screenshots/model_designer_permafrost.png``: the permafrost workflow opened in QGIS's Model
Designer through the toolbox action "Copy as Model…" (inputs on the left, one column per step, comments above the
steps, outputs on their right), the whole model fitted in the window.
Run headless: ``QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/screenshot_model_designer.py [workflow]``.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication  # noqa: E402
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.testing import start_app  # noqa: E402

SCREENSHOTS = os.path.join(ROOT, "docs", "screenshots")


def main(workflow: str = "workflowpermafrostfromlst") -> None:
    app = start_app()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    from cryo_qgis_plugin.gui.model_actions import CopyWorkflowAction
    from cryo_qgis_plugin.processing.provider import CryoProvider

    provider = CryoProvider()  # kept referenced while the registry uses it
    QgsApplication.processingRegistry().addProvider(provider)
    action = CopyWorkflowAction()
    action.setData(QgsApplication.processingRegistry().algorithmById("cryo:" + workflow), None)
    dialog = action.execute()
    dialog.resize(2400, 1000)
    app.processEvents()
    view = dialog.view()
    view.fitInView(view.scene().itemsBoundingRect().adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)
    app.processEvents()
    path = os.path.join(SCREENSHOTS, "model_designer_{}.png".format(workflow.replace("workflow", "").replace(
        "fromlst", "")))
    dialog.grab().save(path)
    dialog.close()
    print("wrote", path)


if __name__ == "__main__":
    main(*sys.argv[1:])
