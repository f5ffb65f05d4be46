"""What the plant owes its suppliers: the only way payable entries and their allocations are written.

Every posting locks the supplier's row first, so two postings for one supplier run one after the other and
open amounts never cross zero. Credits (payments, returns) pay the oldest debts first.
"""
from __future__ import annotations

import datetime
from decimal import Decimal

from flask_babel import gettext as _
from peewee import fn

from addons.purchase.models.payable import ZERO, PayableAllocation, PayableEntry
from addons.purchase.models.supplier import Supplier
from core import audit, clock, context
from core.db import joined_transaction, lock_get
from core.fields import summed
from core.errors import UserError
from core.numbers import decimal_input

CENT = Decimal("0.01")
DEBITS, CREDITS = {"receipt"}, {"payment", "return_credit"}


def money(value, field="amount") -> Decimal:
    """A positive amount in yuan with at most two decimals, or a refusal naming the field."""
    return decimal_input(value, field=field, label=_("Amount"), places=2, allow_zero=False).quantize(CENT)


def post(supplier, kind, amount, *, date=None, reference="", source=None, memo="", against=None) -> PayableEntry:
    """Write one entry; `amount` is positive and the kind says which way it goes (an adjustment is signed).
    `against`: the document whose debt a credit settles first (a return, the receipt its goods came on)."""
    if kind in DEBITS:
        signed = money(amount)
    elif kind in CREDITS:
        signed = -money(amount)
    elif kind == "adjustment":
        signed = Decimal(str(amount)).quantize(CENT)
        if not signed or not memo.strip():
            raise UserError(_("An adjustment is a non-zero amount with a reason."), field="amount")
    elif kind == "invoice":
        signed = ZERO
    else:
        raise UserError(_("Unknown entry kind %(kind)s.", kind=kind))
    with joined_transaction():
        supplier = lock_get(Supplier, getattr(supplier, "id", supplier))
        when = date or clock.plant_today(supplier.plant_id)
        entry = PayableEntry.create(
            plant=supplier.plant_id, supplier=supplier.id, date=when, kind=kind, amount=signed, open_amount=signed,
            due_date=when + datetime.timedelta(days=supplier.payment_days) if signed > 0 else None,
            reference=reference[:80], memo=memo, created_by=context.current().user,
            source_model=source._meta.table_name if source is not None else "",
            source_id=source.id if source is not None else None)
        audit.log("post", PayableEntry._meta.table_name, entry.id, plant=supplier.plant_id,
                  new={"supplier": supplier.code, "kind": kind, "amount": signed, "reference": reference})
        if signed:
            allocate(supplier, against)
    return PayableEntry.get_by_id(entry.id)


def allocate(supplier, against=None) -> Decimal:
    """Match open credits against open debts, the oldest due first (`against`'s debt before any). Inside a
    transaction holding the supplier's lock."""
    rows = list(PayableEntry.select().where((PayableEntry.supplier == supplier.id) & (PayableEntry.open_amount != 0)))
    first = (against._meta.table_name, against.id) if against is not None else None
    debts = sorted((e for e in rows if e.open_amount > 0),
                   key=lambda e: ((e.source_model, e.source_id) != first, e.due_date or e.date, e.id))
    credits = sorted((e for e in rows if e.open_amount < 0), key=lambda e: (e.date, e.id))
    matched, d, c = ZERO, 0, 0
    while d < len(debts) and c < len(credits):
        part = min(debts[d].open_amount, -credits[c].open_amount)
        PayableAllocation.create(plant=supplier.plant_id, credit=credits[c].id, debit=debts[d].id, amount=part)
        debts[d].open_amount -= part
        credits[c].open_amount += part
        for entry in (debts[d], credits[c]):
            PayableEntry.update(open_amount=entry.open_amount).where(PayableEntry.id == entry.id).execute()
        matched += part
        d += debts[d].open_amount == 0
        c += credits[c].open_amount == 0
    return matched


def balance(supplier, before=None) -> Decimal:
    """What the plant owes the supplier (before a date, if given), summed by the database."""
    query = PayableEntry.select(fn.SUM(PayableEntry.amount)).where(
        PayableEntry.supplier == getattr(supplier, "id", supplier))
    if before is not None:
        query = query.where(PayableEntry.date < before)
    return summed(query.scalar(), 2)
