"""The exception raised for bad input."""


class ScenarioError(ValueError):
    """A mistake in a scenario: a file that cannot be read, invalid JSON, or a value the engine rejects.

    ``str(error)`` is the engine's message, the same as the command line prints, ``SOURCE: PLACE: DETAIL``::

        <dict>: /transitions/6/time/mean_days: must be > 0, got -5

    Attributes:
        source: the file name, or the ``source`` given to ``Scenario.from_dict`` (``"<dict>"`` by default).
        place: where in it: a JSON path such as ``"/transitions/6/time/mean_days"`` (``"/"`` for the whole
            document), ``"line 3, column 5"`` for text that is not JSON, or ``""`` when the file cannot be opened.
        detail: what is wrong there, without the source and place.
    """

    def __init__(self, message, source="", place="", detail=""):
        super().__init__(message)
        self.source = source
        self.place = place
        self.detail = detail or message

    def __reduce__(self):  # keep the attributes through pickling (e.g. from a worker process)
        return (type(self), (str(self), self.source, self.place, self.detail))
