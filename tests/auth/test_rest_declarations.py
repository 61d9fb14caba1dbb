"""Every plain HTTP endpoint but the probes and metrics declares its permissions, like every operation
of the graph."""

from __future__ import annotations

from starlette.routing import Route

from app.auth.rest import Protected
from app.main import create_app
from tests.conftest import settings_for_tests

# the graph declares per field; probes; the console's static files (public: its data comes from the graph)
OPEN = {"/graphql", "/health", "/live", "/ready", "/metrics", "/assets/{name:path}", "/{path:path}"}


def test_every_rest_route_is_protected_by_a_declared_permission() -> None:
    app = create_app(settings_for_tests())
    declared = {}
    for route in app.routes:
        assert isinstance(route, Route)
        if route.path in OPEN:
            continue
        owner = getattr(route.endpoint, "__self__", None)
        assert isinstance(owner, Protected), route.path
        declared[route.path] = {permission.value for permission in owner.permissions}

    assert declared == {
        "/api/v1/events": {"events:create"},
        "/api/v1/events/batch": {"events:create"},
        "/api/v1/exports/invoices.csv": {"invoices:export"},
        "/api/v1/exports/credit_notes.csv": {"credit_notes:export"},
        "/api/v1/exports/integrations/{integration_id}/invoices.csv": {
            "invoices:export",
            "organization:integrations:view",
        },
        "/api/v1/exports/integrations/{integration_id}/credit_notes.csv": {
            "credit_notes:export",
            "organization:integrations:view",
        },
    }
