"""Plant fields on screen: the administrator's list and form, and the values of one record that has no form of
its own (a delivery note)."""
from __future__ import annotations

import re

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from addons.plant_fields.models.field import KINDS, TARGETS, PlantField
from core import extras
from core.crud import crud_routes
from core.db import transaction
from core.forms import Form, choices
from core.listing import Column, Filter, form_page
from core.records import get_for_plant
from core.security import current_plant, current_user_or_none, may, requires

bp = Blueprint("plant_fields", __name__, template_folder="templates")
CODE = re.compile(r"^[a-z][a-z0-9_]{0,29}$")


class FieldForm(Form):
    target = SelectField(_l("Added to"), choices=choices(TARGETS.items()))
    code = StringField(_l("Code (letters, digits and _)"), validators=[DataRequired(), Length(max=30)])
    label = StringField(_l("Label"), validators=[DataRequired(), Length(max=60)])
    kind = SelectField(_l("Kind"), choices=choices(KINDS.items()))
    choices = TextAreaField(_l("Choices, one a line (code=label)"), validators=[Optional(), Length(max=4000)])
    required = BooleanField(_l("Required"))
    sequence = IntegerField(_l("Sequence"), default=10, validators=[NumberRange(min=0, max=10000)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))

    def validate_code(self, field):
        if not CODE.match(field.data or ""):
            raise ValidationError(_("Use lower-case letters, digits and _, starting with a letter."))

    def validate_choices(self, field):
        if self.kind.data == "choice" and not (field.data or "").strip():
            raise ValidationError(_("A choice field needs its choices."))


FIELDS = crud_routes(bp, PlantField, FieldForm, [
    Column("target", _l("Added to"), "choice", choices=TARGETS, sortable=True), Column("code", _l("Code"), link=True),
    Column("label", _l("Label")), Column("kind", _l("Kind"), "choice", choices=KINDS),
    Column("required", _l("Required"), "bool"), Column("sequence", _l("Sequence"), "number"),
    Column("active", _l("Active"), "bool"),
], name="field", title=_l("Plant fields"), permission="plant_fields.field", unique=(),
    order_by=[PlantField.target, PlantField.sequence, PlantField.code],
    filters=[Filter("target", _l("Added to"), PlantField.target, "choice", TARGETS)])


def _record(target, pk):
    from addons.plant_fields.hooks import _targets
    model = {t: m for m, t in _targets().items()}.get(target)
    if model is None:
        abort(404)
    permission = {"order": "sales_order.order.write", "customer": "master_data.customer.write",
                  "product": "master_data.product.write", "delivery_note": "dispatch.delivery_note.write"}[target]
    if not may(current_user_or_none(), permission, current_plant().id):
        abort(403)
    return model, get_for_plant(model, pk)


@bp.route("/records/<target>/<int:pk>", methods=["GET", "POST"])
@requires("plant_fields.record")
def record_values(target, pk):
    model, record = _record(target, pk)
    added = extras.fields_for(model)
    form = extras.with_fields(Form, added)()
    if request.method == "GET":
        extras.fill(form, record, added)
    if request.method == "POST" and form.validate_on_submit():
        with transaction():
            extras.save(record, form, added)
        flash(_("Saved."), "success")
        back = request.args.get("next", "")
        return redirect(back if back.startswith("/") and not back.startswith("//") else url_for("core.home"))
    return form_page(form, f"{record}")
