"""Exceptions raised by the core library.

The Processing wrappers turn :class:`CryoInputError` into ``QgsProcessingException`` unchanged, so its
message is what the user reads: it must say what is wrong, with which file, and how to fix it.
"""


class CryoInputError(ValueError):
    """Input that cannot be processed as given (missing file, wrong dataset, mismatching grids, ...)."""


class Cancelled(Exception):
    """Raised when the caller asked a long-running computation to stop."""
