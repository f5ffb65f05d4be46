from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, DateField, DateTimeLocalField, IntegerField, SelectField, StringField,
                     SubmitField, TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from core.forms import DecimalField, Form

# what an <input type="datetime-local"> sends and shows first (a browser refuses "YYYY-MM-DD HH:MM:SS")
LOCAL_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]


class VehicleForm(Form):
    plate = StringField(_l("Plate number"), validators=[DataRequired(), Length(max=20)])
    capacity_kg = DecimalField(_l("Capacity (kg)"), places=3, default=0, validators=[NumberRange(min=0)])
    driver = StringField(_l("Driver"), validators=[Length(max=80)])
    phone = StringField(_l("Phone"), validators=[Length(max=40)])
    carrier = StringField(_l("Carrier"), validators=[Length(max=120)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class ContainerForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=20)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=60)])
    tare_kg = DecimalField(_l("Tare (kg)"), places=3, default=0, validators=[InputRequired(), NumberRange(min=0)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class TripForm(Form):
    day = DateField(_l("Day"), validators=[DataRequired()])
    vehicle = SelectField(_l("Vehicle"), coerce=int, validators=[DataRequired()])
    driver = StringField(_l("Driver"), validators=[Optional(), Length(max=80)])
    departure = DateTimeLocalField(_l("Departure"), format=LOCAL_FORMATS, validators=[Optional()])


class ActionForm(Form):
    """A button's post: CSRF and, where a move asks for one, a reason."""
    comment = StringField(_l("Reason"), validators=[Optional(), Length(max=1000)])


class BatchForm(Form):
    quantity = StringField(_l("Quantity"), validators=[DataRequired()])
    gross = StringField(_l("Gross weight (kg)"), validators=[DataRequired()])
    container = SelectField(_l("Container"), coerce=int, validators=[Optional()])
    container_count = IntegerField(_l("Containers"), default=0, validators=[Optional(), NumberRange(min=0)])
    lot = StringField(_l("Lot"), validators=[Optional(), Length(max=40)])
    override = BooleanField(_l("Allow shipping over the order (manager)"))


class ReceiptForm(Form):
    signed_by = StringField(_l("Signed by"), validators=[DataRequired(), Length(max=80)])
    arrived_at = DateTimeLocalField(_l("Arrived at"), format=LOCAL_FORMATS, validators=[InputRequired()])   # plant's clock
    remarks = TextAreaField(_l("Remarks"), validators=[Optional(), Length(max=2000)])


class SettingsForm(Form):
    over_ship_pct = DecimalField(_l("Ship at most this many per cent over the order"), places=2,
                                 validators=[InputRequired(), NumberRange(min=0, max=100)])
    bill_received = BooleanField(_l("Bill the weight received, not the weight shipped"))
    submit = SubmitField(_l("Save"))
