"""Sweeps of many runs over many processes or machines, on Dask.

    from dask.distributed import Client, LocalCluster
    import caseflow, caseflow.distributed

    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))     # or Client("tcp://scheduler:8786")
    jobs = [(caseflow.Scenario.load(p), 1000) for p in paths]
    results = caseflow.distributed.run_many(jobs, client=client, seed=1)  # [RunResult, ...]

Each job is split into chunks of consecutive replications (``first_replication``), each chunk is one Dask
task, and the chunks of a job are merged by the engine (``concatenate_results``) into the ``RunResult``
``caseflow.run`` would give: replication r always uses the random streams of (seed, r), so the merged
result is identical, bit for bit, to ``caseflow.run(scenario, replications, seed)``.

Tasks are pure (a chunk is a function of the scenario, the seed and its replications alone) and keyed by
them, so when a worker dies the scheduler recomputes what it held and the result is the same; tasks that
fail are retried. What a chunk returns is plain data (numpy arrays and a few numbers), so it crosses
process and machine boundaries by pickling.
"""

import contextlib
import json
import math
import time

import numpy as np

from . import _core
from ._progress import TextProgress
from ._run import RunResult, _replications, _threads, _uncertainty, _whole_number
from ._errors import ScenarioError
from ._scenario import Scenario

__all__ = ["Chunk", "compare", "merge", "run_chunk", "run_many", "runs_as_completed"]


class Chunk:
    """Replications ``first_replication`` .. ``first_replication + replications - 1`` of one scenario and seed:
    the engine's per-replication matrices, as numpy arrays (replications x cells), and how they were made.
    Picklable; ``merge`` turns consecutive chunks back into a RunResult."""

    __slots__ = ("seed", "first_replication", "replications", "events", "seconds", "matrices")

    def __init__(self, seed, first_replication, replications, events, seconds, matrices):
        self.seed = seed
        self.first_replication = first_replication
        self.replications = replications
        self.events = events
        self.seconds = seconds
        self.matrices = matrices

    def __getstate__(self):
        return {name: getattr(self, name) for name in self.__slots__}

    def __setstate__(self, state):
        for name in self.__slots__:
            setattr(self, name, state[name])

    def __repr__(self):
        return (f"<caseflow.distributed.Chunk replications {self.first_replication}.."
                f"{self.first_replication + self.replications - 1} of seed {self.seed}>")


def run_chunk(scenario, seed, first_replication, replications, threads=1, uncertainty="all"):
    """Runs one chunk in this process: the task each Dask worker runs. ``scenario`` is a Scenario or its dict."""
    if not isinstance(scenario, Scenario):
        scenario = Scenario.from_dict(scenario, source="<sweep>")
    outcome = _core.run(scenario._core, replications, seed, threads, True, None, first_replication, False,
                        uncertainty=uncertainty)
    # Copies (Fortran order, as the engine keeps them), so the chunk owns its memory and pickles alone.
    matrices = {name: np.array(view) for name, view in outcome.matrices().items()}
    return Chunk(seed, first_replication, replications, outcome.events, outcome.seconds, matrices)


class _Refused:
    """What a chunk's task returns when the engine refuses its scenario (a run limit): the refusal is the same
    on every try, so it is returned rather than raised, and Dask neither retries it nor logs the scenario with
    each try (issue 16)."""

    __slots__ = ("error",)

    def __init__(self, error):
        self.error = error


def _chunk_task(scenario, seed, first_replication, replications, threads, uncertainty):
    try:
        return run_chunk(scenario, seed, first_replication, replications, threads, uncertainty)
    except ScenarioError as error:
        return _Refused(error)


def _in_job(error, index, scenario):
    """A chunk's failure as the error of job ``index``, naming the scenario's file."""
    if isinstance(error, ScenarioError):
        detail = f"{error.detail} (job {index} of the sweep)"
        message = ": ".join(part for part in (scenario.source, error.place, detail) if part)
        return ScenarioError(message, scenario.source, error.place, detail)
    error.add_note(f"caseflow: in job {index} of the sweep, the scenario {scenario.source}")
    return error


def merge(scenario, chunks, per_replication=False, threads=0, seconds=0.0, uncertainty="all"):
    """Consecutive chunks of one scenario and seed as one RunResult, merged and summarized by the engine."""
    chunks = sorted(chunks, key=lambda chunk: chunk.first_replication)
    outcomes = [_core.outcome_from_matrices(scenario._core, chunk.seed, chunk.first_replication, chunk.events,
                                            chunk.seconds, 1, chunk.matrices) for chunk in chunks]
    return RunResult(scenario, _core.concatenate(scenario._core, outcomes, bool(per_replication), threads, seconds),
                     uncertainty)


