"""caseflow.compare and the costs of a run: the numbers of the command line's files, exactly, and the laws
they must obey (a strategy that changes nothing differs by nothing; the tables are the arrays' statistics)."""

import json
import subprocess

import numpy as np
import pandas as pd
import pytest

import caseflow
from conftest import EXAMPLE, HEREFORDSHIRE, SCENARIOS
from test_matches_cli import read_csv

SEED = 5
STRATEGY_FILES = sorted((SCENARIOS / "strategies").glob("*.json"))
QUANTILES = ["p05", "p25", "p50", "p75", "p95"]
DIFFERENCE = ["difference_mean", "difference_p05", "difference_p50", "difference_p95"]


@pytest.fixture(scope="module")
def herefordshire():
    return caseflow.Scenario.load(HEREFORDSHIRE)


@pytest.fixture(scope="module")
def compared(cli, herefordshire, tmp_path_factory):
    """The shipped strategies against the baseline, by the command line and by Python, same seed."""
    out = tmp_path_factory.mktemp("compare") / "out"
    subprocess.run([cli, "compare", HEREFORDSHIRE, *STRATEGY_FILES, "--replications", "60", "--seed", str(SEED),
                    "--threads", "2", "--out", out], check=True, capture_output=True)
    strategies = [caseflow.Scenario.load(path) for path in STRATEGY_FILES]
    return caseflow.compare(herefordshire, strategies, replications=60, seed=SEED), out


@pytest.mark.parametrize("table, dates, numbers", [
    ("in_care", ["date"], ["base_mean", "strategy_mean"] + DIFFERENCE),
    ("summary", [], [f"{what}_{stat}" for what in ("child_days_avoided", "end_difference")
                     for stat in ("mean", "p05", "p50", "p95")]),
    ("routes", [], ["base_mean", "strategy_mean"] + DIFFERENCE),
    ("comparators", ["date"], ["count", "base_probability", "strategy_probability"]),
    ("costs", [], ["base_cost", "strategy_cost", "net_saving_mean", "net_saving_p05", "net_saving_p50",
                   "net_saving_p95"]),
])
def test_compare_equals_the_command_lines_comparison_csvs(compared, table, dates, numbers):
    comparison, out = compared
    expected = read_csv(out / f"comparison_{table}.csv", dates, numbers)
    actual = getattr(comparison, table)()
    pd.testing.assert_frame_equal(actual, expected, check_exact=True)


def test_compare_names_strategies_after_their_files_and_keeps_their_runs(compared):
    comparison, out = compared
    assert list(comparison.strategies) == [path.stem for path in STRATEGY_FILES]
    assert set(comparison.in_care()["strategy"]) == set(comparison.strategies)
    # Each run is that of caseflow.run with the seed: the summaries the command line wrote beside the comparison.
    base_summary = read_csv(out / "base_summary.csv", ["date"], ["mean"] + QUANTILES)
    pd.testing.assert_frame_equal(comparison.base.summary(), base_summary, check_exact=True)
    sgo = read_csv(out / "sgo-push_summary.csv", ["date"], ["mean"] + QUANTILES)
    pd.testing.assert_frame_equal(comparison.strategies["sgo-push"].summary(), sgo, check_exact=True)
    assert "child-days avoided" in str(comparison)


