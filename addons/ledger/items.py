"""The goods behind an account's charges, as the addon that wrote the charge knows them (dispatch: a note's
lines). Statements show every delivery's kg × price; invoices show items with their tax."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from core.kernel import current_kernel

CENT = Decimal("0.01")


@dataclass
class Item:
    product: str
    quantity: Decimal
    unit: str
    weight: Decimal
    unit_price: Decimal
    pricing_unit: str
    amount: Decimal
    tax_rate: Decimal          # per cent; amounts include the tax

    @property
    def tax(self) -> Decimal:
        return (self.amount * self.tax_rate / (100 + self.tax_rate)).quantize(CENT, rounding=ROUND_HALF_UP)


def items_of(plant_id, entry_ids) -> dict:
    found: dict = {}
    if not entry_ids:
        return found
    for answer in current_kernel().hooks.call("entry_items", plant_id, entry_ids=list(entry_ids)):
        for entry_id, items in (answer or {}).items():
            found.setdefault(entry_id, []).extend(items)
    return found
