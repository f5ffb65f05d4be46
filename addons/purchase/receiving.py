"""Receiving goods from suppliers: a receipt is written as a draft, then received into stock as one lot,
and what the plant owes the supplier rises by its amount, all in one transaction."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import gettext as _
from peewee import IntegrityError

from addons.master_data.models.product import Product
from addons.master_data.models.unit import Unit
from addons.master_data.pricing_units import amount as priced
from addons.master_data.pricing_units import billable
from addons.purchase import payables
from addons.purchase.models.contract import PurchaseContract, PurchaseContractLine
from addons.purchase.models.receipt import GoodsReceipt, ReceiptLine
from addons.purchase.models.supplier import Supplier
from addons.stock import moves
from addons.stock.models.lot import Lot
from addons.stock.models.warehouse import Warehouse
from core import context
from core.db import transaction
from core.errors import UserError
from core.numbering import next_number
from core.numbers import decimal_input

CENT, GRAM = Decimal("0.01"), Decimal("0.001")


@dataclass
class LineInput:
    product: object
    quantity: object = "0"
    weight: object = "0"
    unit_price: object = "0"


@dataclass
class Ticket:
    """A weighbridge ticket (磅单) for live hogs: kilograms weighed in and out, and what is taken off.
    `weighbridge`: the number of the truck's ticket on the plant's weighbridge, whose weights then stand in
    for any typed here."""
    product: object
    heads: object
    gross_kg: object = "0"
    tare_kg: object = "0"
    price_per_kg: object = "0"
    deduct_kg: object = "0"
    deduct_amount: object = "0"
    weighbridge: str = ""


def _weighbridge(plant_id, ticket) -> tuple:
    """(gross, tare, number) from the weighbridge's ticket when one is named; a plant whose weighbridge weighs
    the trucks takes no typed weights. One ticket, one receipt."""
    from core.kernel import current_kernel
    hooks = current_kernel().hooks
    number = (ticket.weighbridge or "").strip()
    if not number:
        refused = next((r for r in hooks.call("weighbridge_required", plant_id, plant_id=plant_id) if r), None)
        if refused:
            raise UserError(refused, field="weighbridge")
        return ticket.gross_kg, ticket.tare_kg, ""
    found = next((r for r in hooks.call("weighbridge_weights", plant_id, plant_id=plant_id, number=number) if r), None)
    if found is None:
        raise UserError(_("There is no weighbridge ticket %(number)s.", number=number), field="weighbridge")
    used = GoodsReceipt.get_or_none((GoodsReceipt.plant == plant_id) & (GoodsReceipt.weighbridge_ticket == number))
    if used is not None:
        raise UserError(_("Weighbridge ticket %(number)s is already on receipt %(receipt)s.", number=number,
                          receipt=used.number), field="weighbridge")
    return found["gross"], found["tare"], number


def _number(raw, places, field, label, positive=False) -> Decimal:
    """A number of the form (blank reads as zero), through the one reader of typed numbers."""
    return decimal_input(raw if raw not in (None, "") else "0", field=field, label=label, places=places,
                         allow_zero=not positive)


def _of_plant(model, pk, plant_id, field, message):
    found = model.get_or_none((model.id == pk) & (model.plant == plant_id)) if pk else None
    if found is None:
        raise UserError(message, field=field)
    return found


def save_receipt(plant, supplier_id, warehouse_id, date, *, lines=(), ticket: Ticket | None = None, contract_id=None,
                 lot_number="", quarantine_cert="", vehicle="", remarks="") -> GoodsReceipt:
    """A draft receipt of `lines` (goods) or of a weighbridge `ticket` (live hogs), checked whole."""
    supplier = _of_plant(Supplier, supplier_id, plant.id, "supplier", _("Choose a supplier of this plant."))
    warehouse = _of_plant(Warehouse, warehouse_id, plant.id, "warehouse", _("Choose a warehouse of this plant."))
    contract = None
    if contract_id:
        contract = _of_plant(PurchaseContract, contract_id, plant.id, "contract", _("There is no such contract."))
        if contract.state != "approved" or contract.supplier_id != supplier.id:
            raise UserError(_("Goods are received only against an approved contract with this supplier."),
                            field="contract")
    units = {u.id: u for u in Unit.select()}
    fields = {"plant": plant.id, "supplier": supplier.id, "warehouse": warehouse.id, "date": date,
              "contract": contract.id if contract else None, "lot_number": lot_number.strip()[:40],
              "quarantine_cert": quarantine_cert.strip()[:60], "vehicle": vehicle.strip()[:20], "remarks": remarks}
    rows = []
    if ticket is not None:
        product = _of_plant(Product, ticket.product, plant.id, "product", _("Choose the product received."))
        heads = int(_number(ticket.heads, 0, "heads", _("Heads"), positive=True))
        gross, tare, weighbridge = _weighbridge(plant.id, ticket)
        gross = _number(gross, 3, "gross_kg", _("Gross weight"), positive=True)
        tare = _number(tare, 3, "tare_kg", _("Tare weight"))
        deduct = _number(ticket.deduct_kg, 3, "deduct_kg", _("Weight deducted"))
        price = _number(ticket.price_per_kg, 4, "price_per_kg", _("Price per kg"), positive=True)
        money_off = _number(ticket.deduct_amount, 2, "deduct_amount", _("Money deducted"))
        net = gross - tare - deduct
        if net <= 0:
            raise UserError(_("The gross weight must be more than the tare and the weight deducted."), field="gross_kg")
        total = (net * price).quantize(CENT) - money_off
        if total <= 0:
            raise UserError(_("The money deducted is more than the hogs are worth."), field="deduct_amount")
        fields.update(kind="live_hogs", heads=heads, gross_kg=gross, tare_kg=tare, deduct_kg=deduct,
                      weighbridge_ticket=weighbridge,
                      price_per_kg=price, deduct_amount=money_off, amount=total)
        rows.append({"seq": 1, "product": product.id, "quantity": Decimal(heads), "weight": net, "unit_price": price,
                     "amount": total})
    else:
        products = {p.id: p for p in Product.select().where(
            (Product.plant == plant.id) & Product.id.in_([int(x.product) for x in lines if str(x.product).isdigit()]))}
        for n, item in enumerate(lines, 1):
            product = products.get(int(item.product)) if str(item.product).isdigit() else None
            if product is None:
                raise UserError(_("Line %(n)d: choose a product of this plant.", n=n), field="lines")
            quantity = _number(item.quantity, 3, "lines", _("Line %(n)d, quantity", n=n))
            weight = _number(item.weight, 3, "lines", _("Line %(n)d, weight", n=n))
            price = _number(item.unit_price, 4, "lines", _("Line %(n)d, price", n=n))
            if not quantity and not weight:
                raise UserError(_("Line %(n)d: give the quantity or the weight received.", n=n), field="lines")
            rows.append({"seq": n, "product": product.id, "quantity": quantity, "weight": weight, "unit_price": price,
                         "amount": priced(units[product.pricing_unit_id], quantity, weight, price)})
        if not rows:
            raise UserError(_("A receipt needs at least one line."), field="lines")
        fields.update(kind="goods", amount=sum((r["amount"] for r in rows), Decimal("0")))
    with transaction():
        try:
            receipt = GoodsReceipt.create(number=next_number(plant, "GR", date), created_by=context.current().user,
                                          **fields)
        except IntegrityError:      # the same ticket saved at this moment by another desk: the index says no
            raise UserError(_("Weighbridge ticket %(number)s is already on another receipt.",
                              number=fields.get("weighbridge_ticket", "")), field="weighbridge") from None
        if contract is not None:
            by_product = {x.product_id: x.id for x in PurchaseContractLine.select().where(
                PurchaseContractLine.contract == contract.id)}
            for row in rows:
                row["contract_line"] = by_product.get(row["product"])
        ReceiptLine.insert_many([{"receipt": receipt.id, **r} for r in rows]).execute()
    return receipt


def on_receive(receipt):
    """Inside the `receive` transition: the lot, the stock moves (with their cost) and the debt."""
    supplier = Supplier.get_by_id(receipt.supplier_id)
    lot = Lot.create(plant=receipt.plant_id, number=receipt.lot_number or receipt.number, kind="received",
                     day=receipt.date, heads=receipt.heads, origin=supplier.name,
                     quarantine_cert=receipt.quarantine_cert, created_by=context.current().user)
    lines = list(receipt.lines.order_by(ReceiptLine.seq))
    moves.post(receipt.plant_id, "receipt", [
        moves.Item(receipt.warehouse_id, x.product_id, lot.id, x.quantity, x.weight, source_id=x.id, cost=x.amount)
        for x in lines], reference=receipt.number, source_model=ReceiptLine._meta.table_name, day=receipt.date)
    GoodsReceipt.update(lot=lot.id).where(GoodsReceipt.id == receipt.id).execute()
    receipt.lot = lot
    units = {u.id: u for u in Unit.select()}
    pricing = dict(Product.select(Product.id, Product.pricing_unit).where(
        Product.id.in_([x.product_id for x in lines])).tuples())
    for line in lines:
        if line.contract_line_id:
            received = billable(units[pricing[line.product_id]], line.quantity, line.weight)
            PurchaseContractLine.update(received=PurchaseContractLine.received + received.quantize(GRAM)).where(
                PurchaseContractLine.id == line.contract_line_id).execute()
    payables.post(supplier, "receipt", receipt.amount, date=receipt.date, reference=receipt.number, source=receipt)
