from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from addons.master_data.pickers import CustomerField
from core.forms import Form


class OrderHeaderForm(Form):
    """The order's header; the lines come as rows lines-N-field and are checked by `lines.build_lines`."""
    customer = CustomerField(validators=[DataRequired()])
    delivery_date = DateField(_l("Delivery date"), validators=[DataRequired()])
    channel = SelectField(_l("Channel"), validators=[DataRequired()])
    self_pickup = BooleanField(_l("Self-pickup"))
    delivery_address = StringField(_l("Delivery address"), validators=[Optional(), Length(max=300)])
    remarks = TextAreaField(_l("Remarks"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Save"))


class PortalOrderForm(Form):
    delivery_date = SelectField(_l("Delivery date"), validators=[DataRequired()])
    self_pickup = BooleanField(_l("Self-pickup"))
    delivery_address = StringField(_l("Delivery address"), validators=[Optional(), Length(max=300)])
    remarks = TextAreaField(_l("Remarks"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Save"))


class QuotationForm(Form):
    customer = CustomerField(validators=[DataRequired()])
    valid_until = DateField(_l("Valid until"), validators=[DataRequired()])
    delivery_date = DateField(_l("Delivery date"), validators=[Optional()])
    remarks = TextAreaField(_l("Remarks"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Save"))


class TransitionForm(Form):
    comment = StringField(_l("Reason"), validators=[Optional(), Length(max=1000)])


class CopyForm(Form):
    delivery_date = DateField(_l("Delivery date"), validators=[DataRequired()])


class DayForm(Form):
    day = DateField(_l("Day"), validators=[DataRequired()])


class SettingsForm(Form):
    reserve_open_hours = IntegerField(_l("Reservations open (hours before the delivery day)"),
                                      validators=[DataRequired(), NumberRange(min=1, max=24 * 60)])
    cutoff_hours = IntegerField(_l("Firm ordering closes (hours before the delivery day)"),
                                validators=[InputRequired(), NumberRange(min=0, max=24 * 60)])
    submit = SubmitField(_l("Save"))

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if ok and self.cutoff_hours.data >= self.reserve_open_hours.data:
            self.cutoff_hours.errors.append(_l("The cut-off must come after reservations open."))
            return False
        return ok
