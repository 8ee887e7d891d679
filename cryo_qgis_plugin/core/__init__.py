"""Science core of cryo_qgis_plugin: numpy, GDAL and h5py only (no QGIS or Qt imports).

Every module here can be used as a plain Python library, e.g. from a batch script or a cluster job.
"""
