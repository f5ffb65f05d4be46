from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from addons.master_data.pickers import CustomerField
from addons.returns.models.return_order import KINDS
from core.forms import DecimalField, Form, choices


class ReasonForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class ReturnForm(Form):
    customer = CustomerField(validators=[DataRequired()])
    kind = SelectField(_l("Kind"), choices=choices(KINDS.items()), default="return")
    reason = SelectField(_l("Reason"), coerce=int, validators=[Optional()])
    note_number = StringField(_l("Delivery note it came on (optional)"), validators=[Optional(), Length(max=32)])
    order_number = StringField(_l("Order (optional)"), validators=[Optional(), Length(max=32)])
    tracking = StringField(_l("Vehicle or tracking number of the goods coming back"),
                           validators=[Optional(), Length(max=60)])
    claimed = StringField(_l("Amount claimed (claims only)"), validators=[Optional(), Length(max=20)])
    remarks = TextAreaField(_l("Remarks"), validators=[Optional(), Length(max=2000)])


class MoveForm(Form):
    comment = StringField(_l("Reason"), validators=[Optional(), Length(max=1000)])


class RefundForm(Form):
    amount = DecimalField(_l("Amount to refund"), places=2, validators=[InputRequired(), NumberRange(min=0.01)])
    method = SelectField(_l("Payment method"), validators=[DataRequired()])


class SettingsForm(Form):
    approve_limit = DecimalField(_l("A manager approves returns up to"), places=2,
                                 validators=[InputRequired(), NumberRange(min=0)])
    submit = SubmitField(_l("Save"))


class PortalReturnForm(Form):
    """The customer's request; the products and quantities come as `back-<product id>` fields."""
    reason = SelectField(_l("Reason"), coerce=int, validators=[Optional()])
    remarks = TextAreaField(_l("What is wrong with the goods?"), validators=[Optional(), Length(max=2000)])
