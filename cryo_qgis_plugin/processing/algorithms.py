"""The algorithms the ``cryo`` provider registers, in toolbox order."""
ALGORITHMS = []
