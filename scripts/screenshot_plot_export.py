#!/usr/bin/env python3
"""Regenerate ``docs/screenshots/dock_units_classes.png`` (the time-series dock: a GST stack in °C on the right axis,
two freeze/thaw pixels side by side in the class rows), ``plot_export_dialog.png`` (the Export dialog) and
``plot_export_svg.png`` (the SVG it writes, rendered with QSvgRenderer): offscreen grabs of the dock and dialog.

Usage: ``QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/screenshot_plot_export.py [work folder]``.
"""
import datetime as dt
import os
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(ROOT, "docs", "screenshots")


def write_stacks(folder):
    """A year of daily GST (°C) on a 4 x 4 grid and the freeze/thaw codes it implies (precipitation some days)."""
    from cryo_qgis_plugin.core.codes import FREEZE_THAW
    from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
    from cryo_qgis_plugin.core.io.grid import Grid

    iso = [(dt.date(2015, 9, 1) + dt.timedelta(days=i)).isoformat() for i in range(365)]
    grid = Grid.from_extent(10.0, 50.0, 12.0, 52.0, 4, 4, "EPSG:4326")
    t = np.arange(365)[:, None, None]
    cols = np.indices(grid.shape)[1]
    noise = np.random.default_rng(3).normal(0, 1.2, (365, 4, 4))
    gst = (-2 + 11 * np.sin(2 * np.pi * (t - 240) / 365) + 0.8 * cols + noise).astype(np.float32)
    codes = np.where(gst < -0.5, 1, 2).astype(np.uint8)
    codes[(t % 37 == 5).repeat(4, 1).repeat(4, 2) & (gst > 0)] = 3
    with GeoTiffWriter(os.path.join(folder, "gst.tif"), grid, iso, np.float32, nodata=-9999, band_dates=iso,
                       units="degC") as out:
        out.write(0, gst)
    with GeoTiffWriter(os.path.join(folder, "freeze_thaw.tif"), grid, iso, np.uint8, nodata=255,
                       class_table=FREEZE_THAW, band_dates=iso, units="class") as out:
        out.write(0, codes)


def settle(dock, action):
    """Run ``action`` and process events until the dock redraws."""
    from qgis.PyQt.QtWidgets import QApplication

    done = []
    dock.series_plotted.connect(lambda: done.append(True))
    action()
    end = time.time() + 20
    while not done and time.time() < end:
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(10):
        QApplication.processEvents()


def svg_to_png(svg, png):
    from qgis.PyQt.QtGui import QColor, QImage, QPainter
    from qgis.PyQt.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(svg)
    image = QImage(renderer.viewBox().width(), renderer.viewBox().height(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.save(png)


def main(folder):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRasterLayer
    from qgis.PyQt.QtWidgets import QApplication

    from cryo_qgis_plugin.gui.plot_export_dialog import PlotExportDialog
    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock

    write_stacks(folder)
    layers = [QgsRasterLayer(os.path.join(folder, name + ".tif"), name) for name in ("freeze_thaw", "gst")]
    QgsProject.instance().addMapLayers(layers)
    dock = TimeSeriesDock()
    dock.resize(1180, 470)
    dock.show()
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    dock.set_checked_layers([layers[0]])
    settle(dock, lambda: dock.pick(QgsPointXY(10.3, 51.7), wgs84))
    dock.pin()
    dock.set_checked_layers(layers)
    settle(dock, lambda: dock.pick(QgsPointXY(11.8, 51.7), wgs84))
    dock.grab().save(os.path.join(SHOTS, "dock_units_classes.png"))
    dialog = PlotExportDialog(dock.panel, dock)
    dialog.file.setFilePath(os.path.join(folder, "freeze_thaw_gst.png"))
    dialog.show()
    for _ in range(10):
        QApplication.processEvents()
    dialog.grab().save(os.path.join(SHOTS, "plot_export_dialog.png"))
    dialog.format.setCurrentIndex(dialog.format.findData("svg"))
    dialog.title.setText("Freeze/thaw and ground surface temperature, 2015/16")
    if not dialog.save():
        raise SystemExit(dialog.message.text())
    svg_to_png(os.path.join(folder, "freeze_thaw_gst.svg"), os.path.join(SHOTS, "plot_export_svg.png"))
    QgsProject.instance().removeAllMapLayers()


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    work = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    main(work)
