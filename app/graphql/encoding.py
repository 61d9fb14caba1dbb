"""A response serialized within its size limit, a few milliseconds at a time.

``encode`` writes the JSON in pieces (each object whose values are all plain is one ``json.dumps``),
stops as soon as the limit is passed, and lets the event loop run between slices, so that serializing a
large answer neither holds other callers up nor runs on once it is known to be too large.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from typing import Any

from app.graphql.slicing import SLICE_SECONDS

_dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def _pieces(value: Any) -> Iterator[str]:
    if isinstance(value, dict) and any(isinstance(item, dict | list) for item in value.values()):
        yield "{"
        for index, (key, item) in enumerate(value.items()):
            yield ("," if index else "") + _dumps(str(key)) + ":"
            yield from _pieces(item)
        yield "}"
    elif isinstance(value, list) and any(isinstance(item, dict | list) for item in value):
        yield "["
        for index, item in enumerate(value):
            if index:
                yield ","
            yield from _pieces(item)
        yield "]"
    else:
        yield _dumps(value)


async def encode(value: Any, limit: int) -> bytes | None:
    """``value`` as UTF-8 JSON (as Starlette's ``JSONResponse`` writes it), or None past ``limit`` bytes."""
    parts: list[bytes] = []
    size = 0
    ends = time.perf_counter() + SLICE_SECONDS
    for piece in _pieces(value):
        encoded = piece.encode("utf-8")
        size += len(encoded)
        if size > limit:
            return None
        parts.append(encoded)
        if time.perf_counter() >= ends:
            await asyncio.sleep(0)
            ends = time.perf_counter() + SLICE_SECONDS
    return b"".join(parts)
