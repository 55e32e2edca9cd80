"""Sweeps on a Dask cluster equal single-machine runs bit for bit, even when a worker dies; sensitivity analysis
gives exactly zero for what the forecast does not use, and the same numbers here and on the cluster."""

import collections
import os
import pickle
import signal

import numpy as np
import pandas as pd
import pytest

import caseflow
import caseflow.distributed
from conftest import EXAMPLE, HEREFORDSHIRE

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    # Two worker processes with one thread each, as a small cluster of two machines would be.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def herefordshire():
    return caseflow.Scenario.load(HEREFORDSHIRE)


def assert_identical(swept, local):
    """Every table and every per-replication array the same, to the last bit."""
    assert swept.replications == local.replications and swept.seed == local.seed
    assert swept.events == local.events
    pd.testing.assert_frame_equal(swept.summary(), local.summary(), check_exact=True)
    pd.testing.assert_frame_equal(swept.flows_summary(), local.flows_summary(), check_exact=True)
    assert swept.has_costs == local.has_costs
    if local.has_costs:
        pd.testing.assert_frame_equal(swept.costs_summary(), local.costs_summary(), check_exact=True)
        pd.testing.assert_frame_equal(swept.placements_summary(), local.placements_summary(), check_exact=True)
        pd.testing.assert_frame_equal(swept.budget(), local.budget(), check_exact=True)
    if local.per_replication:
        for name in ("stock_counts", "flow_counts", "care_days", "cost_pounds", "cost_period_care_days",
                     "placement_counts"):
            assert np.array_equal(getattr(swept, name), getattr(local, name)), name


def test_chunks_pickle_and_merge_into_the_whole_run(example):
    # The chunk protocol alone, in this process: uneven chunks, out of order, through pickle.
    chunks = [caseflow.distributed.run_chunk(example, 9, first, count) for first, count in ((0, 7), (7, 1), (8, 12))]
    travelled = [pickle.loads(pickle.dumps(chunk)) for chunk in reversed(chunks)]
    merged = caseflow.distributed.merge(example, travelled, per_replication=True)
    assert_identical(merged, caseflow.run(example, replications=20, seed=9, per_replication=True))
    with pytest.raises(ValueError, match="consecutive"):
        caseflow.distributed.merge(example, [chunks[0], chunks[2]])


def test_a_sweep_on_two_worker_processes_equals_the_single_machine_runs(client, herefordshire, example):
    jobs = {"herefordshire": (herefordshire, 90), "example": (example, 37)}
    swept = caseflow.distributed.run_many(jobs, client=client, seed=4, chunk_replications=16, per_replication=True)
    assert list(swept) == ["herefordshire", "example"]
    # The chunks really ran on both worker processes.
    assert len(client.run(os.getpid)) == 2
    assert_identical(swept["herefordshire"], caseflow.run(herefordshire, replications=90, seed=4, per_replication=True))
    assert_identical(swept["example"], caseflow.run(example, replications=37, seed=4, per_replication=True))
    # Without per_replication, the summaries are still those of the whole run.
    [summarized] = caseflow.distributed.run_many([(herefordshire, 90)], client=client, seed=4, chunk_replications=50)
    assert not summarized.per_replication
    assert_identical(summarized, caseflow.run(herefordshire, replications=90, seed=4))


def test_progress_is_reported_as_chunks_finish(client, example):
    calls = []
    caseflow.distributed.run_many([(example, 50), (example, 25)], client=client, seed=1, chunk_replications=10,
                                  progress=lambda completed, total: calls.append((completed, total)))
    assert len(calls) == 5 + 3  # one call per chunk
    assert [total for _, total in calls] == [75] * 8
    assert [completed for completed, _ in calls] == sorted(completed for completed, _ in calls)
    assert calls[-1] == (75, 75)


