"""Invoice screens: issue for chosen shipments, see, cancel; planned invoice milestones."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import DateField, StringField, SubmitField
from wtforms.validators import ValidationError, DataRequired, Length, NumberRange, Optional

from addons.ledger import access, invoicing
from addons.ledger.models.entry import AccountEntry
from addons.ledger.models.invoice import STATES, Invoice, InvoiceLine, InvoiceMilestone
from addons.ledger.views import bp
from addons.master_data.models.customer import Customer
from addons.master_data.pickers import CustomerField
from core.params import id_arg, ids_arg
from core.picker import ids_by_code
from core.clock import plant_today
from core.crud import crud_routes
from core.forms import DecimalField, Form, RefField, ref_choices
from core.listing import Column, list_page
from core.records import plant_scoped
from core.security import current_plant, current_user_or_none, may, requires
from core.currency import money


class IssueForm(Form):
    date = DateField(_l("Date"), validators=[DataRequired()])
    vat_number = StringField(_l("VAT invoice number (if already known)"), validators=[Optional(), Length(max=40)])


class CancelForm(Form):
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=500)])


class MilestoneForm(Form):
    customer = CustomerField(validators=[DataRequired()], own_unless="ledger.all_customers")
    contract = StringField(_l("Contract"), validators=[DataRequired(), Length(max=80)])
    planned_date = DateField(_l("Planned date"), validators=[DataRequired()])
    planned_amount = DecimalField(_l("Planned amount"), places=2, validators=[DataRequired(), NumberRange(min=0)])
    invoice = RefField(_l("Invoice issued"))
    note = StringField(_l("Note"), validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Save"))

    def validate_invoice(self, field):
        """A milestone is invoiced by its own customer's invoice, never another's."""
        if not field.data or field.errors:
            return
        invoice = Invoice.get_or_none(Invoice.id == field.data)
        if invoice is None or invoice.customer_id != self.customer.data:
            raise ValidationError(_l("Choose an invoice of this customer."))


INVOICE_COLUMNS = [Column("number", _l("Number"), link=True), Column("date", _l("Date"), "date", sortable=True),
                   Column("customer.name", _l("Customer")), Column("vat_number", _l("VAT invoice number")),
                   Column("amount", _l("Amount"), "money", sortable=True),
                   Column("state", _l("State"), "choice", choices=STATES)]


@bp.route("/invoices")
@requires("ledger.invoice.read")
def invoice_list():
    query = Invoice.select().where(Invoice.customer.in_(access.visible_customers().select(Customer.id)))
    can_issue = may(current_user_or_none(), "ledger.invoice.create", current_plant().id)
    return list_page(Invoice, INVOICE_COLUMNS, _("Invoices"), query=query, search=(Invoice.number, Invoice.vat_number),
                     order_by=[Invoice.date.desc(), Invoice.id.desc()], export_permission="ledger.invoice.read",
                     row_endpoint="ledger.invoice_view", new_endpoint="ledger.invoice_new" if can_issue else None)


@bp.route("/invoices/new", methods=["GET", "POST"])
@requires("ledger.invoice.create")
def invoice_new():
    customer_id = id_arg("customer")
    if customer_id is None and request.args.get("customer_text"):    # typed, not chosen (core.picker)
        customer_id = ids_by_code(Customer, [request.args["customer_text"]]).get(request.args["customer_text"])
    customer = access.customer_or_404(customer_id) if customer_id else None
    form = IssueForm()
    if request.method == "GET":
        form.date.data = plant_today(current_plant())
    if customer is not None and form.validate_on_submit():
        chosen = ids_arg("entry")
        invoice = invoicing.issue(customer, chosen, plant=current_plant(), date=form.date.data,
                                  vat_number=form.vat_number.data or "")
        flash(_("Invoice %(number)s issued.", number=invoice.number), "success")
        return redirect(url_for("ledger.invoice_view", pk=invoice.id))
    return render_template("ledger/invoice_new.html", customer=customer, form=form,
                           shipments=invoicing.uninvoiced(customer) if customer else [])


def invoice_or_404(pk) -> Invoice:
    invoice = plant_scoped(Invoice).where(Invoice.id == pk).first()
    if invoice is None:
        abort(404)
    access.customer_or_404(invoice.customer_id)
    return invoice


@bp.route("/invoices/<int:pk>")
@requires("ledger.invoice.read")
def invoice_view(pk):
    invoice = invoice_or_404(pk)
    lines = list(InvoiceLine.select(InvoiceLine, AccountEntry).join(AccountEntry)
                 .where(InvoiceLine.invoice == invoice.id).order_by(InvoiceLine.id))
    return render_template("ledger/invoice.html", invoice=invoice, lines=lines, states=STATES,
                           cancel_form=CancelForm(),
                           can_cancel=may(current_user_or_none(), "ledger.invoice.write", current_plant().id))


@bp.route("/invoices/<int:pk>/cancel", methods=["POST"])
@requires("ledger.invoice.write")
def invoice_cancel(pk):
    invoice = invoice_or_404(pk)
    form = CancelForm()
    invoicing.cancel(invoice.id, form.reason.data if form.validate_on_submit() else "", plant=current_plant())
    flash(_("Invoice %(number)s is cancelled.", number=invoice.number), "success")
    return redirect(url_for("ledger.invoice_view", pk=invoice.id))


def _milestone_choices(form):
    form.customer.query = access.visible_customers
    form.invoice.choices = ref_choices(plant_scoped(Invoice).where(Invoice.state == "issued")
                                       .order_by(Invoice.id.desc()).limit(500),
                                       label=lambda i: f"{i.number} ({money(i.amount)})")


MILESTONES = crud_routes(bp, InvoiceMilestone, MilestoneForm, [
    Column("contract", _l("Contract"), link=True, sortable=True), Column("customer.name", _l("Customer")),
    Column("planned_date", _l("Planned date"), "date", sortable=True),
    Column("planned_amount", _l("Planned amount"), "money"), Column("invoice.number", _l("Invoice issued")),
    Column("invoice.date", _l("Invoiced on"), "date"), Column("invoice.amount", _l("Invoiced amount"), "money"),
], name="milestone", title=_l("Invoice milestones"), permission="ledger.invoice_milestone", unique=(),
    search=(InvoiceMilestone.contract,), order_by=[InvoiceMilestone.planned_date], prepare=_milestone_choices)
