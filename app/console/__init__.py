"""The web console: the single-page app built from ``console/`` into ``static/`` (committed)."""

from app.console.serving import CONTENT_SECURITY_POLICY, routes

__all__ = ["CONTENT_SECURITY_POLICY", "routes"]