def test_paired_differences_are_those_of_the_per_replication_counts(compared):
    comparison, _ = compared
    base = comparison.base.stock_counts[:, :, -1].astype(float)
    in_care = comparison.in_care()
    for name, result in comparison.strategies.items():
        differences = result.stock_counts[:, :, -1] - base
        rows = in_care[in_care["strategy"] == name]
        np.testing.assert_array_equal(rows["difference_p05"], np.quantile(differences, 0.05, axis=0))
        np.testing.assert_array_equal(rows["difference_p95"], np.quantile(differences, 0.95, axis=0))
        np.testing.assert_allclose(rows["difference_mean"], differences.mean(axis=0), rtol=1e-12, atol=1e-12)
        # Child-days avoided: integrated over every stay, base - strategy.
        avoided = (comparison.base.care_days[:, :, -1] - result.care_days[:, :, -1]).sum(axis=1)
        summary = comparison.summary().set_index("strategy").loc[name]
        np.testing.assert_allclose(summary["child_days_avoided_mean"], avoided.mean(), rtol=1e-9)
        # Net savings: base - strategy total cost, by financial year.
        savings = comparison.base.financial_year_costs() - result.financial_year_costs()
        costs = comparison.costs()
        years = costs[(costs["strategy"] == name) & (costs["financial_year"] != "all")]
        np.testing.assert_array_equal(years["net_saving_p50"], np.quantile(savings, 0.5, axis=0))
        np.testing.assert_array_equal(years["chance_of_saving"], (savings > 0).mean(axis=0))
        # All years: each replication's years added up, then summarised (not a sum of the years' bands).
        whole = costs[(costs["strategy"] == name) & (costs["financial_year"] == "all")].iloc[0]
        np.testing.assert_allclose(whole["net_saving_p05"], np.quantile(savings.sum(axis=1), 0.05), rtol=1e-9)
        np.testing.assert_allclose(whole["net_saving_mean"], savings.sum(axis=1).mean(), rtol=1e-9)
        assert whole["chance_of_saving"] == (savings.sum(axis=1) > 0).mean()


def test_a_strategy_that_changes_nothing_differs_by_nothing(herefordshire):
    # Inherits the baseline and overrides only its name: every replication is the same as the base's.
    nothing = caseflow.Scenario.from_dict({"base": "herefordshire-2020.json", "name": "changes nothing"},
                                          base_directory=SCENARIOS)
    comparison = caseflow.compare(herefordshire, {"nothing": nothing}, replications=30, seed=3)
    in_care = comparison.in_care()
    assert len(in_care) == herefordshire.horizon_months + 1
    assert (in_care[DIFFERENCE] == 0).all().all()
    assert (in_care["base_mean"] == in_care["strategy_mean"]).all()
    summary = comparison.summary()
    assert (summary.filter(like="child_days_avoided") == 0).all().all()
    assert (summary.filter(like="end_difference") == 0).all().all()
    routes = comparison.routes()
    assert len(routes) > 0 and (routes[DIFFERENCE] == 0).all().all()
    costs = comparison.costs()
    assert (costs["base_cost"] > 0).all()
    assert (costs.filter(like="net_saving") == 0).all().all()
    assert (costs["chance_of_saving"] == 0).all()  # nothing saved in any replication
    chances = comparison.comparators()
    assert len(chances) == 5 * 3  # each 12 months, three comparators
    assert (chances["base_probability"] == chances["strategy_probability"]).all()


def test_compare_rejects_what_cannot_be_compared(herefordshire, example):
    with pytest.raises(caseflow.ScenarioError, match="example-small.json: /states: a strategy must have the same states, "
                                                     "in the same order, as its base .*herefordshire-2020.json: it has 5 "
                                                     "states, the base 12$"):
        caseflow.compare(herefordshire, {"example": example}, replications=2)
    shorter = herefordshire.to_dict()
    shorter["horizon_months"] = 12
    with pytest.raises(caseflow.ScenarioError, match="^short: /horizon_months: must equal the base's horizon"):
        caseflow.compare(herefordshire, {"short": caseflow.Scenario.from_dict(shorter)}, replications=2)
    twice = caseflow.Scenario.load(STRATEGY_FILES[0])
    with pytest.raises(ValueError, match="pass a dict"):
        caseflow.compare(herefordshire, [twice, twice], replications=2)
    with pytest.raises(ValueError, match="commas"):
        caseflow.compare(herefordshire, {"a,b": twice}, replications=2)
    with pytest.raises(ValueError, match="no strategies"):
        caseflow.compare(herefordshire, [], replications=2)
    with pytest.raises(TypeError):
        caseflow.compare(herefordshire, ["scenarios/strategies/sgo-push.json"], replications=2)


