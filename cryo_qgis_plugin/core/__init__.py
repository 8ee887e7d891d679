"""Science core of cryo_qgis_plugin: numpy, GDAL, h5py and scipy only (no QGIS or Qt import; a test enforces it).

Every module can be used as a plain Python library, e.g. from a batch script or a cluster job:

* :mod:`.io` reads stacks and grids and writes GeoTIFFs; :mod:`.codes` and :mod:`.style` hold the class-code
  tables and the styles written beside outputs;
* :mod:`.freezethaw`, :mod:`.permafrost`, :mod:`.glaciers`, :mod:`.lakeice` are the sciences, :mod:`.stats` the
  statistics they share;
* :mod:`.run` is the run contract every entry point takes (progress, log with severity, cancellation, memory
  budget); :mod:`.errors` the exceptions whose messages reach the user.
"""
