"""The plots draw the summary's numbers (they compute none of their own)."""

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pytest

import caseflow
from caseflow import plots
from conftest import HEREFORDSHIRE


@pytest.fixture(scope="module")
def result(example):
    return caseflow.run(example, replications=200, seed=1)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def band_limits(collection):
    """The lowest and highest y of a fill_between band at each x, from its outline."""
    vertices = collection.get_paths()[0].vertices
    xs = np.unique(vertices[:, 0])
    return (np.array([vertices[vertices[:, 0] == x, 1].min() for x in xs]),
            np.array([vertices[vertices[:, 0] == x, 1].max() for x in xs]))


def test_plots_are_reachable_from_the_package_without_an_import():
    assert caseflow.plots is plots


def test_fan_chart_draws_the_bands_and_median_of_the_summary(result):
    ax = plots.fan_chart(result, state="in_care", comparators={})
    rows = result.summary().query("state == 'in_care'")
    median = ax.get_lines()[0]
    assert np.array_equal(median.get_ydata(), rows["p50"].to_numpy())
    outer, inner = ax.collections[:2]
    assert np.array_equal(band_limits(outer)[0], rows["p05"].to_numpy())
    assert np.array_equal(band_limits(outer)[1], rows["p95"].to_numpy())
    assert np.array_equal(band_limits(inner)[0], rows["p25"].to_numpy())
    assert np.array_equal(band_limits(inner)[1], rows["p75"].to_numpy())
    assert len(ax.get_lines()) == 1  # no comparators asked for


def test_fan_chart_draws_the_scenarios_comparators_by_default(result):
    herefordshire = caseflow.run(caseflow.Scenario.load(HEREFORDSHIRE), replications=20, seed=1)
    ax = plots.fan_chart(herefordshire)
    levels = {line.get_label(): line.get_ydata()[0] for line in ax.get_lines()[1:] if line.get_label() != "observed"}
    assert levels == {"West Midlands rate (82 per 10,000): 296": 296, "England rate (65 per 10,000): 235": 235,
                      "Statistical neighbours (54 per 10,000): 196": 196}
    assert len(plots.fan_chart(result).get_lines()) == 1  # the worked example has none


def test_fan_chart_draws_the_history_before_the_forecast_on_dates_that_read(result):
    herefordshire = caseflow.Scenario.load(HEREFORDSHIRE)
    ax = plots.fan_chart(caseflow.run(herefordshire, replications=20, seed=1))
    observed = [line for line in ax.get_lines() if line.get_label() == "observed"]
    assert len(observed) == 1
    history = herefordshire.to_dict()["history"]
    assert list(observed[0].get_ydata()) == [point["in_care"] for point in history]
    assert len(history) > 3 and max(point["date"] for point in history) <= str(herefordshire.start_date)
    assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    # The worked example states no history, and a single state's fan has none.
    assert all(line.get_label() != "observed" for line in plots.fan_chart(result).get_lines())
    assert all(line.get_label() != "observed"
               for line in plots.fan_chart(caseflow.run(herefordshire, replications=5, seed=1), state="ico").get_lines())


def test_fan_chart_of_one_state_and_of_no_such_state(result):
    ax = plots.fan_chart(result, state="section20", comparators={"target": 5})
    rows = result.summary().query("state == 'section20'")
    assert np.array_equal(ax.get_lines()[0].get_ydata(), rows["p50"].to_numpy())
    assert "Accommodated under section 20" in ax.get_title()
    with pytest.raises(ValueError, match="no stock 'section_20'"):
        plots.fan_chart(result, state="section_20")


def test_stacked_stocks_add_up_to_the_mean_in_care(result):
    ax = plots.stacked_stocks(result)
    layers = ax.collections
    assert [layer.get_label() for layer in layers] == list(result.scenario.state_labels.values())
    top = band_limits(layers[-1])[1]
    in_care = result.summary().query("state == 'in_care'")["mean"].to_numpy()
    np.testing.assert_allclose(top, in_care, rtol=1e-12)


@pytest.fixture(scope="module")
def herefordshire_result():
    return caseflow.run(caseflow.Scenario.load(HEREFORDSHIRE), replications=40, seed=2)


@pytest.fixture(scope="module")
def comparison():
    base = caseflow.Scenario.load(HEREFORDSHIRE)
    strategies = [caseflow.Scenario.load(HEREFORDSHIRE.parent / "strategies" / f"{name}.json")
                  for name in ("edge-of-care", "faster-courts")]
    return caseflow.compare(base, strategies, replications=40, seed=2)


def test_strategy_comparison_draws_each_mean_difference_and_its_band(comparison):
    ax = plots.strategy_comparison(comparison)
    table = comparison.in_care()
    lines = [line for line in ax.get_lines() if not line.get_label().startswith("_")]
    assert [line.get_label() for line in lines] == ["edge-of-care", "faster-courts"]
    for line, band in zip(lines, ax.collections):
        rows = table[table["strategy"] == line.get_label()]
        assert np.array_equal(line.get_ydata(), rows["difference_mean"].to_numpy())
        low, high = band_limits(band)
        assert np.array_equal(low, rows["difference_p05"].to_numpy())
        assert np.array_equal(high, rows["difference_p95"].to_numpy())
    # Edge of care keeps children out: its mean difference at the end is below zero.
    assert lines[0].get_ydata()[-1] < 0
    one = plots.strategy_comparison(comparison, strategies=["faster-courts"], band=False, ax=plt.figure().gca())
    assert len(one.collections) == 0
    with pytest.raises(ValueError, match="no strategy 'sgo'"):
        plots.strategy_comparison(comparison, strategies=["sgo"])


def test_costs_by_year_stacks_the_mean_costs_and_draws_the_budget(herefordshire_result):
    result = herefordshire_result
    ax = plots.costs_by_year(result)
    summary = result.costs_summary().set_index(["period", "category"])
    years = result.financial_years
    stacks = {}
    for container in ax.containers:
        if hasattr(container, "patches") and container.get_label() and not container.get_label().startswith("_"):
            stacks[container.get_label()] = [patch.get_height() for patch in container.patches]
    residential = [summary.loc[(year, "residential"), "mean"] / 1e6 for year in years]
    np.testing.assert_allclose(stacks["Children's home"], residential, rtol=1e-12)  # matplotlib stores y and y + h
    # The stack's top is the mean total, whose 90% band is the error bar.
    top = np.sum([heights for heights in stacks.values()], axis=0)
    totals = np.array([summary.loc[(year, "total"), "mean"] for year in years]) / 1e6
    np.testing.assert_allclose(top, totals, rtol=1e-12)
    budget = [collection for collection in ax.collections if collection.get_label() == "budget"]
    assert len(budget) == 1
    levels = sorted({segment[0][1] for segment in budget[0].get_segments()})
    assert levels == [17_136_000 / 1e6]
    labels = [tick.get_text() for tick in ax.get_xticklabels()]
    assert labels[0] == "2020/21\n(part)" and labels[1] == "2021/22" and labels[-1].endswith("(part)")
