"""caseflow.variance_sources: the share of a forecast's spread due to chance, the parameters and drift, from the
engine's variance_sources: shares that add up to 1, derived from the layers' variances, the same at any thread
count, the full layer's variance that of the run itself, and everything chance for a scenario that states no
uncertainty."""

import numpy as np
import pandas as pd
import pytest

import caseflow

COLUMNS = ["date", "measure", "financial_year", "variance_chance", "variance_parameters", "variance_all", "share_chance",
           "share_parameters", "share_drift"]


@pytest.fixture(scope="module")
def uncertain(example):
    """The worked example with a range on an arrival rate and a weekly cost, and drift of the arrivals."""
    d = example.to_dict()
    d["arrivals"][0]["per_year_range"] = [30, 55]
    d["drift"] = {"arrivals": {"volatility_per_year": 0.2}}
    d["placement_types"] = [{"id": "foster", "weekly_cost": 700, "weekly_cost_range": [550, 900]}]
    d["placement_mix"] = {state["id"]: {"foster": 1} for state in d["states"]}
    return caseflow.Scenario.from_dict(d)


@pytest.fixture(scope="module")
def sources(uncertain):
    return caseflow.variance_sources(uncertain, replications=120, seed=3, threads=2)


def test_shares_add_up_to_one_and_come_from_the_layers_variances(sources):
    assert list(sources.columns) == COLUMNS
    assert list(sources.measure.unique()) == ["in_care", "cost"]
    in_care, cost = sources[sources.measure == "in_care"], sources[sources.measure == "cost"]
    assert len(in_care) == 37
    assert in_care.financial_year.isna().all()
    assert list(cost.financial_year) == ["2020/21", "2021/22", "2022/23", "2023/24"]
    assert list(cost.date.dt.strftime("%Y-%m-%d")) == ["2021-03-31", "2022-03-31", "2023-03-31", "2024-03-31"]
    shares = sources[["share_chance", "share_parameters", "share_drift"]].to_numpy()
    assert np.allclose(shares.sum(axis=1), 1, rtol=0, atol=1e-12)
    assert (shares >= 0).all()
    # Each source's share is what its layer adds to the variance (never less than nothing).
    added_parameters = np.maximum(0, sources.variance_parameters - sources.variance_chance)
    added_drift = np.maximum(0, sources.variance_all - sources.variance_parameters)
    total = sources.variance_chance + added_parameters + added_drift
    varies = total > 0
    assert np.allclose(sources.share_parameters[varies], (added_parameters / total)[varies], rtol=1e-12, atol=0)
    assert np.allclose(sources.share_drift[varies], (added_drift / total)[varies], rtol=1e-12, atol=0)
    # The start is known: no spread, and then everything is chance. By the end all three sources add to it.
    assert in_care.variance_all.iloc[0] == 0 and in_care.share_chance.iloc[0] == 1
    end = in_care.iloc[-1]
    assert end.share_chance > 0 and end.share_parameters > 0 and end.share_drift > 0


def test_the_full_layer_is_the_run_itself(uncertain, sources):
    run = caseflow.run(uncertain, replications=120, seed=3, per_replication=True)
    counts = run.stock_counts[:, :, run.stock_columns.index("in_care")].astype(float)
    in_care = sources[sources.measure == "in_care"]
    assert np.allclose(in_care.variance_all, counts.var(axis=0, ddof=1), rtol=1e-12, atol=1e-12)
    years = run.financial_year_costs()
    assert np.allclose(sources[sources.measure == "cost"].variance_all, years.var(axis=0, ddof=1), rtol=1e-12)


def test_the_same_at_any_thread_count(uncertain, sources):
    pd.testing.assert_frame_equal(caseflow.variance_sources(uncertain, replications=120, seed=3, threads=1), sources)
    other_seed = caseflow.variance_sources(uncertain, replications=120, seed=4, threads=2)
    assert not np.array_equal(other_seed.variance_all.to_numpy(), sources.variance_all.to_numpy())


def test_a_scenario_that_states_no_uncertainty_is_all_chance(example):
    frame = caseflow.variance_sources(example, replications=40, seed=1)
    assert list(frame.columns) == COLUMNS
    assert list(frame.measure.unique()) == ["in_care"]  # no costs
    assert (frame.share_chance == 1).all()
    assert (frame.share_parameters == 0).all() and (frame.share_drift == 0).all()
    assert frame.variance_all.iloc[-1] > 0
    assert (frame.variance_chance == frame.variance_all).all() and (frame.variance_parameters == frame.variance_all).all()


def test_asking_for_chance_alone_is_all_chance(uncertain):
    frame = caseflow.variance_sources(uncertain, replications=30, seed=2, uncertainty="chance")
    assert (frame.share_chance == 1).all()


@pytest.mark.parametrize("arguments, error", [
    ({"uncertainty": "everything"}, ValueError),
    ({"replications": 0}, ValueError),
    ({"threads": 0}, ValueError),
    ({"seed": -1}, ValueError),
])
def test_bad_arguments_are_python_errors(example, arguments, error):
    with pytest.raises(error):
        caseflow.variance_sources(example, **arguments)
    with pytest.raises(TypeError):
        caseflow.variance_sources(example.to_dict())
