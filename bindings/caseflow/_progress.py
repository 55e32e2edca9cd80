"""The text progress bar of ``caseflow.run(..., progress=True)``."""

import sys


class TextProgress:
    """A one-line bar on sys.stderr (in Jupyter, under the cell), redrawn in place.

    It is called only on the thread that called ``caseflow.run``, a few times a second: the engine's
    threads never call Python.
    """

    width = 30

    def __init__(self, label="caseflow run", stream=None):
        self.label = label
        self.stream = stream

    def __call__(self, completed, total):
        stream = self.stream or sys.stderr  # looked up now: Jupyter replaces sys.stderr per cell
        filled = self.width * completed // max(total, 1)
        stream.write(f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {completed}/{total}")
        if completed >= total:
            stream.write("\n")
        stream.flush()
