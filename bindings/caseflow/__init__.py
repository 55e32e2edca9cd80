"""caseflow: Monte Carlo forecasts of children in care, from Python.

    import caseflow
    sc = caseflow.Scenario.load("scenarios/herefordshire-2020.json")
    res = caseflow.run(sc, replications=1000, seed=1)
    res.summary()          # date, state, mean, p05, p25, p50, p75, p95: the numbers of summary.csv
    res.costs_summary()    # pounds by month and financial year: costs_summary.csv
    cmp = caseflow.compare(sc, [caseflow.Scenario.load("scenarios/strategies/sgo-push.json")])
    cmp.in_care()          # the strategy minus the base, paired by replication: comparison_in_care.csv
    caseflow.variance_sources(sc)  # the share of the spread due to chance, parameters and drift

The simulation, validation and summaries are the C++ engine's (the private module ``caseflow._core``);
this package only presents them. Plots are in ``caseflow.plots``.
"""

from ._errors import ScenarioError  # first: the compiled core looks it up when it is imported
from . import _core
from ._run import ChanceAloneWarning, RunResult, run
from ._scenario import Scenario
from ._compare import Comparison, compare
from ._sensitivity import sensitivity, sensitivity_parameters
from ._variance_sources import variance_sources

__version__ = _core.__version__

__all__ = ["ChanceAloneWarning", "Comparison", "RunResult", "Scenario", "ScenarioError", "compare", "run", "sensitivity",
           "sensitivity_parameters", "variance_sources"]


def __getattr__(name):
    # caseflow.plots and caseflow.distributed on first use, so that importing caseflow does not import
    # matplotlib or dask.
    if name in ("plots", "distributed"):
        import importlib
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'caseflow' has no attribute {name!r}")
