"""One-at-a-time sensitivity analysis: each parameter a little lower and a little higher, with common random
numbers, against the unchanged scenario.

A parameter is addressed by its JSON path (RFC 6901 JSON pointer) in the scenario's dict, e.g.
``"/transitions/3/time/mean_days"``; a changed scenario is made with ``to_dict``, an edit at that path, and
``Scenario.from_dict``, which validates it like a file. The comparisons are the engine's (``compare_runs``):
the effect of a change is the paired difference from the base, replication by replication.
"""

import warnings

import pandas as pd

from ._compare import Comparison
from ._progress import TextProgress
from ._run import ChanceAloneWarning, _replications, _uncertainty, run
from ._scenario import Scenario

# The kinds of parameter sensitivity(..., parameters="all") varies.
KINDS = ("duration", "arrival_rate", "capacity", "weekly_cost")
# The keys of a time distribution that scale it: multiplying one by f multiplies every waiting time by f.
_DURATION_KEYS = ("mean_days", "scale_days", "days")


def sensitivity_parameters(scenario, kinds=KINDS):
    """The parameters ``sensitivity(..., parameters="all")`` varies, as a DataFrame: path, label, kind, value.

    Kinds: "duration" (the mean or scale of every transition's waiting time and of every pipeline stage's
    service time), "arrival_rate" (arrivals per year), "capacity" (orders a month of each pipeline stage; foster
    placements free at the start and recruited a year), "weekly_cost" (each placement type and allowance).
    Parameters whose value is 0 are left out: a relative change would leave them at 0.
    """
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kind {sorted(unknown)[0]!r}; the kinds are {', '.join(KINDS)}")
    rows = [row for row in _candidates(scenario.to_dict()) if row["kind"] in kinds and row["value"] != 0]
    return pd.DataFrame(rows, columns=["path", "label", "kind", "value"])


def _candidates(d):
    def duration(path, time, label):
        for key in _DURATION_KEYS:
            if key in time:
                yield {"path": f"{path}/{key}", "label": f"{label}: {key}", "kind": "duration", "value": time[key]}

    for i, transition in enumerate(d.get("transitions", [])):
        yield from duration(f"/transitions/{i}/time", transition["time"],
                            f"{transition['from']} -> {transition['to']}")
    for p, pipeline in enumerate(d.get("pipelines", [])):
        for s, stage in enumerate(pipeline["stages"]):
            where = f"/pipelines/{p}/stages/{s}"
            yield from duration(f"{where}/service_time", stage["service_time"], f"{stage['id']} service time")
            yield {"path": f"{where}/capacity_per_month", "label": f"{stage['id']}: capacity_per_month",
                   "kind": "capacity", "value": stage["capacity_per_month"]}
    for i, arrivals in enumerate(d.get("arrivals", [])):
        yield {"path": f"/arrivals/{i}/per_year", "label": f"arrivals into {arrivals['state']}: per_year",
               "kind": "arrival_rate", "value": arrivals["per_year"]}
    foster = d.get("foster_placements")
    if foster:
        for key in ("free_at_start", "recruited_per_year"):
            if key in foster:
                yield {"path": f"/foster_placements/{key}", "label": f"foster placements: {key}", "kind": "capacity",
                       "value": foster[key]}
    for i, placement in enumerate(d.get("placement_types", [])):
        yield {"path": f"/placement_types/{i}/weekly_cost", "label": f"weekly cost: {placement['id']}",
               "kind": "weekly_cost", "value": placement["weekly_cost"]}
    for i, allowance in enumerate(d.get("costs", {}).get("allowances", [])):
        yield {"path": f"/costs/allowances/{i}/weekly_cost", "label": f"weekly cost: {allowance['id']}",
               "kind": "weekly_cost", "value": allowance["weekly_cost"]}


def _pointer_parts(path):
    if not isinstance(path, str) or not path.startswith("/"):
        raise ValueError(f"a parameter is a JSON path such as '/transitions/3/time/mean_days', got {path!r}")
    return [part.replace("~1", "/").replace("~0", "~") for part in path[1:].split("/")]


