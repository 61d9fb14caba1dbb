"""Where webhooks may go: the host is resolved once per delivery (by an injected resolver here) and the
connection goes to that checked address, with the Host header and TLS verification for the name;
internal answers are refused outside development; disguised IPv4 literals are refused on save in every
mode; stored errors never name an address."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from starlette.applications import Starlette
from starlette.routing import Route

from app.db.engine import Database
from app.settings import Settings
from app.webhooks.delivery import Sender, deliver_due
from app.webhooks.models import WebhookEndpoint
from scripts.server import free_port
from tests.conftest import make_client, settings_for_tests
from tests.helpers import Api, Factory
from tests.webhooks.conftest import CREATE_ENDPOINT, Receiver, endpoint, webhooks
from tests.webhooks.test_delivery import _subscribe

UPDATE = "mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id } }"
NONCANONICAL = "must write an IPv4 address as four decimal octets, such as 192.0.2.1"
INTERNAL = "must not point at a loopback, private or link-local address"


class FakeDns:
    """Answers from a table, each host's answers in turn (the last one repeated); records every call."""

    def __init__(self, answers: dict[str, list[list[str]]]) -> None:
        self.answers, self.calls = answers, list[tuple[str, int]]()

    async def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append((host, port))
        if host not in self.answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        turns = self.answers[host]
        return turns.pop(0) if len(turns) > 1 else turns[0]


def _port(url: str) -> int:
    return int(url.split(":")[2].split("/")[0])


async def test_a_name_is_resolved_once_per_delivery_and_connected_to_as_first_answered(
    factory: Factory, db: Database, settings: Settings, receiver: Receiver
) -> None:
    port = _port(receiver.url)
    dns = FakeDns({"hooks.test": [["127.0.0.1"], ["192.0.2.1"]]})  # a rebinding answer after the first
    org = await factory.organization()
    await endpoint(org.admin, f"http://hooks.test:{port}/hooks", "SUBSCRIPTION_STARTED")
    await _subscribe(org)

    async with Sender(settings, resolver=dns) as sender:
        report = await deliver_due(db, settings, sender=sender)
    (logged,) = await webhooks(org.admin)

    assert (report.sent, report.succeeded) == (1, 1)
    assert dns.calls == [("hooks.test", port)]
    assert [r.headers["host"] for r in receiver.received] == [f"hooks.test:{port}"]
    assert (logged["status"], logged["lastResponseCode"], logged["lastError"]) == ("SUCCEEDED", 200, None)


async def test_production_refuses_a_host_with_any_internal_answer_without_connecting(
    factory: Factory, db: Database, receiver: Receiver
) -> None:
    port = _port(receiver.url)
    answers = {
        "mixed.test": ["8.8.8.8", "127.0.0.1"],
        "nat64.test": ["64:ff9b::7f00:1"],
        "sixtofour.test": ["2002:c0a8:101::1"],
        "mapped.test": ["::ffff:10.0.0.1"],
    }
    dns = FakeDns({host: [found] for host, found in answers.items()})
    org = await factory.organization()
    for host in answers:
        await endpoint(org.admin, f"http://{host}:{port}/hooks", "SUBSCRIPTION_STARTED")
    await _subscribe(org)
    production = settings_for_tests(environment="production")

    async with Sender(production, resolver=dns) as sender:
        report = await deliver_due(db, production, sender=sender)
    logged = await webhooks(org.admin)

    assert (report.sent, report.retrying, receiver.received) == (4, 4, [])
    assert sorted(dns.calls) == sorted((host, port) for host in answers)
    assert [w["lastError"] for w in logged] == ["the endpoint's host resolves to an internal address"] * 4


async def test_stored_errors_never_name_the_address_a_host_resolved_to(
    factory: Factory, db: Database, settings: Settings, receiver: Receiver
) -> None:
    dns = FakeDns({"closed.test": [["127.0.0.1"]], "plain.test": [["127.0.0.1"]]})
    org = await factory.organization()
    for url in (
        f"http://closed.test:{free_port()}/nobody-listens",
        f"https://plain.test:{_port(receiver.url)}/hooks",  # TLS to a plain HTTP receiver
        "http://nowhere.test/hooks",
    ):
        await endpoint(org.admin, url, "SUBSCRIPTION_STARTED")
    await _subscribe(org)

    async with Sender(settings, resolver=dns) as sender:
        report = await deliver_due(db, settings, sender=sender)
    logged = await webhooks(org.admin)

    assert (report.sent, report.retrying, receiver.received) == (3, 3, [])
    assert sorted(w["lastError"] for w in logged) == [
        "ConnectError: TLS error",
        "ConnectError: connection failed",
        "the endpoint's host does not resolve",
    ]


