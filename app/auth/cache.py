"""Identities cached per process, dropped the moment anything that decides them changes anywhere.

Authentication is the one statement every request pays. The cache removes it for repeat callers without
weakening revocation: triggers on memberships, their roles, roles and API keys ``NOTIFY`` the channel
below at commit; every process ``LISTEN``s and clears its cache on each notification. The process that
made a change also clears at once after its commit. While the listening connection is down the cache is
off (every request reads the database), and entries also expire after a fixed time.

A generation counter closes the race between reading an identity and storing it: a notification that
arrives in between bumps the generation, and the stale read is not stored.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from typing import Any

import asyncpg

log = logging.getLogger(__name__)

CHANNEL = "billgraph_auth"


class IdentityCache:
    def __init__(self, ttl_seconds: float, size: int = 10_000) -> None:
        self.ttl = ttl_seconds
        self.size = size
        self.generation = 0
        self.listening = False
        self._entries: OrderedDict[Any, tuple[float, Any]] = OrderedDict()

    @property
    def active(self) -> bool:
        return self.listening and self.ttl > 0

    def get(self, key: Any) -> Any | None:
        if not self.active:
            return None
        entry = self._entries.get(key)
        if entry is None:
            return None
        stored_at, value = entry
        if time.monotonic() - stored_at >= self.ttl:
            del self._entries[key]
            return None
        return value

    def put(self, key: Any, value: Any, generation: int) -> None:
        """Store ``value`` read at ``generation``, unless something changed since."""
        if not self.active or generation != self.generation:
            return
        self._entries[key] = (time.monotonic(), value)
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self.generation += 1
        self._entries.clear()

    def _notified(self, *_: object) -> None:
        self.clear()

    async def listen(self, dsn: str, stop: asyncio.Event, retry_seconds: float = 1.0) -> None:
        """Keep a LISTEN connection open until ``stop``; the cache is active only while it is."""
        while not stop.is_set():
            lost = asyncio.Event()
            connection: asyncpg.Connection | None = None
            try:
                connection = await asyncpg.connect(dsn)
                connection.add_termination_listener(lambda _, lost=lost: lost.set())
                await connection.add_listener(CHANNEL, self._notified)
                self.clear()  # anything cached before this connection may have missed a notification
                self.listening = True
                await _first(stop.wait(), lost.wait())
            except (OSError, asyncpg.PostgresError) as error:
                log.warning("identity cache listener unavailable: %s", error)
            finally:
                self.listening = False
                self.clear()
                if connection is not None and not connection.is_closed():
                    with contextlib.suppress(Exception):
                        await connection.close(timeout=2)
            if not stop.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), retry_seconds)


async def _first(*waits: Any) -> None:
    tasks = [asyncio.ensure_future(wait) for wait in waits]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
