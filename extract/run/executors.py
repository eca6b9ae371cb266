"""Where batches run: this process, a pool of worker processes, or a Dask cluster — each as a
``concurrent.futures`` executor, so the runner does not care which."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager


@contextmanager
def local_executor(jobs: int) -> Iterator[Executor | None]:
    """A process pool of ``jobs`` workers, or None (this process) for one job."""
    if jobs <= 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only when a pool is wanted

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield pool


@contextmanager
def dask_executor(address: str) -> Iterator[tuple[Executor, int]]:
    """A ``concurrent.futures`` executor on a Dask cluster, and its number of worker threads.

    ``address`` is a scheduler address (``tcp://host:8786``) or ``local:N`` for a cluster of N
    worker processes on this machine, on loopback.
    """
    from distributed import Client, LocalCluster

    if address.startswith("local:"):
        workers = int(address.removeprefix("local:") or "1")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    else:
        cluster = None
        client = Client(address, timeout="30s")
    try:
        threads = sum(client.nthreads().values()) or 1
        yield client.get_executor(), threads
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
