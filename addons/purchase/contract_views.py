"""Purchase contracts: list, form with lines, the contract's page with its review."""
from __future__ import annotations

from decimal import Decimal

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.master_data.models.product import Product
from addons.purchase.contracts import ContractLineInput, save_contract
from addons.purchase.forms import ContractForm, MoveForm
from addons.purchase.lines import posted_rows, product_labels
from addons.purchase.models.contract import PurchaseContract, PurchaseContractLine
from addons.purchase.models.payment import SupplierInvoice, SupplierPayment
from addons.purchase.models.receipt import GoodsReceipt
from addons.purchase.models.supplier import Supplier
from addons.purchase.views import bp
from core import workflow
from core.clock import plant_today
from core.errors import UserError
from core.listing import Column, Filter, list_page
from core.moves import posted_move
from core.records import get_for_plant
from core.security import current_plant, requires

COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("supplier.name", _l("Supplier")),
           Column("date", _l("Date"), "date", sortable=True), Column("delivery_to", _l("Deliveries until"), "date"),
           Column("amount", _l("Amount"), "money", sortable=True), Column("state", _l("State"), "state")]
LINE_KEYS = ("product", "quantity", "unit_price", "delivery_date")


@bp.route("/contracts")
@requires("purchase.contract.read")
def contract_list():
    query = PurchaseContract.select(PurchaseContract, Supplier).join(Supplier)
    return list_page(PurchaseContract, COLUMNS, _("Purchase contracts"), query=query,
                     search=(PurchaseContract.number, Supplier.name, Supplier.code),
                     filters=[Filter("state", _l("State"), PurchaseContract.state, "choice", PurchaseContract.STATES)],
                     order_by=[PurchaseContract.date.desc(), PurchaseContract.id.desc()],
                     new_endpoint="purchase.contract_new", row_endpoint="purchase.contract_view",
                     export_permission="purchase.contract.read")


def _render(form, rows, title, contract=None, status=200):
    rows = rows + [{}] * 3
    return render_template("purchase/contract_form.html", form=form, rows=rows, products=product_labels(rows),
                           title=title, contract=contract), status


def _save(form, title, contract=None):
    rows = posted_rows(request.form, LINE_KEYS)
    inputs = [ContractLineInput(r["product"], r["quantity"], r["unit_price"], r["delivery_date"] or None)
              for r in rows]
    try:
        saved = save_contract(current_plant(), form.supplier.data, form.date.data, inputs,
                              delivery_from=form.delivery_from.data, delivery_to=form.delivery_to.data,
                              remarks=form.remarks.data or "", contract=contract)
    except UserError as exc:
        form.form_errors.append(str(exc))
        return _render(form, rows, title, contract, 422)
    flash(_("Contract %(number)s saved.", number=saved.number), "success")
    return redirect(url_for("purchase.contract_view", pk=saved.id))


@bp.route("/contracts/new", methods=["GET", "POST"])
@requires("purchase.contract.create")
def contract_new():
    form = ContractForm()
    if request.method == "GET":
        form.date.data = plant_today(current_plant())
    if form.validate_on_submit():
        return _save(form, _("New purchase contract"))
    return _render(form, posted_rows(request.form, LINE_KEYS), _("New purchase contract"))


@bp.route("/contracts/<int:pk>/edit", methods=["GET", "POST"])
@requires("purchase.contract.write")
def contract_edit(pk):
    contract = get_for_plant(PurchaseContract, pk)
    title = _("Change contract %(number)s", number=contract.number)
    form = ContractForm(obj=contract)
    if form.validate_on_submit():
        return _save(form, title, contract)
    rows = [{"product": str(x.product_id), "quantity": f"{x.quantity.normalize():f}",
             "unit_price": f"{x.unit_price.normalize():f}",
             "delivery_date": x.delivery_date.isoformat() if x.delivery_date else ""}
            for x in contract.lines.order_by(PurchaseContractLine.seq)]
    return _render(form, rows if request.method == "GET" else posted_rows(request.form, LINE_KEYS), title, contract)


@bp.route("/contracts/<int:pk>")
@requires("purchase.contract.read")
def contract_view(pk):
    contract = get_for_plant(PurchaseContract, pk)
    lines = list(PurchaseContractLine.select(PurchaseContractLine, Product).join(Product)
                 .where(PurchaseContractLine.contract == contract.id).order_by(PurchaseContractLine.seq))
    receipts = list(GoodsReceipt.select().where(GoodsReceipt.contract == contract.id).order_by(GoodsReceipt.id))
    payments = list(SupplierPayment.select().where(SupplierPayment.contract == contract.id).order_by(SupplierPayment.id))
    invoices = list(SupplierInvoice.select().where(SupplierInvoice.contract == contract.id).order_by(SupplierInvoice.id))
    figures = {"received": sum((r.amount - r.returned_amount for r in receipts if r.state == "received"), Decimal("0")),
               "invoiced": sum((i.amount for i in invoices), Decimal("0")),
               "paid": sum((p.amount for p in payments if p.state == "paid"), Decimal("0"))}
    return render_template("purchase/contract.html", contract=contract, lines=lines, receipts=receipts,
                           payments=payments, invoices=invoices, figures=figures,
                           refused=workflow.reason(contract) if contract.state == "refused" else "",
                           moves=workflow.available(contract), form=MoveForm())


@bp.route("/contracts/<int:pk>/move/<move>", methods=["POST"])
@requires("purchase.contract.read")
def contract_move(pk, move):
    contract = posted_move(PurchaseContract, pk, move, MoveForm())
    flash(_("Contract %(number)s is now %(state)s.", number=contract.number,
            state=workflow.state_label(PurchaseContract, contract.state)), "success")
    return redirect(url_for("purchase.contract_view", pk=pk))
