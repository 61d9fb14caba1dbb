"""Histories to analyse: the billing setup (a metered plan, VAT) and a finalized one-off invoice."""

from __future__ import annotations

from tests.credit_notes.conftest import billed  # noqa: F401 (a fixture)
from tests.invoicing.conftest import setup  # noqa: F401 (a fixture)
