from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from addons.purchase.models.supplier import CATEGORIES
from core.forms import Form, choices


class SupplierForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    category = SelectField(_l("Category"), choices=choices(CATEGORIES.items()), default="other")
    contact = StringField(_l("Contact"), validators=[Optional(), Length(max=60)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])
    tax_id = StringField(_l("Tax id"), validators=[Optional(), Length(max=40)])
    bank_name = StringField(_l("Bank"), validators=[Optional(), Length(max=100)])
    bank_account = StringField(_l("Bank account"), validators=[Optional(), Length(max=60)])
    payment_days = IntegerField(_l("Payment days"), default=0, validators=[Optional(), NumberRange(min=0, max=3650)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


def SupplierField(label=_l("Supplier"), validators=None, **kwargs):  # noqa: N802 (a field)
    from addons.purchase.models.supplier import Supplier
    from core.picker import PickField
    return PickField(label, validators, model=Supplier, endpoint="purchase.pick_suppliers", **kwargs)


class ContractForm(Form):
    """The contract's header; the lines come as rows lines-N-field."""
    supplier = SupplierField(validators=[DataRequired()])
    date = DateField(_l("Date"), validators=[DataRequired()])
    delivery_from = DateField(_l("Deliveries from"), validators=[Optional()])
    delivery_to = DateField(_l("Deliveries until"), validators=[Optional()])
    remarks = TextAreaField(_l("Remarks"), validators=[Optional(), Length(max=2000)])


class ReceiptForm(Form):
    """A receipt's header; goods come as rows lines-N-field, live hogs as the weighbridge ticket's fields."""
    supplier = SupplierField(validators=[DataRequired()])
    contract = StringField(_l("Contract number (optional)"), validators=[Optional(), Length(max=32)])
    date = DateField(_l("Date"), validators=[DataRequired()])
    warehouse = SelectField(_l("Warehouse"), coerce=int, validators=[DataRequired()])
    lot_number = StringField(_l("Lot number (blank: the receipt's number)"), validators=[Optional(), Length(max=40)])
    quarantine_cert = StringField(_l("Animal quarantine certificate"), validators=[Optional(), Length(max=60)])
    vehicle = StringField(_l("Vehicle"), validators=[Optional(), Length(max=20)])
    remarks = TextAreaField(_l("Remarks"), validators=[Optional(), Length(max=2000)])


class PaymentForm(Form):
    supplier = SupplierField(validators=[DataRequired()])
    contract = StringField(_l("Contract number (optional)"), validators=[Optional(), Length(max=32)])
    date = DateField(_l("Date"), validators=[DataRequired()])
    amount = StringField(_l("Amount"), validators=[DataRequired(), Length(max=20)])
    method = SelectField(_l("Payment method"))
    reference = StringField(_l("Reference (bank slip, draft number)"), validators=[Optional(), Length(max=80)])
    remarks = TextAreaField(_l("Remarks"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Save"))


class InvoiceForm(Form):
    supplier = SupplierField(validators=[DataRequired()])
    contract = StringField(_l("Contract number (optional)"), validators=[Optional(), Length(max=32)])
    invoice_number = StringField(_l("Invoice number"), validators=[DataRequired(), Length(max=40)])
    date = DateField(_l("Date"), validators=[DataRequired()])
    amount = StringField(_l("Amount with tax"), validators=[DataRequired(), Length(max=20)])
    tax_amount = StringField(_l("Tax"), validators=[Optional(), Length(max=20)])
    receipts = StringField(_l("Receipts it bills (their numbers)"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Record the invoice"))


class MoveForm(Form):
    comment = StringField(_l("Reason"), validators=[Optional(), Length(max=1000)])
