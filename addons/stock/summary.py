"""In, out and on hand per product over a period (进销存汇总): opening stock, what came in (bought, produced,
returned), what went out (sold, used in slaughter, sent back, lost), other corrections, and closing stock,
in pieces, kilograms and value at cost. Two GROUP BYs over the moves; sums of stored minor units, exact."""
from __future__ import annotations

import datetime
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import fn

from addons.master_data.models.product import Product
from addons.stock.models.move import StockMove
from core.fields import summed

ZERO = Decimal("0")
COLUMNS = {"opening": _l("Opening"), "bought": _l("Bought"), "produced": _l("Produced"), "returned": _l("Returned in"),
           "sold": _l("Sold"), "used": _l("Used in slaughter"), "sent_back": _l("Sent back to suppliers"),
           "other": _l("Other corrections"), "closing": _l("Closing")}
_KIND_COLUMN = {"receipt": "bought", "opening": "bought", "production": "produced", "return": "returned",
                "sale": "sold", "slaughter": "used", "return_out": "sent_back"}


def _blank():
    return {name: [ZERO, ZERO, ZERO] for name in COLUMNS}      # pieces, kg, value


def summary(plant_id, first: datetime.date, last: datetime.date) -> list[tuple[Product, dict]]:
    """[(product, {column: [pieces, kg, value]})] for every product with stock or moves, by code."""
    sums = (fn.SUM(StockMove.quantity), fn.SUM(StockMove.weight), fn.SUM(StockMove.cost))
    table: dict = {}
    before = (StockMove.select(StockMove.product, *sums)
              .where((StockMove.plant == plant_id) & (StockMove.day < first)).group_by(StockMove.product))
    for product_id, q, w, c in before.tuples():
        table.setdefault(product_id, _blank())["opening"] = [summed(q, 3), summed(w, 3), summed(c, 2)]
    during = (StockMove.select(StockMove.product, StockMove.kind, *sums)
              .where((StockMove.plant == plant_id) & (StockMove.day >= first) & (StockMove.day <= last))
              .group_by(StockMove.product, StockMove.kind))
    for product_id, kind, q, w, c in during.tuples():
        column = _KIND_COLUMN.get(kind, "other")
        cell = table.setdefault(product_id, _blank())[column]
        for n, value in enumerate((summed(q, 3), summed(w, 3), summed(c, 2))):
            cell[n] += value
    for row in table.values():
        row["closing"] = [sum((row[c][n] for c in COLUMNS if c != "closing"), ZERO) for n in range(3)]
    products = {p.id: p for p in Product.select().where(Product.id.in_(list(table)))} if table else {}
    return sorted(((products[pid], row) for pid, row in table.items()), key=lambda pr: pr[0].code)
