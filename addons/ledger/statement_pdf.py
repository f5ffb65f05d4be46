"""The statement of account as a PDF, with every delivery's kg × price and the confirmation for the customer."""
from __future__ import annotations

from flask_babel import format_date, format_decimal
from flask_babel import gettext as _

from addons.ledger.items import items_of
from addons.ledger.models.entry import KINDS
from core import pdf
from core.messages import shown_memo
from core.company import company_of
from core.currency import money, price


def statement_pdf(data, today) -> tuple[str, bytes]:
    customer = data.customer
    items = items_of(customer.plant_id, [e.id for e, _r in data.lines])
    rows = [[format_date(data.start), _("Opening balance"), "", "", "", "", money(data.opening)]]
    for e, running in data.lines:
        goods = [f"{g.product}: " + (f"{format_decimal(g.weight, '#,##0.000')} kg" if g.weight else
                                     f"{format_decimal(g.quantity)} {g.unit}")
                 + f" × {price(g.unit_price)} = {money(g.amount)}" for g in items.get(e.id, [])] or shown_memo(e.memo)
        rows.append([format_date(e.date), str(KINDS.get(e.kind, e.kind)), e.reference, goods,
                     money(e.amount) if e.amount > 0 else "", money(-e.amount) if e.amount < 0 else "", money(running)])
    company = company_of(customer.plant_id)
    document = pdf.Document(
        company, _("Statement of account"), f"{customer.code}-{data.end:%Y%m%d}", format_date(today),
        facts=[(_("Customer"), f"{customer.code} {customer.name}"),
               (_("Period"), f"{format_date(data.start)} – {format_date(data.end)}"),
               (_("Address"), customer.address), (_("Phone"), customer.phone)],
        header=[_("Date"), _("Kind"), _("Reference"), _("Goods"), _("Debit"), _("Credit"), _("Balance")], rows=rows,
        numeric={4, 5, 6}, widths=[22, 14, 30, 70, 17, 16, 17], footer=[format_date(data.end), _("Closing balance"), "", "", money(data.debits),
                                   money(data.credits), money(data.closing)],
        notes=[_("Confirmation of balance"),
               _("To %(customer)s: according to our books, on %(date)s you owe us %(amount)s. Please check the "
                 "entries above and confirm, or note the differences, and return this letter signed and stamped.",
                 customer=customer.name, date=format_date(data.end), amount=money(data.closing))],
        signatures=[f"{company.name} · {_('Stamp and date')}", f"{customer.name} · {_('Stamp, signature and date')}"])
    return f"statement-{customer.code}-{data.start.isoformat()}-{data.end.isoformat()}.pdf", pdf.render(document)
