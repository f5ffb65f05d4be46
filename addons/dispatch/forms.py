from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DecimalField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange


class VehicleForm(FlaskForm):
    plate = StringField(_l("Plate number"), validators=[DataRequired(), Length(max=20)])
    capacity_kg = DecimalField(_l("Capacity (kg)"), places=3, default=0, validators=[NumberRange(min=0)])
    driver = StringField(_l("Driver"), validators=[Length(max=80)])
    phone = StringField(_l("Phone"), validators=[Length(max=40)])
    carrier = StringField(_l("Carrier"), validators=[Length(max=120)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))
