from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from addons.ledger.models.receipt import METHODS
from addons.master_data.pickers import CustomerField
from core.forms import DecimalField, Form, choices


class ReceiptForm(Form):
    customer = CustomerField(validators=[DataRequired()], own_unless="ledger.all_customers")
    date = DateField(_l("Date"), validators=[DataRequired()])
    amount = DecimalField(_l("Amount"), places=2, validators=[DataRequired()])
    method = SelectField(_l("Payment method"), choices=choices(METHODS.items()))
    reference = StringField(_l("Reference (bank slip, draft number)"), validators=[Optional(), Length(max=80)])
    by_hand = BooleanField(_l("I will apply it to debts by hand (otherwise: oldest debt first)"))
    order = StringField(_l("For order (its number, e.g. SO-P1-2026-000010; optional)"),
                        validators=[Optional(), Length(max=32)])
    submit = SubmitField(_l("Record receipt"))


class AdjustmentForm(Form):
    amount = DecimalField(_l("Amount (positive: the customer owes more; negative: less)"), places=2,
                          validators=[DataRequired()])
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=500)])


class ReverseForm(Form):
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=500)])


class AllocateForm(Form):
    credit = IntegerField(validators=[DataRequired()])
    debit = IntegerField(validators=[DataRequired()])
    amount = DecimalField(_l("Amount"), places=2, validators=[DataRequired()])


class CreditAgeForm(Form):
    block_overdue_days = IntegerField(_l("Hold new orders of a customer with a debt overdue by more than (days, 0: off)"),
                                      default=0, validators=[NumberRange(min=0, max=3650)])
    block_overdue_count = IntegerField(_l("… or with more overdue debts than (0: off)"), default=0,
                                       validators=[NumberRange(min=0, max=100000)])
    submit = SubmitField(_l("Save"))
