"""Running a scenario, and its results as pandas DataFrames and numpy arrays."""

import operator
import pathlib
import warnings

import numpy as np
import pandas as pd

from . import _core
from ._progress import TextProgress
from ._scenario import Scenario


def run(scenario, replications=1000, seed=1, threads=None, per_replication=False, progress=False,
        uncertainty="all", parameter_uncertainty=None):
    """Simulates ``scenario`` ``replications`` times; the same as ``caseflow run`` on the command line.

    Args:
        scenario: a ``caseflow.Scenario``.
        replications: how many independent replications (1 to 10,000,000).
        seed: the random seed (0 to 2**64 - 1). Replication r uses the streams of (seed, r), so a result
            does not depend on ``threads``, and two scenarios run with the same seed share random numbers.
        threads: engine threads; None for all hardware threads. The GIL is released while they run.
        per_replication: keep every replication's counts, for ``stocks()``, ``flows()``, ``stock_counts``
            and ``flow_counts``. Without it they are dropped once summarized, to save memory.
        progress: False for none; True for a bar on sys.stderr; or a callable ``progress(completed, total)``.
            Either is called from this thread only, a few times a second, never from the engine's threads.
        uncertainty: what the bands hold, as ``caseflow run --uncertainty``: ``"chance"`` (the paths of
            individual children) alone; ``"parameters"`` too (the ranges and estimated uncertainty the scenario
            states, drawn per replication); or ``"all"`` (the default): drift too. ``result.uncertainty_held``
            says which of them the scenario gave anything for; a scenario that states none warns
            (``caseflow.ChanceAloneWarning``): its band holds chance alone.
        parameter_uncertainty: the older switch: True is ``uncertainty="all"``, False ``"chance"``.

    Ctrl-C (or interrupting the Jupyter kernel) stops the run within a replication or so and raises
    KeyboardInterrupt; so does an exception raised by the progress callable.
    """
    if not isinstance(scenario, Scenario):
        raise TypeError(f"caseflow.run needs a caseflow.Scenario (from Scenario.load or Scenario.from_dict), "
                        f"got {type(scenario).__name__}")
    replications = _replications(replications)
    seed = _whole_number("seed", seed, 0, 2**64 - 1)
    threads = 0 if threads is None else _threads(threads)
    if progress is True:
        progress = TextProgress()
    elif progress is False or progress is None:
        progress = None
    elif not callable(progress):
        raise TypeError("progress must be True, False or a callable(completed, total)")
    uncertainty = _uncertainty(uncertainty, parameter_uncertainty)
    outcome = _core.run(scenario._core, replications, seed, threads, bool(per_replication), progress,
                        uncertainty=uncertainty)
    result = RunResult(scenario, outcome, uncertainty)
    if uncertainty != "chance" and result.uncertainty_held == ["chance"]:
        warnings.warn(f"{scenario.name} states no parameter ranges, estimated uncertainty or drift: its bands hold "
                      f"only the chance of individual children's paths, far narrower than what real forecasts miss by",
                      ChanceAloneWarning, stacklevel=2)
    return result


class ChanceAloneWarning(UserWarning):
    """A run's band holds only the chance of individual children's paths: the scenario states no uncertainty."""


def _uncertainty(uncertainty, parameter_uncertainty=None):
    """The layers asked for, by name, from ``uncertainty`` and the older ``parameter_uncertainty`` switch."""
    if uncertainty not in ("chance", "parameters", "all"):
        raise ValueError(f'uncertainty must be "chance", "parameters" or "all", got {uncertainty!r}')
    if parameter_uncertainty is None:
        return uncertainty
    older = "all" if parameter_uncertainty else "chance"
    if uncertainty != "all" and uncertainty != older:
        raise ValueError(f"parameter_uncertainty={parameter_uncertainty!r} and uncertainty={uncertainty!r} disagree: "
                         f"give uncertainty alone")
    return older


def _replications(value, name="replications"):
    """A number of replications within the engine's bounds, those of the command line's --replications."""
    return _whole_number(name, value, _core.MIN_REPLICATIONS, _core.MAX_REPLICATIONS)


