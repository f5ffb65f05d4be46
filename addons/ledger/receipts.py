"""Recording money received: a numbered receipt and its credit entry, applied oldest debt first."""
from __future__ import annotations


from flask_babel import gettext as _

from addons.ledger.models.entry import AccountEntry
from addons.ledger.models.receipt import METHODS, Receipt
from addons.ledger.posting import LedgerError, lock_customer, money, post
from addons.master_data.models.customer import Customer
from core import clock, numbering
from core.kernel import current_kernel
from core.db import transaction


def record_receipt(customer, amount, *, plant, method="transfer", date=None, reference="", order_id=None,
                   order_number=None, by_hand=False):
    """Returns (receipt, advance): the part not matched to any debt stays on account as an advance.
    `by_hand`: finance will apply it to chosen debts; until then it is left open. The order a receipt is for
    is named by its number (`order_number`) or id, and must be this customer's."""
    amount = money(amount)
    if method not in METHODS:
        raise LedgerError(_("Unknown payment method."), field="method")
    if (order_number or "").strip() or order_id is not None:
        order_id = _own_order(customer, order_number, order_id)
    when = date or clock.plant_today(plant)
    with transaction():
        customer = lock_customer(customer, plant)
        receipt = Receipt.create(plant=customer.plant_id, number=numbering.next_number(customer.plant_id, "RC", when),
                                 customer=customer, date=when, method=method, amount=amount,
                                 reference=(reference or "")[:80], order_id=order_id)
        entry = post(customer, "receipt", amount, date=when, reference=receipt.number, source=receipt,
                     order_id=order_id, memo=reference or "", auto_match=not by_hand)
        receipt.entry = entry
        receipt.save(only=[Receipt.entry])
    advance = -AccountEntry.get_by_id(entry.id).open_amount
    return receipt, advance


def _own_order(customer, number, order_id):
    customer = customer if hasattr(customer, "plant_id") else Customer.get_by_id(customer)
    found = [a for a in current_kernel().hooks.call("customer_order", customer.plant_id, customer_id=customer.id,
                                                     number=(number or "").strip() or None,
                                                     order_id=None if (number or "").strip() else order_id) if a]
    if not found:
        raise LedgerError(_("%(customer)s has no order %(number)s in this plant.", customer=customer.name,
                            number=(number or "").strip() or order_id), field="order")
    return found[0]
