"""Stock screens: warehouses, lots, levels, moves, posting a move by hand, the plant's stock rules."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.master_data.models.product import Product
from addons.stock import excel, posting
from addons.stock.forms import ActionForm, LotForm, MinimumForm, MoveForm, SettingsForm, WarehouseForm
from addons.stock.lows import below_minimum
from addons.stock.models.minimum import StockMinimum
from addons.stock.models.level import StockLevel
from addons.stock.models.lot import KINDS as LOT_KINDS
from addons.stock.models.lot import Lot
from addons.stock.models.move import KINDS as MOVE_KINDS
from addons.stock.models.move import MANUAL, StockMove
from addons.stock.models.warehouse import KINDS as WAREHOUSE_KINDS
from addons.stock.models.settings import StockSettings
from addons.stock.models.warehouse import Warehouse
from addons.stock.settings import settings_of
from addons.stock.warehouses import active_warehouses
from core import clock, plant_settings
from core.crud import crud_routes
from core.errors import UserError
from core.excel.xlsx import download
from core.i18n import select_locale
from core.forms import choices
from core.kernel import current_kernel
from core.listing import Column, Filter, form_page, list_page
from core.security import current_plant, requires

bp = Blueprint("stock", __name__, template_folder="templates")

WAREHOUSES = crud_routes(bp, Warehouse, WarehouseForm, [
    Column("code", _l("Code"), link=True), Column("name", _l("Name")),
    Column("kind", _l("Kind"), "choice", choices=WAREHOUSE_KINDS), Column("active", _l("Active"), "bool"),
], name="warehouse", title=_l("Warehouses"), permission="stock.warehouse",
    search=(Warehouse.code, Warehouse.name), order_by=[Warehouse.code], import_spec="warehouses")


def _new_lot_defaults(form):
    if request.method == "GET" and form.day.data is None:
        form.day.data = clock.plant_today(current_plant())


def _lot_context(lot):
    levels = list(StockLevel.select(StockLevel, Product, Warehouse).join(Product).switch(StockLevel)
                  .join(Warehouse).where((StockLevel.lot == lot.id) & ((StockLevel.quantity != 0)
                                                                      | (StockLevel.weight != 0)))
                  .order_by(Product.code, Warehouse.code))
    recent = list(StockMove.select(StockMove, Product, Warehouse).join(Product).switch(StockMove).join(Warehouse)
                  .where(StockMove.lot == lot.id).order_by(StockMove.id.desc()).limit(100))
    links = [link for answer in current_kernel().hooks.call("lot_links", lot.plant_id, lot=lot) for link in (answer or [])]
    return {"levels": levels, "moves": recent, "move_kinds": MOVE_KINDS, "links": links}


LOTS = crud_routes(bp, Lot, LotForm, [
    Column("number", _l("Lot number"), link=True, sortable=True), Column("kind", _l("Kind"), "choice", choices=LOT_KINDS),
    Column("day", _l("Day"), "date", sortable=True), Column("heads", _l("Heads"), "number"),
    Column("origin", _l("Origin")), Column("expires_on", _l("Expires on"), "date", sortable=True),
    Column("quarantine_cert", _l("Quarantine certificate")), Column("quality_cert", _l("Quality certificate")),
    Column("asf_report", _l("ASF test report")),
], name="lot", title=_l("Lots"), permission="stock.lot", search=(Lot.number, Lot.origin, Lot.quarantine_cert),
    order_by=[Lot.day.desc(), Lot.number], unique=("number",), prepare=_new_lot_defaults,
    filters=[Filter("kind", _l("Kind"), Lot.kind, "choice", LOT_KINDS)],
    edit_template="stock/lot.html", edit_context=_lot_context, import_spec="lots")

def _minimum_choices(form):
    plant = current_plant()
    form.product.choices = choices((p.id, f"{p.code} {p.name}") for p in Product.select().where(
        Product.plant == plant.id).order_by(Product.code))
    form.warehouse.choices = choices((w.id, w.name) for w in Warehouse.select().where(
        Warehouse.plant == plant.id).order_by(Warehouse.code))


MINIMUMS = crud_routes(bp, StockMinimum, MinimumForm, [
    Column("warehouse.name", _l("Warehouse"), link=True), Column("product.name", _l("Product")),
    Column("min_quantity", _l("Minimum quantity"), "number"), Column("min_weight", _l("Minimum weight (kg)"), "number"),
], name="minimum", title=_l("Minimum stock"), permission="stock.minimum", unique=(), prepare=_minimum_choices,
    order_by=[StockMinimum.warehouse, StockMinimum.product])

LEVEL_COLUMNS = [Column("warehouse.name", _l("Warehouse")), Column("product.code", _l("Product code")),
                 Column("product.name", _l("Product")), Column("lot.number", _l("Lot")),
                 Column("lot.expires_on", _l("Expires on"), "date"),
                 Column("quantity", _l("Quantity"), "number"), Column("weight", _l("Weight (kg)"), "number")]
MOVE_COLUMNS = [Column("day", _l("Day"), "date", sortable=True), Column("at", _l("At"), "datetime"),
                Column("kind", _l("Kind"), "choice", choices=MOVE_KINDS), Column("warehouse.name", _l("Warehouse")),
                Column("product.name", _l("Product")), Column("lot.number", _l("Lot")),
                Column("quantity", _l("Quantity"), "number"), Column("weight", _l("Weight (kg)"), "number"),
                Column("reference", _l("Reference")), Column("reason", _l("Reason")), Column("user.name", _l("By"))]


def _warehouse_choices(plant) -> dict:
    return {str(w.id): w.name for w in Warehouse.select().where(Warehouse.plant == plant.id).order_by(Warehouse.code)}


@bp.route("/levels")
@requires("stock.level.read")
def level_list():
    """What every warehouse holds, by product and lot; empty levels are left out."""
    plant = current_plant()
    query = (StockLevel.select(StockLevel, Product, Warehouse).join(Product).switch(StockLevel).join(Warehouse)
             .where((StockLevel.quantity != 0) | (StockLevel.weight != 0)))
    return list_page(StockLevel, LEVEL_COLUMNS, _("Stock levels"), query=query,
                     search=(Product.code, Product.name), order_by=[Warehouse.code, Product.code, StockLevel.lot_key],
                     filters=[Filter("warehouse", _l("Warehouse"), StockLevel.warehouse, "choice",
                                     _warehouse_choices(plant))],
                     export_permission="stock.level.read")


@bp.route("/low")
@requires("stock.level.read")
def low_list():
    return render_template("stock/low.html", lows=below_minimum(current_plant().id))


@bp.route("/moves")
@requires("stock.move.read")
def move_list():
    plant = current_plant()
    return list_page(StockMove, MOVE_COLUMNS, _("Stock moves"), search=(StockMove.reference, StockMove.reason),
                     order_by=[StockMove.id.desc()], new_endpoint="stock.move_new",
                     filters=[Filter("kind", _l("Kind"), StockMove.kind, "choice", MOVE_KINDS),
                              Filter("warehouse", _l("Warehouse"), StockMove.warehouse, "choice",
                                     _warehouse_choices(plant))],
                     export_permission="stock.move.read")


def _fill_move_choices(form, plant):
    warehouses = [(w.id, w.name) for w in active_warehouses(plant.id)]
    form.kind.choices = choices((k, MOVE_KINDS[k]) for k in MANUAL)
    form.warehouse.choices = choices(warehouses)
    form.to_warehouse.choices = choices([(0, "—")] + warehouses)
    form.product.choices = choices((p.id, f"{p.code} {p.name}") for p in Product.select().where(
        (Product.plant == plant.id) & (Product.active == True)).order_by(Product.code))  # noqa: E712


@bp.route("/moves/new", methods=["GET", "POST"])
@requires("stock.move.create")
def move_new():
    plant = current_plant()
    form = MoveForm()
    _fill_move_choices(form, plant)
    if request.method == "GET" and request.args.get("lot"):
        form.lot.data = request.args["lot"]
    if form.validate_on_submit():
        posting.post_by_hand(plant.id, form.kind.data, form.warehouse.data, form.product.data, form.lot.data,
                             form.quantity.data, form.weight.data, form.reason.data, form.to_warehouse.data or None)
        flash(_("Stock move posted."), "success")
        return redirect(url_for("stock.move_list"))
    return form_page(form, _("Post a stock move"))


@bp.route("/opening", methods=["GET", "POST"])
@requires("stock.move.create")
def opening():
    """Opening stock from a workbook: the blank template to fill in, and the upload that posts it."""
    plant = current_plant()
    locale = str(select_locale())
    if request.args.get("template"):
        return download(excel.opening_template(locale), "opening-stock.xlsx")
    form = ActionForm()
    if request.method == "POST" and form.validate_on_submit():
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            raise UserError(_("Choose the workbook of opening stock."), field="file")
        n = excel.post_opening(plant.id, upload.read(), locale)
        flash(_("%(n)d lines of opening stock posted.", n=n), "success")
        return redirect(url_for("stock.level_list"))
    return render_template("stock/opening.html", form=form)


@bp.route("/settings", methods=["GET", "POST"])
@requires("stock.settings")
def settings():
    plant = current_plant()
    current = settings_of(plant.id)
    form = SettingsForm(obj=current)
    warehouses = [(0, "—")] + [(int(k), v) for k, v in _warehouse_choices(plant).items()]
    form.ship_from.choices = form.returns_to.choices = choices(warehouses)
    if request.method == "GET":
        form.ship_from.data, form.returns_to.data = current.ship_from_id or 0, current.returns_to_id or 0
    if form.validate_on_submit():
        ours = {int(k) for k in _warehouse_choices(plant)}
        plant_settings.save(StockSettings, plant, {
            "allow_negative": bool(form.allow_negative.data),
            "require_certificates": bool(form.require_certificates.data),
            "reserve_at_approval": bool(form.reserve_at_approval.data),
            "ship_from": form.ship_from.data if form.ship_from.data in ours else None,
            "returns_to": form.returns_to.data if form.returns_to.data in ours else None},
            cache_key=("stock.settings", plant.id))
        flash(_("Saved."), "success")
        return redirect(url_for("stock.settings"))
    return form_page(form, _("Stock rules of %(plant)s", plant=plant.name))
