"""Desktop side of the plugin: dock, dialogs and styling helpers (Qt and QGIS GUI imports live here)."""
