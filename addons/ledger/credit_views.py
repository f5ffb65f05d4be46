"""The plant's credit-by-age rules: who sets them, on one form."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _

from addons.ledger.forms import CreditAgeForm
from addons.ledger.models.settings import LedgerSettings
from addons.ledger.overdue import rules_of
from addons.ledger.views import bp
from core import plant_settings
from core.listing import form_page
from core.security import current_plant, requires


@bp.route("/credit-rules", methods=["GET", "POST"])
@requires("ledger.credit_rules")
def credit_rules():
    plant = current_plant()
    rules = rules_of(plant.id)
    form = CreditAgeForm(data={"block_overdue_days": rules.block_overdue_days,
                               "block_overdue_count": rules.block_overdue_count})
    if form.validate_on_submit():
        plant_settings.save(LedgerSettings, plant, {"block_overdue_days": form.block_overdue_days.data,
                                                    "block_overdue_count": form.block_overdue_count.data})
        flash(_("Saved."), "success")
        return redirect(url_for("ledger.credit_rules"))
    return form_page(form, _("Credit by age of %(plant)s", plant=plant.name))
