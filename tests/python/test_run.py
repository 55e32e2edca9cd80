"""caseflow.run: arguments, per-replication arrays without copies, threads, the GIL, progress and cancelling."""

import gc
import math
import os
import signal
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import caseflow

SECTION20_TO_REUNIFICATION = 6  # in the worked example: exponential, mean 240 days


def assert_same_run(a, b):
    assert a.summary().equals(b.summary())
    assert a.flows_summary().equals(b.flows_summary())
    if a.per_replication and b.per_replication:
        assert np.array_equal(a.stock_counts, b.stock_counts)
        assert np.array_equal(a.flow_counts, b.flow_counts)


def test_halving_an_exit_time_lowers_the_forecast_beyond_noise(example, example_dict):
    time = example_dict["transitions"][SECTION20_TO_REUNIFICATION]["time"]
    assert time == {"dist": "exponential", "mean_days": 240.0}
    time["mean_days"] = 120.0
    faster = caseflow.Scenario.from_dict(example_dict)
    replications = 400
    base = caseflow.run(example, replications=replications, seed=11, per_replication=True)
    edited = caseflow.run(faster, replications=replications, seed=11, per_replication=True)
    columns = base.stock_columns
    for state in ("section20", "in_care"):
        column = columns.index(state)
        # Common random numbers make the replications paired: the noise is that of the differences.
        differences = (base.stock_counts[:, -1, column] - edited.stock_counts[:, -1, column]).astype(float)
        standard_error = differences.std(ddof=1) / math.sqrt(replications)
        assert differences.mean() > 4.5 * standard_error, state
    # Section 20 alone: leaving at 1/240 + 1/900 a day vs 1/120 + 1/900, 25 arrivals a year, the mean stay falls
    # from 189 to 106 days, so the steady-state stock from 13.0 to 7.3 (less for those who turn 18 first).
    column = columns.index("section20")
    drop = (base.stock_counts[:, -1, column] - edited.stock_counts[:, -1, column]).mean()
    assert 3.0 < drop < 6.5
    # And the summary, the analyst's view, moves the same way.
    last = base.summary()["date"].max()
    before = base.summary().query("date == @last and state == 'in_care'")["mean"].item()
    after = edited.summary().query("date == @last and state == 'in_care'")["mean"].item()
    assert after < before


def test_summary_is_numpys_mean_and_quantiles_of_the_replications(example):
    result = caseflow.run(example, replications=101, seed=3, per_replication=True)
    counts = result.stock_counts
    summary = result.summary()
    flat = counts.reshape(counts.shape[0], -1)
    assert np.array_equal(summary["mean"].to_numpy(), flat.mean(axis=0))
    for p in (0.05, 0.25, 0.5, 0.75, 0.95):
        column = f"p{round(p * 100):02d}"
        assert np.array_equal(summary[column].to_numpy(), np.quantile(flat, p, axis=0)), column
    # in_care is the sum of the states, replication by replication.
    assert np.array_equal(counts[:, :, -1], counts[:, :, :-1].sum(axis=2))


def test_per_replication_arrays_are_the_engines_memory(example):
    result = caseflow.run(example, replications=50, seed=2, per_replication=True)
    stocks = result.stock_counts
    assert stocks.dtype == np.int32
    assert stocks.shape == (50, example.horizon_months + 1, len(example.state_ids) + 1)
    assert not stocks.flags.owndata and stocks.base is not None
    assert not stocks.flags.writeable
    # Two views of the same memory, not two copies.
    assert np.shares_memory(stocks, result.stock_counts)
    assert np.shares_memory(result.flow_counts, result.flow_counts)
    # Replication-major long form, as stocks.csv, from the same numbers.
    long = result.stocks()
    assert np.array_equal(long["count"].to_numpy(), stocks.reshape(-1))
    row = long.iloc[(7 * stocks.shape[1] + 12) * stocks.shape[2] + 4]
    assert (row["replication"], row["state"], row["count"]) == (7, result.stock_columns[4], stocks[7, 12, 4])
    assert row["date"] == result.dates[12]
    # The view keeps the engine's memory alive after the result is gone.
    copy = stocks.copy()
    del result, long
    gc.collect()
    assert np.array_equal(stocks, copy)


