from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DecimalField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange

from addons.master_data.models.customer import KINDS
from core.forms import choices


class CustomerForm(FlaskForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    kind = SelectField(_l("Customer kind"), choices=choices(KINDS.items()))
    credit_limit = DecimalField(_l("Credit limit"), places=2, default=0, validators=[NumberRange(min=0)])
    payment_days = IntegerField(_l("Payment days"), default=0, validators=[NumberRange(min=0, max=3650)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class ProductForm(FlaskForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    selling_unit = StringField(_l("Selling unit"), default="piece", validators=[DataRequired(), Length(max=20)])
    pricing_unit = StringField(_l("Pricing unit"), default="kg", validators=[DataRequired(), Length(max=20)])
    nominal_weight = DecimalField(_l("Nominal weight per unit (kg)"), places=3, default=0,
                                  validators=[NumberRange(min=0)])
    catch_weight = BooleanField(_l("Catch weight (ordered in pieces, invoiced by kg)"), default=True)
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))
