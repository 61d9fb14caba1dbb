"""Execution in time slices: a large result never holds the event loop for more than a few milliseconds.

graphql-core completes every object it can synchronously, so a query resolving a hundred thousand
objects (within the cost limit) would run for seconds without letting anything else in the process run:
another caller's ``{ __typename }`` would wait for all of it. Here lists are completed item by item,
and once an operation has run for ``SLICE_SECONDS`` without a pause, the list being completed stops
where it is and joins the operation's queue with what remains of it; a later turn of the event loop
drains the queue for one slice, oldest first, and so on until it is empty.

A list's progress is what waits, not its items: items waiting one by one would each cost a task, and
thousands of tasks woken in one turn are a stall of their own. Only a continuous stretch counts: a slice
starts afresh whenever the loop has turned since it began (the operation waited for the database, or
other requests ran), so an ordinary page completes in one stretch and its dataloader batches stay whole.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql.pyutils import gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

# Long enough that an ordinary page (a hundred objects) completes in one stretch, so its dataloader
# batches stay whole; short enough that a request needing a few turns of the loop (reading it, running
# it, writing the answer) waits well under 100 ms behind the heaviest query accepted
# (scripts/bench_query_cost.py).
SLICE_SECONDS = 0.010

_END = object()


@dataclass
class _ListProgress:
    """A list being completed: where it stands, and what it needs to go on."""

    items: Iterator[Any]
    item_type: Any
    field_details_list: Any
    info: Any
    path: Any
    position_context: Any
    completed: list[Any] = field(default_factory=list)
    awaitable: list[int] = field(default_factory=list)  # indices of items still to be awaited
    future: asyncio.Future[Any] | None = None  # set once it waits in the queue


class SlicedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._slice_ends = 0.0
        self._turned = True  # the loop turned since the slice began: the next check starts a new one
        self._waiting: deque[_ListProgress] = deque()
        self._drain_scheduled = False

    def _in_slice(self) -> bool:
        now = time.perf_counter()
        if self._turned:
            self._start_slice(now)
            return True
        return now < self._slice_ends

    def _start_slice(self, now: float) -> None:
        self._turned = False
        self._slice_ends = now + SLICE_SECONDS
        asyncio.get_running_loop().call_soon(self._loop_turned)  # runs once this stretch yields

    def _loop_turned(self) -> None:
        self._turned = True

    def complete_iterable_value(
        self,
        item_type: Any,
        field_details_list: Any,
        info: Any,
        path: Any,
        items: Iterable[Any],
        position_context: Any,
    ) -> Any:
        if self.get_stream_usage(field_details_list, path) is not None:  # @stream: graphql-core's own way
            return super().complete_iterable_value(
                item_type, field_details_list, info, path, items, position_context
            )
        progress = _ListProgress(iter(items), item_type, field_details_list, info, path, position_context)
        if self._advance(progress, at_least_one=False):
            return self._finished(progress)
        return self._wait(progress)

    def _advance(self, progress: _ListProgress, *, at_least_one: bool) -> bool:
        """Complete items while the slice lasts; True once the list is done."""
        while at_least_one or self._in_slice():
            at_least_one = False
            item = next(progress.items, _END)
            if item is _END:
                return True
            index = len(progress.completed)
            item_path = progress.path.add_key(index, None)
            if self.is_awaitable(item):
                progress.completed.append(
                    self.complete_awaitable_list_item_value(
                        item,
                        progress.item_type,
                        progress.field_details_list,
                        progress.info,
                        item_path,
                        progress.position_context,
                    )
                )
                progress.awaitable.append(index)
            elif self.complete_list_item_value(
                item,
                progress.completed,
                progress.item_type,
                progress.field_details_list,
                progress.info,
                item_path,
                progress.position_context,
            ):
                progress.awaitable.append(index)
        return False

    def _finished(self, progress: _ListProgress) -> Any:
        """The completed list, or an awaitable of it while some of its items are still being awaited."""
        if not progress.awaitable:
            return progress.completed
        return self._gathered(progress)

    async def _gathered(self, progress: _ListProgress) -> list[Any]:
        results = await gather_with_cancel(*(progress.completed[i] for i in progress.awaitable))
        for index, result in zip(progress.awaitable, results, strict=True):
            progress.completed[index] = result
        return progress.completed

    async def _wait(self, progress: _ListProgress) -> Any:
        """Queue what remains of the list; later turns complete it, a slice at a time."""
        progress.future = asyncio.get_running_loop().create_future()
        self._waiting.append(progress)
        self._schedule_drain()
        completed = await progress.future
        if self.is_awaitable(completed):
            return await completed
        return completed

    def _schedule_drain(self) -> None:
        if not self._drain_scheduled:
            self._drain_scheduled = True
            asyncio.get_running_loop().call_soon(self._drain)

    def _drain(self) -> None:
        """Go on with the waiting lists, oldest first, for one slice; the rest wait for the next turn.
        Each turn makes progress (at least one item), and none of it waits twice (no livelock)."""
        self._drain_scheduled = False
        self._start_slice(time.perf_counter())
        first = True
        while self._waiting and (first or self._in_slice()):
            progress = self._waiting[0]
            assert progress.future is not None
            if progress.future.done():  # the operation gave up on it (cancelled)
                self._waiting.popleft()
                continue
            try:
                done = self._advance(progress, at_least_one=first)
            except Exception as error:  # handed to the list's waiter, which raises it
                self._waiting.popleft()
                progress.future.set_exception(error)
                continue
            finally:
                first = False
            if not done:
                break
            self._waiting.popleft()
            progress.future.set_result(self._finished(progress))
        if self._waiting:
            self._schedule_drain()
