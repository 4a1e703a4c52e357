"""The embedding service: a pool of actors that own the model, batching across callers.

Every writer (tier projections, recall probes) of a deployment sends texts here instead
of running a model itself: one model per replica rather than one per writer, the model
off every writer's event loop and out of agent actors, and `embedder_num_cpus` /
`embedder_num_gpus` decide where the replicas run (a GPU node when the cluster has one).
Requests that arrive while a batch runs are merged into the next one, up to
`embed_batch_max` texts, so concurrent agents and writers share model calls the way
concurrent commits share a transaction (no timer: a lone request runs at once).
"""

from __future__ import annotations

import asyncio
import itertools
import logging

import numpy as np
import ray
from ray.actor import ActorProxy
from ray.exceptions import RayActorError

from actors.embedding import Embedder, load_embedder
from actors.handles import get_or_create
from actors.messages import EmbedderInfo, EmbedRequest, Vectors
from actors.retry import RESTART_BACKOFF, Deadline, retry
from actors.settings import Settings
from actors.vectors import from_bytes, to_bytes

log = logging.getLogger(__name__)

EMBEDDER_NAME = "embedder:{index}"


class EmbeddingService:
    """One replica: loads the model once, then embeds merged batches in a worker thread."""

    def __init__(self, settings: Settings) -> None:
        self.embedder: Embedder = load_embedder(settings)
        self.batch_max = settings.embed_batch_max
        self._queue: list[tuple[list[str], asyncio.Future[np.ndarray]]] = []
        self._wakeup: asyncio.Event | None = None
        self.texts = 0
        self.batches = 0

    @ray.method
    def describe(self) -> EmbedderInfo:
        return EmbedderInfo(self.embedder.name, self.embedder.dim, self.texts, self.batches)

    @ray.method
    async def embed(self, request: EmbedRequest) -> Vectors:
        if self._wakeup is None:
            self._wakeup = asyncio.Event()
            asyncio.get_running_loop().create_task(self._run())
        future: asyncio.Future[np.ndarray] = asyncio.get_running_loop().create_future()
        self._queue.append((request.texts, future))
        self._wakeup.set()
        return Vectors(self.embedder.dim, to_bytes(await future))

    async def _run(self) -> None:
        assert self._wakeup is not None
        while True:
            await self._wakeup.wait()
            self._wakeup.clear()
            while self._queue:
                batch = self._take()
                texts = [text for request_texts, _ in batch for text in request_texts]
                try:
                    vectors = await asyncio.to_thread(self.embedder.embed, texts)
                except Exception as error:  # noqa: BLE001 - the callers get the error, the loop goes on
                    for _, future in batch:
                        future.set_exception(error)
                    continue
                self.texts, self.batches = self.texts + len(texts), self.batches + 1
                offset = 0
                for request_texts, future in batch:
                    future.set_result(vectors[offset : offset + len(request_texts)])
                    offset += len(request_texts)

    def _take(self) -> list[tuple[list[str], asyncio.Future[np.ndarray]]]:
        """Whole requests up to `batch_max` texts (at least one request)."""
        taken, size = 0, 0
        while taken < len(self._queue) and (taken == 0 or size + len(self._queue[taken][0]) <= self.batch_max):
            size += len(self._queue[taken][0])
            taken += 1
        batch, self._queue = self._queue[:taken], self._queue[taken:]
        return batch


EmbeddingServiceActor = ray.remote(max_restarts=-1, max_concurrency=10_000)(EmbeddingService)


def start_embedders(settings: Settings) -> list[ActorProxy[EmbeddingService]]:
    """Get or create `embedder:0..N-1` with the CPUs and GPUs the settings give them."""
    options = {"lifetime": "detached", "num_cpus": settings.embedder_num_cpus, "num_gpus": settings.embedder_num_gpus}
    return [
        get_or_create(EmbeddingServiceActor, EMBEDDER_NAME.format(index=i), settings.namespace, (settings,), options)
        for i in range(settings.embedder_replicas)
    ]


class EmbeddingPool:
    """What writers hold: `await pool.embed(texts)`, spread over the replicas.

    A replica that dies (or is restarting) is retried on the next one until
    `deadline_s`; callers that must not lose work (tier projections) retry beyond that.
    """

    CHUNK = 256
    """Texts per request: a big backlog is spread over every replica at once."""

    def __init__(self, settings: Settings, deadline_s: float) -> None:
        self.replicas = start_embedders(settings)
        self.deadline_s = deadline_s
        self._next = itertools.cycle(range(len(self.replicas)))
        self.info: EmbedderInfo | None = None

    async def describe(self) -> EmbedderInfo:
        """The model's name and dimension (waits for a replica to load it)."""
        if self.info is None:
            self.info = await retry(
                lambda: self.replicas[0].describe.remote(), _restarting, RESTART_BACKOFF, Deadline(self.deadline_s)
            )
        return self.info

    async def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, (await self.describe()).dim), dtype=np.float32)
        chunks = [texts[i : i + self.CHUNK] for i in range(0, len(texts), self.CHUNK)]
        parts = await asyncio.gather(*(self._embed_chunk(chunk) for chunk in chunks))
        return np.concatenate(parts)

    async def _embed_chunk(self, texts: list[str]) -> np.ndarray:
        async def attempt() -> Vectors:
            return await self.replicas[next(self._next)].embed.remote(EmbedRequest(texts))

        reply = await retry(attempt, _restarting, RESTART_BACKOFF, Deadline(self.deadline_s))
        return from_bytes(reply.data, reply.dim)


def _restarting(error: BaseException) -> bool:
    return isinstance(error, RayActorError)
