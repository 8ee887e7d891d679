"""cryo_qgis_plugin: cryosphere remote-sensing methods for the QGIS Processing framework."""


def classFactory(iface):
    from .core import optional

    absent = optional.missing(optional.ESSENTIAL)  # numpy, GDAL's bindings: every module imports them
    if absent:
        from .dependencies import PluginWithoutEssentials
        return PluginWithoutEssentials(iface, absent)
    from .plugin import CryoPlugin
    return CryoPlugin(iface)
