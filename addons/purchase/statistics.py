"""Purchases by month, quarter or year (采购统计), by supplier or product: what was received, what went back,
and the net, from the received receipts and the returns sent back. Sums of stored minor units, exact."""
from __future__ import annotations

import datetime
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import fn

from addons.master_data.models.product import Product
from addons.purchase.models.purchase_return import PurchaseReturn, PurchaseReturnLine
from addons.purchase.models.receipt import GoodsReceipt, ReceiptLine
from addons.purchase.models.supplier import Supplier
from core.fields import summed

PERIODS = {"month": _l("Month"), "quarter": _l("Quarter"), "year": _l("Year")}
DIMENSIONS = {"none": _l("All purchases"), "supplier": _l("Supplier"), "product": _l("Product")}
ZERO = Decimal("0")


def period_of(day: datetime.date, period: str) -> str:
    if period == "year":
        return str(day.year)
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"          # as the sales statistics write it
    return f"{day.year}-{day.month:02d}"


def purchases(plant_id, first, last, period="month", by="none") -> list[dict]:
    """Rows {period, key, label, quantity, weight, amount, returned, net}, by period then label."""
    received = (ReceiptLine.select(GoodsReceipt.date, GoodsReceipt.supplier, ReceiptLine.product,
                                   fn.SUM(ReceiptLine.quantity), fn.SUM(ReceiptLine.weight), fn.SUM(ReceiptLine.amount))
                .join(GoodsReceipt)
                .where((GoodsReceipt.plant == plant_id) & (GoodsReceipt.state == "received")
                       & (GoodsReceipt.date >= first) & (GoodsReceipt.date <= last))
                .group_by(GoodsReceipt.date, GoodsReceipt.supplier, ReceiptLine.product))
    sent_back = (PurchaseReturnLine.select(PurchaseReturn.date, PurchaseReturn.supplier, ReceiptLine.product,
                                           fn.SUM(PurchaseReturnLine.amount))
                 .join(PurchaseReturn).switch(PurchaseReturnLine).join(ReceiptLine)
                 .where((PurchaseReturn.plant == plant_id) & (PurchaseReturn.state == "returned")
                        & (PurchaseReturn.date >= first) & (PurchaseReturn.date <= last))
                 .group_by(PurchaseReturn.date, PurchaseReturn.supplier, ReceiptLine.product))
    cells: dict = {}

    def cell(day, supplier, product):
        key = {"supplier": supplier, "product": product}.get(by)
        return cells.setdefault((period_of(day, period), key), {"quantity": ZERO, "weight": ZERO, "amount": ZERO,
                                                                 "returned": ZERO})
    for day, supplier, product, quantity, weight, amount in received.tuples():
        row = cell(day, supplier, product)
        row["quantity"] += summed(quantity, 3)
        row["weight"] += summed(weight, 3)
        row["amount"] += summed(amount, 2)
    for day, supplier, product, amount in sent_back.tuples():
        cell(day, supplier, product)["returned"] += summed(amount, 2)
    labels = _labels(by, {key for _p, key in cells})
    rows = [{"period": p, "key": key, "label": labels.get(key, ""), **v, "net": v["amount"] - v["returned"]}
            for (p, key), v in cells.items()]
    return sorted(rows, key=lambda r: (r["period"], r["label"]))


def _labels(by, keys) -> dict:
    keys = [k for k in keys if k is not None]
    if not keys:
        return {}
    model = Supplier if by == "supplier" else Product
    return {r.id: f"{r.code} {r.name}" for r in model.select().where(model.id.in_(keys))}
