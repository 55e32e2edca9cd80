"""Python and the command line give the same numbers for the same scenario and seed, to the last bit."""

import subprocess

import pandas as pd
import pytest

import caseflow
from conftest import SHIPPED_SCENARIOS

REPLICATIONS = 200
SEED = 7


def read_csv(path, dates, numbers):
    # round_trip: pandas' default float parser may be off by an ulp; the CLI writes shortest round-trip text.
    frame = pd.read_csv(path, float_precision="round_trip", parse_dates=dates, keep_default_na=False)
    return frame.astype({column: "float64" for column in numbers})


@pytest.fixture(scope="module", params=SHIPPED_SCENARIOS, ids=lambda p: p.name)
def both(request, cli, tmp_path_factory):
    path = request.param
    out = tmp_path_factory.mktemp("cli") / "run"
    subprocess.run([cli, "run", path, "--replications", str(REPLICATIONS), "--seed", str(SEED), "--threads", "2",
                    "--per-replication", "--out", out], check=True, capture_output=True)
    result = caseflow.run(caseflow.Scenario.load(path), replications=REPLICATIONS, seed=SEED, per_replication=True)
    return result, out


def test_summary_equals_summary_csv(both):
    result, out = both
    expected = read_csv(out / "summary.csv", ["date"], ["mean", "p05", "p25", "p50", "p75", "p95"])
    actual = result.summary()
    assert list(actual.columns) == ["date", "state", "mean", "p05", "p25", "p50", "p75", "p95"]
    assert str(actual["date"].dtype) == "datetime64[ns]"
    pd.testing.assert_frame_equal(actual, expected, check_exact=True)


def test_flows_summary_equals_flows_summary_csv(both):
    result, out = both
    expected = read_csv(out / "flows_summary.csv", ["month_start"], ["mean", "p05", "p50", "p95"])
    actual = result.flows_summary()
    assert list(actual.columns) == ["month_start", "from", "to", "mean", "p05", "p50", "p95"]
    pd.testing.assert_frame_equal(actual, expected, check_exact=True)


def test_stocks_equal_stocks_csv(both):
    result, out = both
    expected = read_csv(out / "stocks.csv", ["date"], [])
    pd.testing.assert_frame_equal(result.stocks(), expected, check_exact=True, check_dtype=False)


def test_flows_equal_flows_csv(both):
    result, out = both
    expected = read_csv(out / "flows.csv", ["month_start"], [])
    pd.testing.assert_frame_equal(result.flows(), expected, check_exact=True, check_dtype=False)