def test_flow_counts_add_up_to_the_change_in_stocks(example):
    result = caseflow.run(example, replications=30, seed=4, per_replication=True)
    stocks, flows = result.stock_counts, result.flow_counts
    columns = result.stock_columns
    for c, state in enumerate(columns[:-1]):
        inflow = sum(flows[:, :, k] for k, (_, to) in enumerate(result.flow_keys) if to == state)
        outflow = sum(flows[:, :, k] for k, (origin, _) in enumerate(result.flow_keys) if origin == state)
        assert np.array_equal(stocks[:, 1:, c], stocks[:, :-1, c] + inflow - outflow), state


def test_without_per_replication_only_summaries_are_kept(example):
    result = caseflow.run(example, replications=20, seed=1)
    assert not result.per_replication
    assert len(result.summary()) == (example.horizon_months + 1) * (len(example.state_ids) + 1)
    for what in ("stocks", "flows"):
        with pytest.raises(RuntimeError, match="per_replication=True"):
            getattr(result, what)()
    with pytest.raises(RuntimeError, match="per_replication=True"):
        result.stock_counts
    assert_same_run(result, caseflow.run(example, replications=20, seed=1, per_replication=True))


def test_results_do_not_depend_on_the_thread_count(example):
    one = caseflow.run(example, replications=40, seed=9, threads=1, per_replication=True)
    three = caseflow.run(example, replications=40, seed=9, threads=3, per_replication=True)
    assert (one.threads, three.threads) == (1, 3)
    assert_same_run(one, three)


def test_two_runs_in_two_python_threads_equal_the_same_runs_in_turn(example, example_dict):
    example_dict["arrivals"][0]["per_year"] = 80
    busier = caseflow.Scenario.from_dict(example_dict)
    jobs = [(example, 21), (busier, 22)]
    in_turn = [caseflow.run(scenario, replications=300, seed=seed, per_replication=True) for scenario, seed in jobs]
    start = threading.Barrier(2)

    def together(job):
        start.wait()
        return caseflow.run(job[0], replications=300, seed=job[1], per_replication=True)

    with ThreadPoolExecutor(2) as pool:
        at_once = list(pool.map(together, jobs))
    for a, b in zip(in_turn, at_once):
        assert_same_run(a, b)
    assert not in_turn[0].summary().equals(in_turn[1].summary())


def test_a_run_releases_the_gil(example):
    finished = threading.Event()
    outcome = {}

    def work():
        outcome["result"] = caseflow.run(example, replications=3000, seed=5, threads=1)
        finished.set()

    worker = threading.Thread(target=work)
    beats = [time.perf_counter()]
    worker.start()
    while not finished.is_set():
        time.sleep(0.002)
        beats.append(time.perf_counter())
    worker.join()
    seconds = outcome["result"].seconds
    if seconds < 0.2:
        pytest.skip(f"the run took only {seconds:.3f} s: too short to tell")
    # Holding the GIL would stop this thread for the whole run.
    assert np.diff(beats).max() < seconds / 2


def test_progress_is_reported_on_the_calling_thread_and_ends_at_the_total(example):
    calls = []

    def progress(completed, total):
        calls.append((completed, total, threading.get_ident()))

    caseflow.run(example, replications=200, seed=1, progress=progress)
    assert calls and calls[-1][:2] == (200, 200)
    assert all(thread == threading.get_ident() for _, _, thread in calls)
    counts = [completed for completed, _, _ in calls]
    assert counts == sorted(counts)


def test_the_text_progress_bar_writes_to_stderr(example, capsys):
    caseflow.run(example, replications=50, seed=1, progress=True)
    assert capsys.readouterr().err.endswith("] 50/50\n")


@pytest.fixture(scope="module")
def slow():
    """A scenario whose replications take a good fraction of a second each."""
    return caseflow.Scenario.from_dict({
        "format": "caseflow-scenario/1", "name": "slow", "start_date": "2021-01-01", "horizon_months": 24,
        "states": [{"id": "a", "label": "A"}], "exits": [{"id": "out", "label": "Out"}],
        "transitions": [{"from": "a", "to": "out", "time": {"dist": "exponential", "mean_days": 10}}],
        "arrivals": [{"state": "a", "per_year": 300000, "age_years": {"5-9": 1}}],
        "initial_population": [],
    })


def test_an_exception_from_the_progress_callback_stops_the_run(slow, example):
    def progress(completed, total):
        raise RuntimeError("stop here")

    started = time.perf_counter()
    with pytest.raises(RuntimeError, match="stop here"):
        caseflow.run(slow, replications=200, seed=1, progress=progress)
    assert time.perf_counter() - started < 10  # the whole run would take well over a minute
    caseflow.run(example, replications=10, seed=1)  # and the module is fine afterwards


