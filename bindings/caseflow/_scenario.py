"""Scenarios: read, validated and written by the engine; nothing about them is decided here."""

import datetime
import os

from . import _core
from ._errors import ScenarioError

# pandas keeps dates as nanoseconds from 1970, which reach 1677-09-21 to 2262-04-11 only: a snapshot date
# beyond would come back silently wrong (issue 16), so a scenario whose dates leave that span is refused here,
# where its dates meet pandas. The engine itself reads dates from 1900 to 2399.
_LAST_PANDAS_DATE = datetime.date(2262, 4, 11)


def _refuse_dates_beyond_pandas(core, source):
    start = datetime.date.fromisoformat(core.start_date)
    months = start.month - 1 + core.horizon_months
    year, month = start.year + months // 12, months % 12 + 1
    # The last snapshot falls in that month, on the start's day or the month's last.
    if (year, month) >= (_LAST_PANDAS_DATE.year, _LAST_PANDAS_DATE.month):
        detail = (f"the run would reach {year:04d}-{month:02d}, beyond 2262-04-11, the last date pandas can hold: "
                  f"start earlier, or forecast fewer months (the command line reads dates to 2399)")
        raise ScenarioError(f"{source}: /start_date: {detail}", source, "/start_date", detail)


class Scenario:
    """A validated scenario (see docs/scenario-format.md for the format).

    Make one with ``Scenario.load(path)`` or ``Scenario.from_dict(d)``. To change a rate, edit the dict
    and make a new scenario::

        d = sc.to_dict()
        d["transitions"][6]["time"]["mean_days"] /= 2
        faster = caseflow.Scenario.from_dict(d)

    Scenarios are immutable, compare equal when their contents are equal, and can be pickled.
    """

    __slots__ = ("_core", "_source")

    def __init__(self, *args, **kwargs):
        raise TypeError("make a Scenario with caseflow.Scenario.load(path) or caseflow.Scenario.from_dict(d)")

    @classmethod
    def _wrap(cls, core, source):
        _refuse_dates_beyond_pandas(core, source)
        scenario = object.__new__(cls)
        object.__setattr__(scenario, "_core", core)
        object.__setattr__(scenario, "_source", source)
        return scenario

    @classmethod
    def load(cls, path):
        """Reads and validates a scenario file; raises ScenarioError naming the file and the JSON path."""
        path = os.fspath(path)
        return cls._wrap(_core.Scenario.load(path), path)

    @classmethod
    def from_dict(cls, d, source="<dict>", base_directory=None):
        """Validates a scenario given as a dict (the JSON document as Python values).

        A dict with ``"base"`` (a strategy that inherits another scenario file and overrides parts of it)
        needs ``base_directory``, the folder that file's path is relative to, e.g. ``"scenarios/strategies"``.

        Raises ScenarioError naming ``source`` and the JSON path of the first mistake, including values
        that have no JSON form (sets, bytes, non-string keys, numpy arrays: use ``.tolist()``).
        """
        directory = None if base_directory is None else os.fspath(base_directory)
        return cls._wrap(_core.Scenario.from_json_value(d, source, directory), source)

    def to_dict(self):
        """The scenario as a dict of JSON values; ``Scenario.from_dict(sc.to_dict()) == sc``."""
        return self._core.to_json_value()

    @property
    def name(self):
        return self._core.name

    @property
    def source(self):
        """Where it came from: the path given to ``load``, or the ``source`` given to ``from_dict``.
        ``caseflow.compare`` names a strategy after its file (``sgo-push`` for ``.../sgo-push.json``)."""
        return self._source

    @property
    def start_date(self):
        """The first snapshot date, a ``datetime.date``."""
        return datetime.date.fromisoformat(self._core.start_date)

    @property
    def horizon_months(self):
        return self._core.horizon_months

    @property
    def state_ids(self):
        """Care state ids, in the order of the file (and of the outputs' columns)."""
        return list(self._core.state_ids)

    @property
    def state_labels(self):
        """{state id: label}, in the order of the file."""
        return dict(zip(self._core.state_ids, self._core.state_labels))

    @property
    def exit_ids(self):
        return list(self._core.exit_ids)

    @property
    def exit_labels(self):
        """{exit id: label}, in the order of the file."""
        return dict(zip(self._core.exit_ids, self._core.exit_labels))

    @property
    def comparators(self):
        """Reference levels for the number in care, as in the file: a list of {"id", "label", "count", ...}.

        For Herefordshire: the numbers it would look after at the West Midlands (296), England (235) and
        statistical neighbours' (196) rates. ``caseflow.plots.fan_chart`` draws them.
        """
        return self.to_dict().get("comparators", [])

    def __setattr__(self, name, value):
        raise AttributeError("a Scenario cannot be changed: edit sc.to_dict() and use Scenario.from_dict")

    def __eq__(self, other):
        if not isinstance(other, Scenario):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None

    def __reduce__(self):  # the dict has no "base": inheritance was resolved when the scenario was read
        return (Scenario.from_dict, (self.to_dict(), self._source))

    def __repr__(self):
        return (f"<caseflow.Scenario {self.name!r}: {len(self._core.state_ids)} states, "
                f"from {self._core.start_date} for {self.horizon_months} months>")
