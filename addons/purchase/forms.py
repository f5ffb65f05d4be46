from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, SelectField, StringField, SubmitField
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
