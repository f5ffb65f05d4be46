"""Posting to customer accounts: the only way entries and allocations are written.

Every function runs in one transaction with the customer's row locked (SELECT ... FOR UPDATE on
PostgreSQL; the write lock on SQLite), so concurrent postings, allocations and credit checks for one
customer happen one after another and open amounts never go below zero.
"""
from __future__ import annotations

import datetime
from decimal import Decimal

from flask_babel import gettext as _
from peewee import SQL

from addons.ledger import due_days, positions, receipt_periods
from addons.ledger.models.allocation import Allocation
from addons.ledger.models.entry import ZERO, AccountEntry, is_open_debit
from addons.master_data.models.customer import Customer
from core import audit, clock, context
from core.currency import money as shown
from core.numbers import read_decimal
from core.db import instances, joined_transaction, lock_get, run_composed, transaction
from core.errors import UserError

CENT = Decimal("0.01")
DEBIT_KINDS = {"shipment", "refund", "deposit"}
CREDIT_KINDS = {"receipt", "return_credit", "deposit_refund"}


class LedgerError(UserError):
    pass


def money(value, field="amount") -> Decimal:
    """A positive amount in yuan with at most two decimals, or a clear refusal."""
    try:
        amount = read_decimal(value, 2)
    except ValueError as exc:
        raise LedgerError(str(exc), field=field) from None
    if amount <= 0:
        raise LedgerError(_("The amount must be more than zero."), field=field)
    return amount.quantize(CENT)


def lock_customer(customer, plant=None) -> Customer:
    customer_id = getattr(customer, "id", customer)
    locked = lock_get(Customer, customer_id)
    if plant is not None and locked.plant_id != getattr(plant, "id", plant):
        raise LedgerError(_("This customer belongs to another plant."), field="customer")
    return locked


def post(customer, kind, amount, *, plant=None, date=None, reference="", source=None, order_id=None, memo="",
         reverses=None, allocate=True, auto_match=True) -> AccountEntry:
    """Write one entry. `amount` is positive; the kind says whether it is owed (debit) or paid (credit).
    An adjustment is signed: positive raises what the customer owes."""
    if kind == "adjustment":
        signed = Decimal(str(amount))
        if signed == 0 or signed != signed.quantize(CENT):
            raise LedgerError(_("An adjustment is a non-zero amount with at most two decimals."), field="amount")
        if not (memo or "").strip():
            raise LedgerError(_("Please give a reason."), field="reason")
    elif kind in DEBIT_KINDS:
        signed = money(amount)
    elif kind in CREDIT_KINDS:
        signed = -money(amount)
    elif kind == "reversal":
        signed = Decimal(str(amount))
    elif kind == "invoice":
        signed = ZERO
    else:
        raise LedgerError(_("Unknown entry kind %(kind)s.", kind=kind))
    with joined_transaction():         # inside the caller's (a shipment's, a receipt's), without a savepoint
        customer = lock_customer(customer, plant)
        when = date or clock.plant_today(customer.plant_id)
        entry = AccountEntry.create(
            plant=customer.plant_id, customer=customer, date=when, kind=kind, amount=signed, open_amount=signed,
            # a refund pays out a credit: it settles against that credit and never falls due as a debt
            due_date=when + datetime.timedelta(days=customer.payment_days) if signed > 0 and kind != "refund" else None,
            reference=reference[:80], memo=memo, order_id=order_id, reverses=reverses, auto_match=auto_match,
            source_model=source._meta.table_name if source is not None else "",
            source_id=source.id if source is not None else None, created_by=context.current().user)
        positions.posted(entry)
        due_days.posted(entry)
        receipt_periods.posted(entry)
        audit.log("post", AccountEntry._meta.table_name, entry.id, plant=customer.plant_id,
                  new={"customer": customer.code, "kind": kind, "amount": signed, "reference": reference})
        if allocate and signed != 0:
            changed = _allocate(customer, prefer_order=order_id)[1]
            if entry.id in changed:
                entry.open_amount = changed[entry.id]
    return entry


def _apply(credit, debit, amount):
    Allocation.create(plant=credit.plant_id, credit=credit, debit=debit, amount=amount,
                      created_by=context.current().user)
    credit.open_amount += amount
    debit.open_amount -= amount
    AccountEntry.update(open_amount=credit.open_amount).where(AccountEntry.id == credit.id).execute()
    AccountEntry.update(open_amount=debit.open_amount).where(AccountEntry.id == debit.id).execute()
    positions.applied(credit, debit, amount)
    due_days.paid(debit, amount)


def auto_allocate(customer, prefer_order=None) -> Decimal:
    """Match open credits against open debits, oldest debt first (a named order's debts before others).
    Returns how much was matched. Call inside a transaction holding the customer's lock."""
    return _allocate(customer, prefer_order)[0]


def _open_entries(customer, sign):
    """The customer's open entries that are matched automatically, owed (`sign` > 0) or paid ahead (< 0)."""
    key = "ledger.open_debits" if sign > 0 else "ledger.open_credits"
    side = is_open_debit() if sign > 0 else (AccountEntry.open_amount < SQL("0"))
    return instances(AccountEntry, run_composed(key, lambda c: AccountEntry.select().where(
        (AccountEntry.customer == c) & side & AccountEntry.auto_match), customer.id))


