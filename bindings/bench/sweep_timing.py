"""Times a sweep of the shipped scenarios on a Dask LocalCluster against the same work in one process.

    PYTHONPATH=build/python /usr/bin/python3 bindings/bench/sweep_timing.py [--replications 500] [--workers 2]

The sweep: scenarios/herefordshire-2020.json and every scenarios/strategies/*.json, each with the given number of
replications and seed 1. In one process they run one after another, first on one engine thread, then on as many
threads as the cluster has workers; on the cluster each worker is a process with one thread. Every result is
checked to equal the one-process run. Cluster start-up is timed apart. Dask's overhead per task is the cluster's
worker time (wall time x workers) not spent computing a task, shared out over the tasks.
"""

import argparse
import pathlib
import time

import caseflow
import caseflow.distributed

REPO = pathlib.Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    arguments = parser.parse_args()
    paths = [REPO / "scenarios" / "herefordshire-2020.json"] + sorted((REPO / "scenarios" / "strategies").glob("*.json"))
    jobs = [(caseflow.Scenario.load(path), arguments.replications) for path in paths]
    total = len(jobs) * arguments.replications
    print(f"{len(jobs)} scenarios x {arguments.replications} replications = {total} replications")

    timings = {}
    for threads in (1, arguments.workers):
        started = time.perf_counter()
        local = [caseflow.run(scenario, replications=n, seed=1, threads=threads) for scenario, n in jobs]
        timings[f"one process, {threads} engine thread{'s' if threads > 1 else ''}"] = time.perf_counter() - started

    from dask.distributed import Client, LocalCluster

    started = time.perf_counter()
    with LocalCluster(n_workers=arguments.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.wait_for_workers(arguments.workers)
        print(f"cluster start-up: {time.perf_counter() - started:.2f} s")
        from dask.distributed import get_task_stream
        started = time.perf_counter()
        with get_task_stream(client) as stream:
            swept = caseflow.distributed.run_many(jobs, client=client, seed=1)
        wall = time.perf_counter() - started
        timings[f"LocalCluster, {arguments.workers} worker processes x 1 thread"] = wall
        # What Dask adds to a task: the workers' time not spent computing tasks (scheduling, moving the
        # scenarios and the chunks' arrays, merging them), shared out over the tasks, against a task's own time.
        computing = [sum(part["stop"] - part["start"] for part in task["startstops"] if part["action"] == "compute")
                     for task in stream.data]
        tasks = len(computing)
        per_task = sum(computing) / tasks
        overhead = (wall * arguments.workers - sum(computing)) / tasks
        print(f"{tasks} tasks of {per_task:.3f} s each on average; Dask's overhead {overhead * 1000:.1f} ms a task "
              f"({100 * overhead / per_task:.1f}% of a task)")

    for a, b in zip(local, swept):
        assert a.summary().equals(b.summary()) and a.events == b.events, a.scenario.name
    for name, seconds in timings.items():
        print(f"{name:45s} {seconds:7.2f} s  {total / seconds:8.0f} replications/s")
    print("every swept result equals the one-process run")


if __name__ == "__main__":
    main()
