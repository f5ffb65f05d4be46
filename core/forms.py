"""The kernel's forms. Labels are lazy so they render in the reader's language."""

import wtforms
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import BooleanField, PasswordField, SelectField, SelectMultipleField, StringField, SubmitField, widgets
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from wtforms.fields.choices import SelectChoice
from wtforms.meta import DefaultMeta
from wtforms.widgets import HiddenInput

from core.i18n import LANGUAGES
from core.numbers import read_decimal


class DecimalField(wtforms.DecimalField):
    """A decimal that fits the column it is saved to: at most `places` decimals, and no larger than an
    integer column scaled by them holds (core.fields.FixedDecimalField). `1e400`, thirty nines or
    0.0000001 for a money field are refused here, naming the field, not by the database as a server error."""

    def __init__(self, label=None, validators=None, places=2, **kwargs):
        super().__init__(label, validators, places=places, **kwargs)
        self.column_places = places

    def pre_validate(self, form):
        if self.data is None:
            return
        try:
            read_decimal(self.data, self.column_places)     # the one rule every door reads numbers by
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


class Form(FlaskForm):
    """Every form of the product: its hidden fields carry the CSRF token and a one-time token (core.once),
    so the same rendered form acts once however often it is sent."""

    def hidden_tag(self, *fields):
        """flask-wtf's hidden fields and the one-time token. A plain hidden input is written here as WTForms writes
        it: through its widget it cost a third of a millisecond, and a desk's page has a form per line."""
        from core.once import field
        chosen = (getattr(self, f, None) if isinstance(f, str) else f for f in (fields or self))
        return Markup("\n".join(_hidden_input(f) for f in chosen if f is not None and isinstance(f.widget, HiddenInput))
                      + str(field()))


def _hidden_input(field) -> str:
    if (type(field.widget) is not HiddenInput or field.render_kw or getattr(field, "_datalist", None) is not None
            or "disabled" in vars(field.flags) or type(field.meta).render_field is not DefaultMeta.render_field):
        return str(field)      # anything WTForms would write differently: its own way
    return f'<input id="{escape(field.id)}" name="{escape(field.name)}" type="hidden" value="{escape(field._value())}">'


def choices(pairs):
    """(value, label) pairs as WTForms select options."""
    return [SelectChoice(value, label) for value, label in pairs]


class CheckboxesField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class LoginForm(Form):
    login = StringField(_l("User name"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    submit = SubmitField(_l("Log in"))


class UserForm(Form):
    login = StringField(_l("User name"), validators=[DataRequired(), Length(max=80),
                                                     Regexp(r"^[\w.@-]+$", message=_l("Letters, digits and . _ @ - only."))])
    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    password = PasswordField(_l("Password"), validators=[Optional(), Length(min=8, max=128)])
    email = StringField(_l("E-mail (for notifications by mail)"), validators=[
        Optional(), Length(max=200), Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Not an e-mail address."))])
    lang = SelectField(_l("Language"), choices=choices(LANGUAGES.items()))
    active = BooleanField(_l("Active"), default=True)
    is_superuser = BooleanField(_l("Superuser (passes every permission check)"))
    roles = CheckboxesField(_l("Roles"), coerce=int)
    plants = CheckboxesField(_l("Plants"), coerce=int)
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, new=False, **kwargs):
        super().__init__(*args, **kwargs)
        self._new = new

    def validate_password(self, field):
        if self._new and not field.data:
            raise ValidationError(_l("A new user needs a password."))


class RoleForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40),
                                               Regexp(r"^[a-z][a-z0-9_]*$", message=_l("Lower-case letters, digits and _ only."))])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)])
    permissions = CheckboxesField(_l("Permissions"))
    submit = SubmitField(_l("Save"))


class CompanyForm(Form):
    name = StringField(_l("Company name"), validators=[DataRequired(), Length(max=200)])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=60)])
    tax_id = StringField(_l("Tax id (unified social credit code)"), validators=[Optional(), Length(max=40)])
    bank_name = StringField(_l("Bank"), validators=[Optional(), Length(max=120)])
    bank_account = StringField(_l("Bank account"), validators=[Optional(), Length(max=60)])
    submit = SubmitField(_l("Save"))


class PlantForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=20),
                                               Regexp(r"^[A-Za-z0-9_-]+$", message=_l("Letters, digits, _ and - only."))])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    timezone = StringField(_l("Time zone"), default="Asia/Shanghai", validators=[DataRequired()])
    doc_prefix = StringField(_l("Prefix of document numbers (empty: the code)"),
                             validators=[Optional(), Length(max=10), Regexp(r"^[A-Za-z0-9]*$",
                                                                            message=_l("Letters and digits only."))])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))

    def validate_timezone(self, field):
        import zoneinfo
        try:
            zoneinfo.ZoneInfo(field.data)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValidationError(_l("Unknown time zone.")) from None


class ConfirmForm(Form):
    """An empty form: only carries the CSRF token for a POST button."""


class PasswordForm(Form):
    current = PasswordField(_l("Current password"), validators=[DataRequired()])
    new = PasswordField(_l("New password"), validators=[DataRequired(), Length(min=8, max=128)])
    confirm = PasswordField(_l("New password again"), validators=[DataRequired()])
    submit = SubmitField(_l("Change password"))

    def validate_confirm(self, field):
        if field.data != self.new.data:
            raise ValidationError(_l("The two new passwords differ."))


def optional_int(value):
    """Coerce for a select whose first option is blank ("none chosen")."""
    if value in ("", None, "None"):
        return None
    number = int(value)
    if not 0 < number < 2**63:       # no record has it; a choice check then says "not a valid choice"
        raise ValueError(value)
    return number


def ref_choices(query, label=str, blank=True):
    """Options for a reference: the records of `query`, optionally after a blank one."""
    options = [SelectChoice("", "—")] if blank else []
    return options + [SelectChoice(row.id, label(row)) for row in query]


class RefField(SelectField):
    """A select of records: shows the related record's id as chosen, saves the id (or None)."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("coerce", optional_int)
        super().__init__(label, validators, **kwargs)

    def process_data(self, value):
        super().process_data(getattr(value, "id", value))


class TokenForm(Form):
    name = StringField(_l("What the token is for"), validators=[DataRequired(), Length(max=80)])
    submit = SubmitField(_l("Create API token"))
