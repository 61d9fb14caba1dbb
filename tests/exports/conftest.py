"""A finalized one-off invoice to export, and the billing setup for subscription invoices."""

from __future__ import annotations

from tests.credit_notes.conftest import billed  # noqa: F401 (a fixture)
from tests.invoicing.conftest import setup  # noqa: F401 (a fixture)