def _certificate(directory: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate for ``name`` and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_file, key_file


@pytest.fixture
async def tls_receiver(tmp_path: Path) -> AsyncIterator[tuple[Receiver, ssl.SSLContext]]:
    """A receiver on loopback over TLS with a certificate for ``hooks.test``, and a context trusting it."""
    cert_file, key_file = _certificate(tmp_path, "hooks.test")
    port = free_port()
    found = Receiver(f"https://hooks.test:{port}/hooks")
    app = Starlette(routes=[Route("/hooks", found.handle, methods=["POST"])])
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        ws="none",
        ssl_certfile=str(cert_file),
        ssl_keyfile=str(key_file),
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(500):
        if server.started:
            break
        await asyncio.sleep(0.01)
    assert server.started, "the TLS receiver did not start"
    yield found, ssl.create_default_context(cafile=str(cert_file))
    server.should_exit = True
    await task


async def test_tls_is_verified_for_the_name_while_connecting_to_the_checked_address(
    factory: Factory, db: Database, settings: Settings, tls_receiver: tuple[Receiver, ssl.SSLContext]
) -> None:
    receiver, trusted = tls_receiver
    port = _port(receiver.url)
    dns = FakeDns({"hooks.test": [["127.0.0.1"]], "other.test": [["127.0.0.1"]]})
    org = await factory.organization()
    await endpoint(org.admin, receiver.url, "SUBSCRIPTION_STARTED")
    await endpoint(org.admin, f"https://other.test:{port}/hooks", "SUBSCRIPTION_STARTED")
    await _subscribe(org)

    async with Sender(settings, resolver=dns, verify=trusted) as sender:
        report = await deliver_due(db, settings, sender=sender)
    logged = await webhooks(org.admin)

    assert (report.sent, report.succeeded, report.retrying) == (2, 1, 1)
    assert [r.headers["host"] for r in receiver.received] == [f"hooks.test:{port}"]
    assert sorted((w["status"], w["lastError"]) for w in logged) == [
        ("PENDING", "ConnectError: TLS certificate verification failed"),
        ("SUCCEEDED", None),
    ]


async def test_a_stored_disguised_literal_is_refused_at_delivery_in_development(
    factory: Factory, db: Database, settings: Settings, receiver: Receiver
) -> None:
    org = await factory.organization()
    await endpoint(org.admin, receiver.url, "SUBSCRIPTION_STARTED")
    async with db.sessionmaker() as session, session.begin():  # saved before the check existed
        await session.execute(
            sa.update(WebhookEndpoint).values(url=f"http://127.1:{_port(receiver.url)}/hooks")
        )
    await _subscribe(org)
    dns = FakeDns({})

    async with Sender(settings, resolver=dns) as sender:
        report = await deliver_due(db, settings, sender=sender)
    (logged,) = await webhooks(org.admin)

    assert (report.sent, receiver.received, dns.calls) == (1, [], [])
    assert logged["lastError"] == "the endpoint's host is an IPv4 address not written as four decimal octets"


DISGUISED = [
    "http://2130706433/h",
    "http://0x7f000001/h",
    "http://127.1/h",
    "http://0177.0.0.1/h",
    "http://127.000.000.001/h",
    "http://8.8.8.010/h",
    "http://0x7f.1:8080/h",
    "http://1.2.3.4.5/h",
    "http://2130706433./h",
]


async def test_disguised_ipv4_literals_are_refused_on_save_in_every_mode(
    db: Database, factory: Factory
) -> None:
    org = await factory.organization()
    created = (await endpoint(org.admin, "https://hooks.example.com/a"))["webhookEndpoint"]
    production = settings_for_tests(environment="production")

    development = [await org.admin(CREATE_ENDPOINT, input={"url": url}) for url in DISGUISED]
    updated = [await org.admin(UPDATE, input={"id": created["id"], "url": url}) for url in DISGUISED]
    async with make_client(production, db) as client:
        api = Api(client)
        in_production = [
            await api(CREATE_ENDPOINT, {"input": {"url": url}}, token=org.admin.token) for url in DISGUISED
        ]
    plain = await org.admin(CREATE_ENDPOINT, input={"url": "http://127.0.0.1:8080/h"})

    for answers in (development, updated, in_production):
        assert [a.code for a in answers] == ["VALIDATION_ERROR"] * len(DISGUISED)
        assert [a.error()["extensions"]["fields"] for a in answers] == [{"url": NONCANONICAL}] * len(
            DISGUISED
        )
    assert plain.ok("createWebhookEndpoint")["webhookEndpoint"]["url"] == "http://127.0.0.1:8080/h"


async def test_ipv6_forms_of_internal_ipv4_addresses_are_refused_on_save_in_production(
    db: Database, factory: Factory
) -> None:
    org = await factory.organization()
    production = settings_for_tests(environment="production")
    internal = ["::ffff:127.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::", "2002:c0a8:101::1"]
    public = ["2002:808:808::1", "64:ff9b::808:808"]

    async with make_client(production, db) as client:
        api = Api(client)
        answers = [
            await api(CREATE_ENDPOINT, {"input": {"url": f"https://[{ip}]/h"}}, token=org.admin.token)
            for ip in internal + public
        ]

    assert [a.code for a in answers[: len(internal)]] == ["VALIDATION_ERROR"] * len(internal)
    assert [a.error()["extensions"]["fields"] for a in answers[: len(internal)]] == [{"url": INTERNAL}] * len(
        internal
    )
    assert [a.ok("createWebhookEndpoint")["webhookEndpoint"]["url"] for a in answers[len(internal) :]] == [
        f"https://[{ip}]/h" for ip in public
    ]
