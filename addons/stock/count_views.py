"""Stocktaking screens: the counts, starting one, entering what was found (or uploading the filled-in sheet),
posting the differences."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.master_data.models.product import Product
from addons.stock import stocktaking
from addons.stock.forms import ActionForm, CountStartForm
from addons.stock.models.count import StockCount
from addons.stock.warehouses import active_warehouses
from addons.stock.views import bp
from core import workflow
from core.errors import UserError
from core.excel.xlsx import download
from core.forms import choices
from core.listing import Column, Filter, list_page
from core.moves import posted_move
from core.params import whole
from core.records import get_for_plant
from core.security import current_plant, requires

COUNT_COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("day", _l("Day"), "date", sortable=True),
                 Column("warehouse.name", _l("Warehouse")), Column("state", _l("State"), "state"),
                 Column("created_by.name", _l("By"))]


def _start_form(plant):
    form = CountStartForm()
    form.warehouse.choices = choices((w.id, w.name) for w in active_warehouses(plant.id))
    return form


@bp.route("/counts")
@requires("stock.count")
def count_list():
    return list_page(StockCount, COUNT_COLUMNS, _("Stocktaking"), order_by=[StockCount.id.desc()],
                     filters=[Filter("state", _l("State"), StockCount.state, "choice", StockCount.STATES)],
                     row_endpoint="stock.count_view", template="stock/count_list.html",
                     start_form=_start_form(current_plant()))


@bp.route("/counts/new", methods=["POST"])
@requires("stock.count")
def count_new():
    plant = current_plant()
    form = _start_form(plant)
    if not form.validate_on_submit():
        raise UserError(_("Choose a warehouse of this plant."), field="warehouse")
    count = stocktaking.start(plant, form.warehouse.data)
    flash(_("Count %(number)s started: %(lines)d lines from the books.", number=count.number,
            lines=len(count.lines)), "success")
    return redirect(url_for("stock.count_view", pk=count.id))


@bp.route("/counts/<int:pk>", methods=["GET", "POST"])
@requires("stock.count")
def count_view(pk):
    count = get_for_plant(StockCount, pk)
    form = ActionForm()      # the CSRF and one-time token of the page's forms
    if request.method == "POST" and form.validate_on_submit():
        action = request.form.get("action")
        if action == "save":
            seqs = {int(k.split("-")[1]) for k in request.form if k.startswith("line-") and k.count("-") == 2}
            entries = {seq: (request.form.get(f"line-{seq}-quantity"), request.form.get(f"line-{seq}-weight"),
                             request.form.get(f"line-{seq}-reason", "")) for seq in seqs}
            n = stocktaking.record(count.id, entries)
            flash(_("%(n)d lines saved.", n=n), "success")
        elif action == "upload":
            upload = request.files.get("file")
            if upload is None or not upload.filename:
                raise UserError(_("Choose the filled-in count sheet."), field="file")
            n = stocktaking.read_back(count.id, upload.read())
            flash(_("%(n)d lines read from the sheet.", n=n), "success")
        elif action == "add":
            stocktaking.add_line(count.id, whole(request.form.get("product", ""), "product", low=1),
                                 request.form.get("lot", ""))
            flash(_("Line added."), "success")
        elif action == "post":
            stocktaking.post(count.id)
            flash(_("Count %(number)s posted: the differences are stock moves now.", number=count.number), "success")
        return redirect(url_for("stock.count_view", pk=count.id))
    if request.args.get("export") == "xlsx":
        return download(stocktaking.sheet(count), f"{count.number}.xlsx")
    products = list(Product.select().where((Product.plant == count.plant_id) & (Product.active == True))  # noqa: E712
                    .order_by(Product.code))
    return render_template("stock/count.html", count=count, lines=stocktaking.lines_of(count), form=form,
                           moves=workflow.available(count), products=products)


@bp.route("/counts/<int:pk>/<move>", methods=["POST"])
@requires("stock.count")
def count_move(pk, move):
    count = posted_move(StockCount, pk, move, ActionForm())
    flash(_("Count %(number)s is now %(state)s.", number=count.number,
            state=workflow.state_label(StockCount, count.state)), "success")
    return redirect(url_for("stock.count_view", pk=pk))
