"""Running independent tasks (document partitions, fits of a sweep) serially, on Dask's local
scheduler or on a running Dask cluster, with a line of progress per finished task.

Where the tasks run never changes what they return: each task is a pure function of its
inputs (seeds included), and the results come back in the order of the tasks.

- ``workers == 1``: a plain loop in this process (no Dask at all);
- ``DASK_SCHEDULER_ADDRESS`` set (``tcp://host:8786``): the cluster there, through a
  ``distributed.Client`` (Rocklin 2015, *Dask: parallel computation with blocked algorithms
  and task scheduling*); a university cluster is started with dask-jobqueue, see the README;
- otherwise: Dask's local scheduler with ``workers`` processes.

Progress (:func:`progress_write`) goes where a person sees it and an executed notebook never
holds it: to the file named by ``DIGIWELFARE_PROGRESS`` (``python -m digiwelfare run`` sets
it and copies its lines to the terminal, that is the ``make`` log), to nothing in any other
pipeline run, and to a tqdm bar when someone runs the notebook in JupyterLab.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Sequence

#: Environment variable naming a running Dask scheduler; set, every sweep goes there.
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
#: Environment variable naming a file that progress lines are appended to.
PROGRESS_ENV = "DIGIWELFARE_PROGRESS"
#: Environment variable naming the lock file that lets one pool of worker processes run at a
#: time on this machine (default: ``digiwelfare-pool.lock`` in the system's temporary folder).
POOL_LOCK_ENV = "DIGIWELFARE_POOL_LOCK"
#: Set in a pool's own worker processes, so that a task that starts a pool never waits.
_POOL_HELD_ENV = "DIGIWELFARE_POOL_HELD"


def progress_write(line: str) -> None:
    """Append one line of progress to the file named by ``DIGIWELFARE_PROGRESS``; outside a
    pipeline run (``DIGIWELFARE_PIPELINE`` unset), write it to standard error instead.
    Inside a pipeline run without that file it is dropped: a kernel's standard error would
    end up in the executed notebook, whose bytes must not depend on timings."""
    target = os.environ.get(PROGRESS_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(line.rstrip("\n") + "\n")
    elif not os.environ.get("DIGIWELFARE_PIPELINE"):
        print(line, file=sys.stderr, flush=True)


def _timed_call(fn: Callable, job) -> tuple[object, float]:
    start = time.perf_counter()
    result = fn(job)
    return result, time.perf_counter() - start


class _Reporter:
    """Counts finished tasks and reports each: to :func:`progress_write`, and to a tqdm bar
    when the tasks run in JupyterLab or a terminal (not a pipeline run)."""

    def __init__(self, total: int, label: Callable | None, what: str):
        self.total, self.label, self.what, self.done = total, label, what, 0
        self.bar = None
        if label is not None and not os.environ.get("DIGIWELFARE_PIPELINE") \
                and not os.environ.get(PROGRESS_ENV):
            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, desc=what, leave=False)

    def __call__(self, job, seconds: float) -> None:
        self.done += 1
        if self.label is None:
            return
        line = f"{self.what}: {self.label(job)} in {seconds:.1f} s ({self.done}/{self.total})"
        if self.bar is not None:
            self.bar.set_postfix_str(str(self.label(job)), refresh=False)
            self.bar.update(1)
        else:
            progress_write(line)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def workers_for(workers: int, work: float, minimum: float) -> int:
    """The processes worth starting for ``work`` (in the caller's unit: tokens times sweeps,
    tokens times fits): ``workers``, or 1 when the work is below ``minimum``, where starting
    worker processes (each importing the libraries and receiving the data) would cost more
    than it saves. The results never depend on it."""
    return workers if work >= minimum else 1


def memory_release() -> None:
    """Give the memory this process has freed back to the system: pyarrow's pool keeps what
    pandas' string columns let go of, and the C library's allocator keeps the heap a burst of
    small objects left (reading 100,000 texts leaves about 0.4 GB so held after the strings
    are gone). Nothing a process holds changes; only what the system counts as in use. A
    no-op where the C library has no ``malloc_trim`` (not glibc)."""
    import ctypes
    import ctypes.util

    import pyarrow

    pyarrow.default_memory_pool().release_unused()
    try:
        ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass


def tasks_run(fn: Callable, jobs: Sequence, workers: int = 1, label: Callable | None = None,
              what: str = "task", threads: bool = False, preload: str | None = None) -> list:
    """``[fn(job) for job in jobs]``, run serially (``workers == 1``), on the Dask cluster
    at ``DASK_SCHEDULER_ADDRESS`` when it is set, or else on Dask's local scheduler with
    ``workers`` processes. ``fn`` must be a module-level function (it is pickled).

    With ``threads``, the local run uses ``workers`` threads of this process instead of
    processes: for tasks whose work is compiled code that lets go of Python's lock (the
    samplers' numba loops, ``nogil``), threads use every core as processes do, with no copy
    of the data in another process's memory and nothing to pickle. BLAS runs with one
    thread meanwhile (threadpoolctl), so a task's floating-point sums are the same bytes as
    in one process; a task must share nothing it changes with another.

    With ``preload`` (a module's name), the local worker processes are forked from a fork
    server that imported that module first (:mod:`multiprocessing.forkserver`), so whatever
    it loads (language models, lemma dictionaries) is one copy in memory that every worker
    shares, not one a worker; the server stops when the tasks are done. Without it (or where
    there is no fork server: Windows), each worker process starts afresh (``spawn``).

    With ``label`` (a function of a job giving a short text such as ``"K = 10, seed 1"``),
    each finished task is reported with its seconds (see the module's notes on where).
    """
    jobs = list(jobs)
    report = _Reporter(len(jobs), label, what)
    try:
        address = os.environ.get(SCHEDULER_ENV)
        if address:
            return _run_cluster(fn, jobs, address, report)
        if workers <= 1 or len(jobs) <= 1:
            results = []
            for job in jobs:
                result, seconds = _timed_call(fn, job)
                report(job, seconds)
                results.append(result)
            return results
        if threads:
            return _run_threads(fn, jobs, workers, report)
        return _run_local(fn, jobs, workers, report, preload)
    finally:
        report.close()


def pool_lock():
    """The lock a pool of local worker processes holds while it runs: one pool at a time on
    this machine. ``make`` runs two notebooks side by side (one per core); when both start a
    pool of two workers, four processes share two cores, no faster than two, and each holds
    its own copies of a corpus's bags of words (at 100,000 documents, gigabytes). With the
    lock, the second pool waits for the first; a notebook's other work goes on. Inside a
    pool's processes the lock is already held (a task that starts a pool runs it)."""
    import tempfile

    from filelock import FileLock

    if os.environ.get(_POOL_HELD_ENV):
        return contextlib.nullcontext()
    path = os.environ.get(POOL_LOCK_ENV) or os.path.join(tempfile.gettempdir(),
                                                         "digiwelfare-pool.lock")
    return FileLock(path)


def _run_local(fn: Callable, jobs: list, workers: int, report: _Reporter,
               preload: str | None = None) -> list:
    import dask
    from dask.callbacks import Callback

    # a job is data (a corpus's bags of words): wrapped whole, so Dask does not walk through
    # every list and tuple of it looking for other Dask objects (a minute at 10,000 documents)
    tasks = [dask.delayed(_timed_call, pure=False)(
        fn, dask.delayed(job, traverse=False, name=f"job-{i}"), dask_key_name=f"task-{i}")
        for i, job in enumerate(jobs)]
    position = {f"task-{i}": i for i in range(len(jobs))}

    def posttask(key, result, dsk, state, worker_id):
        if key in position:
            report(jobs[position[key]], result[1])

    with pool_lock(), Callback(posttask=posttask):
        # chunksize=1: one task at a time to a free worker (Dask batches six by default, so
        # six fits could all go to one process while the other waits); each worker marks
        # itself as inside a held pool
        if preload is None or not _can_fork_server():
            done = dask.compute(*tasks, scheduler="processes", num_workers=workers,
                                chunksize=1, initializer=_mark_pool_held)
        else:
            with _preloaded_pool(preload, workers) as pool:
                done = dask.compute(*tasks, scheduler="processes", pool=pool, chunksize=1)
    return [result for result, _ in done]


def _can_fork_server() -> bool:
    """Whether this system starts processes from a fork server (not Windows): elsewhere
    ``preload`` is left out and each worker loads what it needs itself."""
    import multiprocessing

    return "forkserver" in multiprocessing.get_all_start_methods()


@contextlib.contextmanager
def _preloaded_pool(preload: str, workers: int):
    """A pool of ``workers`` processes forked from a fork server that imported ``preload``;
    the server is stopped afterwards, so that what it loaded is freed with the pool."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    from dask.multiprocessing import initialize_worker_process

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([preload])
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=partial(
        initialize_worker_process, user_initializer=_mark_pool_held))
    try:
        yield pool
    finally:
        pool.shutdown()
        from multiprocessing import forkserver

        stop = getattr(forkserver._forkserver, "_stop", None)  # CPython's own, for tests
        if stop is not None:
            stop()


def _run_threads(fn: Callable, jobs: list, workers: int, report: _Reporter) -> list:
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from threadpoolctl import threadpool_limits

    results: list = [None] * len(jobs)
    with pool_lock(), threadpool_limits(1), ThreadPoolExecutor(workers) as pool:
        futures = {pool.submit(_timed_call, fn, job): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):  # reported here, in this thread, as they end
            i = futures[future]
            results[i], seconds = future.result()
            report(jobs[i], seconds)
    return results


def _mark_pool_held() -> None:
    """In a pool's worker process: the pool lock is held (by the process that started it)."""
    os.environ[_POOL_HELD_ENV] = "1"


def _run_cluster(fn: Callable, jobs: list, address: str, report: _Reporter) -> list:
    from distributed import Client, as_completed

    with Client(address, set_as_default=False) as client:
        futures = client.map(_timed_call, [fn] * len(jobs), jobs, pure=False)
        index = {future.key: i for i, future in enumerate(futures)}
        results: list = [None] * len(jobs)
        for future in as_completed(futures, loop=client.loop):
            i = index[future.key]
            results[i], seconds = future.result()
            report(jobs[i], seconds)
        return results
