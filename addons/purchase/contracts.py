"""Purchase contracts and payments asked for: written as drafts, checked whole, numbered."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.purchase import payables
from addons.purchase.models.contract import PurchaseContract, PurchaseContractLine
from addons.purchase.models.payment import METHODS, SupplierPayment
from addons.purchase.models.supplier import Supplier
from core import context
from core.db import transaction
from core.errors import UserError
from core.numbering import next_number
from core.numbers import read_decimal

CENT = Decimal("0.01")


@dataclass
class ContractLineInput:
    product: object
    quantity: object
    unit_price: object
    delivery_date: object = None


def supplier_of(plant, supplier_id) -> Supplier:
    supplier = Supplier.get_or_none((Supplier.id == supplier_id) & (Supplier.plant == plant.id)) if supplier_id else None
    if supplier is None or not supplier.active:
        raise UserError(_("Choose an active supplier of this plant."), field="supplier")
    return supplier


def save_contract(plant, supplier_id, date, inputs, *, delivery_from=None, delivery_to=None, remarks="",
                  contract=None) -> PurchaseContract:
    supplier = supplier_of(plant, supplier_id)
    if contract is not None and contract.state != "draft":
        raise UserError(_("Only a draft contract can be changed."))
    if delivery_from and delivery_to and delivery_to < delivery_from:
        raise UserError(_("Deliveries end before they start."), field="delivery_to")
    ids = [int(i.product) for i in inputs if str(i.product).isdigit()]
    products = {p.id: p for p in Product.select().where((Product.plant == plant.id) & Product.id.in_(ids))}
    rows = []
    for n, item in enumerate(inputs, 1):
        product = products.get(int(item.product)) if str(item.product).isdigit() else None
        if product is None:
            raise UserError(_("Line %(n)d: choose a product of this plant.", n=n), field="lines")
        try:
            quantity, price = read_decimal(item.quantity, 3), read_decimal(item.unit_price, 4)
        except ValueError as exc:
            raise UserError(_("Line %(n)d: %(problem)s", n=n, problem=str(exc)), field="lines") from None
        if quantity <= 0 or price < 0:
            raise UserError(_("Line %(n)d: give a quantity above zero and a price.", n=n), field="lines")
        rows.append({"seq": n, "product": product.id, "quantity": quantity, "unit_price": price,
                     "amount": (quantity * price).quantize(CENT, rounding=ROUND_HALF_UP),
                     "delivery_date": item.delivery_date or None})
    if not rows:
        raise UserError(_("A contract needs at least one line."), field="lines")
    amount = sum((r["amount"] for r in rows), Decimal("0"))
    with transaction():
        if contract is None:
            contract = PurchaseContract.create(plant=plant.id, number=next_number(plant, "PC", date), supplier=supplier.id,
                                               date=date, delivery_from=delivery_from, delivery_to=delivery_to,
                                               amount=amount, remarks=remarks, created_by=context.current().user)
        else:
            PurchaseContract.update(supplier=supplier.id, date=date, delivery_from=delivery_from,
                                    delivery_to=delivery_to, amount=amount, remarks=remarks).where(
                PurchaseContract.id == contract.id).execute()
            PurchaseContractLine.delete().where(PurchaseContractLine.contract == contract.id).execute()
        PurchaseContractLine.insert_many([{"contract": contract.id, **r} for r in rows]).execute()
    return PurchaseContract.get_by_id(contract.id)


def contract_for(plant, supplier, number):
    """The approved (or closed) contract `number` with `supplier`, for a payment or an invoice; None if blank."""
    number = (number or "").strip()
    if not number:
        return None
    contract = PurchaseContract.get_or_none((PurchaseContract.plant == plant.id) & (PurchaseContract.number == number))
    if contract is None or contract.supplier_id != supplier.id or contract.state not in ("approved", "closed"):
        raise UserError(_("%(number)s is not an approved contract with this supplier.", number=number),
                        field="contract")
    return contract


def ask_payment(plant, supplier_id, amount, date, method="transfer", reference="", remarks="",
                contract_number="") -> SupplierPayment:
    supplier = supplier_of(plant, supplier_id)
    if method not in METHODS:
        raise UserError(_("Choose a payment method."), field="method")
    contract = contract_for(plant, supplier, contract_number)
    with transaction():
        return SupplierPayment.create(plant=plant.id, number=next_number(plant, "PP", date), supplier=supplier.id,
                                      contract=contract.id if contract else None, date=date,
                                      amount=payables.money(amount), method=method, reference=reference.strip()[:80],
                                      remarks=remarks, created_by=context.current().user)
