"""Encryption of stored secrets (webhook signing secrets, integration credentials): Fernet
(AES-128-CBC with HMAC-SHA256), keyed by ``BILLGRAPH_ENCRYPTION_KEY`` or, without it, by a key derived
from the token signing key. Secrets are written encrypted and never returned by the API."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet

from app.settings import Settings


@lru_cache(maxsize=4)
def _fernet(material: str) -> Fernet:
    key = hashlib.sha256(b"billgraph stored secrets\x00" + material.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def _cipher(settings: Settings) -> Fernet:
    return _fernet(settings.encryption_key or settings.signing_key())


def encrypt(settings: Settings, plaintext: str) -> str:
    return _cipher(settings).encrypt(plaintext.encode()).decode()


def decrypt(settings: Settings, token: str) -> str:
    return _cipher(settings).decrypt(token.encode()).decode()