def _allocate(customer, prefer_order):
    """`auto_allocate`, also returning the open amounts it changed by entry id. The credits are read first: a
    customer who owes and has paid nothing ahead (most postings of a shipment) costs one read of no rows, where
    reading every open debt first grew with what the customer owed."""
    credits = _open_entries(customer, -1)
    if not credits:
        return ZERO, {}
    debits = _open_entries(customer, +1)
    debits.sort(key=lambda e: (prefer_order is None or e.order_id != prefer_order, e.due_date or e.date, e.id))
    credits.sort(key=lambda e: (prefer_order is None or e.order_id != prefer_order, e.date, e.id))
    matched, changed = ZERO, {}
    d = c = 0
    while d < len(debits) and c < len(credits):
        amount = min(debits[d].open_amount, -credits[c].open_amount)
        _apply(credits[c], debits[d], amount)
        changed[credits[c].id], changed[debits[d].id] = credits[c].open_amount, debits[d].open_amount
        matched += amount
        if debits[d].open_amount == 0:
            d += 1
        if credits[c].open_amount == 0:
            c += 1
    return matched, changed


def _credits_of(source):
    return list(AccountEntry.select().where((AccountEntry.source_model == source._meta.table_name)
                                            & (AccountEntry.source_id == source.id) & (AccountEntry.amount < 0))
                .order_by(AccountEntry.id))


def hold_for_decision(entry) -> None:
    """A credit someone still has to decide on (refund it or keep it) is not matched to debts meanwhile."""
    AccountEntry.update(auto_match=False).where(AccountEntry.id == entry.id).execute()


def release_credit(customer, source) -> None:
    """The credits `source` posted stay on account: from now on they pay the oldest debts like any other.
    Inside the caller's transaction."""
    customer = lock_customer(customer)
    ids = [e.id for e in _credits_of(source)]
    if ids:
        AccountEntry.update(auto_match=True).where(AccountEntry.id.in_(ids)).execute()
        auto_allocate(customer)


def pay_out(customer, amount, *, plant, source, reference="", order_id=None, memo="") -> AccountEntry:
    """Refund: the money paid out settles the credit `source` posted (a return's), and what is left of that
    credit stays on account. Inside the caller's transaction."""
    amount = money(amount)
    customer = lock_customer(customer, plant)
    credits = [e for e in _credits_of(source) if e.open_amount < 0]
    if amount > -sum((e.open_amount for e in credits), ZERO):
        raise LedgerError(_("Only %(open)s of this credit is still open.",
                            open=shown(-sum((e.open_amount for e in credits), ZERO))), field="amount")
    refund = post(customer, "refund", amount, plant=plant, reference=reference, source=source, order_id=order_id,
                  memo=memo, allocate=False, auto_match=False)
    refund = AccountEntry.get_by_id(refund.id)
    for credit in credits:
        part = min(refund.open_amount, -credit.open_amount)
        if part > 0:
            _apply(credit, refund, part)
    release_credit(customer, source)
    return refund


def allocate(credit_id, debit_id, amount, plant=None) -> Allocation:
    """Apply part of a credit to a chosen debit, by hand."""
    amount = money(amount)
    with transaction():
        credit = AccountEntry.get_or_none(AccountEntry.id == credit_id)
        debit = AccountEntry.get_or_none(AccountEntry.id == debit_id)
        if credit is None or debit is None or credit.customer_id != debit.customer_id:
            raise LedgerError(_("Both entries must be on the same customer's account."))
        lock_customer(credit.customer_id, plant)
        credit, debit = AccountEntry.get_by_id(credit.id), AccountEntry.get_by_id(debit.id)  # re-read under lock
        if credit.open_amount >= 0 or debit.open_amount <= 0:
            raise LedgerError(_("Only an open credit can be applied to an open debit."))
        if amount > -credit.open_amount:
            raise LedgerError(_("Only %(open)s of this credit is still open.",
                                open=shown(-credit.open_amount)), field="amount")
        if amount > debit.open_amount:
            raise LedgerError(_("Only %(open)s of this debit is still open.",
                                open=shown(debit.open_amount)), field="amount")
        _apply(credit, debit, amount)
        audit.log("allocate", Allocation._meta.table_name, None, plant=credit.plant_id,
                  new={"credit": credit.id, "debit": debit.id, "amount": amount})
        return Allocation.select().where(Allocation.credit == credit.id).order_by(Allocation.id.desc()).first()


def reverse(entry_id, reason, plant=None) -> AccountEntry:
    """Cancel an entry with its mirror image; the original stays as it was posted."""
    if not (reason or "").strip():
        raise LedgerError(_("Please give a reason."), field="reason")
    with transaction():
        original = AccountEntry.get_or_none(AccountEntry.id == entry_id)
        if original is None:
            raise LedgerError(_("There is no such entry."))
        customer = lock_customer(original.customer_id, plant)
        if original.kind == "reversal" or original.reversals.exists():
            raise LedgerError(_("This entry is a reversal or has been reversed already."))
        if original.amount == 0:
            raise LedgerError(_("This entry moves no money; there is nothing to reverse."))
        mirror = post(customer, "reversal", -original.amount, date=clock.plant_today(customer.plant_id), reference=original.reference,
                      memo=reason.strip(), reverses=original, order_id=original.order_id, allocate=False)
        mirror, original = AccountEntry.get_by_id(mirror.id), AccountEntry.get_by_id(original.id)
        # The mirror first cancels what is still open of the original, then joins the usual matching.
        overlap = min(abs(original.open_amount), abs(mirror.open_amount)) \
            if (original.open_amount > 0) != (mirror.open_amount > 0) and original.open_amount != 0 else ZERO
        if overlap:
            credit, debit = (mirror, original) if mirror.amount < 0 else (original, mirror)
            _apply(credit, debit, overlap)
        auto_allocate(customer)
    return AccountEntry.get_by_id(mirror.id)
