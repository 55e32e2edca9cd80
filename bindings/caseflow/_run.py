"""Running a scenario, and its results as pandas DataFrames and numpy arrays."""

import operator

import numpy as np
import pandas as pd

from . import _core
from ._progress import TextProgress
from ._scenario import Scenario


def run(scenario, replications=1000, seed=1, threads=None, per_replication=False, progress=False):
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

    Ctrl-C (or interrupting the Jupyter kernel) stops the run within a replication or so and raises
    KeyboardInterrupt; so does an exception raised by the progress callable.
    """
    if not isinstance(scenario, Scenario):
        raise TypeError(f"caseflow.run needs a caseflow.Scenario (from Scenario.load or Scenario.from_dict), "
                        f"got {type(scenario).__name__}")
    replications = _whole_number("replications", replications, 1, 10_000_000)
    seed = _whole_number("seed", seed, 0, 2**64 - 1)
    threads = 0 if threads is None else _whole_number("threads", threads, 1, 1024)
    if progress is True:
        progress = TextProgress()
    elif progress is False or progress is None:
        progress = None
    elif not callable(progress):
        raise TypeError("progress must be True, False or a callable(completed, total)")
    outcome = _core.run(scenario._core, replications, seed, threads, bool(per_replication), progress)
    return RunResult(scenario, outcome)


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


def _quantile_column(probability):
    return f"p{round(probability * 100):02d}"  # 0.05 -> "p05", as in the CSV headers


def _with_statistics(frame, probabilities, mean, quantiles):
    frame["mean"] = mean
    for j, probability in enumerate(probabilities):
        frame[_quantile_column(probability)] = quantiles[:, j]
    return frame


class RunResult:
    """The outcome of ``caseflow.run``.

    Summaries are computed by the engine's own summary code, so ``summary()`` and ``flows_summary()`` hold
    the numbers of the command line's summary.csv and flows_summary.csv exactly. Dates are pandas
    ``datetime64[ns]`` at midnight (``df.date.dt.strftime("%Y-%m-%d")`` gives the CSV's text); they carry
    no numbers of their own, so nothing is lost in the choice.
    """

    def __init__(self, scenario, outcome):
        self._scenario = scenario
        self._outcome = outcome

    # What was run.
    @property
    def scenario(self):
        return self._scenario

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
        probabilities, mean, quantiles = self._outcome.stock_summary()
        columns = np.array(self.stock_columns, dtype=object)
        dates = self.dates.values
        frame = pd.DataFrame({"date": np.repeat(dates, len(columns)), "state": np.tile(columns, len(dates))})
        return _with_statistics(frame, probabilities, mean, quantiles)

    def flows_summary(self):
        """Flows per month: month_start, from, to, mean, p05, p50, p95, as flows_summary.csv.

        A month's flows are the movements in (month_start, next month_start].
        """
        probabilities, mean, quantiles = self._outcome.flow_summary()
        keys = self.flow_keys
        month_starts = self.dates.values[:-1]
        frame = pd.DataFrame({
            "month_start": np.repeat(month_starts, len(keys)),
            "from": np.tile(np.array([key[0] for key in keys], dtype=object), len(month_starts)),
            "to": np.tile(np.array([key[1] for key in keys], dtype=object), len(month_starts)),
        })
        return _with_statistics(frame, probabilities, mean, quantiles)

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