@pytest.mark.parametrize("change, place, detail", [
    ({"horizon_months": 48}, "/horizon_months", "must equal the base's horizon of 60 months, got 48"),
    ({"start_date": "2020-12-01"}, "/start_date", "must equal the base's start date 2020-11-02, got 2020-12-01"),
    ({"states": "reversed"}, "/states/0/id", "a strategy must have the same states, in the same order, as its base"),
])
def test_a_mismatched_strategy_is_refused_before_anything_runs(cli, herefordshire, tmp_path, change, place, detail):
    """The engine's check (as `caseflow compare` makes it), before the base or any strategy is simulated: the
    progress callable, called as soon as replications finish, is never called."""
    document = herefordshire.to_dict()
    for key, value in change.items():
        document[key] = document[key][::-1] if value == "reversed" else value
    path = tmp_path / "mismatch.json"
    path.write_text(json.dumps(document))
    same = caseflow.Scenario.from_dict(herefordshire.to_dict(), source="same")
    calls = []
    with pytest.raises(caseflow.ScenarioError) as raised:
        caseflow.compare(herefordshire, [same, caseflow.Scenario.load(path)], replications=50,
                         progress=lambda completed, total: calls.append(completed))
    assert calls == []
    assert raised.value.source == str(path)
    assert raised.value.place == place
    assert raised.value.detail.startswith(detail)
    assert str(raised.value).startswith(f"{path}: {place}: {detail}")
    # The command line refuses it with the same message.
    refused = subprocess.run([cli, "compare", HEREFORDSHIRE, path, "--replications", "2", "--out", tmp_path / "out"],
                             capture_output=True, text=True)
    assert refused.returncode == 2
    assert refused.stderr == f"error: {raised.value}\n"
    assert not (tmp_path / "out").exists()


def test_compare_reports_progress_over_every_run(herefordshire):
    calls = []
    nothing = caseflow.Scenario.from_dict(herefordshire.to_dict(), source="same")
    caseflow.compare(herefordshire, {"same": nothing}, replications=20, seed=1, progress=lambda c, t: calls.append((c, t)))
    assert calls[-1] == (40, 40)
    assert all(total == 40 for _, total in calls)
    assert [c for c, _ in calls] == sorted(c for c, _ in calls)


# Costs of a run.

@pytest.fixture(scope="module")
def costed(cli, tmp_path_factory):
    out = tmp_path_factory.mktemp("costs") / "run"
    subprocess.run([cli, "run", HEREFORDSHIRE, "--replications", "50", "--seed", str(SEED), "--threads", "2",
                    "--out", out, "--per-replication"], check=True, capture_output=True)
    result = caseflow.run(caseflow.Scenario.load(HEREFORDSHIRE), replications=50, seed=SEED, per_replication=True)
    return result, out


def test_costs_summary_equals_costs_summary_csv(costed):
    result, out = costed
    expected = pd.read_csv(out / "costs_summary.csv", float_precision="round_trip", keep_default_na=False,
                           dtype={"period_type": str, "period": str, "category": str})
    actual = result.costs_summary()
    assert list(actual.columns) == ["period_type", "period", "category", "mean"] + QUANTILES
    pd.testing.assert_frame_equal(actual, expected.astype({c: "float64" for c in ["mean"] + QUANTILES}),
                                  check_exact=True)
    assert {"2021/22", "2020-11", "2025-11"} <= set(actual["period"])
    assert set(actual[actual["period"].str.contains("/")]["period_type"]) == {"financial_year"}
    assert set(actual[~actual["period"].str.contains("/")]["period_type"]) == {"month"}
    assert {"residential", "sgo_allowance", "running_costs", "total", "cost_per_child_year"} <= set(actual["category"])


