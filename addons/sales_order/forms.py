from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional


class OrderForm(FlaskForm):
    customer = SelectField(_l("Customer"), coerce=int, validators=[DataRequired()])
    delivery_date = DateField(_l("Delivery date"), validators=[DataRequired()])
    remarks = TextAreaField(_l("Remarks"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Save"))


class TransitionForm(FlaskForm):
    comment = StringField(_l("Reason"), validators=[Optional(), Length(max=1000)])
