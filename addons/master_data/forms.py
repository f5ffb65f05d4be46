from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from addons.master_data.models.customer import KINDS, RATINGS
from addons.master_data.models.dictionary import KINDS as DICTIONARY_KINDS
from addons.master_data.models.unit import KINDS as UNIT_KINDS
from addons.master_data.pickers import CustomerField, ProductField
from core.forms import DecimalField, Form, RefField, choices

MONEY = NumberRange(min=0, max=10**12)


class CustomerForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    kind = SelectField(_l("Customer kind"), choices=choices(KINDS.items()), default="end")   # as the model
    nature = RefField(_l("Customer nature"))
    customer_type = RefField(_l("Customer type"))
    source = RefField(_l("Customer source"))
    channel_type = RefField(_l("Channel type"))
    referred_by = CustomerField(_l("Referred by (channel customer)"))
    region = RefField(_l("Region"))
    salesperson = RefField(_l("Salesperson"))
    credit_limit = DecimalField(_l("Credit limit"), places=2, default=0, validators=[MONEY])
    payment_days = IntegerField(_l("Payment days"), default=0, validators=[NumberRange(min=0, max=3650)])
    rating = SelectField(_l("Rating"), choices=choices(RATINGS.items()), default="B")
    price_list = RefField(_l("Price list"))
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    address = StringField(_l("Delivery address"), validators=[Optional(), Length(max=300)])
    public_pool = BooleanField(_l("In the public pool (no salesperson owns it)"))
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class ProductForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    barcode = StringField(_l("Barcode"), validators=[Optional(), Length(max=40)])
    category = RefField(_l("Category"))
    selling_unit = RefField(_l("Selling unit"), validators=[DataRequired()])
    pricing_unit = RefField(_l("Pricing unit"), validators=[DataRequired()])
    nominal_weight = DecimalField(_l("Nominal weight per unit (kg)"), places=3, default=0,
                                  validators=[NumberRange(min=0, max=10**6)])
    min_piece_kg = DecimalField(_l("Weighed at the desk: at least (kg a piece, 0: no bound)"), places=3, default=0,
                                validators=[NumberRange(min=0, max=10**6)])
    max_piece_kg = DecimalField(_l("... and at most (kg a piece, 0: no bound)"), places=3, default=0,
                                validators=[NumberRange(min=0, max=10**6)])
    catch_weight = BooleanField(_l("Catch weight (ordered in pieces, invoiced by kg)"))
    loss_tolerance_pct = DecimalField(_l("Normal transit loss (%)"), places=2, default=0,
                                      validators=[NumberRange(min=0, max=100)])
    tax_rate_pct = DecimalField(_l("Tax rate (%)"), places=2, default=9, validators=[NumberRange(min=0, max=100)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))

    def validate_max_piece_kg(self, field):
        if field.data and self.min_piece_kg.data and field.data < self.min_piece_kg.data:
            raise ValidationError(_l("The most a piece may weigh is less than the least."))


class UnitForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=20)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=60)])
    kind = SelectField(_l("Kind"), choices=choices(UNIT_KINDS.items()))
    kg_factor = DecimalField(_l("Kilograms per unit (weight units)"), places=6, default=0,
                             validators=[NumberRange(min=0, max=10**6)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))

    def validate_kg_factor(self, field):
        if self.kind.data == "weight" and not field.data:
            raise ValidationError(_l("A weight unit needs its factor to kilograms."))


class RegionForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=20)])
    province = StringField(_l("Province"), validators=[DataRequired(), Length(max=60)])
    city = StringField(_l("City"), validators=[Optional(), Length(max=60)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class CategoryForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class DictionaryForm(Form):
    kind = SelectField(_l("List"), choices=choices(DICTIONARY_KINDS.items()))
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)])
    sequence = IntegerField(_l("Sequence"), default=10, validators=[NumberRange(min=0, max=10**6)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class PriceListForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)])
    is_default = BooleanField(_l("Default list (for customers without one)"))
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class PriceRowForm(Form):
    price_list = RefField(_l("Price list"))
    customer = CustomerField()
    product = ProductField(validators=[DataRequired()])
    price = DecimalField(_l("Price per pricing unit"), places=4, validators=[DataRequired(), MONEY])
    floor_price = DecimalField(_l("Floor price"), places=4, default=0, validators=[MONEY])
    valid_from = DateField(_l("Valid from"), validators=[DataRequired()])
    valid_to = DateField(_l("Valid to"), validators=[Optional()])
    submit = SubmitField(_l("Save"))

    def validate_customer(self, field):
        if bool(field.data) == bool(self.price_list.data):
            raise ValidationError(_l("Give either a price list or a customer, not both."))

    def validate_floor_price(self, field):
        if self.price.data is not None and field.data is not None and field.data > self.price.data:
            raise ValidationError(_l("The floor price is above the price."))

    def validate_valid_to(self, field):
        if field.data and self.valid_from.data and field.data < self.valid_from.data:
            raise ValidationError(_l("Ends before it starts."))
