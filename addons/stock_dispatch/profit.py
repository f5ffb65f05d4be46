"""Profit (利润): what shipments were billed minus what their goods cost, by product, customer, salesperson,
region or month, with the margin. Each shipped delivery line is kept once as a SaleCost row when its note
ships; the report is one GROUP BY over those rows and one query for the names."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import lazy_gettext as _l
from peewee import fn

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.master_data.models.region import Region
from addons.stock_dispatch.models.sale_cost import SaleCost
from core.db import db, get_row, insert_rows
from core.fields import summed
from core.models import User

DIMENSIONS = {"product": _l("Product"), "customer": _l("Customer"), "salesperson": _l("Salesperson"),
              "region": _l("Region"), "month": _l("Month"), "product_month": _l("Product and month")}
_COLUMNS = {"product": (SaleCost.product,), "customer": (SaleCost.customer,), "salesperson": (SaleCost.salesperson_id,),
            "region": (SaleCost.region_id,), "month": (SaleCost.month,),
            "product_month": (SaleCost.product, SaleCost.month)}
ZERO = Decimal("0")


def record_shipment(note, batches, costs) -> None:
    """The note's lines with their billed amount and the cost of their batches; in the shipping transaction."""
    from addons.dispatch.models.line import DeliveryLine
    by_line: dict = {}
    for (batch, _line, _product), cost in zip(batches, costs):
        by_line[batch.line_id] = by_line.get(batch.line_id, ZERO) + cost
    if not by_line:
        return
    customer = get_row(Customer, note.customer_id)
    day = note.shipped_on
    rows = [{"plant": note.plant_id, "day": day, "month": day.year * 100 + day.month, "note_id": note.id,
             "line_id": line.id, "product": line.product_id, "customer": customer.id,
             "salesperson_id": customer.salesperson_id, "region_id": customer.region_id,
             "quantity": line.shipped_quantity, "weight": line.shipped_weight, "amount": line.amount,
             "cost": by_line[line.id]}
            for line in DeliveryLine.select().where(DeliveryLine.id.in_(list(by_line))).order_by(DeliveryLine.id)]
    insert_rows(SaleCost, rows)


@dataclass
class Row:
    key: object
    label: str
    quantity: Decimal
    weight: Decimal
    sales: Decimal
    cost: Decimal

    @property
    def profit(self) -> Decimal:
        return self.sales - self.cost

    @property
    def margin(self) -> Decimal | None:
        """Profit as a share of sales, in per cent with one decimal; None without sales."""
        if not self.sales:
            return None
        return (self.profit * 100 / self.sales).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def grouped(plant_id, by: str, first: datetime.date, last: datetime.date):
    """(key, quantity, weight, sales, cost) per value of `by` (a pair for product and month), exact: the sums
    are of integer minor units."""
    columns = _COLUMNS[by]
    query = (SaleCost.select(*columns, fn.SUM(SaleCost.quantity), fn.SUM(SaleCost.weight),
                             fn.SUM(SaleCost.amount), fn.SUM(SaleCost.cost))
             .where((SaleCost.plant == plant_id) & (SaleCost.day >= first) & (SaleCost.day <= last)))
    width = len(columns)
    # the driver's rows as they come (thousands of groups: no per-row model machinery); sums of minor units
    found = db.execute_sql(*query.group_by(*columns).sql()).fetchall()
    return [(row[0] if width == 1 else row[:width], summed(row[width], 3), summed(row[width + 1], 3),
             summed(row[width + 2], 2), summed(row[width + 3], 2)) for row in found]


def _labels(by, keys) -> dict:
    keys = [k for k in keys if k is not None]
    if by == "product_month":
        products = _labels("product", {k[0] for k in keys})
        return {k: f"{products.get(k[0], '')} · {k[1] // 100}-{k[1] % 100:02d}" for k in keys}
    if by == "month":
        return {k: f"{k // 100}-{k % 100:02d}" for k in keys}
    model, label = {"product": (Product, lambda r: f"{r.code} {r.name}"),
                    "customer": (Customer, lambda r: f"{r.code} {r.name}"),
                    "salesperson": (User, lambda r: r.name),
                    "region": (Region, lambda r: f"{r.province} {r.city}".strip())}[by]
    return {r.id: label(r) for r in model.select().where(model.id.in_(keys))} if keys else {}


def report(plant_id, by: str, first: datetime.date, last: datetime.date) -> tuple[list[Row], Row]:
    """The rows by `by` (most profit first; months in order) and their total."""
    found = grouped(plant_id, by, first, last)
    labels = _labels(by, [k for k, *_rest in found])
    nothing = str(_l("None"))          # a sale without a salesperson or region
    rows = [Row(k, labels.get(k, nothing), q, w, a, c) for k, q, w, a, c in found]
    rows.sort(key=(lambda r: r.key) if by == "month" else (lambda r: (r.label, r.key)) if by == "product_month"
              else (lambda r: (-r.profit, r.label)))
    total = Row(None, str(_l("Total")), sum((r.quantity for r in rows), ZERO), sum((r.weight for r in rows), ZERO),
                sum((r.sales for r in rows), ZERO), sum((r.cost for r in rows), ZERO))
    return rows, total
