from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, SubmitField
from wtforms.validators import DataRequired, Length


class StationForm(FlaskForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    port_url = StringField(_l("Port (e.g. /dev/ttyUSB0 or socket://10.0.0.5:4001)"),
                           validators=[DataRequired(), Length(max=200)])
    protocol = StringField(_l("Protocol"), default="mt_sics", validators=[DataRequired(), Length(max=40)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))
