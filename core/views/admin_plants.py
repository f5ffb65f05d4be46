from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from core import plants
from core.forms import ConfirmForm, PlantForm
from core.models import Plant
from core.listing import form_page
from core.records import get_or_404
from core.security import requires
from core.views import bp


@bp.route("/admin/plants")
@requires("core.admin.plants")
def plant_list():
    return render_template("core/plant_list.html", plants=list(Plant.select().order_by(Plant.code)))


@bp.route("/admin/plants/new", methods=["GET", "POST"])
@bp.route("/admin/plants/<int:plant_id>", methods=["GET", "POST"])
@requires("core.admin.plants")
def plant_form(plant_id=None):
    plant = get_or_404(Plant, plant_id) if plant_id else None
    form = PlantForm(obj=plant)
    if form.validate_on_submit():
        others = [p for p in Plant.select() if p.id != (plant.id if plant else 0)]
        prefix = (form.doc_prefix.data or "").strip() or form.code.data
        if any(p.code == form.code.data for p in others):
            form.code.errors.append(_("Another plant already has this code."))
        elif any(p.number_prefix == prefix for p in others):
            form.doc_prefix.errors.append(_("Another plant's document numbers already carry %(prefix)s.",
                                            prefix=prefix))
        else:
            target = plants.save_plant(plant, form.populate_obj)
            flash(_("Plant %(code)s saved.", code=target.code), "success")
            return redirect(url_for("core.plant_addons", plant_id=target.id))
    return form_page(form, _("Edit plant %(code)s", code=plant.code) if plant else _("New plant"))


@bp.route("/admin/plants/<int:plant_id>/addons")
@requires("core.admin.plants")
def plant_addons(plant_id):
    plant = get_or_404(Plant, plant_id)
    registry = current_app.extensions["erp"].registry
    enabled = plants.enabled_addons(plant.id)
    rows = [{"name": name, "spec": registry.specs[name], "enabled": name in enabled} for name in registry.order]
    return render_template("core/plant_addons.html", plant=plant, rows=rows, form=ConfirmForm())


@bp.route("/admin/plants/<int:plant_id>/addons/<name>/<action>", methods=["POST"])
@requires("core.admin.plants")
def plant_addon_toggle(plant_id, name, action):
    plant = get_or_404(Plant, plant_id)
    if action not in ("enable", "disable") or not ConfirmForm().validate_on_submit():
        abort(400)
    registry = current_app.extensions["erp"].registry
    if action == "enable":
        added = plants.enable(registry, plant, name)
        extra = [a for a in added if a != name]
        if extra:
            flash(_("%(addon)s enabled, with what it needs: %(deps)s.", addon=name, deps=", ".join(extra)), "success")
        else:
            flash(_("%(addon)s enabled.", addon=name), "success")
    else:
        plants.disable(registry, plant, name)
        flash(_("%(addon)s disabled.", addon=name), "success")
    return redirect(url_for("core.plant_addons", plant_id=plant.id))


@bp.route("/admin/company", methods=["GET", "POST"])
@requires("core.admin.plants")
def company_form():
    """The company's particulars for the header of every printed document."""
    from core.company import save_company
    from core.forms import CompanyForm
    from core.models import Company
    from core.security import current_plant
    company = Company.get_by_id(current_plant().company_id)
    form = CompanyForm(obj=company)
    if form.validate_on_submit():
        save_company(company, form.data)
        flash(_("Saved."), "success")
        return redirect(url_for("core.company_form"))
    return form_page(form, _("Company particulars"))
