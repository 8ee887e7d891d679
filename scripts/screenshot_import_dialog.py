#!/usr/bin/env python3
"""Regenerate ``docs/screenshots/import_dialog.png``: the freeze/thaw import dialog filled with the sample folder.

The sample is January 2006 of the synthetic global product with two days removed, so the dialog shows gaps.
Run headless: ``QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/screenshot_import_dialog.py``.
"""
import datetime as dt
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.testing import start_app  # noqa: E402

from samples.sampledata import write_freeze_thaw_folder  # noqa: E402

SCREENSHOT = os.path.join(ROOT, "docs", "screenshots", "import_dialog.png")


def main() -> None:
    app = start_app()
    from cryo_qgis_plugin.gui.import_dialog import FreezeThawImportDialog

    with tempfile.TemporaryDirectory(prefix="cryo_") as tmp:
        folder = os.path.join(tmp, "AMSR_FT_2006-01")
        write_freeze_thaw_folder(folder, dt.date(2006, 1, 1), dt.date(2006, 1, 31))
        for day in (13, 14):
            os.remove(os.path.join(folder, "AMSR_200601{:02d}_FT_25.h5".format(day)))
        dialog = FreezeThawImportDialog()
        dialog.set_source(folder)
        dialog.set_day(dt.date(2006, 1, 20))
        dialog.show()
        app.processEvents()
        os.makedirs(os.path.dirname(SCREENSHOT), exist_ok=True)
        dialog.grab().save(SCREENSHOT)
        dialog.close()
    print("wrote", SCREENSHOT)


if __name__ == "__main__":
    main()
