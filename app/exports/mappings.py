"""Which item, account and tax codes of the accounting tool a line takes: the mapping of its own object
(add-on, billable metric, tax), else the mapping of its kind of line, else the fallback item; a tax
without a mapping keeps its billgraph code."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from app.integrations.models import IntegrationMapping, MappableType


@dataclass(frozen=True)
class Codes:
    item_code: str = ""
    account_code: str = ""
    name: str = ""


_NONE = Codes()


class Mappings:
    def __init__(self, rows: Iterable[IntegrationMapping]) -> None:
        self._by_target = {(m.mappable_type, m.mappable_id): m for m in rows}

    def _codes(self, kind: MappableType, target: uuid.UUID | None = None) -> Codes | None:
        found = self._by_target.get((kind, target))
        if found is None:
            return None
        return Codes(found.item_code or "", found.account_code or "", found.name or "")

    def _or_fallback(self, *candidates: Codes | None) -> Codes:
        for codes in candidates:
            if codes is not None:
                return codes
        return self._codes(MappableType.FALLBACK_ITEM) or _NONE

    def fee(self, fee_type: str, add_on_id: uuid.UUID | None, metric_id: uuid.UUID | None) -> Codes:
        """The codes of a fee's line: its add-on's or metric's, the subscription fee's, or the fallback."""
        if fee_type == "add_on" and add_on_id is not None:
            return self._or_fallback(self._codes(MappableType.ADD_ON, add_on_id))
        if fee_type == "charge" and metric_id is not None:
            return self._or_fallback(self._codes(MappableType.BILLABLE_METRIC, metric_id))
        if fee_type == "subscription":
            return self._or_fallback(self._codes(MappableType.SUBSCRIPTION_FEE))
        if fee_type == "credit":
            return self._or_fallback(self._codes(MappableType.PREPAID_CREDIT))
        return self._or_fallback()

    def line(self, kind: MappableType) -> Codes:
        """The codes of an invoice-level line: COUPON, CREDIT_NOTE or PREPAID_CREDIT."""
        return self._or_fallback(self._codes(kind))

    def tax(self, taxes: list[tuple[uuid.UUID | None, str]], no_tax: str) -> str:
        """The tool's tax code of a line taxed by ``taxes`` (id, billgraph code); several taxes on one
        line are joined with ' + ' (the tool needs a combined rate by that name)."""
        if not taxes:
            return no_tax
        names = []
        for tax_id, code in taxes:
            mapped = self._by_target.get((MappableType.TAX, tax_id))
            name = mapped.tax_code if mapped is not None and mapped.tax_code else code
            if name not in names:
                names.append(name)
        return " + ".join(names)
