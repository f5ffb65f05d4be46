from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from addons.stock.models.lot import KINDS as LOT_KINDS
from addons.stock.models.warehouse import KINDS as WAREHOUSE_KINDS
from core.forms import DecimalField, Form, choices


class WarehouseForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=20)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=60)])
    kind = SelectField(_l("Kind"), choices=choices(WAREHOUSE_KINDS.items()), default="cold")
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class LotForm(Form):
    number = StringField(_l("Lot number"), validators=[DataRequired(), Length(max=40)])
    kind = SelectField(_l("Kind"), choices=choices(LOT_KINDS.items()), default="slaughter")
    day = DateField(_l("Slaughtered or produced on"), validators=[DataRequired()])
    heads = IntegerField(_l("Heads"), default=0, validators=[Optional(), NumberRange(min=0, max=10_000_000)])
    origin = StringField(_l("Origin (farm or supplier)"), validators=[Optional(), Length(max=200)])
    shelf_life_days = IntegerField(_l("Shelf life (days)"), default=0, validators=[Optional(), NumberRange(min=0, max=3650)])
    expires_on = DateField(_l("Expires on"), validators=[Optional()])
    quarantine_cert = StringField(_l("Animal quarantine certificate"), validators=[Optional(), Length(max=60)])
    quality_cert = StringField(_l("Meat quality inspection certificate"), validators=[Optional(), Length(max=60)])
    asf_report = StringField(_l("ASF test report"), validators=[Optional(), Length(max=60)])
    remarks = TextAreaField(_l("Remarks"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Save"))


class MoveForm(Form):
    """One line of goods in, out or across: the kinds a user posts by hand."""
    kind = SelectField(_l("Kind"))
    warehouse = SelectField(_l("Warehouse"), coerce=int, validators=[DataRequired()])
    to_warehouse = SelectField(_l("To warehouse (transfers)"), coerce=int, validators=[Optional()])
    product = SelectField(_l("Product"), coerce=int, validators=[DataRequired()])
    lot = StringField(_l("Lot"), validators=[Optional(), Length(max=40)])
    quantity = DecimalField(_l("Quantity"), places=3, validators=[InputRequired()])
    weight = DecimalField(_l("Weight (kg)"), places=3, validators=[InputRequired()])
    reason = StringField(_l("Reason"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Post the move"))


class SettingsForm(Form):
    allow_negative = BooleanField(_l("Allow stock below zero"))
    require_certificates = BooleanField(_l("Refuse to ship a lot without its certificate numbers"))
    reserve_at_approval = BooleanField(_l("Approved orders reserve the stock of their day: refuse approving past it"))
    ship_from = SelectField(_l("Ship from"), coerce=int, validators=[Optional()])
    returns_to = SelectField(_l("Returned goods go to"), coerce=int, validators=[Optional()])
    submit = SubmitField(_l("Save"))


class CountStartForm(Form):
    warehouse = SelectField(_l("Warehouse"), coerce=int, validators=[Optional()])


class ActionForm(Form):
    """A button's post: the CSRF and one-time tokens, and a reason where a move asks for one."""
    comment = StringField(_l("Reason"), validators=[Optional(), Length(max=1000)])


class MinimumForm(Form):
    product = SelectField(_l("Product"), coerce=int, validators=[DataRequired()])
    warehouse = SelectField(_l("Warehouse"), coerce=int, validators=[DataRequired()])
    min_quantity = DecimalField(_l("Minimum quantity"), places=3, default=0, validators=[InputRequired(), NumberRange(min=0)])
    min_weight = DecimalField(_l("Minimum weight (kg)"), places=3, default=0, validators=[InputRequired(), NumberRange(min=0)])
    submit = SubmitField(_l("Save"))


class ProductionForm(LotForm):
    """A lot from the day's production: its papers, and the store it goes into."""
    warehouse = SelectField(_l("Into warehouse"), coerce=int, validators=[DataRequired()])
