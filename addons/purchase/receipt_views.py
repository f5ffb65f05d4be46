"""Receipts: goods or live hogs received from suppliers, the weighbridge ticket, and sending goods back."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.master_data.models.product import Product
from addons.purchase.forms import MoveForm, ReceiptForm
from addons.purchase.lines import posted_rows, product_labels
from addons.purchase.models.contract import PurchaseContract
from addons.purchase.models.receipt import KINDS, GoodsReceipt, ReceiptLine
from addons.purchase.models.supplier import Supplier
from addons.purchase.receiving import LineInput, Ticket, save_receipt
from addons.purchase.views import bp
from addons.stock.warehouses import active_warehouses
from core import workflow
from core.clock import plant_today
from core.documents import render_document
from core.errors import UserError
from core.forms import choices
from core.listing import Column, Filter, list_page
from core.moves import posted_move
from core.records import get_for_plant, plant_scoped
from core.security import current_plant, requires

COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("kind", _l("Kind"), "choice", choices=KINDS),
           Column("supplier.name", _l("Supplier")), Column("date", _l("Date"), "date", sortable=True),
           Column("lot_number", _l("Lot")), Column("amount", _l("Amount"), "money", sortable=True),
           Column("state", _l("State"), "state")]
LINE_KEYS = ("product", "quantity", "weight", "unit_price")
TICKET = ("product", "heads", "gross_kg", "tare_kg", "deduct_kg", "price_per_kg", "deduct_amount", "weighbridge")


@bp.route("/receipts")
@requires("purchase.receipt.read")
def receipt_list():
    query = GoodsReceipt.select(GoodsReceipt, Supplier).join(Supplier)
    return list_page(GoodsReceipt, COLUMNS, _("Receipts"), query=query,
                     search=(GoodsReceipt.number, GoodsReceipt.lot_number, Supplier.name, Supplier.code),
                     filters=[Filter("kind", _l("Kind"), GoodsReceipt.kind, "choice", KINDS),
                              Filter("state", _l("State"), GoodsReceipt.state, "choice", GoodsReceipt.STATES)],
                     order_by=[GoodsReceipt.date.desc(), GoodsReceipt.id.desc()],
                     new_endpoint="purchase.receipt_new", row_endpoint="purchase.receipt_view",
                     export_permission="purchase.receipt.read")


def _form():
    form = ReceiptForm()
    form.warehouse.choices = choices((w.id, f"{w.code} {w.name}") for w in active_warehouses(current_plant().id))
    return form


def _render(form, kind, rows, ticket, status=200):
    rows = rows + [{}] * 3
    products = list(plant_scoped(Product).where(Product.active == True).order_by(Product.code))  # noqa: E712
    return render_template("purchase/receipt_form.html", form=form, kind=kind, kinds=KINDS, rows=rows,
                           products=product_labels(rows), ticket=ticket, hog_products=products), status


@bp.route("/receipts/new", methods=["GET", "POST"])
@requires("purchase.receipt.create")
def receipt_new():
    plant = current_plant()
    kind = request.values.get("kind", "goods") if request.values.get("kind") in KINDS else "goods"
    form = _form()
    contract = None
    if request.method == "GET":
        form.date.data = plant_today(plant)
        number = request.args.get("contract", "")
        contract = plant_scoped(PurchaseContract).where(PurchaseContract.number == number).first() if number else None
        if contract is not None:
            form.contract.data = contract.number
            form.supplier.show(contract.supplier)
    rows = posted_rows(request.form, LINE_KEYS) if request.method == "POST" else []
    ticket = {k: (request.form.get(k) or "").strip() for k in TICKET}
    if form.validate_on_submit():
        try:
            contract = None
            if form.contract.data:
                contract = plant_scoped(PurchaseContract).where(PurchaseContract.number == form.contract.data.strip()).first()
                if contract is None:
                    raise UserError(_("There is no such contract."), field="contract")
            receipt = save_receipt(
                plant, form.supplier.data, form.warehouse.data, form.date.data, contract_id=contract.id if contract else None,
                lines=[LineInput(r["product"], r["quantity"] or "0", r["weight"] or "0", r["unit_price"] or "0")
                       for r in rows] if kind == "goods" else (),
                ticket=Ticket(**ticket) if kind == "live_hogs" else None, lot_number=form.lot_number.data or "",
                quarantine_cert=form.quarantine_cert.data or "", vehicle=form.vehicle.data or "",
                remarks=form.remarks.data or "")
        except UserError as exc:
            form.form_errors.append(str(exc))
            return _render(form, kind, rows, ticket, 422)
        flash(_("Receipt %(number)s saved.", number=receipt.number), "success")
        return redirect(url_for("purchase.receipt_view", pk=receipt.id))
    return _render(form, kind, rows, ticket)


def _lines(receipt):
    return list(ReceiptLine.select(ReceiptLine, Product).join(Product).where(ReceiptLine.receipt == receipt.id)
                .order_by(ReceiptLine.seq))


@bp.route("/receipts/<int:pk>")
@requires("purchase.receipt.read")
def receipt_view(pk):
    receipt = get_for_plant(GoodsReceipt, pk)
    lines = _lines(receipt)
    return render_template("purchase/receipt.html", receipt=receipt, lines=lines, kinds=KINDS,
                           moves=workflow.available(receipt), form=MoveForm())


@bp.route("/receipts/<int:pk>/move/<move>", methods=["POST"])
@requires("purchase.receipt.read")
def receipt_move(pk, move):
    receipt = posted_move(GoodsReceipt, pk, move, MoveForm())
    flash(_("Receipt %(number)s is now %(state)s.", number=receipt.number,
            state=workflow.state_label(GoodsReceipt, receipt.state)), "success")
    return redirect(url_for("purchase.receipt_view", pk=pk))


@bp.route("/receipts/<int:pk>/ticket")
@requires("purchase.receipt.read")
def receipt_ticket(pk):
    """The weighbridge ticket (磅单) or goods received note (入库单), printed for the supplier to sign."""
    receipt = get_for_plant(GoodsReceipt, pk)
    lines = _lines(receipt)
    title = _("Weighbridge ticket") if receipt.kind == "live_hogs" else _("Goods received note")
    return render_document("purchase/receipt_print.html", plant=receipt.plant_id, title=title, number=receipt.number,
                           date=receipt.date, back=url_for("purchase.receipt_view", pk=receipt.id), receipt=receipt,
                           lines=lines)
