"""The one adapter between QGIS and the core: layers and feature sources as plain values (polygons as WKB with
their CRS as WKT, table cells as numbers and dates), and QGIS feedback as the core's run contract. Used by the
Processing algorithms and the desktop alike; nothing else in the plugin hands QGIS objects to the core."""
