"""Paying suppliers and what the plant owes them: payments reviewed by finance, invoices received,
the ageing of payables and a supplier's account."""
from __future__ import annotations

from decimal import Decimal

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.purchase import payables
from addons.purchase.ageing import BUCKETS, ageing
from addons.purchase.contracts import ask_payment, record_invoice
from addons.purchase.forms import InvoiceForm, MoveForm, PaymentForm
from addons.purchase.models.payable import KINDS, PayableEntry
from addons.purchase.models.payment import METHODS, SupplierInvoice, SupplierPayment
from addons.purchase.models.supplier import Supplier
from addons.purchase.views import bp
from core import workflow
from core.clock import plant_today
from core.documents import render_document
from core.errors import UserError
from core.forms import choices
from core.listing import Column, Filter, list_page
from core.moves import posted_move
from core.params import date_arg, date_range
from core.picker import answer, suggest
from core.records import get_for_plant
from core.security import current_plant, requires

PAYMENT_COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("supplier.name", _l("Supplier")),
                   Column("date", _l("Date"), "date", sortable=True), Column("amount", _l("Amount"), "money"),
                   Column("method", _l("Payment method"), "choice", choices=METHODS), Column("state", _l("State"), "state")]
INVOICE_COLUMNS = [Column("invoice_number", _l("Invoice number")), Column("supplier.name", _l("Supplier")),
                   Column("date", _l("Date"), "date", sortable=True), Column("amount", _l("Amount with tax"), "money"),
                   Column("tax_amount", _l("Tax"), "money"), Column("receipts", _l("Receipts"))]


@bp.route("/pick/suppliers")
@requires("purchase.supplier.read")
def pick_suppliers():
    return answer(suggest(Supplier, request.args.get("q", ""), Supplier.select(Supplier.id, Supplier.code, Supplier.name)))


@bp.route("/payments")
@requires("purchase.payment.read")
def payment_list():
    query = SupplierPayment.select(SupplierPayment, Supplier).join(Supplier)
    return list_page(SupplierPayment, PAYMENT_COLUMNS, _("Payments to suppliers"), query=query,
                     search=(SupplierPayment.number, Supplier.name, Supplier.code, SupplierPayment.reference),
                     filters=[Filter("state", _l("State"), SupplierPayment.state, "choice", SupplierPayment.STATES)],
                     order_by=[SupplierPayment.date.desc(), SupplierPayment.id.desc()],
                     new_endpoint="purchase.payment_new", row_endpoint="purchase.payment_view",
                     export_permission="purchase.payment.read")


@bp.route("/payments/new", methods=["GET", "POST"])
@requires("purchase.payment.create")
def payment_new():
    form = PaymentForm()
    form.method.choices = choices(METHODS.items())
    if request.method == "GET":
        form.date.data = plant_today(current_plant())
        form.contract.data = request.args.get("contract", "")[:32]
    if form.validate_on_submit():
        try:
            payment = ask_payment(current_plant(), form.supplier.data, form.amount.data, form.date.data,
                                  form.method.data, form.reference.data or "", form.remarks.data or "",
                                  contract_number=form.contract.data or "")
        except UserError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(_("Payment %(number)s saved.", number=payment.number), "success")
            return redirect(url_for("purchase.payment_view", pk=payment.id))
    return render_template("core/form_page.html", form=form, title=_("New payment to a supplier"))


@bp.route("/payments/<int:pk>")
@requires("purchase.payment.read")
def payment_view(pk):
    payment = get_for_plant(SupplierPayment, pk)
    return render_template("purchase/payment.html", payment=payment, methods=METHODS, owed=payables.balance(
        payment.supplier_id), moves=workflow.available(payment), form=MoveForm(),
        refused=workflow.reason(payment) if payment.state == "refused" else "")


