"""cryo_qgis_plugin: cryosphere remote-sensing methods for the QGIS Processing framework."""


def classFactory(iface):
    from .plugin import CryoPlugin
    return CryoPlugin(iface)
