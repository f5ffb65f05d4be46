"""The ledger's printed documents: the statement of account (对账单) with every delivery's kg × price and the
customer's confirmation (对账确认函), and the invoice with its items, tax rates and tax."""
from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal

from flask import url_for
from flask_babel import gettext as _

from addons.ledger import access, statement
from addons.ledger.invoice_views import invoice_or_404
from addons.ledger.items import items_of
from addons.ledger.models.entry import KINDS, AccountEntry
from addons.ledger.models.invoice import InvoiceLine
from addons.ledger.views import bp
from core.clock import plant_today
from addons.ledger.statement_pdf import statement_pdf
from core.documents import pdf_response, render_document
from core.params import date_arg
from core.security import current_plant, requires

ZERO = Decimal("0.00")


@bp.route("/customers/<int:pk>/statement/print")
@requires("ledger.account_entry.read")
def statement_print(pk):
    customer = access.customer_or_404(pk)
    today = plant_today(current_plant())
    start, end = date_arg("start", today.replace(day=1)), date_arg("end", today)
    data = statement.build(customer, start, end)
    items = items_of(customer.plant_id, [e.id for e, _r in data.lines])
    return render_document("ledger/statement_print.html", plant=customer.plant_id, title=_("Statement of account"),
                           number=f"{customer.code}-{end:%Y%m%d}", date=today,
                           back=url_for("ledger.customer_statement", pk=customer.id, start=start.isoformat(),
                                        end=end.isoformat()), s=data, items=items, kinds=KINDS,
                           pdf=url_for("ledger.statement_pdf_download", pk=customer.id, start=start.isoformat(),
                                       end=end.isoformat()))


@bp.route("/customers/<int:pk>/statement/pdf")
@requires("ledger.account_entry.read")
def statement_pdf_download(pk):
    customer = access.customer_or_404(pk)
    today = plant_today(current_plant())
    data = statement.build(customer, date_arg("start", today.replace(day=1)), date_arg("end", today))
    return pdf_response(*statement_pdf(data, today))


@bp.route("/invoices/<int:pk>/print")
@requires("ledger.invoice.read")
def invoice_print(pk):
    invoice = invoice_or_404(pk)
    lines = list(InvoiceLine.select(InvoiceLine, AccountEntry).join(AccountEntry)
                 .where(InvoiceLine.invoice == invoice.id).order_by(InvoiceLine.id))
    found = items_of(invoice.plant_id, [x.entry_id for x in lines])
    rows, rates = [], OrderedDict()
    for line in lines:
        goods = found.get(line.entry_id, [])
        if goods and sum((g.amount for g in goods), ZERO) == line.amount:      # the whole charge: its items
            rows.extend(goods)
        else:                                   # part of a charge, or money with no goods behind it: as entered
            rows.append(line)
    for row in rows:
        rate = getattr(row, "tax_rate", None)
        if rate is not None:
            bucket = rates.setdefault(rate, [ZERO, ZERO])
            bucket[0] += row.amount
            bucket[1] += row.tax
    return render_document("ledger/invoice_print.html", plant=invoice.plant_id, title=_("Invoice"),
                           number=invoice.number, date=invoice.date,
                           back=url_for("ledger.invoice_view", pk=invoice.id), invoice=invoice, rows=rows,
                           rates=rates, tax=sum((t for _a, t in rates.values()), ZERO))
