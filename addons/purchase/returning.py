"""Goods sent back to a supplier: out of the receipt's lot and warehouse at what they cost, and a credit on
what the plant owes, in the transition's transaction."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _

from addons.purchase import payables
from addons.purchase.models.purchase_return import PurchaseReturn, PurchaseReturnLine
from addons.purchase.models.receipt import GoodsReceipt, ReceiptLine
from addons.stock import moves
from core import context
from core.db import lock_get, transaction
from core.errors import UserError
from core.numbering import next_number
from core.numbers import decimal_input

CENT = Decimal("0.01")


@dataclass
class ReturnInput:
    receipt_line: object
    quantity: object = "0"
    weight: object = "0"


def _amount(line, quantity, weight) -> Decimal:
    """The returned part of a receipt line's amount, in proportion to its weight (else its quantity)."""
    if line.weight:
        share = weight / line.weight
    elif line.quantity:
        share = quantity / line.quantity
    else:
        share = Decimal("0")
    return (line.amount * share).quantize(CENT, rounding=ROUND_HALF_UP)


def save_return(plant, receipt_id, date, inputs, reason="") -> PurchaseReturn:
    receipt = GoodsReceipt.get_or_none((GoodsReceipt.id == receipt_id) & (GoodsReceipt.plant == plant.id))
    if receipt is None or receipt.state != "received":
        raise UserError(_("Goods go back only from a receipt already received."), field="receipt")
    lines = {x.id: x for x in receipt.lines}
    rows = []
    for n, item in enumerate(inputs, 1):
        line = lines.get(int(item.receipt_line)) if str(item.receipt_line).isdigit() else None
        if line is None:
            raise UserError(_("Line %(n)d: choose a line of this receipt.", n=n), field="lines")
        quantity = decimal_input(item.quantity or "0", field="lines", label=_("Line %(n)d, quantity", n=n), places=3)
        weight = decimal_input(item.weight or "0", field="lines", label=_("Line %(n)d, weight", n=n), places=3)
        if not (quantity or weight):
            raise UserError(_("Line %(n)d: give the quantity or the weight going back.", n=n), field="lines")
        if quantity > line.quantity - line.returned_quantity or weight > line.weight - line.returned_weight:
            raise UserError(_("Line %(n)d: more than was received and not yet sent back.", n=n), field="lines")
        rows.append({"seq": n, "receipt_line": line.id, "quantity": quantity, "weight": weight,
                     "amount": _amount(line, quantity, weight)})
    if not rows:
        raise UserError(_("A return needs at least one line."), field="lines")
    with transaction():
        record = PurchaseReturn.create(plant=plant.id, number=next_number(plant, "PR", date), supplier=receipt.supplier_id,
                                       receipt=receipt.id, date=date, reason=reason.strip(),
                                       amount=sum((r["amount"] for r in rows), Decimal("0")),
                                       created_by=context.current().user)
        PurchaseReturnLine.insert_many([{"purchase_return": record.id, **r} for r in rows]).execute()
    return record


def on_send_back(record):
    receipt = lock_get(GoodsReceipt, record.receipt_id)
    lines = list(PurchaseReturnLine.select(PurchaseReturnLine, ReceiptLine).join(ReceiptLine)
                 .where(PurchaseReturnLine.purchase_return == record.id).order_by(PurchaseReturnLine.seq))
    for line in lines:
        got = line.receipt_line
        if (line.quantity > got.quantity - got.returned_quantity) or (line.weight > got.weight - got.returned_weight):
            raise UserError(_("Line %(n)d: more than was received and not yet sent back.", n=line.seq), field="lines")
        ReceiptLine.update(returned_quantity=ReceiptLine.returned_quantity + line.quantity,
                           returned_weight=ReceiptLine.returned_weight + line.weight).where(
            ReceiptLine.id == got.id).execute()
    moves.post(record.plant_id, "return_out", [
        moves.Item(receipt.warehouse_id, x.receipt_line.product_id, receipt.lot_id, -x.quantity, -x.weight,
                   source_id=x.id, cost=-x.amount) for x in lines],
        reference=record.number, source_model=PurchaseReturnLine._meta.table_name, day=record.date)
    GoodsReceipt.update(returned_amount=GoodsReceipt.returned_amount + record.amount).where(
        GoodsReceipt.id == receipt.id).execute()
    payables.post(record.supplier_id, "return_credit", record.amount, date=record.date, reference=record.number,
                  source=record, against=receipt)
