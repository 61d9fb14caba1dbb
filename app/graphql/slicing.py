"""Execution in time slices: a large result never holds the event loop for more than a few milliseconds.

graphql-core completes every object it can synchronously, so a query resolving a hundred thousand
objects (within the cost limit) would run for seconds without letting anything else in the process run:
another caller's ``{ __typename }`` would wait for all of it. Here, once an operation has run for
``SLICE_SECONDS`` without a pause, every object still to complete waits for the next turn of the event
loop (one gate per operation, opened after the loop has polled for I/O), and the slice starts again.
An object is the unit: its scalar fields complete together, cheaply.

Only a continuous stretch counts: a slice starts afresh whenever the event loop has turned since it
began (the operation waited for the database, or other requests ran). So an ordinary list, whose
objects complete in one stretch well under a slice, is never split across turns, and its dataloader
batches stay whole (one statement per relation), however loaded the process is.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from graphql import GraphQLObjectType
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

# Long enough that an ordinary list completes in one turn, so its dataloader batches are not split
# across turns (one statement per relation, whatever the load); short enough that another caller
# waits well under 100 ms.
SLICE_SECONDS = 0.025


class SlicedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._slice_ends = 0.0
        self._turned = True  # the loop turned since the slice began: the next object starts a new one
        self._gate: asyncio.Future[None] | None = None

    def _in_slice(self) -> bool:
        now = time.perf_counter()
        if self._turned:
            self._turned = False
            self._slice_ends = now + SLICE_SECONDS
            asyncio.get_running_loop().call_soon(self._loop_turned)  # runs once this stretch yields
            return True
        return now < self._slice_ends

    def _loop_turned(self) -> None:
        self._turned = True

    def complete_object_value(
        self,
        return_type: GraphQLObjectType,
        field_details_list: Any,
        info: Any,
        path: Any,
        result: Any,
        position_context: Any,
    ) -> Any:
        if self._in_slice():
            return super().complete_object_value(
                return_type, field_details_list, info, path, result, position_context
            )
        return self._complete_later(return_type, field_details_list, info, path, result, position_context)

    async def _complete_later(self, *arguments: Any) -> Any:
        # One wait, never a loop: with thousands of objects waiting, waking them all can take a whole
        # slice, and waiters that waited again would never run (a livelock).
        await self._next_turn()
        completed = super().complete_object_value(*arguments)
        if self.is_awaitable(completed):
            return await completed
        return completed

    def _next_turn(self) -> asyncio.Future[None]:
        """A future resolved on a later turn of the event loop, when a new slice starts."""
        if self._gate is None:
            loop = asyncio.get_running_loop()
            self._gate = loop.create_future()
            loop.call_soon(self._open)
        return self._gate

    def _open(self) -> None:
        gate, self._gate = self._gate, None
        if gate is not None and not gate.done():
            gate.set_result(None)
