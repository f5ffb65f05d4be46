"""CRM statistics, the lost customers of a period, the churn rules' preview and run, and the plant's rules."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.crm import access, churn
from addons.crm.forms import MoveForm, SettingsForm
from addons.crm.models.event import CustomerEvent
from addons.crm.models.settings import CrmSettings
from addons.crm.settings import settings_of
from addons.crm.stats import COUNTS, MONEY, crm_statistics, total
from addons.crm.views import bp, event_text
from addons.master_data.models.customer import Customer
from core import plant_settings
from core.clock import plant_today
from core.errors import UserError
from core.models import User
from core.params import date_range
from core.security import current_plant, current_user_or_none, requires


def _labels():
    return {"new_channel": _("New channel customers"), "new_end": _("New end customers"),
            "converted_channel": _("Channel customers converted"), "converted_end": _("End customers converted"),
            "lost_channel": _("Channel customers lost"), "lost_end": _("End customers lost"),
            "released": _("Released to the pool"), "follow_ups": _("Follow-ups"),
            "commission": _("Commissions"), "expenses": _("Expenses")}


@bp.route("/statistics")
@requires("crm.statistics")
def statistics():
    plant = current_plant()
    today = plant_today(plant)
    first, last = date_range(today.replace(day=1), today)
    rows = crm_statistics(plant, first, last)
    totals = total(rows)
    labels = _labels()
    keys = (*COUNTS, *MONEY)
    if request.args.get("export") == "xlsx":
        from core.excel.xlsx import table_download
        return table_download(_("CRM statistics"), [_("Salesperson")] + [labels[k] for k in keys],
                              [[r["salesperson"] or _("Nobody (public pool)")] + [r[k] for k in keys] for r in rows],
                              f"crm-{first.isoformat()}-{last.isoformat()}.xlsx",
                              footer=[_("Total")] + [totals[k] for k in keys])
    return render_template("crm/statistics.html", rows=rows, totals=totals, labels=labels, counts=COUNTS, money=MONEY,
                           first=first, last=last)


@bp.route("/lost")
@requires("crm.customer_event.read")
def lost():
    """Customers lost (and released) in a period: the salesperson's own, or everyone's for a manager."""
    plant = current_plant()
    today = plant_today(plant)
    first, last = date_range(today.replace(day=1), today)
    kinds = ["lost", "released"] if request.args.get("released") == "1" else ["lost"]
    query = (CustomerEvent.select(CustomerEvent, Customer).join(Customer, on=(CustomerEvent.customer == Customer.id))
             .where((CustomerEvent.plant == plant.id) & CustomerEvent.kind.in_(kinds)
                    & (CustomerEvent.day >= first) & (CustomerEvent.day <= last))
             .order_by(CustomerEvent.day.desc(), CustomerEvent.id.desc()))
    if not access.sees_all():
        query = query.where(CustomerEvent.from_user == current_user_or_none().id)
    rows = list(query)
    names = {u.id: u.name for u in User.select(User.id, User.name).where(User.id.in_({r.from_user_id for r in rows}))}
    if request.args.get("export") == "xlsx":
        from core.excel.xlsx import table_download
        from addons.crm.models.event import KINDS
        return table_download(_("Lost customers"), [_("Date"), _("Code"), _("Customer"), _("Grade"), _("Salesperson"),
                                                    _("What happened"), _("Why")],
                              [[r.day, r.customer.code, r.customer.name, r.customer.grade, names.get(r.from_user_id, ""),
                                str(KINDS[r.kind]), event_text(r)] for r in rows],
                              f"crm-lost-{first.isoformat()}-{last.isoformat()}.xlsx")
    return render_template("crm/lost.html", rows=rows, names=names, first=first, last=last, event_text=event_text,
                           released=request.args.get("released") == "1")


@bp.route("/churn", methods=["GET", "POST"])
@requires("crm.churn")
def churn_page():
    """What the churn rules would drop today; a manager may run them now rather than wait for the night."""
    plant = current_plant()
    form = MoveForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            raise UserError(_("The form has expired; please try again."))
        outcome = churn.run(plant)
        flash(str(outcome), "success")
        return redirect(url_for("crm.churn_page"))
    found = churn.candidates(plant, plant_today(plant))
    names = {u.id: u.name for u in User.select(User.id, User.name).where(
        User.id.in_({c.customer.salesperson_id for c in found}))}
    return render_template("crm/churn.html", found=found, names=names, form=form, settings=settings_of(plant.id))


@bp.route("/settings", methods=["GET", "POST"])
@requires("crm.settings")
def settings():
    plant = current_plant()
    current = settings_of(plant.id)
    names = ("remind_days", "low_grades", "low_grade_days", "high_grades", "high_grade_days", "upgrade_d",
             "upgrade_c", "upgrade_b", "upgrade_a")
    form = SettingsForm(data={n: getattr(current, n) for n in names})
    if form.validate_on_submit():
        values = {n: getattr(form, n).data for n in names}
        for key in ("low_grades", "high_grades"):
            values[key] = "".join(sorted(set((values[key] or "").upper().replace(" ", "").replace(",", ""))))
            if any(ch not in "ABCDE" for ch in values[key]):
                getattr(form, key).errors.append(_("Use the grades A to E."))
        if set(values["low_grades"]) & set(values["high_grades"]):
            form.high_grades.errors.append(_("A grade cannot be both low and high."))
        if not (form.low_grades.errors or form.high_grades.errors):
            plant_settings.save(CrmSettings, plant, values)
            flash(_("Saved."), "success")
            return redirect(url_for("crm.settings"))
    from core.listing import form_page
    return form_page(form, _("CRM rules of %(plant)s", plant=plant.name))