@bp.route("/payments/<int:pk>/move/<move>", methods=["POST"])
@requires("purchase.payment.read")
def payment_move(pk, move):
    payment = posted_move(SupplierPayment, pk, move, MoveForm())
    flash(_("Payment %(number)s is now %(state)s.", number=payment.number,
            state=workflow.state_label(SupplierPayment, payment.state)), "success")
    return redirect(url_for("purchase.payment_view", pk=pk))


@bp.route("/invoices")
@requires("purchase.supplier_invoice.read")
def invoice_list():
    query = SupplierInvoice.select(SupplierInvoice, Supplier).join(Supplier)
    return list_page(SupplierInvoice, INVOICE_COLUMNS, _("Supplier invoices"), query=query,
                     search=(SupplierInvoice.invoice_number, Supplier.name, SupplierInvoice.receipts),
                     order_by=[SupplierInvoice.date.desc(), SupplierInvoice.id.desc()],
                     new_endpoint="purchase.invoice_new", export_permission="purchase.supplier_invoice.read")


@bp.route("/invoices/new", methods=["GET", "POST"])
@requires("purchase.supplier_invoice.create")
def invoice_new():
    form = InvoiceForm()
    if request.method == "GET":
        form.date.data = plant_today(current_plant())
    if form.validate_on_submit():
        try:
            invoice = record_invoice(current_plant(), form.supplier.data, form.invoice_number.data, form.date.data,
                                     form.amount.data, form.tax_amount.data, receipts=form.receipts.data or "",
                                     contract_number=form.contract.data or "")
        except UserError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(_("Invoice %(number)s recorded.", number=invoice.invoice_number), "success")
            return redirect(url_for("purchase.invoice_list"))
    return render_template("core/form_page.html", form=form, title=_("Record a supplier invoice"))


@bp.route("/payables")
@requires("purchase.payables")
def payables_page():
    day = date_arg("day", plant_today(current_plant()))
    rows = ageing(current_plant().id, day)
    totals = {"not_due": sum((r.not_due for r in rows), Decimal("0")),
              "buckets": [sum((r.buckets[n] for r in rows), Decimal("0")) for n in range(len(BUCKETS))],
              "advance": sum((r.advance for r in rows), Decimal("0")), "total": sum((r.total for r in rows), Decimal("0"))}
    return render_template("purchase/payables.html", rows=rows, totals=totals, day=day, buckets=BUCKETS)


def _statement(supplier, first, last):
    """The opening balance before `first`, the entries of the period with a running balance, the closing."""
    opening = payables.balance(supplier, before=first)
    running, rows = opening, []
    for entry in (PayableEntry.select().where((PayableEntry.supplier == supplier.id) & (PayableEntry.date >= first)
                                              & (PayableEntry.date <= last)).order_by(PayableEntry.date, PayableEntry.id)):
        running += entry.amount
        rows.append((entry, running))
    return opening, rows, running


def _period():
    today = plant_today(current_plant())
    return date_range(today.replace(month=1, day=1), today)


@bp.route("/suppliers/<int:pk>/account")
@requires("purchase.payables")
def supplier_account(pk):
    supplier = get_for_plant(Supplier, pk)
    first, last = _period()
    opening, rows, closing = _statement(supplier, first, last)
    return render_template("purchase/account.html", supplier=supplier, rows=rows, kinds=KINDS, opening=opening,
                           balance=closing, first=first, last=last)


@bp.route("/suppliers/<int:pk>/statement/print")
@requires("purchase.payables")
def supplier_statement_print(pk):
    """The statement of account (对账单) sent to the supplier to confirm what the plant owes."""
    supplier = get_for_plant(Supplier, pk)
    first, last = _period()
    opening, rows, closing = _statement(supplier, first, last)
    return render_document("purchase/statement_print.html", plant=supplier.plant_id, title=_("Statement of account"),
                           number=supplier.code, date=last, back=url_for("purchase.supplier_account", pk=supplier.id),
                           supplier=supplier, rows=rows, kinds=KINDS, opening=opening, closing=closing, first=first,
                           last=last)
