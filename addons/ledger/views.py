"""The sales desk accounts on screen: ageing, a customer's account, receipts, statements."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.ledger.exposure import exposure
from addons.ledger import access, account_entries, statement
from addons.ledger.ageing import ageing, ranked
from addons.ledger.forms import AdjustmentForm, AllocateForm, ReceiptForm, ReverseForm
from addons.ledger.models.entry import KINDS, AccountEntry
from addons.ledger.models.position import CustomerPosition
from addons.ledger.models.receipt import METHODS, Receipt
from addons.ledger.posting import LedgerError, allocate, post, reverse
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from core.clock import plant_today
from core.db import instances, run_composed_ids
from core.i18n import translated
from core.listing import Column, list_page
from core.params import date_arg, id_arg, page_arg
from core.security import current_plant, current_user_or_none, may, requires
from core.currency import money

bp = Blueprint("ledger", __name__, template_folder="templates")
PAGE = 100
AGEING_PAGE = 50     # a hundred customers of seven amounts each took longer to render than to read


@bp.route("/ageing")
@requires("ledger.account_entry.read")
def balances():
    as_of = date_arg("as_of", plant_today(current_plant()))
    q = (request.args.get("q") or "").strip()
    if request.args.get("export") == "xlsx":   # the whole report, a file rather than a page
        figures = ageing(current_plant().id, as_of, customer_ids=access.visible_ids(q))
        # the customers with open items, as a subquery: a list of every id is more than PostgreSQL takes at once
        with_open_items = CustomerPosition.select(CustomerPosition.customer).where(
            (CustomerPosition.plant == current_plant().id) & (CustomerPosition.open_items > 0))
        customers = {c.id: c for c in Customer.select().where(Customer.id.in_(with_open_items))}
        rows = sorted(((customers[a.customer_id], a) for a in figures), key=lambda pair: -pair[1].balance)
        totals = {k: sum((getattr(a, k) for _c, a in rows), start=0) for k in
                  ("balance", "days_0_30", "days_31_60", "days_61_90", "days_over_90", "advance")}
        return statement.ageing_workbook(rows, totals, as_of)
    # A page at a time, largest balance first; the totals and the count cover every customer listed.
    page = page_arg()
    report = ranked(current_plant().id, as_of, customer_ids=access.visible_ids(q), page=page, size=AGEING_PAGE)
    customers = {c.id: c for c in Customer.select().where(Customer.id.in_([a.customer_id for a in report.rows]))}
    rows = [(customers[a.customer_id], a) for a in report.rows]
    return render_template("ledger/ageing.html", rows=rows, totals=report.totals, as_of=as_of, page=page,
                           more=report.more, count=report.count, q=q)


@bp.route("/receivables")
@requires("ledger.account_entry.read")
def receivables():
    from addons.ledger.receivables import by_order
    only_open = request.args.get("open", "1") == "1"
    page = page_arg()
    report = by_order(current_plant().id, access.visible_ids(), only_open=only_open, page=page, size=PAGE)
    ids = sorted({r["customer_id"] for r in report.rows})
    customers = {c.id: c for c in instances(Customer, run_composed_ids(
        "ledger.receivables_customers", lambda wanted: Customer.select().where(Customer.id.in_(wanted)), ids))} \
        if ids else {}
    return render_template("ledger/receivables.html", rows=report.rows, customers=customers, only_open=only_open,
                           page=page, more=report.more, outstanding=report.outstanding)


@bp.route("/customers/<int:pk>")
@requires("ledger.account_entry.read")
def account(pk):
    customer = access.customer_or_404(pk)
    page = page_arg()
    rows = account_entries.entries_page(customer.id, page, PAGE)
    open_credits = [e for e in rows if e.open_amount < 0]
    user, plant = current_user_or_none(), current_plant()
    return render_template("ledger/account.html", customer=customer, rows=rows[:PAGE], page=page,
                           more=len(rows) > PAGE, kinds={k: translated(v) for k, v in KINDS.items()}, open_credits=open_credits,
                           can_adjust=may(user, "ledger.adjust", plant.id), can_reverse=may(user, "ledger.reverse", plant.id),
                           can_allocate=may(user, "ledger.allocate", plant.id),
                           adjust_form=AdjustmentForm(prefix="adj"), reverse_form=ReverseForm(prefix="rev"),
                           allocate_form=AllocateForm(prefix="alloc"), today=plant_today(plant),
                           credit=exposure(customer))


@bp.route("/customers/<int:pk>/adjust", methods=["POST"])
@requires("ledger.adjust")
def adjust(pk):
    customer = access.customer_or_404(pk)
    form = AdjustmentForm(prefix="adj")
    if form.validate_on_submit():
        post(customer, "adjustment", form.amount.data, plant=current_plant(), memo=form.reason.data,
             reference=_("Adjustment"))
        flash(_("Saved."), "success")
    else:
        flash(_("Give a non-zero amount and a reason."), "danger")
    return redirect(url_for("ledger.account", pk=customer.id))


@bp.route("/entries/<int:entry_id>/reverse", methods=["POST"])
@requires("ledger.reverse")
def reverse_entry(entry_id):
    entry = AccountEntry.get_or_none((AccountEntry.id == entry_id) & (AccountEntry.plant == current_plant().id))
    if entry is None:
        abort(404)
    access.customer_or_404(entry.customer_id)
    form = ReverseForm(prefix="rev")
    if not form.validate_on_submit():
        raise LedgerError(_("Please give a reason."), field="reason")
    reverse(entry.id, form.reason.data, plant=current_plant())
    flash(_("The entry is reversed."), "success")
    return redirect(url_for("ledger.account", pk=entry.customer_id))


@bp.route("/allocate", methods=["POST"])
@requires("ledger.allocate")
def allocate_by_hand():
    form = AllocateForm(prefix="alloc")
    if not form.validate_on_submit():
        raise LedgerError(_("Give an amount."), field="amount")
    debit = AccountEntry.get_or_none((AccountEntry.id == form.debit.data) & (AccountEntry.plant == current_plant().id))
    if debit is None:
        abort(404)
    access.customer_or_404(debit.customer_id)
    allocate(form.credit.data, debit.id, form.amount.data, plant=current_plant())
    flash(_("Saved."), "success")
    return redirect(url_for("ledger.account", pk=debit.customer_id))


@bp.route("/customers/<int:pk>/statement")
@requires("ledger.account_entry.read")
def customer_statement(pk):
    customer = access.customer_or_404(pk)
    today = plant_today(current_plant())
    start = date_arg("start", today.replace(day=1))
    end = date_arg("end", today)
    data = statement.build(customer, start, end)
    if request.args.get("export") == "xlsx":
        return statement.workbook_response(data)
    return render_template("ledger/statement.html", s=data, kinds=KINDS)


RECEIPT_COLUMNS = [Column("number", _l("Number")), Column("date", _l("Date"), "date", sortable=True),
                   Column("customer.name", _l("Customer")), Column("method", _l("Payment method"), "choice",
                                                                      choices=METHODS),
                   Column("amount", _l("Amount"), "money", sortable=True), Column("reference", _l("Reference"))]


@bp.route("/receipts")
@requires("ledger.receipt.read")
def receipt_list():
    query = Receipt.select(Receipt).join(Customer).where(Customer.id.in_(access.visible_customers().select(Customer.id)))
    return list_page(Receipt, RECEIPT_COLUMNS, _("Receipts"), query=query, search=(Receipt.number, Customer.name),
                     order_by=[Receipt.date.desc(), Receipt.id.desc()], export_permission="ledger.receipt.read",
                     new_endpoint="ledger.receipt_new" if may(current_user_or_none(), "ledger.receipt.create",
                                                               current_plant().id) else None)


@bp.route("/receipts/new", methods=["GET", "POST"])
@requires("ledger.receipt.create")
def receipt_new():
    form = ReceiptForm()
    form.customer.query = lambda: access.visible_customers().where(Customer.active == True)  # noqa: E712
    if request.method == "GET":
        form.date.data = plant_today(current_plant())
        if id_arg("customer"):
            form.customer.show(form.customer.allowed().where(Customer.id == id_arg("customer")).first())
    if form.validate_on_submit():
        customer = access.customer_or_404(form.customer.data)
        try:
            receipt, advance = record_receipt(customer, form.amount.data, plant=current_plant(),
                                              method=form.method.data, date=form.date.data,
                                              reference=form.reference.data or "", order_number=form.order.data,
                                              by_hand=form.by_hand.data)
        except LedgerError as exc:
            field = getattr(form, exc.field or "", None)
            if field is not None:
                field.errors = list(field.errors) + [str(exc)]
            else:
                form.form_errors.append(str(exc))
            return render_template("core/form_page.html", form=form, title=_("Record a receipt")), 422
        flash(_("Receipt %(number)s recorded.", number=receipt.number), "success")
        if advance:
            flash(_("%(amount)s is more than this customer owes now; it stays on account as an advance.",
                    amount=money(advance)), "info")
        return redirect(url_for("ledger.account", pk=customer.id))
    return render_template("core/form_page.html", form=form, title=_("Record a receipt"))
