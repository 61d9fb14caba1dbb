"""Argon2 password hashes. Verification of an unknown user runs against a dummy hash (same timing).

Hashing takes tens of milliseconds of CPU by design, so it runs in a thread (argon2 releases the GIL):
a login never stalls the other requests of the process."""

from __future__ import annotations

import asyncio
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.core.errors import Collector
from app.settings import Settings

MIN_LENGTH = 8
MAX_LENGTH = 256


@lru_cache(maxsize=4)
def _hasher(time_cost: int, memory_cost: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=1)


@lru_cache(maxsize=4)
def _dummy_hash(time_cost: int, memory_cost: int) -> str:
    return _hasher(time_cost, memory_cost).hash("not a real password")


def hasher(settings: Settings) -> PasswordHasher:
    return _hasher(settings.password_time_cost, settings.password_memory_cost)


def check_policy(errors: Collector, path: str, password: str) -> None:
    if len(password) < MIN_LENGTH:
        errors.add(path, f"must be at least {MIN_LENGTH} characters")
    elif len(password) > MAX_LENGTH:
        errors.add(path, f"must be at most {MAX_LENGTH} characters")
    elif "\x00" in password:
        errors.add(path, "must not contain NUL characters")


async def hash_password(settings: Settings, password: str) -> str:
    return await asyncio.to_thread(hasher(settings).hash, password)


async def verify_password(settings: Settings, password_hash: str | None, password: str) -> bool:
    """True when the password matches; with no hash, spends the same time and answers False."""
    return await asyncio.to_thread(_verify, settings, password_hash, password)


def _verify(settings: Settings, password_hash: str | None, password: str) -> bool:
    candidate = password_hash or _dummy_hash(settings.password_time_cost, settings.password_memory_cost)
    try:
        hasher(settings).verify(candidate, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return password_hash is not None
