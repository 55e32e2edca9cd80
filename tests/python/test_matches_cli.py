"""Python and the command line give the same numbers for the same scenario and seed, to the last bit."""

import subprocess

import pandas as pd
import pytest

import caseflow
from conftest import SCENARIOS, SHIPPED_SCENARIOS, replications_for

SEED = 7
TOP_LEVEL_SCENARIOS = sorted(SCENARIOS.glob("*.json"))  # the strategies share their output code


def read_csv(path, dates, numbers):
    # round_trip: pandas' default float parser may be off by an ulp; the CLI writes shortest round-trip text.
    frame = pd.read_csv(path, float_precision="round_trip", keep_default_na=False)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    return frame.astype({column: "float64" for column in numbers})


def run_both(cli, path, out, replications, per_replication):
    arguments = [cli, "run", path, "--replications", str(replications), "--seed", str(SEED), "--threads", "2",
                 "--out", out] + (["--per-replication"] if per_replication else [])
    subprocess.run(arguments, check=True, capture_output=True)
    return caseflow.run(caseflow.Scenario.load(path), replications=replications, seed=SEED,
                        per_replication=per_replication)


@pytest.fixture(scope="module", params=SHIPPED_SCENARIOS, ids=lambda p: str(p.relative_to(SCENARIOS)))
def summarized(request, cli, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "run"
    return run_both(cli, request.param, out, replications=replications_for(request.param, 200), per_replication=False), out


@pytest.fixture(scope="module", params=TOP_LEVEL_SCENARIOS, ids=lambda p: p.name)
def per_replication(request, cli, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "run"
    return run_both(cli, request.param, out, replications=replications_for(request.param, 40), per_replication=True), out


def test_summary_equals_summary_csv(summarized):
    result, out = summarized
    expected = read_csv(out / "summary.csv", ["date"], ["mean", "p05", "p25", "p50", "p75", "p95"])
    actual = result.summary()
    assert list(actual.columns) == ["date", "state", "mean", "p05", "p25", "p50", "p75", "p95"]
    assert str(actual["date"].dtype) == "datetime64[ns]"
    pd.testing.assert_frame_equal(actual, expected, check_exact=True)


def test_flows_summary_equals_flows_summary_csv(summarized):
    result, out = summarized
    expected = read_csv(out / "flows_summary.csv", ["month_start"], ["mean", "p05", "p50", "p95"])
    actual = result.flows_summary()
    assert list(actual.columns) == ["month_start", "from", "to", "mean", "p05", "p50", "p95"]
    pd.testing.assert_frame_equal(actual, expected, check_exact=True)


def test_age_bands_summary_equals_age_bands_summary_csv(summarized):
    result, out = summarized
    expected = read_csv(out / "age_bands_summary.csv", ["date"], ["mean", "p05", "p25", "p50", "p75", "p95"])
    actual = result.age_bands_summary()
    assert list(actual.columns) == ["date", "age_band", "mean", "p05", "p25", "p50", "p75", "p95"]
    assert list(actual["age_band"].unique()) == result.age_bands
    pd.testing.assert_frame_equal(actual, expected, check_exact=True)
    # The bands hold every child in care, in every simulation, so their means add up to the in-care mean.
    in_care = result.summary().query("state == 'in_care'").set_index("date")["mean"]
    by_date = actual.groupby("date")["mean"].sum()
    assert (by_date - in_care).abs().max() < 1e-9 * max(1.0, in_care.max())


def test_stocks_equal_stocks_csv(per_replication):
    result, out = per_replication
    expected = read_csv(out / "stocks.csv", ["date"], [])
    pd.testing.assert_frame_equal(result.stocks(), expected, check_exact=True, check_dtype=False)


def test_flows_equal_flows_csv(per_replication):
    result, out = per_replication
    expected = read_csv(out / "flows.csv", ["month_start"], [])
    pd.testing.assert_frame_equal(result.flows(), expected, check_exact=True, check_dtype=False)


def test_uncertainty_by_default_matches_the_cli_and_widens_the_band(cli, tmp_path):
    # The worked example with a Gamma posterior on one exit rate: few events, so the rate is uncertain.
    document = caseflow.Scenario.load(SCENARIOS / "example-small.json").to_dict()
    for transition in document["transitions"]:
        if transition["from"] == "section20" and transition["to"] == "reunification":
            transition["time"]["uncertainty"] = {"events": 8, "exposure_days": 8 * 240}
    path = tmp_path / "uncertain.json"
    path.write_text(__import__("json").dumps(document))
    out = tmp_path / "run"
    subprocess.run([cli, "run", path, "--replications", "300", "--seed", str(SEED), "--out", out,
                    "--parameter-uncertainty"], check=True, capture_output=True)
    scenario = caseflow.Scenario.load(path)
    uncertain = caseflow.run(scenario, replications=300, seed=SEED)
    pd.testing.assert_frame_equal(uncertain.summary(), read_csv(out / "summary.csv", ["date"],
                                                                ["mean", "p05", "p25", "p50", "p75", "p95"]))
    certain = caseflow.run(scenario, replications=300, seed=SEED, uncertainty="chance")
    width = lambda frame: frame.query("state == 'section20'").eval("p95 - p05").iloc[-1]  # noqa: E731
    assert width(uncertain.summary()) > width(certain.summary())
