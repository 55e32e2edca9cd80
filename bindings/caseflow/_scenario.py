"""Scenarios: read, validated and written by the engine; nothing about them is decided here."""

import datetime
import math
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


# The mean waiting time of the distributions whose mean is not a parameter of their own, from their parameters.
_MEAN_OF = {"weibull": lambda t: t["scale_days"] * math.gamma(1 + 1 / t["shape"]),
            "gamma": lambda t: t["shape"] * t["scale_days"]}


def _set_time(times, key, value):
    """Sets a parameter of a transition's time, moving its stated 90% range (``key_range``) by the same factor."""
    old = times[key]
    times[key] = value
    range_ = times.get(key + "_range")
    if range_ is not None and isinstance(old, (int, float)) and old != 0:
        factor = value / old
        range_["low"], range_["high"] = range_["low"] * factor, range_["high"] * factor
        range_["note"] = (range_.get("note", "") + f" Moved with {key} from {old:g} to {value:g} "
                          f"(Scenario.with_transition).").strip()


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

    def with_transition(self, from_state, to, name=None, **time):
        """A copy with the waiting time of every transition from ``from_state`` to ``to`` (a state or exit id)
        changed, named for the change::

            faster = sc.with_transition("ico", "plan_sgo", mean_days=150)

        ``time`` sets parameters of the transition's time, by their names in the file (``mean_days`` of an
        exponential, ``shape`` and ``scale_days`` of a Weibull or gamma, ...); ``mean_days`` of a Weibull or gamma
        time sets its mean by moving its scale, its shape kept. A parameter with a stated 90% range
        (``mean_days_range``) has its range moved with it, by the same factor, so that a run with uncertainty
        draws around the new value with the same relative uncertainty (a range left behind would overrule the
        change). ``name``: the new scenario's name; by default the old one without "(baseline)", followed by the
        change, so that charts and reports are not titled after the baseline. Raises ValueError for a
        transition or parameter the scenario does not have, and ScenarioError for a value it cannot take.
        """
        if not time:
            raise ValueError("give at least one parameter of the time to change, e.g. mean_days=150")
        d = self.to_dict()
        matching = [t for t in d.get("transitions", []) if t.get("from") == from_state and t.get("to") == to]
        if not matching:
            options = sorted({t["to"] for t in d.get("transitions", []) if t.get("from") == from_state})
            if not options:
                raise ValueError(f"no transition from {from_state!r}; the states with transitions are "
                                 f"{', '.join(sorted({t['from'] for t in d.get('transitions', [])}))}")
            raise ValueError(f"no transition from {from_state!r} to {to!r}; from {from_state!r} it goes to {', '.join(options)}")
        for transition in matching:
            times = transition["time"]
            for key, value in time.items():
                if key == "mean_days" and key not in times and times.get("dist") in _MEAN_OF:
                    # The mean of a Weibull or gamma time moves with its scale: the shape is kept.
                    factor = value / _MEAN_OF[times["dist"]](times)
                    _set_time(times, "scale_days", times["scale_days"] * factor)
                    continue
                if key not in times or key.endswith("_range") or key in ("dist", "note", "uncertainty"):
                    parameters = [k for k in times if not k.endswith("_range") and k not in ("dist", "note", "uncertainty")]
                    raise ValueError(f"the time from {from_state!r} to {to!r} is {times.get('dist')}: its parameters are "
                                     f"{', '.join(parameters)}, not {key!r}")
                _set_time(times, key, value)
        if name is None:
            base = self.name[:-len(" (baseline)")] if self.name.endswith(" (baseline)") else self.name
            change = ", ".join(f"{key} {value:g}" if isinstance(value, (int, float)) else f"{key} {value}"
                               for key, value in time.items())
            name = f"{base}: {from_state} to {to} with {change}"
        d["name"] = name
        return Scenario.from_dict(d, source=f"{self._source} with {from_state} to {to} changed")

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