def _threads(value, name="threads"):
    """A number of threads within the engine's bounds (None, for all hardware threads, is the caller's)."""
    return _whole_number(name, value, 1, _core.MAX_THREADS)


def _whole_number(name, value, low, high):
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a whole number, got {value!r}")
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be a whole number, got {value!r}") from None
    if not low <= number <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {number}")
    return number


def _frame(columns, empty_as_csv=True):
    """A table of the engine's, as ``_core`` gives it (a list of (column, values) pairs in a CSV file's column
    order: float64 and datetime64[ns] arrays, lists of str), as a DataFrame with the file's columns, rows and
    numbers. ``empty_as_csv``: an empty table gets the index pandas gives a CSV file of a header alone, as the
    tables once read from the engine's CSV text had."""
    # Text as object arrays, so that an empty column is one of text too. The frame copies the arrays: it is the
    # user's to change.
    frame = pd.DataFrame({name: values if isinstance(values, np.ndarray) else np.array(values, dtype=object)
                          for name, values in columns})
    if empty_as_csv and len(frame) == 0:
        frame.index = pd.Index([], dtype=object)
    return frame


class RunResult:
    """The outcome of ``caseflow.run``.

    Summaries are computed by the engine's own summary code and laid out as the engine lays out its files, so
    ``summary()``, ``flows_summary()``, ``age_bands_summary()``, ``costs_summary()``, ``placements_summary()`` and
    ``budget()`` hold the rows and numbers of the command line's summary.csv, flows_summary.csv,
    age_bands_summary.csv, costs_summary.csv, placements_summary.csv and budget.csv exactly. Dates are pandas
    ``datetime64[ns]`` at midnight (``df.date.dt.strftime("%Y-%m-%d")`` gives the CSV's text); they carry
    no numbers of their own, so nothing is lost in the choice.
    """

    def __init__(self, scenario, outcome, uncertainty="all"):
        self._scenario = scenario
        self._outcome = outcome
        self._uncertainty = uncertainty
        self._tables = None

    def _table(self, file):
        """The table of one of the summary files (``None`` when the command line would not write it)."""
        if self._tables is None:
            self._tables = self._outcome.summary_tables()
        return self._tables.get(file)

    # What was run.
    @property
    def scenario(self):
        return self._scenario

    @property
    def uncertainty(self):
        """The layers of uncertainty asked for: ``"chance"``, ``"parameters"`` or ``"all"``."""
        return self._uncertainty

    @property
    def uncertainty_held(self):
        """What the bands hold: ``["chance"]``, with ``"parameters"`` and ``"drift"`` where the scenario states
        them and the layers asked for include them."""
        return _core.held_uncertainty(self._scenario._core, self._uncertainty)

    @property
    def replications(self):
        return self._outcome.replications

    @property
    def seed(self):
        return self._outcome.seed

    @property
    def threads(self):
        """Engine threads used."""
        return self._outcome.threads

    @property
    def events(self):
        """Events processed over all replications."""
        return self._outcome.events

    @property
    def seconds(self):
        """Wall time of the replications (as the command line reports it)."""
        return self._outcome.seconds

    @property
    def per_replication(self):
        """Whether per-replication counts were kept (``run(..., per_replication=True)``)."""
        return self._outcome.kept_replications

    # How the outputs are laid out.
    @property
    def dates(self):
        """Snapshot dates: the start date plus k calendar months, k = 0..horizon_months."""
        days = np.asarray(self._outcome.snapshot_days).astype("datetime64[D]")
        return pd.DatetimeIndex(days.astype("datetime64[ns]"), name="date")

    @property
    def stock_columns(self):
        """The stock columns: every state id, then "in_care"."""
        return list(self._outcome.stock_columns)

    @property
    def flow_keys(self):
        """The flows as (from, to): transitions, arrivals ("arrival", state) and exits (state, exit id)."""
        return [tuple(key) for key in self._outcome.flow_keys]

    # Summaries (always available).
    def summary(self):
        """Stocks: date, state, mean, p05, p25, p50, p75, p95; one row per date and stock column, as summary.csv."""
        return _frame(self._table("summary.csv"), empty_as_csv=False)

    def flows_summary(self):
        """Flows per month: month_start, from, to, mean, p05, p50, p95, as flows_summary.csv.

        A month's flows are the movements in (month_start, next month_start].
        """
        return _frame(self._table("flows_summary.csv"), empty_as_csv=False)

    # Costs (when the scenario has placement types, allowances or running costs).
    @property
    def has_costs(self):
        """Whether the run has costs to report: ``caseflow run`` writes costs_summary.csv only then."""
        return self._table("costs_summary.csv") is not None

    @property
    def cost_periods(self):
        """The calendar months of the cost outputs ("2020-11", ...), clipped to the simulated period."""
        return list(self._outcome.cost_periods)

    @property
    def financial_years(self):
        """The financial years (1 April to 31 March) the simulated period touches: "2020/21", ..."""
        return list(self._outcome.financial_years)

    @property
    def cost_period_financial_years(self):
        """For each cost period, the index in ``financial_years`` of the financial year it belongs to."""
        return list(self._outcome.cost_period_financial_years)

    @property
    def cost_categories(self):
        """Cost categories: the placement types, then the allowances, then "running_costs"."""
        return list(self._outcome.cost_categories)

    @property
    def placement_types(self):
        """The placement type ids (the first cost categories)."""
        return self.cost_categories[:self._outcome.placement_categories]

    @property
    def has_budgets(self):
        """Whether the scenario has budget lines (costs.budgets), for ``budget()``."""
        return self._table("budget.csv") is not None

    def costs_summary(self):
        """Pounds by calendar month ("2020-11") and financial year ("2021/22") and category: period_type ("month"
        or "financial_year"), period, category, mean, p05, p25, p50, p75, p95: costs_summary.csv's rows and numbers.

        Categories: each placement type, each allowance, running_costs, total, and for financial years
        cost_per_child_year (placement costs divided by child-years in care).
        """
        if not self.has_costs:
            raise RuntimeError(f"{self._scenario.name!r} has no costs: give it placement_types (and a placement_mix), "
                               "allowances or interventions with an annual_cost")
        return _frame(self._table("costs_summary.csv"))

    @property
    def age_bands(self):
        """The age bands of ``age_bands_summary()``: "0", "1-4", "5-9", "10-15", "16-17", "18+"."""
        return ["0", "1-4", "5-9", "10-15", "16-17", "18+"]

    def age_bands_summary(self):
        """Children in care by age band (whole years on the day) at each snapshot date: date, age_band, mean, p05,
        p25, p50, p75, p95, as age_bands_summary.csv."""
        return _frame(self._table("age_bands_summary.csv"), empty_as_csv=False)

    def placements_summary(self):
        """Children by placement type at each snapshot date: date, placement_type, mean, p05, p25, p50, p75, p95,
        as placements_summary.csv."""
        if not self.placement_types:
            raise RuntimeError(f"{self._scenario.name!r} has no placement_types")
        return _frame(self._table("placements_summary.csv"))

    def budget(self):
        """Each budget line of the scenario's costs.budgets: financial_year, budget, mean_cost,
        probability_over_budget (the share of replications whose total cost that year exceeds it), as budget.csv."""
        if not self.has_budgets:
            raise RuntimeError(f"{self._scenario.name!r} has no budgets (costs.budgets)")
        return _frame(self._table("budget.csv"))

    # Per replication (with per_replication=True).
    @property
    def stock_counts(self):
        """int32 array (replications, dates, stock columns): the engine's own memory, not a copy; read-only.

        It keeps the result's memory alive for as long as it exists.
        """
        self._require_replications("stock_counts")
        return self._outcome.stock_counts

    @property
    def flow_counts(self):
        """int32 array (replications, months, flow keys): the engine's own memory, not a copy; read-only."""
        self._require_replications("flow_counts")
        return self._outcome.flow_counts

    @property
    def cost_pounds(self):
        """float64 array (replications, cost periods, cost categories): pounds, the engine's memory; read-only.

        ``cost_pounds.sum(axis=2)`` is the total by calendar month; see ``cost_periods``, ``cost_categories``.
        """
        self._require_replications("cost_pounds")
        return self._outcome.cost_pounds

    @property
    def cost_period_care_days(self):
        """float64 array (replications, cost periods): child-days in care in each calendar month of the costs."""
        self._require_replications("cost_period_care_days")
        return self._outcome.cost_period_care_days

    @property
    def placement_counts(self):
        """int32 array (replications, dates, placement types): children in each placement type at each date."""
        self._require_replications("placement_counts")
        return self._outcome.placement_counts

    @property
    def care_days(self):
        """float64 array (replications, months, stock columns): child-days spent in each state (and in care,
        the last column) in each month between snapshots, integrated exactly over every stay."""
        self._require_replications("care_days")
        return self._outcome.care_days

    def financial_year_costs(self, category=None):
        """float64 array (replications, financial years): each replication's cost of each financial year, in
        one category (an id of ``cost_categories``) or, by default, in total; the engine's sums, those behind
        costs_summary() and budget()."""
        self._require_replications("financial_year_costs")
        index = -1
        if category is not None:
            if category not in self.cost_categories:
                raise ValueError(f"no cost category {category!r}; they are {', '.join(self.cost_categories)}")
            index = self.cost_categories.index(category)
        return self._outcome.financial_year_costs(index)

    def to_excel(self, path):
        """Writes the run's Excel workbook to ``path`` (as ``caseflow run --xlsx``): an About sheet, costs by
        financial year (part years marked, a totals row), a sheet per summary file with its rows and
        numbers (ids in the scenario's words, pounds and chances formatted), and the Assumptions: every unit cost
        with its source. Returns the path, as a ``pathlib.Path``."""
        path = pathlib.Path(path)
        path.write_bytes(_core.run_workbook(self._scenario._core, self._outcome, self._uncertainty))
        return path

    def costs(self):
        """Every replication's costs: replication, period, category, cost, in the row order of costs.csv."""
        pounds = self.cost_pounds
        replications, periods, categories = pounds.shape
        return pd.DataFrame({
            "replication": np.repeat(np.arange(replications), periods * categories),
            "period": np.tile(np.repeat(np.array(self.cost_periods, dtype=object), categories), replications),
            "category": np.tile(np.array(self.cost_categories, dtype=object), replications * periods),
            "cost": pounds.reshape(-1),
        })

    def stocks(self):
        """Every replication's stocks: replication, date, state, count, in the row order of stocks.csv."""
        counts = self.stock_counts
        replications, dates, columns = counts.shape
        return pd.DataFrame({
            "replication": np.repeat(np.arange(replications), dates * columns),
            "date": np.tile(np.repeat(self.dates.values, columns), replications),
            "state": np.tile(np.array(self.stock_columns, dtype=object), replications * dates),
            "count": counts.reshape(-1),  # C order: replication, then date, then column
        })

    def flows(self):
        """Every replication's flows: replication, month_start, from, to, count, as flows.csv."""
        counts = self.flow_counts
        replications, months, keys = counts.shape
        flow_keys = self.flow_keys
        return pd.DataFrame({
            "replication": np.repeat(np.arange(replications), months * keys),
            "month_start": np.tile(np.repeat(self.dates.values[:-1], keys), replications),
            "from": np.tile(np.array([key[0] for key in flow_keys], dtype=object), replications * months),
            "to": np.tile(np.array([key[1] for key in flow_keys], dtype=object), replications * months),
            "count": counts.reshape(-1),
        })

    def _require_replications(self, what):
        if not self.per_replication:
            raise RuntimeError(f"{what} needs the per-replication counts: run with caseflow.run(..., per_replication=True)")

    def __repr__(self):
        return (f"<caseflow.RunResult {self._scenario.name!r}: {self.replications} replications, seed {self.seed}, "
                f"{self.events} events in {self.seconds:.3g} s on {self.threads} threads>")
