"""How many pricing units a quantity of a product is billed on, bought or sold."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def billable(unit, quantity: Decimal, weight: Decimal) -> Decimal:
    """Kilograms (or tonnes...) for a weight pricing unit, else the quantity in pieces."""
    if unit.kind == "weight" and unit.kg_factor:
        return weight / unit.kg_factor
    return quantity


def amount(unit, quantity, weight, price) -> Decimal:
    return (billable(unit, quantity, weight) * price).quantize(CENT, rounding=ROUND_HALF_UP)
