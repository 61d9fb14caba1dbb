"""The console is served by the app itself: index.html for client routes, hashed assets cached for a
year, a strict Content-Security-Policy, and the server's own paths untouched."""

from __future__ import annotations

import gzip
import re

import httpx
import pytest

from app.console.serving import CONTENT_SECURITY_POLICY, STATIC_DIR

INDEX = (STATIC_DIR / "index.html").read_text()


def built_asset(suffix: str) -> str:
    """The URL path of a built asset of this kind that index.html refers to."""
    found: list[str] = re.findall(r'(?:src|href)="(/assets/[^"]+\.' + suffix + ')"', INDEX)
    assert found, f"index.html links no .{suffix} asset"
    return found[0]


def assert_index(response: httpx.Response) -> None:
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.text == INDEX
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_the_policy_allows_no_inline_script_and_no_outside_origin() -> None:
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self' 'unsafe-inline'"  # Mantine's run-time <style> elements
    assert directives["font-src"] == "'self' data:"
    assert directives["connect-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "http" not in CONTENT_SECURITY_POLICY
    assert "*" not in CONTENT_SECURITY_POLICY


def test_the_build_has_no_inline_script_and_no_outside_address() -> None:
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", INDEX, flags=re.S)
    assert scripts, "index.html loads no script"
    assert all(body.strip() == "" for body in scripts), "inline script in index.html"
    assert not re.search(r'(?:src|href)="(?:https?:)?//', INDEX), "index.html loads from another origin"


async def test_root_is_the_console(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert_index(response)
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path", ["/customers", "/customers/0b7c/invoices?tab=2", "/sign-in", "/no/such/page"]
)
async def test_client_routes_are_the_console(client: httpx.AsyncClient, path: str) -> None:
    assert_index(await client.get(path))


async def test_a_hashed_asset_is_cached_for_a_year(client: httpx.AsyncClient) -> None:
    script = built_asset("js")
    response = await client.get(script, headers={"accept-encoding": "identity"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.content == (STATIC_DIR / script.lstrip("/")).read_bytes()
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY

    style = await client.get(built_asset("css"))
    assert style.status_code == 200
    assert style.headers["content-type"] == "text/css; charset=utf-8"
    assert style.headers["cache-control"] == "public, max-age=31536000, immutable"


async def test_assets_are_gzipped_for_clients_that_accept_it(client: httpx.AsyncClient) -> None:
    script = built_asset("js")
    raw = await client.get(script, headers={"accept-encoding": "gzip"})
    assert raw.headers["content-encoding"] == "gzip"
    assert raw.headers["vary"] == "Accept-Encoding"
    assert raw.content == (STATIC_DIR / script.lstrip("/")).read_bytes()  # httpx decoded it


async def test_a_known_etag_is_not_sent_again(client: httpx.AsyncClient) -> None:
    first = await client.get("/")
    again = await client.get("/customers", headers={"if-none-match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize(
    "path", ["/assets/index-00000000.js", "/assets/", "/assets/%2e%2e/index.html", "/assets/nope.css"]
)
async def test_an_unknown_asset_is_not_found(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert "<html" not in response.text


async def test_the_graph_still_answers(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/v1/events", 405), ("/api/v1/nothing", 404), ("/live", 200), ("/graphql/extra", 404)],
)
async def test_server_paths_are_never_the_console(client: httpx.AsyncClient, path: str, status: int) -> None:
    response = await client.get(path)
    assert response.status_code == status
    assert '<div id="root">' not in response.text


def test_the_built_files_are_compressed_small_enough() -> None:
    """The first screen's JavaScript and CSS (what index.html loads), gzipped: at most 350 KB."""
    linked = re.findall(r'(?:src|href)="(/assets/[^"]+)"', INDEX)
    total = sum(len(gzip.compress((STATIC_DIR / p.lstrip("/")).read_bytes(), 9)) for p in linked)
    assert total <= 350 * 1024, f"{total} bytes gzipped"
