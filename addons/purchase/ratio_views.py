"""The value ratio of each product (价值系数), by which a lot's live-hog cost is spread over its products."""
from __future__ import annotations

from decimal import Decimal

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.purchase.models.cost_ratio import CostRatio
from addons.purchase.views import bp
from core import audit
from core.db import bulk_upsert, transaction
from core.errors import UserError
from core.forms import Form
from core.numbers import decimal_input
from core.security import current_plant, requires


@bp.route("/cost-ratios", methods=["GET", "POST"])
@requires("purchase.cost_ratios")
def cost_ratios():
    plant = current_plant()
    products = list(Product.select().where((Product.plant == plant.id) & (Product.active == True))  # noqa: E712
                    .order_by(Product.code))
    form = Form()
    if request.method == "POST" and form.validate_on_submit():
        rows = []
        for p in products:
            raw = (request.form.get(f"ratio-{p.id}") or "1").strip()
            ratio = decimal_input(raw, field="ratio", label=p.name, places=4)
            if ratio > 1000:
                raise UserError(_("%(product)s: a ratio is between 0 and 1,000.", product=p.name), field="ratio")
            rows.append({"plant": plant.id, "product": p.id, "ratio": ratio})
        with transaction():
            bulk_upsert(CostRatio, rows, conflict=["plant", "product"], update=["ratio"])
            audit.log("settings", CostRatio._meta.table_name, None, plant=plant.id,
                      new={str(r["product"]): r["ratio"] for r in rows})
        flash(_("Saved."), "success")
        return redirect(url_for("purchase.cost_ratios"))
    ratios = dict(CostRatio.select(CostRatio.product, CostRatio.ratio).where(CostRatio.plant == plant.id).tuples())
    return render_template("purchase/cost_ratios.html", products=products, form=form,
                           ratios={p.id: ratios.get(p.id, Decimal("1")) for p in products})
