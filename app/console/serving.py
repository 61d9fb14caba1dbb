"""Serving the built console at ``/``.

- ``/assets/<name>``: the hashed files of the build, read once into memory (gzipped too, for clients
  that accept it), cached for a year as immutable; any other name under ``/assets/`` is a 404, never
  the app (a stale tab asking for an old chunk must fail loudly, not parse HTML as JavaScript).
- Any other GET path is a client route: ``index.html``, revalidated on every load (``no-cache``) so a
  new build is picked up at once. Paths of the server itself (``/graphql``, ``/api/...``, the probes,
  ``/metrics``) are never matched here, so they keep their own answers (405, 404) as before.
- Every answer carries a Content-Security-Policy without inline scripts or outside origins. Mantine
  inserts ``<style>`` elements at run time, hence ``style-src 'unsafe-inline'`` (styles only).
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Scope

STATIC_DIR = Path(__file__).resolve().parent / "static"
ASSETS_PREFIX = "/assets/"
# Paths the server answers itself: never the console's index.html.
SERVER_PATHS = ("/graphql", "/api", "/live", "/ready", "/health", "/metrics")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
_TEXT_TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".html": "text/html"}
_COMPRESSIBLE = (".js", ".mjs", ".css", ".html", ".svg", ".json", ".txt", ".map", ".wasm")


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes | None
    media_type: str
    etag: str


def _media_type(path: Path) -> str:
    text = _TEXT_TYPES.get(path.suffix)
    if text:
        return f"{text}; charset=utf-8"
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def _asset(path: Path) -> Asset:
    body = path.read_bytes()
    gzipped = None
    if path.suffix in _COMPRESSIBLE and len(body) > 1024:
        packed = gzip.compress(body, compresslevel=9, mtime=0)
        gzipped = packed if len(packed) < len(body) else None
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return Asset(body, gzipped, _media_type(path), etag)


@dataclass(frozen=True)
class Build:
    index: Asset | None
    files: dict[str, Asset]  # URL path -> asset (under /assets/, and other top-level files)
    graphiql: Asset | None = None  # graphiql.html: answered on GET /graphql only, never at its own path


@cache
def load_build(static_dir: Path = STATIC_DIR) -> Build:
    """The build, read once per process (it is small: a few hundred kilobytes)."""
    files: dict[str, Asset] = {}
    index = None
    graphiql = None
    if static_dir.is_dir():
        for path in sorted(static_dir.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(static_dir).as_posix()
            if relative == "index.html":
                index = _asset(path)
            elif relative == "graphiql.html":
                graphiql = _asset(path)
            else:
                files["/" + relative] = _asset(path)
    return Build(index, files, graphiql)


def _is_server_path(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in SERVER_PATHS)


def _answer(request: Request, asset: Asset, cache_control: str) -> Response:
    headers = {
        **SECURITY_HEADERS,
        "cache-control": cache_control,
        "etag": asset.etag,
        "vary": "Accept-Encoding",
    }
    if asset.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    body = asset.body
    if asset.gzipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
        body = asset.gzipped
        headers["content-encoding"] = "gzip"
    return Response(body, media_type=asset.media_type, headers=headers)


def _not_found(message: str) -> Response:
    return PlainTextResponse(message, status_code=404, headers=SECURITY_HEADERS)


async def serve_asset(request: Request) -> Response:
    asset = load_build().files.get(request.url.path)
    if asset is None:
        return _not_found("No such console asset (the console may have been updated: reload the page)")
    return _answer(request, asset, IMMUTABLE)


async def serve_index(request: Request) -> Response:
    build = load_build()
    path = request.url.path
    if path != "/" and path in build.files:  # a top-level file of the build (not hashed)
        return _answer(request, build.files[path], REVALIDATE)
    if build.index is None:
        message = "The console is not built: run `npm ci && npm run build` in console/"
        return PlainTextResponse(message, status_code=503, headers=SECURITY_HEADERS)
    return _answer(request, build.index, REVALIDATE)


def serve_graphiql(request: Request) -> Response:
    """The bundled GraphiQL page (console/graphiql.html), with the console's headers and policy: its
    scripts, styles, fonts and Monaco's workers are all files of the build, on this origin."""
    page = load_build().graphiql
    if page is None:
        message = "GraphiQL is not built: run `npm ci && npm run build` in console/"
        return PlainTextResponse(message, status_code=503, headers=SECURITY_HEADERS)
    return _answer(request, page, REVALIDATE)


class ClientRoute(Route):
    """Every GET path of the console's client routes: not the server's own paths, not the assets."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http":
            path = scope["path"]
            if _is_server_path(path) or path.startswith(ASSETS_PREFIX):
                return Match.NONE, {}
        return super().matches(scope)


def routes() -> list[BaseRoute]:
    """The console's routes, to mount after every other route of the app."""
    return [
        Route(ASSETS_PREFIX + "{name:path}", serve_asset, methods=["GET"]),
        ClientRoute("/{path:path}", serve_index, methods=["GET"]),
    ]
