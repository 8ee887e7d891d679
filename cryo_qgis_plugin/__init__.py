"""cryo_qgis_plugin: cryosphere remote-sensing methods for the QGIS Processing framework."""


def classFactory(iface):  # noqa: N802 (QGIS plugin entry point)
    from .plugin import CryoPlugin
    return CryoPlugin(iface)
