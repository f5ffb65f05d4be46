"""Recording money received: a numbered receipt and its credit entry, applied oldest debt first."""
from __future__ import annotations


from flask_babel import gettext as _

from addons.ledger.models.entry import AccountEntry
from addons.ledger.models.receipt import METHODS, Receipt
from addons.ledger.posting import LedgerError, lock_customer, money, post
from core import clock, numbering
from core.db import transaction


def record_receipt(customer, amount, *, plant, method="transfer", date=None, reference="", order_id=None,
                   by_hand=False):
    """Returns (receipt, advance): the part not matched to any debt stays on account as an advance.
    `by_hand`: finance will apply it to chosen debts; until then it is left open."""
    amount = money(amount)
    if method not in METHODS:
        raise LedgerError(_("Unknown payment method."), field="method")
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
