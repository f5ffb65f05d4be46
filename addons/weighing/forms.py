from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from core.forms import DecimalField, Form, choices

PARITIES = choices([("N", "N"), ("E", "E"), ("O", "O")])
STOPBITS = choices([("1", "1"), ("1.5", "1.5"), ("2", "2")])


class StationForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    port_url = StringField(_l("Port (e.g. /dev/ttyUSB0 or socket://10.0.0.5:4001)"),
                           validators=[DataRequired(), Length(max=200)])
    protocol = SelectField(_l("Protocol"), validators=[DataRequired()])
    baudrate = IntegerField(_l("Baud rate"), default=9600, validators=[InputRequired(), NumberRange(min=300, max=115200)])
    bytesize = SelectField(_l("Data bits"), coerce=int, choices=choices([(7, "7"), (8, "8")]), default=8)
    parity = SelectField(_l("Parity"), choices=PARITIES, default="N")
    stopbits = SelectField(_l("Stop bits"), choices=STOPBITS, default="1")
    unit = SelectField(_l("Unit the scale sends when it says none"),
                       choices=choices([("kg", "kg"), ("g", "g"), ("t", "t"), ("lb", "lb")]), default="kg")
    address = StringField(_l("Address (XK3190 command mode)"), default="A", validators=[Optional(), Length(max=1)])
    capacity = DecimalField(_l("Capacity, Max (kg)"), places=3, default=0, validators=[InputRequired(), NumberRange(min=0)])
    division = DecimalField(_l("Division e (kg)"), places=6, default=0.01,
                            validators=[InputRequired(), NumberRange(min=0.000001, max=1000)])
    stable_count = IntegerField(_l("Stable (scales without a flag): at least this many readings"), default=3,
                                validators=[InputRequired(), NumberRange(min=1, max=50)])
    stable_window_ms = IntegerField(_l("... over at least (ms), each within one division"), default=1000,
                                    validators=[InputRequired(), NumberRange(min=50, max=60000)])
    unit_letters = StringField(_l("Unit letters of this brand (e.g. t=tola)"), validators=[Optional(), Length(max=60)])
    reload_change = DecimalField(_l("A new load after a capture: a change of more than (kg)"), places=3, default=0.5,
                                 validators=[InputRequired(), NumberRange(min=0)])
    poll_ms = IntegerField(_l("Ask every (ms), request/response scales"), default=200,
                           validators=[InputRequired(), NumberRange(min=50, max=10000)])
    offline_after_ms = IntegerField(_l("Offline after no frame for (ms)"), default=3000,
                                    validators=[InputRequired(), NumberRange(min=200, max=60000)])
    min_weight = DecimalField(_l("Minimum weight (kg)"), places=3, default=0.02,
                              validators=[InputRequired(), NumberRange(min=0)])
    desk = StringField(_l("Desk it serves"), validators=[Optional(), Length(max=60)])
    is_weighbridge = BooleanField(_l("Weighbridge (whole trucks)"))
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


    def validate_unit_letters(self, field):
        from wtforms.validators import ValidationError
        from addons.weighing.drivers.base import UNIT_NAMES
        for part in (field.data or "").replace(";", ",").split(","):
            if not part.strip():
                continue
            letter, _eq, name = part.partition("=")
            if not letter.strip() or name.strip().lower() not in UNIT_NAMES:
                raise ValidationError(_l("Write letter=unit, e.g. t=tola; units: %(units)s",
                                         units=", ".join(UNIT_NAMES)))


class CaptureForm(Form):
    station = SelectField(_l("Station"), coerce=int, validators=[DataRequired()])
    line = SelectField(_l("Line"), coerce=int, validators=[DataRequired()])
    quantity = StringField(_l("Quantity"), validators=[DataRequired()])
    container = SelectField(_l("Container"), coerce=int, validators=[Optional()])
    container_count = IntegerField(_l("Containers"), default=0, validators=[Optional(), NumberRange(min=0)])
    lot = StringField(_l("Lot"), validators=[Optional(), Length(max=40)])
    gross = StringField(_l("Gross weight (kg), by hand"), validators=[Optional()])
    reason = StringField(_l("Reason for weighing by hand"), validators=[Optional(), Length(max=500)])
    override = BooleanField(_l("Allow shipping over the order (manager)"))


class VoidForm(Form):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=1000)])


class TicketForm(Form):
    plate = StringField(_l("Plate number"), validators=[DataRequired(), Length(max=20)])
    direction = SelectField(_l("Direction"), choices=choices([("out", _l("Out: empty in, loaded out")),
                                                              ("in", _l("In: loaded in, empty out"))]))
    submit = SubmitField(_l("Open the ticket"))
