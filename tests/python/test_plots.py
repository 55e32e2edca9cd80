"""The plots draw the summary's numbers (they compute none of their own)."""

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
    levels = {line.get_label(): line.get_ydata()[0] for line in ax.get_lines()[1:]}
    assert levels == {"West Midlands rate (82 per 10,000): 296": 296, "England rate (65 per 10,000): 235": 235,
                      "Statistical neighbours (54 per 10,000): 196": 196}
    assert len(plots.fan_chart(result).get_lines()) == 1  # the worked example has none


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
