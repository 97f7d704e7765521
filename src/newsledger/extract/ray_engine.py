"""Extraction on a Ray cluster: batches of articles (shards) go to Ray actors, each loading spaCy once, and
the extractions come back in input order to the caller, the single ledger writer.

At most two shards per actor are in flight, so the driver's memory stays flat on any input. A shard whose
actor dies (a node lost, a process killed) is sent again to a fresh actor; a shard's results are yielded
once, when its one successful call returns, so nothing is lost or doubled. docs/scale.md: pointing it at a
real cluster.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Iterator

from ..errors import Failure, NewsledgerError
from ..models import Article, Extraction

RETRIES = 3  # fresh actors tried for a shard before it fails (NL172)


def _ray():
    try:
        import ray
    except ImportError:
        raise NewsledgerError("NL170", "is not installed: pip install 'newsledger[ray]'", "ray") from None
    return ray


def connect(address: str | None, workers: int) -> None:
    """Join the cluster at `address` ("auto", "ray://HOST:PORT") or, without one, start a local one."""
    ray = _ray()
    if ray.is_initialized():
        return
    try:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    except Exception as e:  # Ray raises ConnectionError, RuntimeError, ValueError by cause
        raise NewsledgerError("NL171", f"{e.__class__.__name__}: {e}", address or "local") from None


class ShardWorker:
    """One actor: an Extractor loaded once, extracting shard after shard."""

    def __init__(self, options):
        from .pipeline import Extractor

        self.extractor = Extractor(dataclasses.replace(options, n_process=1, engine="local"))

    def extract(self, shard: list[Article | Failure]) -> list[Extraction | Failure]:
        return list(self.extractor._batch(shard))

    def pid(self) -> int:
        import os

        return os.getpid()

    def peak_mb(self) -> float:
        """This process's peak resident memory (VmHWM)."""
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0


class Pool:
    """`workers` ShardWorker actors, with a shard retried on a fresh actor when its actor dies."""

    def __init__(self, options, workers: int):
        ray = _ray()
        self.remote = ray.remote(num_cpus=1)(ShardWorker)
        self.options = options
        self.actors = [self.remote.remote(options) for _ in range(workers)]

    def submit(self, k: int, shard: list) -> tuple:
        actor = self.actors[k % len(self.actors)]
        return actor, k, shard, actor.extract.remote(shard)

    def result(self, job: tuple) -> list[Extraction | Failure]:
        ray = _ray()
        actor, k, shard, ref = job
        for _ in range(RETRIES):
            try:
                return ray.get(ref)
            except ray.exceptions.RayActorError:  # the actor died: replace it, send the shard again
                slot = k % len(self.actors)
                if self.actors[slot] is actor:  # else a shard before this one replaced it already
                    self.actors[slot] = self.remote.remote(self.options)
                actor = self.actors[slot]
                ref = actor.extract.remote(shard)
        raise NewsledgerError("NL172", f"failed on {RETRIES} workers", f"shard {k}")

    def close(self) -> list[float]:
        """End the actors (their CPUs go back to the cluster); returns their peak memory in MB."""
        ray = _ray()
        try:
            peaks = ray.get([a.peak_mb.remote() for a in self.actors], timeout=30)
        except Exception:  # a dead actor or no /proc: the peaks are for benches only
            peaks = []
        for a in self.actors:
            ray.kill(a)
        return peaks


LAST_PEAKS_MB: list[float] = []  # of the actors of the last ray_pipe (bench/scale.py reads it)


def ray_pipe(options, shards: Iterator[list[Article | Failure]], workers: int) -> Iterator[Extraction | Failure]:
    """Shards extracted on the cluster (`options.address`), results in input order."""
    connect(options.address, workers)
    pool = Pool(options, workers)
    pending: deque = deque()
    try:
        for k, shard in enumerate(shards):
            pending.append(pool.submit(k, shard))
            if len(pending) >= 2 * workers:
                yield from pool.result(pending.popleft())
        while pending:
            yield from pool.result(pending.popleft())
    finally:
        LAST_PEAKS_MB[:] = pool.close()
