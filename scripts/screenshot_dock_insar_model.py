#!/usr/bin/env python3
"""Regenerate ``docs/screenshots/dock_insar_model.png``: the time-series dock with the InSAR deformation overlay.

The sample InSAR time series (``samples/insar.py``: a MintPy ``geo_timeseries.h5`` in metres along the line of
sight, and a daily temperature table) is fitted with the core of ``cryo:insardeformation`` (line of sight to
vertical at the sample's incidence angle, the model stack written too); the MintPy file, the model stack and
the components raster are loaded into the project (the components not ticked); the dock plots an ice-rich pixel:
data, model, long-term line, seasonal part, the pixel's velocity and seasonal amplitude below the plot.

Run under Xvfb (real fonts): ``xvfb-run -a /usr/bin/python3 scripts/screenshot_dock_insar_model.py [out.png]``;
without a display it falls back to ``QT_QPA_PLATFORM=offscreen``. ``--temperature``: then pin the overlay and
plot the temperature table too (on a right-hand axis over the same dates).
"""
import csv
import datetime as dt
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.testing import start_app  # noqa: E402

from samples.insar import CELL, EPSG, X0, Y0, write_insar_sample  # noqa: E402

SCREENSHOT = os.path.join(ROOT, "docs", "screenshots", "dock_insar_model.png")


def fit(sample, folder):
    """The components raster and the model stack of the sample, as cryo:insardeformation writes them."""
    from cryo_qgis_plugin.core.io.incidence import Incidence
    from cryo_qgis_plugin.core.io.mintpy import open_displacement
    from cryo_qgis_plugin.core.permafrost.deformation import deformation_raster
    from cryo_qgis_plugin.core.permafrost.thaw_index import design_matrix

    with open(sample.temperature, newline="") as fh:
        rows = list(csv.DictReader(fh))
    days = [dt.date.fromisoformat(r["date"]) for r in rows]
    celsius = [float(r["temperature"]) for r in rows]
    stack = open_displacement(sample.timeseries)
    components, model = os.path.join(folder, "deformation.tif"), os.path.join(folder, "deformation_model.tif")
    deformation_raster(stack, design_matrix(list(stack.dates), days, celsius), components, units="m",
                       reference_date=stack.dates[0], incidence=Incidence(degrees=sample.incidence_deg),
                       model_path=model)
    stack.close()
    return components, model


def wait_for(app, dock, action) -> None:
    done = []
    dock.series_plotted.connect(lambda: done.append(True))
    action()
    deadline = time.time() + 30
    while not done and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if not done:
        raise SystemExit("the dock did not redraw: " + dock.status.text())


def main(argv) -> None:
    out = next((a for a in argv if not a.startswith("--")), SCREENSHOT)
    app = start_app()
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRasterLayer, QgsVectorLayer

    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock

    with tempfile.TemporaryDirectory(prefix="cryo_") as tmp:
        sample = write_insar_sample(os.path.join(tmp, "insar"))
        components, model = fit(sample, tmp)
        layers = [QgsRasterLayer(sample.timeseries, "geo_timeseries"),
                  QgsRasterLayer(model, "Fitted model at every date"),
                  QgsRasterLayer(components, "Deformation components")]
        assert all(layer.isValid() for layer in layers)
        QgsProject.instance().addMapLayers(layers)
        dock = TimeSeriesDock()
        dock.resize(1180, 470)
        dock.show()
        dock.set_checked_layers(layers[:2])  # the components raster is loaded, not ticked
        row, col = sample.ice_rich_pixel
        point = QgsPointXY(X0 + (col + 0.5) * CELL, Y0 - (row + 0.5) * CELL)
        wait_for(app, dock, lambda: dock.pick(point, QgsCoordinateReferenceSystem("EPSG:{}".format(EPSG))))
        if "--temperature" in argv:
            dock.pin()
            uri = "file://{}?type=csv&detectTypes=yes&geomType=none".format(sample.temperature)
            table = QgsVectorLayer(uri, "temperature_daily", "delimitedtext")
            QgsProject.instance().addMapLayer(table)
            dock.table_layer.setLayer(table)
            dock.date_field.setField("date")
            dock.value_field.setField("temperature")
            wait_for(app, dock, dock.plot_table)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.02)
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
        dock.grab().save(out)
        print(dock.status.text())
        dock.close()
        QgsProject.instance().removeAllMapLayers()
    print("wrote", out)


if __name__ == "__main__":
    main(sys.argv[1:])
