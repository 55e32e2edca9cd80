"""Strategies against a base, with common random numbers: ``caseflow compare`` from Python."""

import os
import pathlib
import re
import warnings

from . import _core
from ._progress import TextProgress
from ._run import ChanceAloneWarning, RunResult, _frame, _uncertainty, run
from ._scenario import Scenario

_ID = re.compile(r"^[^,\r\n\"]+$")  # a strategy id goes into CSV rows unquoted, as the command line writes them


def compare(base, strategies, replications=1000, seed=1, threads=None, progress=False, uncertainty="all"):
    """Runs ``base`` and every strategy with the same seed, and compares each strategy with the base.

    The same as ``caseflow compare BASE STRATEGY...``: replication r of every scenario sees the same children
    with the same random numbers (common random numbers), so the paired difference, replication by
    replication, isolates each strategy's effect from chance. The comparison itself is the engine's
    (compare_runs), and its tables are those of its comparison_*.csv files.

    Args:
        base: a ``caseflow.Scenario``.
        strategies: a list of Scenarios, each named after its file (``sgo-push`` for
            ``Scenario.load(".../sgo-push.json")``, as the command line names it), or a dict ``{name: Scenario}``.
            Each must have the base's states, start date and horizon: checked before anything runs, a
            mismatch raises ``caseflow.ScenarioError`` naming the strategy's file and the JSON path.
        replications, seed, threads, uncertainty: as for ``caseflow.run``. With the same seed, the base and each
            strategy draw the same parameters and drift paths for everything the strategy inherits, so a difference
            is the strategy's effect under the same unknowns.
        progress: False, True (a bar on sys.stderr) or a callable ``progress(completed, total)`` over all runs.

    Returns a ``Comparison``.
    """
    named = _named_strategies(strategies)
    uncertainty = _uncertainty(uncertainty)
    if not isinstance(base, Scenario):
        raise TypeError(f"the base must be a caseflow.Scenario, got {type(base).__name__}")
    if progress is True:
        progress = TextProgress("caseflow compare")
    elif progress is False:
        progress = None
    elif progress is not None and not callable(progress):
        raise TypeError("progress must be True, False or a callable(completed, total)")
    # Every strategy is checked against the base before anything runs, as the command line does.
    base_file = base.source if base.source and base.source.endswith(".json") else ""
    for name, strategy in named.items():
        _core.check_strategy_matches_base(base._core, base_file, strategy._core, _strategy_file(name, strategy))
    scenarios = [base] + list(named.values())
    total = replications * len(scenarios)
    results = []
    for i, scenario in enumerate(scenarios):
        report = None
        if progress is not None:
            def report(completed, _, before=i * replications):
                progress(before + completed, total)
        with warnings.catch_warnings():
            if i > 0:  # the base says it once
                warnings.simplefilter("ignore", ChanceAloneWarning)
            results.append(run(scenario, replications=replications, seed=seed, threads=threads, per_replication=True,
                               progress=report or False, uncertainty=uncertainty))
    return Comparison(results[0], dict(zip(named, results[1:])))


def _named_strategies(strategies):
    if isinstance(strategies, Scenario):
        strategies = [strategies]
    if isinstance(strategies, dict):
        named = dict(strategies)
    else:
        named = {}
        for strategy in strategies:
            if not isinstance(strategy, Scenario):
                raise TypeError(f"strategies must be caseflow.Scenario objects, got {type(strategy).__name__}")
            name = _strategy_id(strategy)
            if name in named:
                raise ValueError(f"two strategies are both called {name!r}: pass a dict {{name: Scenario}}")
            named[name] = strategy
    if not named:
        raise ValueError("no strategies to compare")
    for name, strategy in named.items():
        if not isinstance(name, str) or not _ID.match(name):
            raise ValueError(f"a strategy's name must be text without commas, quotes or line breaks, got {name!r}")
        if not isinstance(strategy, Scenario):
            raise TypeError(f"strategy {name!r} must be a caseflow.Scenario, got {type(strategy).__name__}")
    return named


