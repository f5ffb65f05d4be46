"""Issuing invoices for shipped goods, and cancelling them. Each is one transaction."""
from __future__ import annotations


from flask_babel import gettext as _

from addons.ledger.models.entry import ZERO, AccountEntry
from addons.ledger.models.invoice import Invoice, InvoiceLine
from addons.ledger.posting import LedgerError, lock_customer, post
from core import audit, clock, context, numbering
from core.db import transaction


def _reversed(customer_id):
    """Ids of the customer's entries that a reversal cancels (a subquery)."""
    return AccountEntry.select(AccountEntry.reverses).where(
        (AccountEntry.customer == customer_id) & AccountEntry.reverses.is_null(False))


def uninvoiced(customer) -> list[AccountEntry]:
    """Shipments of the customer not (fully) invoiced and not reversed, oldest first."""
    return list(AccountEntry.select().where((AccountEntry.customer == customer.id) & (AccountEntry.kind == "shipment")
                                            & (AccountEntry.invoiced_amount < AccountEntry.amount)
                                            & AccountEntry.id.not_in(_reversed(customer.id)))
                .order_by(AccountEntry.date, AccountEntry.id))


def issue(customer, entry_ids, *, plant, date=None, vat_number="") -> Invoice:
    if not entry_ids:
        raise LedgerError(_("Choose the shipments to invoice."), field="entries")
    when = date or clock.plant_today(plant)
    with transaction():
        customer = lock_customer(customer, plant)
        entries = list(AccountEntry.select().where(AccountEntry.id.in_(list(entry_ids))))
        if len(entries) != len(set(entry_ids)):
            raise LedgerError(_("Some of these shipments do not exist."), field="entries")
        reversed_ids = {r for (r,) in _reversed(customer.id).tuples()}
        for entry in entries:
            if entry.customer_id != customer.id or entry.kind != "shipment" or entry.id in reversed_ids:
                raise LedgerError(_("%(ref)s is not a shipment to this customer; only shipped goods are invoiced.",
                                    ref=entry.reference or entry.id), field="entries")
            if entry.invoiced_amount >= entry.amount:
                raise LedgerError(_("%(ref)s is invoiced already.", ref=entry.reference or entry.id), field="entries")
        total = sum((e.amount - e.invoiced_amount for e in entries), ZERO)
        invoice = Invoice.create(plant=customer.plant_id, customer=customer, date=when, vat_number=vat_number.strip(),
                                 amount=total, number=numbering.next_number(customer.plant_id, "INV", when),
                                 created_by=context.current().user)
        for entry in entries:
            InvoiceLine.create(invoice=invoice, entry=entry, amount=entry.amount - entry.invoiced_amount)
            AccountEntry.update(invoiced_amount=entry.amount).where(AccountEntry.id == entry.id).execute()
        memo = _("VAT invoice %(number)s", number=invoice.vat_number) if invoice.vat_number else ""
        post(customer, "invoice", 0, date=when, reference=invoice.number, source=invoice, memo=memo)
        audit.log("create", Invoice._meta.table_name, invoice.id, plant=customer.plant_id,
                  new={"number": invoice.number, "amount": total, "entries": sorted(entry_ids)})
    return invoice


def cancel(invoice_id, reason, *, plant) -> Invoice:
    if not (reason or "").strip():
        raise LedgerError(_("Please give a reason."), field="reason")
    with transaction():
        invoice = Invoice.get_or_none((Invoice.id == invoice_id) & (Invoice.plant == getattr(plant, "id", plant)))
        if invoice is None:
            raise LedgerError(_("There is no such invoice."))
        lock_customer(invoice.customer_id, plant)
        if invoice.state != "issued":
            raise LedgerError(_("This invoice is cancelled already."))
        for line in invoice.lines:
            AccountEntry.update(invoiced_amount=AccountEntry.invoiced_amount - line.amount).where(
                AccountEntry.id == line.entry_id).execute()
        invoice.cancel_reason = reason.strip()
        invoice.save()
        invoice.cancel(comment=reason.strip())
    return invoice
