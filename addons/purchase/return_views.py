"""Goods sent back to suppliers: the form lists the receipt's lines with what may still go back."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.master_data.models.product import Product
from addons.purchase.forms import MoveForm
from addons.purchase.models.purchase_return import PurchaseReturn, PurchaseReturnLine
from addons.purchase.models.receipt import GoodsReceipt, ReceiptLine
from addons.purchase.models.supplier import Supplier
from addons.purchase.returning import ReturnInput, save_return
from addons.purchase.views import bp
from core import workflow
from core.clock import plant_today
from core.errors import UserError
from core.forms import Form
from core.listing import Column, Filter, list_page
from core.moves import posted_move
from core.params import id_arg
from core.records import get_for_plant
from core.security import current_plant, requires

COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("supplier.name", _l("Supplier")),
           Column("date", _l("Date"), "date", sortable=True), Column("amount", _l("Amount"), "money"),
           Column("state", _l("State"), "state")]


@bp.route("/returns")
@requires("purchase.return.read")
def return_list():
    query = PurchaseReturn.select(PurchaseReturn, Supplier).join(Supplier)
    return list_page(PurchaseReturn, COLUMNS, _("Purchase returns"), query=query,
                     search=(PurchaseReturn.number, Supplier.name, Supplier.code),
                     filters=[Filter("state", _l("State"), PurchaseReturn.state, "choice", PurchaseReturn.STATES)],
                     order_by=[PurchaseReturn.date.desc(), PurchaseReturn.id.desc()],
                     row_endpoint="purchase.return_view", export_permission="purchase.return.read")


@bp.route("/returns/new", methods=["GET", "POST"])
@requires("purchase.return.create")
def return_new():
    receipt = get_for_plant(GoodsReceipt, id_arg("receipt") or 0)
    lines = list(ReceiptLine.select(ReceiptLine, Product).join(Product).where(ReceiptLine.receipt == receipt.id)
                 .order_by(ReceiptLine.seq))
    form = Form()
    error = None
    if form.validate_on_submit():
        inputs = [ReturnInput(x.id, request.form.get(f"quantity-{x.id}", "").strip() or "0",
                              request.form.get(f"weight-{x.id}", "").strip() or "0") for x in lines
                  if request.form.get(f"quantity-{x.id}", "").strip() or request.form.get(f"weight-{x.id}", "").strip()]
        try:
            record = save_return(current_plant(), receipt.id, plant_today(current_plant()), inputs,
                                 reason=request.form.get("reason", "")[:2000])
        except UserError as exc:
            error = str(exc)
        else:
            flash(_("Return %(number)s saved.", number=record.number), "success")
            return redirect(url_for("purchase.return_view", pk=record.id))
    return render_template("purchase/return_form.html", receipt=receipt, lines=lines, form=form, error=error), \
        422 if error else 200


@bp.route("/returns/<int:pk>")
@requires("purchase.return.read")
def return_view(pk):
    record = get_for_plant(PurchaseReturn, pk)
    lines = list(PurchaseReturnLine.select(PurchaseReturnLine, ReceiptLine, Product).join(ReceiptLine).join(Product)
                 .where(PurchaseReturnLine.purchase_return == record.id).order_by(PurchaseReturnLine.seq))
    return render_template("purchase/return.html", record=record, lines=lines, moves=workflow.available(record),
                           form=MoveForm())


@bp.route("/returns/<int:pk>/move/<move>", methods=["POST"])
@requires("purchase.return.read")
def return_move(pk, move):
    record = posted_move(PurchaseReturn, pk, move, MoveForm())
    flash(_("Return %(number)s is now %(state)s.", number=record.number,
            state=workflow.state_label(PurchaseReturn, record.state)), "success")
    return redirect(url_for("purchase.return_view", pk=pk))