def test_placements_summary_and_budget_equal_their_csvs(costed):
    result, out = costed
    placements = read_csv(out / "placements_summary.csv", ["date"], ["mean"] + QUANTILES)
    pd.testing.assert_frame_equal(result.placements_summary(), placements, check_exact=True)
    budget = pd.read_csv(out / "budget.csv", float_precision="round_trip", dtype={"financial_year": str})
    pd.testing.assert_frame_equal(result.budget(), budget.astype({"budget": "float64", "mean_cost": "float64"}),
                                  check_exact=True)
    assert list(budget["financial_year"]) == ["2021/22", "2022/23"]


def test_per_replication_costs_equal_costs_csv(costed):
    result, out = costed
    expected = pd.read_csv(out / "costs.csv", float_precision="round_trip", keep_default_na=False,
                           dtype={"period": str, "category": str})
    pd.testing.assert_frame_equal(result.costs(), expected, check_exact=True, check_dtype=False)


def test_cost_arrays_are_the_engines_memory_and_the_tables_their_statistics(costed):
    result, _ = costed
    pounds = result.cost_pounds
    assert pounds.dtype == np.float64 and not pounds.flags.writeable and not pounds.flags.owndata
    assert pounds.shape == (50, len(result.cost_periods), len(result.cost_categories))
    assert np.shares_memory(pounds, result.cost_pounds)
    placements = result.placement_counts
    assert placements.dtype == np.int32 and placements.shape == (50, 61, len(result.placement_types))
    # Every child in care has exactly one placement.
    np.testing.assert_array_equal(placements.sum(axis=2), result.stock_counts[:, :, -1])
    assert result.care_days.shape == (50, 60, len(result.stock_columns))
    # Days in care by cost month add up to days in care by snapshot month: the same stays, split differently
    # (both run from the start date to the horizon).
    np.testing.assert_allclose(result.cost_period_care_days.sum(axis=1), result.care_days[:, :, -1].sum(axis=1),
                               rtol=1e-9)

    summary = result.costs_summary().set_index(["period", "category"])
    month, category = result.cost_periods.index("2022-03"), result.cost_categories.index("residential")
    row = summary.loc[("2022-03", "residential")]
    for q in QUANTILES:
        assert row[q] == np.quantile(pounds[:, month, category], int(q[1:]) / 100)
    # Financial years are sums of months; the budget's chance of overspending is the share of replications over it.
    years = result.financial_year_costs()
    year = result.financial_years.index("2021/22")
    months = [i for i, y in enumerate(result.cost_period_financial_years) if y == year]
    assert len(months) == 12
    np.testing.assert_allclose(years[:, year], pounds[:, months, :].sum(axis=(1, 2)), rtol=1e-12)
    assert summary.loc[("2021/22", "total"), "p50"] == np.quantile(years[:, year], 0.5)
    budget = result.budget().set_index("financial_year").loc["2021/22"]
    assert budget["probability_over_budget"] == np.mean(years[:, year] > budget["budget"])
    residential = result.financial_year_costs("residential")
    assert summary.loc[("2021/22", "residential"), "p95"] == np.quantile(residential[:, year], 0.95)
    with pytest.raises(ValueError, match="no cost category 'home'"):
        result.financial_year_costs("home")


def test_a_scenario_without_costs_says_so(example):
    result = caseflow.run(example, replications=5, seed=1, per_replication=True)
    assert not result.has_costs and not result.has_budgets and result.placement_types == []
    with pytest.raises(RuntimeError, match="has no costs"):
        result.costs_summary()
    with pytest.raises(RuntimeError, match="no placement_types"):
        result.placements_summary()
    with pytest.raises(RuntimeError, match="no budgets"):
        result.budget()


def test_cost_arrays_need_per_replication(herefordshire):
    result = caseflow.run(herefordshire, replications=5, seed=1)
    assert result.has_costs and len(result.costs_summary()) > 0
    for name in ("cost_pounds", "placement_counts", "care_days", "cost_period_care_days"):
        with pytest.raises(RuntimeError, match="per_replication=True"):
            getattr(result, name)
