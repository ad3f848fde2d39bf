"""Where tasks run never changes what they return: serially, on Dask's local scheduler and on
a dask.distributed cluster (a LocalCluster of two workers standing in for a university one)."""

import io

import numpy as np
import pandas as pd
import pytest
from gensim.corpora import Dictionary

from digiwelfare.parallel import PROGRESS_ENV, SCHEDULER_ENV, progress_write, tasks_run
from digiwelfare.products import tokens_write
from digiwelfare.selection import topics_sweep
from digiwelfare.tokentable import tokens_build

_EN = ("Caseworkers in the welfare office described how the new digital forms changed their "
       "meetings with claimants, who now arrive having filled in most answers at home.")
_NB = ("Saksbehandlerne fortalte at de digitale skjemaene endret møtene med brukerne, som nå "
       "kommer til kontoret etter å ha svart på de fleste spørsmålene hjemme.")


def _square(x):
    return x * x


@pytest.fixture(scope="module")
def cluster():
    """Two workers as threads of this process (processes=False): starting two worker
    processes that import the package takes longer than the whole test."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def _corpus() -> pd.DataFrame:
    rows = []
    for i in range(12):
        text = f"{_EN}\n\nSkip to main content\n\n{_NB}" if i % 3 else f"{_NB} {_NB}"
        rows.append({"id": f"d{i:02d}", "language": "en;nb" if i % 3 else "nb", "text": text})
    return pd.DataFrame(rows)


def _parquet_bytes(table: pd.DataFrame, tmp_path, name: str) -> bytes:
    return tokens_write(table, tmp_path / f"{name}.parquet").read_bytes()


def test_tasks_keep_their_order_and_report_each(monkeypatch, tmp_path):
    log = tmp_path / "progress.log"
    monkeypatch.setenv(PROGRESS_ENV, str(log))
    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    assert tasks_run(_square, [3, 1, 2], workers=1, label=str, what="square") == [9, 1, 4]
    lines = log.read_text().splitlines()
    assert [line.split(" in ")[0] for line in lines] == ["square: 3", "square: 1", "square: 2"]
    assert lines[-1].endswith("(3/3)") and all(" s (" in line for line in lines)


def _pid_after(seconds):
    import os
    import time

    time.sleep(seconds)
    return os.getpid()


def test_local_processes_take_one_task_each_and_leave_the_data_alone(monkeypatch):
    """Two slow tasks on two local worker processes run in two processes (Dask's default
    batches six tasks to one worker), and a job of nested lists comes back as it went."""
    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    pids = tasks_run(_pid_after, [1.0, 1.0], workers=2)
    assert len(set(pids)) == 2
    nested = [[(1, 2), (3, 4)], [(5, 6)]]
    assert tasks_run(_identity, [nested, []], workers=2) == [nested, []]


def _identity(x):
    return x


def _where(module):
    """This worker's process, its parent, and whether ``module`` was loaded before the task."""
    import os
    import sys
    import time

    time.sleep(0.5)  # both workers take a task
    return os.getpid(), os.getppid(), module in sys.modules


def _languages_within_a_minute(texts):
    """lingua's detection on every core, in a worker: killed after a minute (a worker forked
    from a process with a running thread pool would wait forever)."""
    import signal

    from digiwelfare.language import texts_language

    signal.alarm(60)
    found = texts_language(texts)
    signal.alarm(0)
    return found


def test_preloaded_workers_fork_from_a_server_that_loaded_the_module(monkeypatch):
    """With ``preload``, the workers are children of one fork server (not of this process),
    the module is loaded in them before any task ran (the copy they share), and the server
    is stopped afterwards; without it, the module is not there (spawned workers)."""
    import os
    from multiprocessing import forkserver

    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    module = "digiwelfare.tokenworker"
    got = tasks_run(_where, [module, module], workers=2, preload=module)
    assert len({pid for pid, _, _ in got}) == 2
    parents = {parent for _, parent, _ in got}
    assert len(parents) == 1 and os.getpid() not in parents
    assert all(loaded for _, _, loaded in got)
    assert forkserver._forkserver._forkserver_pid is None  # stopped, its memory freed
    # too short for the stop-word shortcut: lingua's detection in parallel, in the workers
    texts = ["Borgerne får svar digitalt.", "Invånarna får svar digitalt.", "Residents wait."]
    expected = [_languages_within_a_minute(texts)] * 2
    assert tasks_run(_languages_within_a_minute, [texts, texts], workers=2,
                     preload=module) == expected == [["da", "sv", "en"]] * 2
    spawned = tasks_run(_where, [module, module], workers=2)
    assert not any(loaded for _, _, loaded in spawned)
    assert {parent for _, parent, _ in spawned} == {os.getpid()}