def test_a_worker_killed_mid_sweep_loses_nothing(client, herefordshire):
    pids = client.run(os.getpid)
    killed = []

    def kill_a_worker_once(completed, total):
        # After the first chunk is in, both workers are busy with chunks of their own (one thread each, many
        # chunks queued): kill one, as a machine would fail. Its nanny starts a new worker process.
        if not killed and completed < total:
            pid = sorted(pids.values())[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    log = client.cluster.scheduler.transition_log  # the LocalCluster's scheduler lives in this process
    logged_before = len(log)
    [swept] = caseflow.distributed.run_many([(herefordshire, 120)], client=client, seed=8, chunk_replications=6,
                                            per_replication=True, progress=kill_a_worker_once)
    assert killed
    client.wait_for_workers(2, timeout=60)
    assert killed[0] not in client.run(os.getpid).values()  # that process is gone
    # The chunk it was running (and any it had finished but not handed over) was computed again elsewhere.
    started = collections.Counter(key for key, _, finish, *_ in list(log)[logged_before:] if finish == "processing")
    assert len(started) == 20
    assert max(started.values()) >= 2
    assert_identical(swept, caseflow.run(herefordshire, replications=120, seed=8, per_replication=True))


def test_compare_on_the_cluster_equals_compare_here(client, herefordshire):
    strategy = caseflow.Scenario.load(HEREFORDSHIRE.parent / "strategies" / "edge-of-care.json")
    there = caseflow.distributed.compare(herefordshire, [strategy], client=client, replications=40, seed=2,
                                         chunk_replications=15)
    here = caseflow.compare(herefordshire, [strategy], replications=40, seed=2)
    for table in ("in_care", "summary", "routes", "comparators", "costs"):
        pd.testing.assert_frame_equal(getattr(there, table)(), getattr(here, table)(), check_exact=True)


def test_bad_jobs_are_refused_before_anything_runs(client, example):
    with pytest.raises(TypeError, match=r"\(caseflow.Scenario, replications\) pair"):
        caseflow.distributed.run_many([example], client=client)
    with pytest.raises(TypeError, match="must be a caseflow.Scenario"):
        caseflow.distributed.run_many([("scenarios/x.json", 10)], client=client)
    with pytest.raises(ValueError, match="replications must be between"):
        caseflow.distributed.run_many([(example, 0)], client=client)
    with pytest.raises(TypeError, match="client must be"):
        caseflow.distributed.run_many([(example, 1)], client=42)


# Sensitivity analysis.

def with_unused_parts(scenario):
    """The scenario with a state nobody can reach (with a way out of it), and an exit nobody takes that would
    start an allowance: parameters the forecast never uses."""
    d = scenario.to_dict()
    d["states"].append({"id": "secure_unit", "label": "Secure children's home"})
    d["exits"].append({"id": "moved_abroad", "label": "Moved abroad"})
    d["transitions"].append({"from": "secure_unit", "to": "other", "time": {"dist": "exponential", "mean_days": 200}})
    d["placement_mix"]["secure_unit"] = {"residential": 1.0}
    d["costs"]["allowances"].append({"id": "abroad_support", "exit": "moved_abroad", "weekly_cost": 500, "years": 2})
    return caseflow.Scenario.from_dict(d, source="herefordshire with unused parts")


def test_sensitivity_to_parameters_the_forecast_does_not_use_is_exactly_zero(herefordshire):
    scenario = with_unused_parts(herefordshire)
    unused_transition = f"/transitions/{len(scenario.to_dict()['transitions']) - 1}/time/mean_days"
    unused_allowance = "/costs/allowances/3/weekly_cost"
    residential_cost = "/placement_types/5/weekly_cost"
    court = "/pipelines/0/stages/1/capacity_per_month"
    table = caseflow.sensitivity(scenario, [unused_transition, unused_allowance, residential_cost, court],
                                 change=0.2, replications=40, seed=6)
    effects = ["effect_mean", "effect_p05", "effect_p95"]
    for path in (unused_transition, unused_allowance):
        rows = table[table["parameter"] == path]
        assert len(rows) == 2 * 5 * 2  # low and high, five yearly dates, in care and cost
        assert (rows[effects] == 0).all().all(), path
        assert (rows["mean"] == rows["base_mean"]).all()
    # A unit cost changes the cost and nothing else; the court's capacity changes both. (So the zeros above are
    # not zeros by construction.)
    residential = table[table["parameter"] == residential_cost]
    assert (residential[residential["measure"] == "in_care"][effects] == 0).all().all()
    cost = residential[residential["measure"] == "cost"].set_index(["direction", "financial_year"])
    assert (cost.loc["high"]["effect_p05"] > 0).all() and (cost.loc["low"]["effect_p95"] < 0).all()
    # Weekly cost x 1.2 and x 0.8 shift the cost by exactly opposite amounts (costs are linear in it).
    np.testing.assert_allclose(cost.loc["high"]["effect_mean"], -cost.loc["low"]["effect_mean"], rtol=1e-9)
    fewer_orders = table[(table["parameter"] == court) & (table["direction"] == "low") & (table["measure"] == "in_care")]
    assert (fewer_orders["value"] == 2).all() and (fewer_orders["base_value"] == 3).all()
    assert (fewer_orders["effect_mean"] > 0).all()  # a smaller court keeps children in care longer


def test_sensitivity_on_the_cluster_equals_sensitivity_here(client, herefordshire):
    arguments = dict(parameters=["/transitions/10/time/mean_days", "/arrivals/0/per_year"], change=0.1,
                     dates=["2022-11-02", "2025-11-02"], replications=30, seed=3)
    here = caseflow.sensitivity(herefordshire, **arguments)
    there = caseflow.sensitivity(herefordshire, client=client, chunk_replications=8, **arguments)
    pd.testing.assert_frame_equal(there, here, check_exact=True)
    assert list(here["date"].unique()) == [pd.Timestamp("2022-11-02"), pd.Timestamp("2025-11-02")]
    assert set(here[here["measure"] == "cost"]["financial_year"]) == {"2022/23", "2025/26"}
    assert set(here["label"]) == {"plan_sgo -> sgo: mean_days", "arrivals into ico: per_year"}


def test_sensitivity_of_every_parameter_of_a_scenario_without_costs(example):
    listed = caseflow.sensitivity_parameters(example)
    assert set(listed["kind"]) <= set(caseflow._sensitivity.KINDS) and (listed["value"] != 0).all()
    table = caseflow.sensitivity(example, change=0.5, replications=10, seed=1)
    assert set(table["measure"]) == {"in_care"}
    assert len(table) == 2 * len(listed) * (example.horizon_months // 12)
    # Half as many arrivals again: more children in care at the end, on average.
    arrivals = table[(table["parameter"] == listed[listed["kind"] == "arrival_rate"]["path"].iloc[0])]
    assert arrivals[arrivals["direction"] == "high"]["effect_mean"].iloc[-1] > 0


def test_sensitivity_refuses_what_it_cannot_vary(herefordshire):
    with pytest.raises(ValueError, match="/transitions/99/time/mean_days: no element '99'"):
        caseflow.sensitivity(herefordshire, ["/transitions/99/time/mean_days"], replications=2)
    with pytest.raises(ValueError, match="must be a number"):
        caseflow.sensitivity(herefordshire, ["/transitions/0/time/dist"], replications=2)
    with pytest.raises(ValueError, match="JSON path"):
        caseflow.sensitivity(herefordshire, ["transitions.0"], replications=2)
    with pytest.raises(ValueError, match="between 0 and 1"):
        caseflow.sensitivity(herefordshire, ["/arrivals/0/per_year"], change=1.5, replications=2)
    with pytest.raises(ValueError, match="2021-01-01 is not a snapshot date"):
        caseflow.sensitivity(herefordshire, ["/arrivals/0/per_year"], dates=["2021-01-01"], replications=2)
    with pytest.raises(ValueError, match="is 0"):
        caseflow.sensitivity(herefordshire, ["/foster_placements/recruited_per_year"], replications=2)


def test_tornado_draws_the_effects_of_the_table(herefordshire):
    import matplotlib.pyplot as plt

    from caseflow import plots

    table = caseflow.sensitivity(herefordshire, ["/transitions/10/time/mean_days", "/pipelines/0/stages/1/capacity_per_month",
                                                 "/placement_types/5/weekly_cost"], replications=30, seed=2)
    try:
        ax = plots.tornado(table, measure="in_care")
        last = table[(table["measure"] == "in_care") & (table["date"] == table["date"].max())]
        low, high = ax.containers[0], ax.containers[2]  # bars, error bars, bars, error bars
        labels = [tick.get_text().split(" (")[0] for tick in ax.get_yticklabels()]
        # Largest range at the top (drawn last): the court's capacity; the weekly cost changes no child's path.
        assert labels[-1] == "court: capacity_per_month" and labels[0] == "weekly cost: residential"
        for label, low_bar, high_bar in zip(labels, low.patches, high.patches):
            rows = last[last["label"] == label].set_index("direction")
            assert low_bar.get_width() == rows.loc["low", "effect_mean"]
            assert high_bar.get_width() == rows.loc["high", "effect_mean"]
        ax = plots.tornado(table, measure="cost", date="2022-11-02", ax=plt.figure().gca())
        cost = table[(table["measure"] == "cost") & (table["date"] == "2022-11-02")]
        widths = {tick.get_text().split(" (")[0]: bar.get_width()
                  for tick, bar in zip(ax.get_yticklabels(), ax.containers[2].patches)}
        expected = cost[cost["direction"] == "high"].set_index("label")["effect_mean"] / 1e3
        assert widths == expected.to_dict()
        assert "2022/23" in ax.get_xlabel()
    finally:
        plt.close("all")


def test_a_job_the_engine_refuses_names_its_file_and_job_and_is_not_retried(client, example, example_dict):
    # Valid, but far beyond the run limits: the refusal is the same on every try, so the task returns it rather
    # than raise it (Dask retries what raises), and the error names the scenario's file and the job.
    example_dict["arrivals"][0]["per_year"] = 5e6
    huge = caseflow.Scenario.from_dict(example_dict, source="huge.json")
    with pytest.raises(caseflow.ScenarioError) as raised:
        caseflow.distributed.run_many([(example, 4), (huge, 4)], client=client, chunk_replications=4, retries=3)
    error = raised.value
    assert (error.source, error.place) == ("huge.json", "/arrivals/0/per_year")
    assert str(error).startswith("huge.json: /arrivals/0/per_year: one replication would simulate about ")
    assert str(error).endswith("(job 1 of the sweep)")
    refused = caseflow.distributed._chunk_task(example_dict, 1, 0, 4, 1, "all")
    assert isinstance(refused, caseflow.distributed._Refused)
    assert "one replication would simulate about" in str(refused.error)