def runs_as_completed(jobs, client=None, seed=1, chunk_replications=None, per_replication=False, progress=False,
                      retries=3, threads_per_chunk=1, uncertainty="all"):
    """Like ``run_many``, but yields ``(index of the job, RunResult)`` as each job's last chunk arrives, so a
    long sweep can be reduced as it goes without holding every result."""
    jobs = _checked_jobs(jobs)
    seed = _whole_number("seed", seed, 0, 2**64 - 1)
    retries = _whole_number("retries", retries, 0, 1000)
    threads_per_chunk = _threads(threads_per_chunk, "threads_per_chunk")
    uncertainty = _uncertainty(uncertainty)
    report = _progress_callable(progress, "caseflow sweep")
    total = sum(replications for _, replications in jobs)
    started = time.perf_counter()
    from dask.distributed import as_completed

    with _client(client) as dask_client:
        cluster_threads = max(1, sum(dask_client.nthreads().values()))
        if chunk_replications is None:
            # About eight chunks per worker thread: enough to balance uneven jobs and to lose little when a
            # worker dies, few enough that the per-task overhead (milliseconds) does not matter.
            chunk_replications = max(1, math.ceil(total / (8 * cluster_threads)))
        chunk_replications = _replications(chunk_replications, "chunk_replications")
        futures = {}
        pending = []
        for index, (scenario, replications) in enumerate(jobs):
            document = scenario.to_dict()
            token = _token(document)
            pending.append(math.ceil(replications / chunk_replications))
            for first in range(0, replications, chunk_replications):
                count = min(chunk_replications, replications - first)
                key = f"caseflow-chunk-{token}-{seed}-{first}-{count}-{threads_per_chunk}-{uncertainty}"
                future = dask_client.submit(_chunk_task, document, seed, first, count, threads_per_chunk, uncertainty,
                                            key=key, pure=True, retries=retries)
                futures[future] = index
        chunks = [[] for _ in jobs]
        completed = 0
        try:
            for future in as_completed(list(futures)):
                index = futures.pop(future)
                try:
                    chunk = future.result()  # raises the task's error once its retries are spent
                except Exception as error:
                    raise _in_job(error, index, jobs[index][0]) from None
                if isinstance(chunk, _Refused):
                    raise _in_job(chunk.error, index, jobs[index][0])
                del future  # the client holds the chunk now: the worker may forget it
                chunks[index].append(chunk)
                completed += chunk.replications
                if report is not None:
                    report(completed, total)
                if len(chunks[index]) == pending[index]:
                    scenario = jobs[index][0]
                    result = merge(scenario, chunks[index], per_replication, cluster_threads,
                                   time.perf_counter() - started, uncertainty)
                    chunks[index] = None
                    yield index, result
        finally:
            if futures:
                dask_client.cancel(list(futures))


def run_many(jobs, client=None, seed=1, chunk_replications=None, per_replication=False, progress=False, retries=3,
             threads_per_chunk=1, uncertainty="all"):
    """Runs ``jobs`` on a Dask cluster; returns their RunResults, each identical to ``caseflow.run``'s.

    Args:
        jobs: a list of ``(Scenario, replications)``, or a dict ``{name: (Scenario, replications)}`` (then the
            result is a dict with the same names).
        client: a ``dask.distributed.Client``; a scheduler address (``"tcp://host:8786"``); or None for a
            LocalCluster on this machine with one single-threaded worker process per core, closed afterwards.
        seed: every job's seed, so jobs share random numbers (common random numbers), as with ``caseflow.run``.
        chunk_replications: replications per task; by default about eight tasks per worker thread.
        per_replication: keep each result's per-replication arrays, as ``caseflow.run(per_replication=True)``.
        progress: False, True (a bar on sys.stderr) or a callable ``progress(completed, total)`` in replications,
            called in this thread as chunks finish.
        retries: how many times a failing task is retried (a worker that dies is handled by the scheduler:
            what it held is recomputed). A job the engine refuses (a run limit) is not retried: the refusal
            would be the same; it is raised as a ScenarioError naming the scenario's file and the job.
        threads_per_chunk: engine threads in each task (1 suits one-thread workers).
        uncertainty: what the bands hold, as for ``caseflow.run`` (default ``"all"``).

    ``result.seconds`` is the wall time of the sweep until that job was merged; ``result.threads`` the number of
    worker threads in the cluster.

    A LocalCluster starts its workers as new processes that import the main module: in a script (not in Jupyter),
    call this under ``if __name__ == "__main__":``.
    """
    names = None
    if isinstance(jobs, dict):
        names = list(jobs)
        jobs = list(jobs.values())
    results = [None] * len(jobs)
    for index, result in runs_as_completed(jobs, client, seed, chunk_replications, per_replication, progress,
                                           retries, threads_per_chunk, uncertainty):
        results[index] = result
    return dict(zip(names, results)) if names is not None else results


def compare(base, strategies, client=None, replications=1000, seed=1, chunk_replications=None, progress=False,
            retries=3, uncertainty="all"):
    """``caseflow.compare`` with the runs on a Dask cluster: the same Comparison, number for number."""
    from ._compare import Comparison, _named_strategies

    named = _named_strategies(strategies)
    jobs = [(base, replications)] + [(scenario, replications) for scenario in named.values()]
    results = run_many(jobs, client, seed, chunk_replications, per_replication=True, progress=progress,
                       retries=retries, uncertainty=uncertainty)
    return Comparison(results[0], dict(zip(named, results[1:])))


def _checked_jobs(jobs):
    checked = []
    for job in jobs:
        try:
            scenario, replications = job
        except (TypeError, ValueError):
            raise TypeError(f"a job is a (caseflow.Scenario, replications) pair, got {job!r}") from None
        if not isinstance(scenario, Scenario):
            raise TypeError(f"a job's scenario must be a caseflow.Scenario, got {type(scenario).__name__}")
        checked.append((scenario, _replications(replications)))
    if not checked:
        raise ValueError("no jobs to run")
    return checked


def _token(document):
    import hashlib

    text = json.dumps(document, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _progress_callable(progress, label):
    if progress is True:
        return TextProgress(label)
    if progress is False or progress is None:
        return None
    if not callable(progress):
        raise TypeError("progress must be True, False or a callable(completed, total)")
    return progress


@contextlib.contextmanager
def _client(client):
    """The Client to use: the one given, one connected to an address, or a LocalCluster's (closed afterwards)."""
    from dask.distributed import Client, LocalCluster

    if isinstance(client, Client):
        yield client
    elif isinstance(client, str):
        with Client(client) as connected:
            yield connected
    elif client is None:
        with LocalCluster(threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as local:
            yield local
    else:
        raise TypeError(f"client must be a dask.distributed.Client, a scheduler address or None, got {client!r}")
