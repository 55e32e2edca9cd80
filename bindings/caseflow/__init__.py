"""caseflow: Monte Carlo forecasts of children in care, from Python.

    import caseflow
    sc = caseflow.Scenario.load("scenarios/herefordshire-2020.json")
    res = caseflow.run(sc, replications=1000, seed=1)
    res.summary()          # date, state, mean, p05, p25, p50, p75, p95: the numbers of summary.csv

The simulation, validation and summaries are the C++ engine's (the private module ``caseflow._core``);
this package only presents them. Plots are in ``caseflow.plots``.
"""

from ._errors import ScenarioError  # first: the compiled core looks it up when it is imported
from . import _core
from ._run import RunResult, run
from ._scenario import Scenario

__version__ = _core.__version__

__all__ = ["RunResult", "Scenario", "ScenarioError", "run"]


def __getattr__(name):
    # caseflow.plots on first use, so that importing caseflow does not import matplotlib.
    if name == "plots":
        import importlib
        return importlib.import_module(".plots", __name__)
    raise AttributeError(f"module 'caseflow' has no attribute {name!r}")
