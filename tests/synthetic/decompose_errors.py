#!/usr/bin/python3
"""Where caseflow's forecast errors come from, on synthetic councils whose truth is known (council.py). At every
31 March with three years of data before it, the council's returns up to that day are calibrated and the scenario
is run twice: as calibrated, and without its arrivals (so only the children in care on the day are simulated).
The children in care 1, 2 and 3 years later then split, in the forecast and in the truth, into the children who
were in care on the day and still are (survivors) and those who came in after it (newcomers).

Per horizon it prints each part's error as a share of the observed total (mean and standard deviation), how far the
calibrated arrival rate was from the entries that came, and the mean absolute percentage error the forecast would
have had with a perfect arrival level (its newcomers scaled by the true entries over the estimated ones), with
perfect survivors, or with perfect newcomers, and how far the forecast's change from the last count is borne out
(the slope of the observed change on the forecast change); overall and by council size (children in care on the
day). It judges nothing: evaluate_backtests.py scores forecasts, this says which part of them to work on.

    /usr/bin/python3 tests/synthetic/decompose_errors.py --councils 30 [--first-seed 0] [--replications 100]
        [--cli build/engine/caseflow] [--extra "--window-years 3"]
"""

import csv
import datetime
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from council import _day, generate_council  # noqa: E402
from evaluate_backtests import forecasts_over_councils  # noqa: E402

HORIZONS = (1, 2, 3)
SIZES = ((0, 200), (200, 540), (540, None))  # children in care on the day: small, middling and large councils


def run_in_care(cli, scenario, replications, folder):
    """The mean children in care on each snapshot date of `scenario` (a dict), by date."""
    path = Path(folder) / "scenario.json"
    path.write_text(json.dumps(scenario))
    out = Path(folder) / "run"
    subprocess.run([cli, "run", str(path), "--replications", str(replications), "--threads", "1", "-o", str(out)],
                   check=True, capture_output=True, text=True)
    with open(out / "summary.csv", newline="") as file:
        return {row["date"]: float(row["mean"]) for row in csv.DictReader(file) if row["state"] == "in_care"}


def decompose_council(cli, seed, replications, extra, folder, **council_options):
    """One row per origin and horizon: observed and forecast survivors and newcomers, estimated and true arrivals."""
    council = generate_council(seed, **council_options)
    returns = Path(folder) / f"council-{seed}"
    council.write_returns(returns)
    files = {kind: sorted(map(str, returns.glob(f"{kind}_*.csv"))) for kind in ("episodes", "header", "uasc")}
    period, entries = council.careers.period, council.entries_by_year()
    rows = []
    for year in range(council.first_year + 3, council.last_year):
        horizons = [h for h in HORIZONS if year + h <= council.last_year]
        origin = _day(f"{year}-03-31")
        scenario_path = returns / f"scenario-{year}.json"
        subprocess.run([cli, "calibrate", "--episodes", *files["episodes"], "--header", *files["header"],
                        "--uasc", *files["uasc"], "--as-of", f"{year}-03-31", "--horizon-months",
                        str(12 * max(horizons)), "-o", str(scenario_path), *extra], check=True, capture_output=True)
        scenario = json.loads(scenario_path.read_text())
        without_arrivals = dict(scenario, arrivals=[])
        if "drift" in scenario:  # a drift of arrivals that are not there is an error
            without_arrivals["drift"] = {k: v for k, v in scenario["drift"].items() if k != "arrivals"}
        everyone = run_in_care(cli, scenario, replications, folder)
        survivors = run_in_care(cli, without_arrivals, replications, folder)
        for h in horizons:
            date = datetime.date(year + h, 3, 31).isoformat()
            day = _day(date)
            still_in = (period["start"] <= origin) & (period["end"] > day)
            came_in = (period["start"] > origin) & (period["start"] <= day) & (period["end"] > day)
            rows.append({"council": seed, "origin": year, "horizon": h,
                         "in_care_on_origin": council.in_care_on(f"{year}-03-31"),
                         "observed_survivors": int(still_in.sum()), "observed_newcomers": int(came_in.sum()),
                         "forecast_survivors": survivors[date], "forecast_newcomers": everyone[date] - survivors[date],
                         "arrivals_estimated": sum(a["per_year"] for a in scenario["arrivals"]),
                         "arrivals_true": float(np.mean([entries[year + k] for k in range(h)]))})
    return rows


def summarise(rows, out=sys.stdout):
    def column(chosen, key):
        return np.array([float(r[key]) for r in chosen])

    for h in HORIZONS:
        for low, high in ((0, None),) + SIZES:
            chosen = [r for r in rows if r["horizon"] == h and low <= r["in_care_on_origin"]
                      and (high is None or r["in_care_on_origin"] < high)]
            if not chosen:
                continue
            o_s, o_n, f_s, f_n = (column(chosen, k) for k in ("observed_survivors", "observed_newcomers",
                                                                "forecast_survivors", "forecast_newcomers"))
            last, a_est, a_true = (column(chosen, k) for k in ("in_care_on_origin", "arrivals_estimated", "arrivals_true"))
            total = o_s + o_n
            e_s, e_n = (f_s - o_s) / total, (f_n - o_n) / total

            forecast_change, observed_change = (f_s + f_n - last) / last, (total - last) / last
            # Observed change regressed on forecast change: 1 when the forecast's moves away from the last count are
            # right on average, below 1 when they are partly noise (the forecast overreacts).
            slope = np.cov(forecast_change, observed_change)[0, 1] / np.var(forecast_change, ddof=1)

            def mape(forecast):
                return 100 * np.mean(np.abs(forecast - total) / total)

            size = "all" if (low, high) == (0, None) else f"{low}-{high - 1 if high else ''}"
            print(f"{h} year{'s' if h > 1 else ' '} {size:>8} n={len(chosen):4d}  MAPE {mape(f_s + f_n):5.2f} "
                  f"(last count {mape(last):5.2f}; with true arrivals {mape(f_s + f_n * a_true / a_est):5.2f}, "
                  f"true survivors {mape(o_s + f_n):5.2f}, true newcomers {mape(f_s + o_n):5.2f})  "
                  f"survivors {100 * e_s.mean():+5.1f}% sd {100 * e_s.std():4.1f}  newcomers {100 * e_n.mean():+5.1f}% "
                  f"sd {100 * e_n.std():4.1f}  arrival rate {100 * np.mean(a_est / a_true - 1):+5.1f}% "
                  f"sd {100 * np.std(a_est / a_true - 1):4.1f}  slope of change {slope:4.2f}", file=out)


def main():
    rows = forecasts_over_councils(__doc__.split("\n\n")[0], decompose_council, 30, 100,
                                   "more options for caseflow calibrate", "write every decomposed forecast here")
    summarise(rows)


if __name__ == "__main__":
    main()
