"""The CRM's forms."""
from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from addons.crm.models.interaction import KINDS as INTERACTION_KINDS
from addons.crm.models.interaction import RATINGS
from addons.master_data.models.customer import GRADES, KINDS
from addons.master_data.pickers import CustomerField
from addons.sales_order.models.order import CHANNELS
from core.forms import DecimalField, Form, RefField, choices

MONEY = NumberRange(min=0, max=10**10)


class FollowUpForm(Form):
    customer = CustomerField(validators=[DataRequired()], own_unless="crm.all_customers")
    day = DateField(_l("Date"), validators=[DataRequired()])
    method = RefField(_l("Follow-up method"))
    content = TextAreaField(_l("What was done"), validators=[Optional(), Length(max=4000)])
    next_day = DateField(_l("Next follow-up on"), validators=[Optional()])
    next_step = StringField(_l("Next step"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Save"))


class InteractionForm(Form):
    day = DateField(_l("Date"), validators=[DataRequired()])
    kind = SelectField(_l("Kind"), choices=choices(INTERACTION_KINDS.items()), default="call")
    content = TextAreaField(_l("What was said"), validators=[Optional(), Length(max=4000)])
    outcome = StringField(_l("Outcome"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Add"))


class EvaluationForm(Form):
    rating = SelectField(_l("Rating"), choices=choices((str(k), v) for k, v in RATINGS.items()), default="3")
    note = StringField(_l("Note"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Rate"))


class ReasonForm(Form):
    note = StringField(_l("Reason"), validators=[Optional(), Length(max=300)])


class TransferForm(Form):
    salesperson = RefField(_l("To salesperson"), validators=[DataRequired()])
    note = StringField(_l("Reason"), validators=[Optional(), Length(max=300)])


class GradeForm(Form):
    grade = SelectField(_l("Grade"), choices=choices(GRADES.items()))
    note = StringField(_l("Reason"), validators=[Optional(), Length(max=300)])


class MoveForm(Form):
    comment = StringField(_l("Reason"), validators=[Optional(), Length(max=1000)])


class PlanForm(Form):
    title = StringField(_l("Plan"), validators=[DataRequired(), Length(max=200)])
    content = TextAreaField(_l("Details"), validators=[Optional(), Length(max=4000)])
    submit = SubmitField(_l("Add to the week"))


class CommissionRuleForm(Form):
    order_channel = SelectField(_l("Order type"), choices=choices([("", _l("Any")), *CHANNELS.items()]), default="")
    grade = SelectField(_l("Channel grade"), choices=choices([("", _l("Any")), *GRADES.items()]), default="")
    rate = DecimalField(_l("Rate: percent of the money received"), places=2, validators=[DataRequired(), NumberRange(min=0, max=100)])
    active = SelectField(_l("Active"), choices=choices([("1", _l("Yes")), ("0", _l("No"))]), default="1",
                         coerce=lambda v: v in (True, "1", "True", "true"))
    submit = SubmitField(_l("Save"))


class CommissionApplyForm(Form):
    order = StringField(_l("Order number"), validators=[DataRequired(), Length(max=32)])
    submit = SubmitField(_l("Ask for the commission"))


class PayForm(Form):
    amount = StringField(_l("Amount"), validators=[DataRequired(), Length(max=30)])
    reference = StringField(_l("Reference"), validators=[Optional(), Length(max=80)])


class ReimbursementForm(Form):
    expense_type = RefField(_l("Expense type"), validators=[DataRequired()])
    customer = CustomerField(own_unless="crm.all_customers")
    day = DateField(_l("Date"), validators=[DataRequired()])
    amount = DecimalField(_l("Amount"), places=2, validators=[DataRequired(), MONEY])
    description = StringField(_l("Description"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Ask for it back"))


class LeadForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    contact = StringField(_l("Contact"), validators=[Optional(), Length(max=60)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])
    source = RefField(_l("Customer source"))
    salesperson = RefField(_l("Salesperson"))
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=4000)])
    submit = SubmitField(_l("Save"))


class ConvertForm(Form):
    code = StringField(_l("New customer code"), validators=[DataRequired(), Length(max=40)])
    kind = SelectField(_l("Customer kind"), choices=choices(KINDS.items()), default="end")


class SettingsForm(Form):
    remind_days = IntegerField(_l("Announce follow-ups this many days ahead"), validators=[NumberRange(min=0, max=60)])
    low_grades = StringField(_l("Low grades (lost when not converted in time)"), validators=[Length(max=5)])
    low_grade_days = IntegerField(_l("... days to convert"), validators=[NumberRange(min=1, max=3650)])
    high_grades = StringField(_l("High grades (lost with no deal in the period)"), validators=[Length(max=5)])
    high_grade_days = IntegerField(_l("... period in days"), validators=[NumberRange(min=1, max=3650)])
    upgrade_d = IntegerField(_l("Referred end customers with a deal to reach D (0: never)"),
                             validators=[NumberRange(min=0, max=10000)])
    upgrade_c = IntegerField(_l("... to reach C"), validators=[NumberRange(min=0, max=10000)])
    upgrade_b = IntegerField(_l("... to reach B"), validators=[NumberRange(min=0, max=10000)])
    upgrade_a = IntegerField(_l("... to reach A"), validators=[NumberRange(min=0, max=10000)])
    submit = SubmitField(_l("Save"))