def test_a_signal_stops_the_run_like_ctrl_c(slow):
    class Interrupted(Exception):
        pass

    def handler(signum, frame):
        raise Interrupted()

    running = threading.Event()
    sender = threading.Thread(target=lambda: running.wait(30) and os.kill(os.getpid(), signal.SIGUSR1))
    previous = signal.signal(signal.SIGUSR1, handler)
    try:
        sender.start()
        started = time.perf_counter()
        with pytest.raises(Interrupted):
            caseflow.run(slow, replications=200, seed=1, progress=lambda completed, total: running.set())
        elapsed = time.perf_counter() - started
    finally:
        sender.join()
        signal.signal(signal.SIGUSR1, previous)
    assert elapsed < 10


@pytest.mark.parametrize("arguments, error", [
    ({"replications": 0}, ValueError),
    ({"replications": 2.5}, TypeError),
    ({"replications": True}, TypeError),
    ({"seed": -1}, ValueError),
    ({"threads": 0}, ValueError),
    ({"progress": "yes"}, TypeError),
])
def test_bad_arguments_are_python_errors(example, arguments, error):
    with pytest.raises(error):
        caseflow.run(example, **arguments)


def test_the_bounds_on_replications_and_threads_are_the_engines(example):
    """caseflow.run reads its bounds from the engine (those of the command line's --replications, --threads)."""
    assert (caseflow._core.MIN_REPLICATIONS, caseflow._core.MAX_REPLICATIONS, caseflow._core.MAX_THREADS) == \
        (1, 10_000_000, 1024)
    with pytest.raises(ValueError, match="^replications must be between 1 and 10000000, got 10000001$"):
        caseflow.run(example, replications=caseflow._core.MAX_REPLICATIONS + 1)
    with pytest.raises(ValueError, match="^threads must be between 1 and 1024, got 1025$"):
        caseflow.run(example, replications=1, threads=caseflow._core.MAX_THREADS + 1)


def test_run_needs_a_scenario(example_dict):
    with pytest.raises(TypeError, match="Scenario"):
        caseflow.run(example_dict)


def test_numpy_integers_are_accepted_as_arguments(example):
    result = caseflow.run(example, replications=np.int64(5), seed=np.uint64(2**64 - 1), threads=np.int32(1))
    assert (result.replications, result.seed, result.threads) == (5, 2**64 - 1, 1)


def test_uncertainty_layers_warn_and_check(example, example_dict):
    # The worked example states no uncertainty: the default run says its band holds chance alone.
    with pytest.warns(caseflow.ChanceAloneWarning, match="holds? only the chance"):
        default = caseflow.run(example, replications=20, seed=2)
    assert default.uncertainty == "all" and default.uncertainty_held == ["chance"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        chance = caseflow.run(example, replications=20, seed=2, uncertainty="chance")
    assert_same_run(default, chance)
    with pytest.raises(ValueError, match='uncertainty must be "chance", "parameters" or "all"'):
        caseflow.run(example, replications=5, uncertainty="everything")
    with pytest.raises(ValueError, match="disagree"):
        caseflow.run(example, replications=5, uncertainty="chance", parameter_uncertainty=True)

    # With a range on an arrival rate and drift on the arrivals, each layer holds what it says.
    example_dict["arrivals"][0]["per_year_range"] = [0.7 * example_dict["arrivals"][0]["per_year"],
                                                      1.4 * example_dict["arrivals"][0]["per_year"]]
    example_dict["drift"] = {"arrivals": {"volatility_per_year": 0.2}}
    uncertain = caseflow.Scenario.from_dict(example_dict)
    runs = {layer: caseflow.run(uncertain, replications=200, seed=2, uncertainty=layer)
            for layer in ("chance", "parameters", "all")}
    assert runs["chance"].uncertainty_held == ["chance"]
    assert runs["parameters"].uncertainty_held == ["chance", "parameters"]
    assert runs["all"].uncertainty_held == ["chance", "parameters", "drift"]
    assert_same_run(runs["chance"], caseflow.run(uncertain, replications=200, seed=2, parameter_uncertainty=False))
    width = {layer: result.summary().query("state == 'in_care'").eval("p95 - p05").iloc[-1]
             for layer, result in runs.items()}
    assert width["chance"] < width["parameters"] < width["all"]