def _strategy_file(name, scenario):
    """What a mismatch names: the strategy's file, or its name when it was not read from one."""
    source = scenario.source
    return source if source and source.endswith(".json") else name


def _strategy_id(scenario):
    source = scenario.source
    if source and source.endswith(".json"):
        return os.path.splitext(os.path.basename(source))[0]  # as the command line names it
    return scenario.name.replace(",", ";").replace('"', ";")


class Comparison:
    """Strategies against their base: the tables of ``caseflow compare`` as pandas DataFrames.

    Differences are strategy - base, replication by replication (so negative is fewer children); savings
    and child-days avoided are base - strategy. Bands are the 5th and 95th percentiles of the paired
    differences over replications.

    Attributes:
        base: the base's ``RunResult``; strategies: ``{name: RunResult}`` (both with per-replication arrays).
    """

    def __init__(self, base, strategies):
        if not isinstance(base, RunResult) or not all(isinstance(r, RunResult) for r in strategies.values()):
            raise TypeError("a Comparison is made from caseflow.RunResult objects")
        self.base = base
        self.strategies = dict(strategies)
        names = [result.scenario.name for result in self.strategies.values()]
        self._tables = _core.compare(base.scenario._core, base._outcome, [r._outcome for r in self.strategies.values()],
                                    list(self.strategies), names)

    @property
    def replications(self):
        return self.base.replications

    @property
    def seed(self):
        return self.base.seed

    def in_care(self):
        """strategy, date, base_mean, strategy_mean, difference_mean, difference_p05, difference_p50,
        difference_p95: children in care at every snapshot date (comparison_in_care.csv)."""
        return _frame(self._tables["comparison_in_care.csv"])

    def summary(self):
        """strategy, name, child_days_avoided_mean/_p05/_p50/_p95 (child-days in care avoided over the horizon,
        integrated over every stay), end_difference_mean/_p05/_p50/_p95 (the difference at the last date):
        comparison_summary.csv."""
        return _frame(self._tables["comparison_summary.csv"])

    def routes(self):
        """strategy, route, base_mean, strategy_mean, difference_mean/_p05/_p50/_p95: exits from care by route
        over the horizon, and "diverted" arrivals (comparison_routes.csv)."""
        return _frame(self._tables["comparison_routes.csv"])

    def comparators(self):
        """strategy, date, comparator, count, base_probability, strategy_probability: the chance of being at or
        below each of the base's comparators every 12 months (comparison_comparators.csv)."""
        return _frame(self._tables["comparison_comparators.csv"])

    def costs(self):
        """strategy, financial_year, base_cost, strategy_cost, net_saving_mean/_p05/_p50/_p95, chance_of_saving: net
        saving (base - strategy, the strategy's running costs included) by financial year, then "all" years (each
        replication's years added up), with the share of replications that save (comparison_costs.csv)."""
        return _frame(self._tables["comparison_costs.csv"])

    def to_excel(self, path):
        """Writes the comparison's Excel workbook to ``path`` (as ``caseflow compare --xlsx``): an About sheet,
        the strategies ranked by their effect on children in care at the end, a sheet per comparison file with
        its rows and numbers (to 16 significant digits) (the strategies and ids in words, pounds and chances formatted), and the
        Assumptions. Returns the path, as a ``pathlib.Path``."""
        path = pathlib.Path(path)
        names = [result.scenario.name for result in self.strategies.values()]
        path.write_bytes(_core.comparison_workbook(
            self.base.scenario._core, self.base._outcome, [r._outcome for r in self.strategies.values()],
            list(self.strategies), names, [r.scenario._core for r in self.strategies.values()], self.base.uncertainty))
        return path

    def table(self):
        """The plain-text table ``caseflow compare`` prints."""
        return self._tables["table"]

    def __str__(self):
        return self.table()

    def __repr__(self):
        return (f"<caseflow.Comparison of {len(self.strategies)} strategies with {self.base.scenario.name!r}: "
                f"{self.replications} replications, seed {self.seed}>")
