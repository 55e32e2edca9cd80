"""How much of a forecast's spread each source of uncertainty makes: ``caseflow.variance_sources``."""

from . import _core
from ._run import _frame, _replications, _threads, _uncertainty, _whole_number
from ._scenario import Scenario


def variance_sources(scenario, replications=1000, seed=1, threads=None, uncertainty="all"):
    """The share of the spread of children in care, and of each financial year's total cost, due to chance, to the
    parameters not being known (the ranges and estimated uncertainty the scenario states) and to drift: the
    section "What the range holds" of ``caseflow report``, from the engine's own ``variance_sources``.

    The scenario is run with ``uncertainty`` (as ``caseflow.run``), then again with each lower layer it states
    anything for, with the same seed and replications, so the layers differ only by what they add. Each source's
    share is what its layer adds to the variance over replications; a layer that adds less than the runs' noise
    adds nothing (never a negative share).

    Args:
        scenario, replications, seed, threads, uncertainty: as for ``caseflow.run``.

    Returns:
        A DataFrame with a row per snapshot date (``measure`` "in_care", ``financial_year`` None), then, when the
        scenario has costs, a row per financial year (``measure`` "cost", ``financial_year`` "2021/22", ``date`` its
        31 March), and columns ``variance_chance``, ``variance_parameters`` and ``variance_all`` (the variance over
        replications with chance alone, with the parameters too, and with everything asked for; a layer the scenario
        states nothing for equals the one below it) and ``share_chance``, ``share_parameters`` and ``share_drift``,
        adding up to 1 (everything is chance where nothing varies, as at the start).

    Ctrl-C (or interrupting the Jupyter kernel) stops it within a replication or so and raises KeyboardInterrupt.
    """
    if not isinstance(scenario, Scenario):
        raise TypeError(f"caseflow.variance_sources needs a caseflow.Scenario (from Scenario.load or Scenario.from_dict), "
                        f"got {type(scenario).__name__}")
    replications = _replications(replications)
    seed = _whole_number("seed", seed, 0, 2**64 - 1)
    threads = 0 if threads is None else _threads(threads)
    uncertainty = _uncertainty(uncertainty)
    frame = _frame(_core.variance_sources(scenario._core, replications, seed, threads, uncertainty))
    frame["financial_year"] = frame["financial_year"].where(frame["measure"] == "cost", None)
    return frame
