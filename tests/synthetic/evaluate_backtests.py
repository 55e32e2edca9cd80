#!/usr/bin/python3
"""Back-tests of caseflow's forecasts on synthetic councils it did not generate: for each council (council.py,
an independent model), `caseflow backtest --rolling` fits a scenario at every 31 March with enough history and
scores the forecasts of children in care 1, 2 and 3 years ahead against what happened, beside the two naive
forecasts (the last count; a straight line through the last three years). This script pools the forecasts of
many councils and reports, per horizon, how often the 50% and 90% bands held the outcome and the mean absolute
percentage error of each forecast.

    /usr/bin/python3 tests/synthetic/evaluate_backtests.py --councils 50 [--first-seed 0] [--replications 300]
        [--cli build/engine/caseflow] [--extra "--hazard weibull"] [--csv results.csv]
"""

import argparse
import csv
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from council import generate_council  # noqa: E402

HORIZONS = (1, 2, 3)


def backtest_council(cli, seed, replications, extra, folder, **council_options):
    """The rows of backtest_origins.csv for council `seed`."""
    council = generate_council(seed, **council_options)
    returns = Path(folder) / f"council-{seed}"
    council.write_returns(returns)
    out = Path(folder) / f"backtest-{seed}"
    command = [cli, "backtest", "--rolling", "--replications", str(replications), "--out", str(out),
               "--episodes", *sorted(map(str, returns.glob("episodes_*.csv"))),
               "--header", *sorted(map(str, returns.glob("header_*.csv"))),
               "--uasc", *sorted(map(str, returns.glob("uasc_*.csv"))), *extra]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"council {seed}: caseflow backtest failed ({done.returncode}): {done.stderr.strip()}")
    with open(out / "backtest_origins.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        row["council"] = seed
    return rows


def pooled_scores(rows):
    """Per horizon: forecasts, coverage of the 50% and 90% bands, and the three MAPEs (pooled over forecasts)."""
    scores = {}
    for horizon in HORIZONS:
        chosen = [row for row in rows if int(float(row["horizon_years"])) == horizon and float(row["observed"]) > 0]
        if not chosen:
            continue
        n = len(chosen)

        def mape(column):
            return sum(abs(float(r[column]) - float(r["observed"])) / float(r["observed"]) for r in chosen) / n

        scores[horizon] = {
            "forecasts": n,
            "councils": len({r["council"] for r in chosen}),
            "coverage_50": sum(int(float(r["in_50"])) for r in chosen) / n,
            "coverage_90": sum(int(float(r["in_90"])) for r in chosen) / n,
            "mape_model": mape("mean"),
            "mape_last": mape("naive_last"),
            "mape_trend": mape("naive_trend"),
            "bias": sum((float(r["mean"]) - float(r["observed"])) / float(r["observed"]) for r in chosen) / n,
        }
    return scores


def print_scores(scores, out=sys.stdout):
    print(f"{'horizon':<8} {'councils':>8} {'forecasts':>9} {'50% band':>9} {'90% band':>9} {'caseflow':>9} "
          f"{'last':>8} {'trend':>8} {'bias':>8}", file=out)
    for horizon, s in scores.items():
        print(f"{horizon} year{'s' if horizon > 1 else ' '} {s['councils']:>8} {s['forecasts']:>9} "
              f"{100 * s['coverage_50']:>8.1f}% {100 * s['coverage_90']:>8.1f}% {100 * s['mape_model']:>8.2f}% "
              f"{100 * s['mape_last']:>7.2f}% {100 * s['mape_trend']:>7.2f}% {100 * s['bias']:>+7.2f}%", file=out)


def forecasts_over_councils(description, per_council, councils, replications, extra_help, csv_help):
    """The command line both evaluation scripts share: councils from --first-seed, each back-tested by
    per_council(cli, seed, replications, extra, folder), the rows pooled and optionally written to --csv."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--councils", type=int, default=councils)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--replications", type=int, default=replications)
    parser.add_argument("--cli", default=os.environ.get("CASEFLOW_CLI", "build/engine/caseflow"))
    parser.add_argument("--extra", default="", help=extra_help)
    parser.add_argument("--csv", help=csv_help)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(args.first_seed, args.first_seed + args.councils):
            rows += per_council(args.cli, seed, args.replications, shlex.split(args.extra), folder)
            print(f"council {seed}: {len(rows)} forecasts so far", file=sys.stderr)
    if args.csv:
        with open(args.csv, "w", newline="") as file:
            writer = csv.DictWriter(file, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return rows


def main():
    rows = forecasts_over_councils(__doc__.split("\n\n")[0], backtest_council, 50, 300,
                                   "more options for caseflow backtest", "write every forecast here")
    print_scores(pooled_scores(rows))


if __name__ == "__main__":
    main()
