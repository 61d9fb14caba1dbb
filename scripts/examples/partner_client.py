"""A partner integration, end to end, as docs/partner-integration.md describes it: an API key holding a
role, usage sent in idempotent batches, a webhook endpoint whose deliveries are verified, and invoices
read page by page. It uses only httpx and the standard library, so it can be copied into any project.

    .venv/bin/python -m scripts.examples.partner_client --url http://127.0.0.1:8000 \\
        --api-key bgk_... --subscription sub_acme [--metric api_calls] [--events 250]

The key needs `events:create` and `invoices:view`, and `developers:manage` for the webhook part (a
custom role with exactly these is the least it needs). Deliveries are sent by `billgraph worker`.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import queue
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

BATCH = 100  # the batch endpoint takes up to 1,000 events


class Billgraph:
    """A tiny client: the graph, the events endpoint, and polite retries (429 and 503 say when)."""

    def __init__(self, url: str, api_key: str) -> None:
        self.http = httpx.Client(base_url=url, headers={"authorization": f"Bearer {api_key}"}, timeout=30)

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        for _ in range(5):
            reply = self.http.post(path, json=body)
            if reply.status_code in (429, 503):  # rate limited, or the database restarting
                time.sleep(float(reply.headers.get("retry-after", "1")))
                continue
            return dict(reply.json())
        raise RuntimeError(f"{path}: still refused after 5 attempts")

    def graphql(self, query: str, **variables: Any) -> dict[str, Any]:
        body = self._post("/graphql", {"query": query, "variables": variables})
        if body.get("errors"):
            raise RuntimeError(json.dumps(body["errors"]))
        return dict(body["data"])

    def send_events(self, events: list[dict[str, Any]]) -> dict[str, Any]:
        """One batch; each event is created, a duplicate (its transaction id was seen) or rejected."""
        return self._post("/api/v1/events/batch", {"events": events})


def verify_signature(secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
    """``X-Billgraph-Signature: t=<unix seconds>,v1=<hex>``: HMAC-SHA256 of ``"<t>." + body`` with the
    endpoint's secret, compared in constant time, refused when ``t`` is too far from now."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


class Receiver:
    """A webhook receiver on loopback: answers 200 at once and queues what it got for the main thread."""

    def __init__(self) -> None:
        received: queue.Queue[tuple[dict[str, str], bytes]] = queue.Queue()

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # the standard library names it so
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                received.put(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *_: Any) -> None:
                pass

        self.received = received
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/billgraph"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


def send_usage(client: Billgraph, subscription: str, metric: str, count: int, run: str) -> None:
    events = [
        {
            "transaction_id": f"{run}-{n}",  # stable per event: sending it again is harmless
            "external_subscription_id": subscription,
            "code": metric,
            "properties": {"region": "eu"},
        }
        for n in range(count)
    ]
    for attempt in ("first send", "sent again"):
        created = duplicates = 0
        for start in range(0, len(events), BATCH):
            answer = client.send_events(events[start : start + BATCH])
            created, duplicates = created + answer["created"], duplicates + answer["duplicates"]
        print(f"events {attempt}: {created} created, {duplicates} duplicates")


def hear_a_webhook(client: Billgraph, subscription: str, run: str, wait: float) -> None:
    """Register a receiver, make something happen that it subscribes to (a batch with an event the
    server rejects), verify the delivery's signature, and remove the endpoint."""
    receiver = Receiver()
    created = client.graphql(
        """mutation($url: String!) { createWebhookEndpoint(input: {url: $url, eventTypes: [EVENTS_REJECTED]}) {
          secret webhookEndpoint { id } } }""",
        url=receiver.url,
    )["createWebhookEndpoint"]
    secret, endpoint = created["secret"], created["webhookEndpoint"]["id"]
    try:
        bad = {
            "transaction_id": f"{run}-bad",
            "external_subscription_id": subscription,
            "code": "no_such_metric",
        }
        client.send_events([bad])
        headers, body = receiver.received.get(timeout=wait)
        verified = verify_signature(secret, headers["x-billgraph-signature"], body)
        payload = json.loads(body)
        print(f"webhook {payload['type']} received, signature {'verified' if verified else 'INVALID'}")
        if not verified:
            raise SystemExit(1)
    finally:
        client.graphql("mutation($id: ID!) { destroyWebhookEndpoint(input: {id: $id}) { id } }", id=endpoint)
        receiver.close()


def read_invoices(client: Billgraph, limit: int) -> None:
    page, seen, total = 1, 0, None
    while True:
        found = client.graphql(
            """query($page: Int!, $limit: Int!) { invoices(page: $page, limit: $limit) {
              collection { number totalAmountCents currency } metadata { totalCount totalPages } } }""",
            page=page,
            limit=limit,
        )["invoices"]
        seen += len(found["collection"])
        total = found["metadata"]["totalCount"]
        if page >= found["metadata"]["totalPages"]:
            break
        page += 1
    print(f"invoices read: {seen} of {total} in {page} pages")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--subscription", required=True, help="external id of the subscription to meter")
    parser.add_argument("--metric", default="api_calls")
    parser.add_argument("--events", type=int, default=250)
    parser.add_argument("--page-size", type=int, default=2)
    parser.add_argument("--webhook-wait", type=float, default=30.0, help="seconds to wait for a delivery")
    args = parser.parse_args()

    client = Billgraph(args.url, args.api_key)
    name = client.graphql("{ organization { name } }")["organization"]["name"]
    print(f"connected to {name}")
    run = uuid.uuid4().hex[:8]
    send_usage(client, args.subscription, args.metric, args.events, run)
    hear_a_webhook(client, args.subscription, run, args.webhook_wait)
    read_invoices(client, args.page_size)
    sys.exit(0)


if __name__ == "__main__":
    main()
