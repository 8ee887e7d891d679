"""Processing provider ``cryo`` and its algorithms: thin wrappers from parameters to :mod:`..core`."""