def _at(document, path):
    """The container holding the value at ``path``, and its key there."""
    parts = _pointer_parts(path)
    container = document
    for depth, part in enumerate(parts):
        key = part
        if isinstance(container, list):
            if not part.isdigit() or int(part) >= len(container):
                raise ValueError(f"{path}: no element {part!r} at /{'/'.join(parts[:depth])}")
            key = int(part)
        elif not isinstance(container, dict) or part not in container:
            raise ValueError(f"{path}: nothing at /{'/'.join(parts[:depth + 1])}")
        if depth == len(parts) - 1:
            return container, key
        container = container[key]


def value_at(scenario, path):
    """The number at JSON path ``path`` of the scenario's dict."""
    container, key = _at(scenario.to_dict(), path)
    value = container[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{path}: a sensitivity parameter must be a number, got {value!r}")
    return value


def changed(scenario, path, factor):
    """The scenario with the number at ``path`` multiplied by ``factor``, and the value it got.

    A whole number (a capacity, a count) is rounded, and moved by at least 1 so that the change is not lost
    to rounding (3 orders a month, 10% lower, is 2).
    """
    document = scenario.to_dict()
    container, key = _at(document, path)
    value = container[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{path}: a sensitivity parameter must be a number, got {value!r}")
    if value == 0:
        raise ValueError(f"{path} is 0: a relative change leaves it at 0")
    new = value * factor
    if isinstance(value, int):
        new = round(new)
        if new == value:
            new = value + (1 if factor > 1 else -1)
        new = max(new, 0)
    container[key] = new
    # A stated range moves with its number, so the variant is as uncertain, relatively, as the scenario.
    range_key = f"{key}_range" if isinstance(container, dict) else None
    if range_key in container:
        ratio = new / value
        stated = container[range_key]
        if isinstance(stated, dict):
            stated["low"], stated["high"] = stated["low"] * ratio, stated["high"] * ratio
        else:
            container[range_key] = [stated[0] * ratio, stated[1] * ratio]
    return Scenario.from_dict(document, source=f"{scenario.source or scenario.name} with {path} = {new:g}"), new


def sensitivity(scenario, parameters="all", change=0.1, dates=None, replications=200, seed=1, client=None,
                threads=None, chunk_replications=None, progress=False, uncertainty="all"):
    """Each parameter ``change`` lower and higher (relative), one at a time, against the unchanged scenario.

    Every run uses the same seed (common random numbers), so each effect is a paired difference, replication by
    replication, and a parameter the forecast never uses has an effect of exactly zero.

    Args:
        scenario: a ``caseflow.Scenario``.
        parameters: "all" (see ``caseflow.sensitivity_parameters``), a list of JSON paths in the scenario's dict
            (``"/transitions/3/time/mean_days"``), or a dict ``{path: label}``.
        change: the relative change, 0 < change < 1: 0.1 runs each parameter at 90% and 110% of its value.
        dates: snapshot dates at which to report (dates, or ISO text); by default every 12 months from the start.
            The cost is that of the financial year (1 April to 31 March) holding each date.
        replications, seed: of every run.
        uncertainty: what each run's band holds, as for ``caseflow.run``; with the same seed every variant draws
            the same parameters and drift, so each effect is measured under the same unknowns (a stated range
            moves with its number).
        client: None to run here (``caseflow.run``, all threads or ``threads``); a ``dask.distributed.Client``
            or a scheduler address to run on that cluster (``caseflow.distributed``), with the same numbers.
        progress: False, True or a callable ``progress(completed, total)`` in replications over all runs.

    Returns a DataFrame, one row per parameter, direction ("low", "high"), measure and date: parameter (the
    path), label, direction, base_value, value, measure ("in_care": children in care on the date; "cost": the
    total cost of its financial year, in pounds), date, financial_year ("" for in_care), base_mean, mean,
    effect_mean, effect_p05, effect_p95 (effect = changed - base, per replication). Draw it with
    ``caseflow.plots.tornado``.
    """
    if not isinstance(scenario, Scenario):
        raise TypeError(f"sensitivity needs a caseflow.Scenario, got {type(scenario).__name__}")
    if not 0 < change < 1:
        raise ValueError(f"change must be between 0 and 1 (a relative change), got {change!r}")
    replications = _replications(replications)
    uncertainty = _uncertainty(uncertainty)
    if isinstance(parameters, str) and parameters == "all":
        listed = sensitivity_parameters(scenario)
        chosen = dict(zip(listed["path"], listed["label"]))
    elif isinstance(parameters, dict):
        chosen = dict(parameters)
    else:
        known = {row["path"]: row["label"] for row in _candidates(scenario.to_dict())}
        chosen = {path: known.get(path, path) for path in parameters}
    if not chosen:
        raise ValueError("no parameters to vary")

    variants = {}  # name -> (path, direction, value, scenario)
    for i, path in enumerate(chosen):
        value_at(scenario, path)  # a clear error for a path that is not a number
        for direction, factor in (("low", 1 - change), ("high", 1 + change)):
            variant, value = changed(scenario, path, factor)
            variants[f"p{i}-{direction}"] = (path, direction, value, variant)

    jobs = [scenario] + [variant for *_, variant in variants.values()]
    if client is None:
        results = _run_here(jobs, replications, seed, threads, progress, uncertainty)
    else:
        from . import distributed

        results = distributed.run_many([(job, replications) for job in jobs], client, seed, chunk_replications,
                                       per_replication=True, progress=progress, uncertainty=uncertainty)
    comparison = Comparison(results[0], dict(zip(variants, results[1:])))
    return _table(scenario, chosen, variants, comparison, results[0], dates)


def _run_here(jobs, replications, seed, threads, progress, uncertainty):
    if progress is True:
        progress = TextProgress("caseflow sensitivity")
    total = replications * len(jobs)
    results = []
    for i, job in enumerate(jobs):
        report = False
        if progress:
            def report(completed, _, before=i * replications):
                progress(before + completed, total)
        with warnings.catch_warnings():
            if i > 0:  # the unchanged scenario says it once
                warnings.simplefilter("ignore", ChanceAloneWarning)
            results.append(run(job, replications=replications, seed=seed, threads=threads, per_replication=True,
                               progress=report, uncertainty=uncertainty))
    return results


def _table(scenario, chosen, variants, comparison, base, dates):
    snapshot_dates = base.dates
    if dates is None:
        dates = snapshot_dates[12::12]
    else:
        dates = pd.DatetimeIndex([pd.Timestamp(date) for date in dates])
        missing = [f"{date:%Y-%m-%d}" for date in dates if date not in snapshot_dates]
        if missing:
            raise ValueError(f"{missing[0]} is not a snapshot date; they are the start date plus whole months, "
                             f"{snapshot_dates[0]:%Y-%m-%d} to {snapshot_dates[-1]:%Y-%m-%d}")
    in_care = comparison.in_care().set_index(["strategy", "date"])
    costs = comparison.costs().set_index(["strategy", "financial_year"]) if base.has_costs else None
    # The financial year of a date is that of its calendar month in the engine's cost periods ("2021-05").
    financial_year_of = {period: base.financial_years[year]
                         for period, year in zip(base.cost_periods, base.cost_period_financial_years)}
    rows = []
    for name, (path, direction, value, _) in variants.items():
        common = {"parameter": path, "label": chosen[path], "direction": direction,
                  "base_value": value_at(scenario, path), "value": value}
        for date in dates:
            row = in_care.loc[(name, date)]
            rows.append({**common, "measure": "in_care", "date": date, "financial_year": "",
                         "base_mean": row["base_mean"], "mean": row["strategy_mean"],
                         "effect_mean": row["difference_mean"], "effect_p05": row["difference_p05"],
                         "effect_p95": row["difference_p95"]})
            if costs is not None:
                year = financial_year_of[f"{date:%Y-%m}"]
                saving = costs.loc[(name, year)]
                # The engine reports the net saving, base - changed; the effect is its opposite.
                rows.append({**common, "measure": "cost", "date": date, "financial_year": year,
                             "base_mean": saving["base_cost"], "mean": saving["strategy_cost"],
                             # + 0.0: no "-0" for a change that makes no difference
                             "effect_mean": -saving["net_saving_mean"] + 0.0,
                             "effect_p05": -saving["net_saving_p95"] + 0.0,
                             "effect_p95": -saving["net_saving_p05"] + 0.0})
    return pd.DataFrame(rows)

