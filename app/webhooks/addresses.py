"""Where webhooks may go. Outside development, an endpoint may not point at this machine or the
network behind it (loopback, private, link-local such as cloud metadata, reserved addresses, and the
IPv6 forms that embed one: IPv4-mapped, IPv4-compatible, NAT64, 6to4): checked on the URL when it is
saved, and on every address its host resolves to before each delivery. The host is resolved once per
delivery and the connection goes to a checked address (no second resolution for DNS rebinding to use).
An IPv4 address written other than as four decimal octets is refused in every mode: it is a disguise.
Messages never name an address a host resolved to."""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

Resolver = Callable[[str, int], Awaitable[list[str]]]
"""The addresses a host name resolves to, for a port (raises OSError when it does not resolve)."""

IP = ipaddress.IPv4Address | ipaddress.IPv6Address

_LOCAL_NAMES = ("localhost", "localhost.localdomain")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_COMPATIBLE = ipaddress.IPv6Network("::/96")
_ENDS_IN_NUMBER = re.compile(r"(?:[0-9]+|0x[0-9a-f]*)", re.IGNORECASE)

INTERNAL = "the endpoint's host is an internal address"
RESOLVES_INTERNAL = "the endpoint's host resolves to an internal address"
NONCANONICAL = "the endpoint's host is an IPv4 address not written as four decimal octets"
UNRESOLVED = "the endpoint's host does not resolve"


class Refused(Exception):
    """A delivery that must not be attempted; the message is safe to store (it names no address)."""


@dataclass(frozen=True)
class Destination:
    """Where one delivery connects: the host as the HTTP client sees it, its port, the checked addresses."""

    host: str
    port: int
    addresses: tuple[str, ...]


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _embedded(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64 well-known prefix, compatible)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64 or (ip in _COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def ip_is_internal(ip: IP) -> bool:
    if not ip.is_global or ip.is_multicast:
        return True
    inner = _embedded(ip) if isinstance(ip, ipaddress.IPv6Address) else None
    return inner is not None and ip_is_internal(inner)


def _ip(address: str) -> IP | None:
    try:
        return ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return None


def noncanonical_ipv4(host: str) -> bool:
    """Whether the host is an IPv4 address written otherwise than as four decimal octets without leading
    zeros (``2130706433``, ``0x7f000001``, ``127.1``, ``0177.0.0.1``): resolvers read them as addresses.
    A host whose last label is a number is one too (as URL parsers in browsers read it)."""
    name = host.rstrip(".")
    try:
        ipaddress.IPv4Address(name)
        return False
    except ValueError:
        if ":" in name:  # IPv6 (checked as an address), or no host a resolver reads as IPv4
            return False
    if _ENDS_IN_NUMBER.fullmatch(name.rsplit(".", 1)[-1]):
        return True
    try:
        socket.inet_aton(name)
    except (OSError, UnicodeError, ValueError):
        return False
    return True


def _local_name(host: str) -> bool:
    return host in _LOCAL_NAMES or host.endswith(".localhost")


def literal_is_internal(url: str) -> bool:
    """Whether the URL's host, as written, is an internal address or a local name."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    ip = _ip(host)
    return _local_name(host) or (ip is not None and ip_is_internal(ip))


async def destination(host: str, port: int, resolver: Resolver, *, allow_internal: bool) -> Destination:
    """Resolve the host once and check every address (all must be public unless ``allow_internal``).

    ``host`` is the ASCII form the HTTP client connects to. Raises Refused."""
    name = host.rstrip(".").lower()
    if noncanonical_ipv4(name):
        raise Refused(NONCANONICAL)
    literal = _ip(name)
    if literal is not None:
        if not allow_internal and ip_is_internal(literal):
            raise Refused(INTERNAL)
        return Destination(host, port, (str(literal),))
    if not allow_internal and _local_name(name):
        raise Refused(INTERNAL)
    try:
        answers = await resolver(name, port)
    except (OSError, UnicodeError):
        raise Refused(UNRESOLVED) from None
    addresses = [_ip(answer) for answer in answers]
    if not addresses or None in addresses:
        raise Refused(UNRESOLVED)
    if not allow_internal and any(ip_is_internal(ip) for ip in addresses if ip is not None):
        raise Refused(RESOLVES_INTERNAL)
    return Destination(host, port, tuple(dict.fromkeys(answers)))
