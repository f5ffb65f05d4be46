"""Order lines from what a user typed: checked, priced from the price list, weighed and summed.

Nothing typed is trusted for the floor: list and floor prices are read here, at save time. A price
below the floor is kept but marked pending, and the order cannot be submitted until a manager
approves it.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _

from addons.master_data import pricing_units
from addons.master_data.models.product import Product
from addons.master_data.models.unit import Unit
from addons.sales_order.pricing import prices_for
from core.cache import cached
from core.db import instances, run_composed, run_composed_ids
from core.errors import UserError
from core.numbers import read_decimal

CENT = Decimal("0.01")
GRAM = Decimal("0.001")
MAX_LINES = 5000


@dataclass
class LineInput:
    product: object              # id
    quantity: object
    expected_weight: object = None
    unit_price: object = None
    remarks: str = ""
    text: str = ""               # the product as typed on a form, shown again if the line is refused


class LineError(UserError):
    status = 422


def _decimal(value, places):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return read_decimal(value, places, thousands=True)     # its ValueError says what is wrong


def units_by_id() -> dict:
    return cached("units", lambda: {u.id: u for u in instances(Unit, run_composed("sales_order.units", Unit.select))})


def billable(product, units, quantity: Decimal, weight: Decimal) -> Decimal:
    """How many pricing units a line is billed on: kilograms (or tonnes...) for weight-priced products."""
    return pricing_units.billable(units[product.pricing_unit_id], quantity, weight)


def line_amount(product, units, quantity, weight, price) -> Decimal:
    return (billable(product, units, quantity, weight) * price).quantize(CENT, rounding=ROUND_HALF_UP)


def nominal_weight(product, units, quantity: Decimal) -> Decimal:
    selling = units[product.selling_unit_id]
    per_unit = selling.kg_factor if selling.kind == "weight" and selling.kg_factor else product.nominal_weight
    return (quantity * per_unit).quantize(GRAM, rounding=ROUND_HALF_UP)


def build_lines(customer, day, inputs: list[LineInput], *, may_set_price=True) -> list[dict]:
    """Checked line rows (dicts for OrderLine) or a LineError naming every bad row and field."""
    if not inputs:
        raise LineError(_("An order needs at least one line."), field="lines")
    if len(inputs) > MAX_LINES:
        raise LineError(_("An order may have at most %(n)d lines.", n=MAX_LINES), field="lines")
    products = _products_named(customer, inputs)
    units = units_by_id()
    quotes = prices_for(customer, [p.id for p in products.values() if p.active], day)
    errors: dict[str, list[str]] = {}
    rows = []
    for n, item in enumerate(inputs):
        try:
            rows.append(_row(n, item, customer, day, products.get(_product_id(item)), quotes, units, may_set_price))
        except _Refused as refused:
            errors.setdefault(f"lines-{n}-{refused.field}", []).append(
                _("Line %(n)d: %(message)s", n=n + 1, message=refused.message))
    if errors:
        first = next(iter(errors.values()))[0]
        raise LineError(first, field="lines", details=errors)
    return rows


class _Refused(Exception):
    def __init__(self, field, message):
        super().__init__(message)
        self.field, self.message = field, message


def _product_id(item):
    try:
        return int(item.product)
    except (TypeError, ValueError):
        return None


def _products_named(customer, inputs) -> dict:
    """The customer's plant's products the lines name, in one query."""
    ids = {pid for pid in (_product_id(item) for item in inputs) if pid is not None}
    found = instances(Product, run_composed_ids("sales_order.products_named", lambda chosen: Product.select().where(
        Product.id.in_(chosen)), sorted(ids))) if ids else []
    return {p.id: p for p in found if p.plant_id == customer.plant_id}


def _row(n, item, customer, day, product, quotes, units, may_set_price) -> dict:
    """One line checked and priced: the product sold to this customer that day, a quantity in its unit, the
    weight (nominal when not given) and the price (the customer's list price when not given or not allowed)."""
    if product is None or not product.active:
        raise _Refused("product", _("choose a product of this plant."))
    quote = quotes.get(product.id)
    if quote is None:
        raise _Refused("product", _("%(customer)s may not buy %(product)s: it has no price for them on %(day)s.",
                                    customer=customer.name, product=product.name, day=day.isoformat()))
    try:
        quantity = _decimal(item.quantity, 3)
    except ValueError as exc:
        raise _Refused("quantity", str(exc)) from None
    if quantity is None or quantity <= 0:
        raise _Refused("quantity", _("the quantity must be more than zero."))
    if units[product.selling_unit_id].kind == "count" and quantity != quantity.to_integral_value():
        raise _Refused("quantity", _("%(product)s is sold in whole %(unit)s.", product=product.name,
                                     unit=units[product.selling_unit_id].name))
    try:
        weight = _decimal(item.expected_weight, 3)
        price = _decimal(item.unit_price, 4) if may_set_price else None
    except ValueError as exc:
        raise _Refused("unit_price" if item.expected_weight in (None, "") else "expected_weight", str(exc)) from None
    weight = nominal_weight(product, units, quantity) if weight is None else weight
    if weight < 0:
        raise _Refused("expected_weight", _("the weight cannot be negative."))
    price = quote.price if price is None else price
    if price <= 0:
        raise _Refused("unit_price", _("the price must be more than zero."))
    return {"seq": n + 1, "product": product.id, "quantity": quantity, "expected_weight": weight,
            "unit_price": price, "list_price": quote.price, "floor_price": quote.floor,
            "amount": line_amount(product, units, quantity, weight, price),
            "price_status": "pending" if price < quote.floor else "ok", "remarks": (item.remarks or "")[:200]}


def totals(rows) -> tuple[Decimal, Decimal]:
    return (sum((r["amount"] for r in rows), Decimal("0.00")),
            sum((r["expected_weight"] for r in rows), Decimal("0.000")))
