"""Purchase contracts and payments asked for: written as drafts, checked whole, numbered."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.purchase import payables
from addons.purchase.models.contract import PurchaseContract, PurchaseContractLine
from addons.purchase.models.payment import METHODS, SupplierInvoice, SupplierPayment
from addons.purchase.models.supplier import Supplier
from core import context
from core.db import lock_get, transaction
from core.errors import UserError
from core.numbering import next_number
from core.numbers import decimal_input

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
        quantity = decimal_input(item.quantity, field="lines", label=_("Line %(n)d, quantity", n=n), places=3,
                                 allow_zero=False)
        price = decimal_input(item.unit_price, field="lines", label=_("Line %(n)d, price", n=n), places=4)
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


def record_invoice(plant, supplier_id, number, date, amount, tax="0", *, receipts="", contract_number=""):
    """A supplier's invoice (收票), recorded once per supplier and number: checked under the supplier's lock, so
    two clerks entering the same invoice get one record and a refusal, in one transaction with its entry."""
    supplier = supplier_of(plant, supplier_id)
    number = (number or "").strip()[:40]
    amount = decimal_input(amount, field="amount", label=_("Amount with tax"), places=2, allow_zero=False)
    tax = decimal_input(tax or "0", field="tax_amount", label=_("Tax"), places=2)
    if tax > amount:
        raise UserError(_("The tax is more than the amount."), field="tax_amount")
    with transaction():
        lock_get(Supplier, supplier.id)
        contract = contract_for(plant, supplier, contract_number)
        if SupplierInvoice.select().where((SupplierInvoice.supplier == supplier.id)
                                          & (SupplierInvoice.invoice_number == number)).exists():
            raise UserError(_("This supplier's invoice %(number)s is already recorded.", number=number),
                            field="invoice_number")
        invoice = SupplierInvoice.create(plant=plant.id, supplier=supplier.id, contract=contract.id if contract else None,
                                         invoice_number=number, date=date, amount=amount, tax_amount=tax,
                                         receipts=receipts.strip()[:2000], created_by=context.current().user)
        payables.post(supplier, "invoice", 0, date=date, reference=number, source=invoice)
    return invoice
