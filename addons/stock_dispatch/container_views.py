"""The containers screen: who holds how many, the empties a customer hands back, and which types are
returnable with what deposit."""
from __future__ import annotations

from decimal import Decimal

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.dispatch.models.container import ContainerType
from addons.master_data.models.customer import Customer
from addons.stock_dispatch import containers
from addons.stock_dispatch.models.container import ContainerRule
from addons.stock_dispatch.views import bp
from core import audit
from core.db import bulk_upsert, transaction
from core.errors import UserError
from core.forms import Form
from core.numbers import read_decimal
from core.picker import resolve
from core.records import plant_scoped
from core.security import current_plant, requires


def _types(plant):
    return ContainerType.active_of(plant.id)


@bp.route("/containers", methods=["GET", "POST"])
@requires("stock_dispatch.containers")
def containers_page():
    plant = current_plant()
    types = _types(plant)
    form = Form()
    if request.method == "POST" and form.validate_on_submit():
        chosen = resolve(plant_scoped(Customer).where(Customer.active == True), Customer,  # noqa: E712
                         request.form.get("customer"), request.form.get("customer_text"))
        if chosen is None:
            raise UserError(_("Choose the customer the empties come back from."), field="customer")
        n = containers.empties_back(plant.id, chosen.id, {t.id: request.form.get(f"count-{t.id}", "") for t in types},
                                    request.form.get("reference", "").strip())
        flash(_("%(n)d containers back.", n=n), "success")
        return redirect(url_for("stock_dispatch.containers_page"))
    return render_template("stock_dispatch/containers.html", rows=containers.balances(plant.id), types=types,
                           rules=containers.rules_of(plant.id), form=form)


@bp.route("/containers/rules", methods=["POST"])
@requires("stock_dispatch.container_rules")
def container_rules():
    plant = current_plant()
    if not Form().validate_on_submit():
        raise UserError(_("The form has expired or was not sent by this site. Reload the page and try again."))
    rows = []
    for t in _types(plant):
        raw = (request.form.get(f"deposit-{t.id}") or "0").strip()
        try:
            deposit = read_decimal(raw, 2)
        except ValueError as exc:
            raise UserError(_("%(container)s, deposit: %(problem)s", container=t.name, problem=str(exc)),
                            field="deposit") from None
        if deposit < 0:
            raise UserError(_("%(container)s, deposit: cannot be negative.", container=t.name), field="deposit")
        rows.append({"plant": plant.id, "container": t.id, "returnable": bool(request.form.get(f"returnable-{t.id}")),
                     "deposit": deposit or Decimal("0")})
    with transaction():
        bulk_upsert(ContainerRule, rows, conflict=["container"], update=["returnable", "deposit"])
        audit.log("settings", ContainerRule._meta.table_name, None, plant=plant.id,
                  new={str(r["container"]): [r["returnable"], r["deposit"]] for r in rows})
    flash(_("Saved."), "success")
    return redirect(url_for("stock_dispatch.containers_page"))