def test_without_a_fork_server_preloaded_tasks_run_in_spawned_workers(monkeypatch):
    """Where the system has no fork server (Windows), ``preload`` is left out: the tasks run
    in workers of their own, with the same results."""
    import multiprocessing
    import os

    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    module = "digiwelfare.tokenworker"
    got = tasks_run(_where, [module, module], workers=2, preload=module)
    assert {parent for _, parent, _ in got} == {os.getpid()}
    assert not any(loaded for _, _, loaded in got)


def test_memory_release_hands_freed_heap_back(monkeypatch):
    """Freed strings between survivors leave the heap as large as before (the C library
    keeps it); after :func:`memory_release` the process is counted at least 100 MB smaller."""
    import platform

    from digiwelfare.parallel import memory_release

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("malloc_trim is glibc's")

    def rss_mb():
        with open("/proc/self/status", encoding="ascii") as status:
            line = next(row for row in status if row.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024

    texts = [("x" * 1000) + str(i) for i in range(300_000)]  # 300 MB, each over pymalloc's size
    kept = texts[::50]
    del texts
    before = rss_mb()
    memory_release()
    assert before - rss_mb() > 100
    assert len(kept) == 6000 and kept[1].endswith("50")


_BARRIER: list = []


def _meet_then_blas(x):
    """Wait until the other task is running too (a barrier of two), then say how many BLAS
    threads this task may use."""
    from threadpoolctl import threadpool_info

    _BARRIER[0].wait(timeout=20)
    return x, {info["num_threads"] for info in threadpool_info()
               if info["user_api"] == "blas"}


def test_threads_run_tasks_side_by_side_in_order_with_one_blas_thread(monkeypatch, tmp_path):
    """With threads, two tasks run at once in this process (each waits at a barrier for the
    other: run one after the other, the first would time out), come back in the order of
    the jobs, and see BLAS limited to one thread (so their sums are one process's bytes)."""
    import os
    import threading

    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    monkeypatch.setenv("DIGIWELFARE_POOL_LOCK", str(tmp_path / "pool.lock"))
    _BARRIER[:] = [threading.Barrier(2)]
    done = tasks_run(_meet_then_blas, ["a", "b"], workers=2, threads=True)
    assert [x for x, _ in done] == ["a", "b"]
    assert all(blas <= {1} for _, blas in done)
    assert tasks_run(_own_pid, [0, 0], workers=2, threads=True) == [os.getpid()] * 2


def _own_pid(_):
    import os

    return os.getpid()


def test_progress_never_reaches_a_pipeline_notebook(monkeypatch, capsys):
    monkeypatch.delenv(PROGRESS_ENV, raising=False)
    monkeypatch.setenv("DIGIWELFARE_PIPELINE", "1")
    progress_write("fit: K = 5, seed 0 in 1.0 s (1/1)")
    assert capsys.readouterr() == ("", "")
    monkeypatch.delenv("DIGIWELFARE_PIPELINE")
    progress_write("fit: K = 5, seed 0 in 1.0 s (1/1)")
    assert capsys.readouterr().err == "fit: K = 5, seed 0 in 1.0 s (1/1)\n"


def test_tokens_same_bytes_serial_local_processes_and_cluster(monkeypatch, tmp_path, cluster):
    monkeypatch.setenv(PROGRESS_ENV, str(tmp_path / "progress.log"))
    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    corpus = _corpus()
    serial = tokens_build(corpus, workers=1)
    assert set(serial["language"]) == {"en", "nb"} and serial["tokens"].str.len().min() > 5
    assert "skip" not in serial["tokens"].sum()  # navigation debris, cleaned first
    expected = _parquet_bytes(serial, tmp_path, "serial")
    local = tokens_build(corpus, workers=2, partition_docs=5)
    assert _parquet_bytes(local, tmp_path, "local") == expected
    monkeypatch.setenv(SCHEDULER_ENV, cluster)
    on_cluster = tokens_build(corpus, workers=2, partition_docs=2)
    assert _parquet_bytes(on_cluster, tmp_path, "cluster") == expected


def test_repeated_lines_counted_over_all_partitions(monkeypatch):
    """A line in three documents is debris even when no partition holds it three times."""
    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    corpus = pd.DataFrame({"id": ["a", "b", "c"], "language": ["en"] * 3,
                           "text": [f"{_EN}\n\nFunded by the zebra foundation"] * 3})
    one = tokens_build(corpus, partition_docs=3)
    apart = tokens_build(corpus, partition_docs=1)
    assert "zebra" not in one["tokens"].sum()
    pd.testing.assert_frame_equal(one, apart, check_exact=True)


def _bow(n_docs: int = 40, seed: int = 3):
    rng = np.random.default_rng(seed)
    words = [[f"w{j}" for j in range(10)], [f"v{j}" for j in range(10)]]
    docs = [list(rng.choice(words[i % 2], 30)) for i in range(n_docs)]
    dictionary = Dictionary(docs)
    return [dictionary.doc2bow(d) for d in docs], dictionary


@pytest.mark.parametrize("engine", ["gensim", "anchor"])
def test_sweep_same_on_cluster_as_serial(monkeypatch, tmp_path, cluster, engine):
    # the anchor engine's fits in one worker share a start, across the worker's threads
    monkeypatch.setenv(PROGRESS_ENV, str(tmp_path / "progress.log"))
    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    bow, dictionary = _bow()
    args = dict(ks=[2, 3], seeds=[0, 1], passes=2, iterations=20, engine=engine, sweeps=5)
    serial = topics_sweep(bow, dictionary, workers=1, **args)
    monkeypatch.setenv(SCHEDULER_ENV, cluster)
    lines = []
    on_cluster = topics_sweep(bow, dictionary, workers=2, progress=lines.append, **args)
    assert on_cluster.to_csv(index=False) == serial.to_csv(index=False)
    pd.testing.assert_frame_equal(on_cluster, serial, check_exact=True)
    assert lines == [f"fitted K = {k}, seed {s} ({i}/4)"
                     for i, (k, s) in enumerate([(2, 0), (2, 1), (3, 0), (3, 1)], 1)]
    fits = (tmp_path / "progress.log").read_text().splitlines()
    assert len(fits) == 8 and all(line.startswith("fit: K = ") for line in fits)


def test_notebook_runner_copies_progress_to_its_stderr():
    from digiwelfare.notebook import _ProgressRelay

    stream = io.StringIO()
    with _ProgressRelay(stream) as relay:
        import os

        path = os.environ[PROGRESS_ENV]
        progress_write("tokens: 2000 documents in 3.2 s (1/50)")
    assert stream.getvalue() == "tokens: 2000 documents in 3.2 s (1/50)\n"
    assert PROGRESS_ENV not in os.environ and not relay.path.exists() and path


def _span(seconds):
    import time

    start = time.time()
    time.sleep(seconds)
    return start, time.time()


def _lock_kind(_job):
    from digiwelfare.parallel import pool_lock

    return type(pool_lock()).__name__


def test_one_pool_of_worker_processes_runs_at_a_time(monkeypatch, tmp_path):
    """Two pools started at once (as two notebooks side by side would) run one after the
    other: the second waits for the first's lock, so four workers never share two cores
    and hold two copies of a corpus. Inside a pool's workers the lock is held already, so a
    task that starts a pool of its own does not wait for itself."""
    import threading

    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    monkeypatch.setenv("DIGIWELFARE_POOL_LOCK", str(tmp_path / "pool.lock"))
    spans = {}

    def run(name):
        spans[name] = tasks_run(_span, [1.0, 1.0], workers=2)

    threads = [threading.Thread(target=run, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    (a_start, a_end), (b_start, b_end) = (
        (min(s for s, _ in spans[n]), max(e for _, e in spans[n])) for n in ("a", "b"))
    assert a_end <= b_start or b_end <= a_start, spans
    assert tasks_run(_lock_kind, [0, 1], workers=2) == ["nullcontext", "nullcontext"]
