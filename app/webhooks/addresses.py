"""Where webhooks may go. Outside development, an endpoint may not point at this machine or the
network behind it (loopback, private, link-local such as cloud metadata, reserved addresses): checked
on the URL when it is saved, and on the addresses its host resolves to before every delivery."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

_LOCAL_NAMES = ("localhost", "localhost.localdomain")


def _internal(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    return not ip.is_global or ip.is_multicast


def literal_is_internal(url: str) -> bool:
    """Whether the URL's host, as written, is an internal address or a local name."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    return host in _LOCAL_NAMES or host.endswith(".localhost") or _internal(host)


async def resolves_internal(url: str) -> bool:
    """Whether the URL's host resolves to any internal address (an unresolvable host is not internal:
    the delivery fails on its own)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if literal_is_internal(url):
        return True
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            host, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM
        )
    except OSError:
        return False
    return any(_internal(str(info[4][0])) for info in infos)
