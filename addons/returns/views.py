"""Return orders: list, form with lines back and out, review, refund; reasons; the approval limit."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.dispatch.models.note import DeliveryNote
from addons.ledger.models.receipt import METHODS
from addons.master_data.models.customer import Customer
from addons.returns.forms import MoveForm, ReasonForm, RefundForm, ReturnForm, SettingsForm
from addons.master_data.models.product import Product
from addons.returns.models.line import ReturnLine
from addons.returns.models.reason import ReturnReason
from addons.returns.models.return_order import KINDS, ReturnOrder
from addons.returns.models.settings import ReturnSettings
from addons.returns.returns import ReturnInput, save_return
from addons.returns.review import approval_limit
from addons.sales_order.lines import units_by_id
from addons.sales_order.models.order import Order
from addons.sales_order.order_form import customer_query, product_labels
from core import plant_settings, workflow
from core.crud import crud_routes
from core.errors import UserError
from core.forms import choices
from core.listing import Column, Filter, form_page, list_page
from core.moves import posted_move
from core.picker import ids_by_code
from core.records import get_for_plant, plant_scoped
from core.security import current_plant, requires

bp = Blueprint("returns", __name__, template_folder="templates")

REASONS = crud_routes(bp, ReturnReason, ReasonForm, [
    Column("code", _l("Code"), link=True), Column("name", _l("Name")), Column("active", _l("Active"), "bool"),
], name="reason", title=_l("Return reasons"), permission="returns.reason",
    search=(ReturnReason.code, ReturnReason.name), order_by=[ReturnReason.code], import_spec="return_reasons")

COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("kind", _l("Kind"), "choice", choices=KINDS),
           Column("customer.name", _l("Customer")), Column("reason.name", _l("Reason")),
           Column("state", _l("State"), "state"), Column("claimed", _l("Claimed"), "money"),
           Column("credit", _l("Credited"), "money"), Column("refunded", _l("Refunded"), "money"),
           Column("created_at", _l("Entered"), "datetime", sortable=True)]


@bp.route("/orders")
@requires("returns.order.read")
def order_list():
    query = ReturnOrder.select(ReturnOrder, Customer).join(Customer)
    return list_page(ReturnOrder, COLUMNS, _("Returns"), query=query,
                     search=(ReturnOrder.number, Customer.name, Customer.code, ReturnOrder.tracking),
                     filters=[Filter("state", _l("State"), ReturnOrder.state, "choice", ReturnOrder.STATES),
                              Filter("kind", _l("Kind"), ReturnOrder.kind, "choice", KINDS)],
                     new_endpoint="returns.order_new", row_endpoint="returns.order_view",
                     export_permission="returns.order.read")


def _form(record=None):
    form = ReturnForm(obj=record)
    form.customer.query = customer_query
    form.reason.choices = choices([(0, "—")] + [(r.id, r.name) for r in plant_scoped(ReturnReason)
                                                .where(ReturnReason.active == True).order_by(ReturnReason.code)])  # noqa: E712
    if record is not None and request.method == "GET":
        form.reason.data = record.reason_id or 0
        form.note_number.data = DeliveryNote.get_by_id(record.note_id).number if record.note_id else ""
        form.order_number.data = Order.get_by_id(record.order_id).number if record.order_id else ""
        form.claimed.data = f"{record.claimed}" if record.kind == "claim" else ""
    return form


def _posted_lines():
    numbers = sorted({int(k.split("-")[1]) for k in request.form if k.startswith("lines-") and k.split("-")[1].isdigit()})
    rows = []
    for n in numbers:
        row = {key: (request.form.get(f"lines-{n}-{key}") or "").strip()
               for key in ("product", "product_text", "quantity", "weight", "direction")}
        if row["product"] or row["product_text"] or row["quantity"]:
            rows.append(row)
    # a product typed and not chosen from the suggestions is taken by its code (core.picker)
    typed = ids_by_code(Product, [r["product_text"] for r in rows if not r["product"]])
    out = []
    for row in rows:
        sign = "" if row["direction"] == "out" else "-"
        qty = row["quantity"]
        out.append(ReturnInput(row["product"] or typed.get(row["product_text"]) or None,
                               (sign + qty.lstrip("+-")) if qty else "0", row["weight"] or None))
    return out


def _echo(inputs):
    return [{"product": str(i.product or ""), "direction": "back" if str(i.quantity).startswith("-") else "out",
             "quantity": str(i.quantity).lstrip("-"), "weight": i.weight or ""} for i in inputs]


def _lookup(model, number, field):
    if not number:
        return None
    found = plant_scoped(model).where(model.number == number.strip()).first()
    if found is None:
        raise UserError(_("There is no %(what)s numbered %(number)s.", what=field, number=number), field=field)
    return found.id


def _save(form, record, title):
    inputs = _posted_lines()
    try:
        customer = get_for_plant(Customer, form.customer.data)
        saved = save_return(customer, inputs, kind=form.kind.data, reason_id=form.reason.data or None,
                            order_id=_lookup(Order, form.order_number.data, _("order")),
                            note_id=_lookup(DeliveryNote, form.note_number.data, _("delivery note")),
                            tracking=form.tracking.data or "", remarks=form.remarks.data or "",
                            claimed=form.claimed.data or None, record=record)
    except UserError as exc:
        form.form_errors.append(str(exc))
        return _render(form, _echo(inputs), title, record), 422
    flash(_("Return %(number)s saved.", number=saved.number), "success")
    return redirect(url_for("returns.order_view", pk=saved.id))


def _render(form, rows, title, record=None):
    rows = rows + [{}] * 3
    return render_template("returns/form.html", form=form, rows=rows, products=product_labels(rows),
                           title=title, record=record)


@bp.route("/orders/new", methods=["GET", "POST"])
@requires("returns.order.create")
def order_new():
    form = _form()
    if form.validate_on_submit():
        return _save(form, None, _("New return"))
    return _render(form, _echo(_posted_lines()) if request.method == "POST" else [], _("New return"))


@bp.route("/orders/<int:pk>/edit", methods=["GET", "POST"])
@requires("returns.order.write")
def order_edit(pk):
    record = get_for_plant(ReturnOrder, pk)
    title = _("Change return %(number)s", number=record.number)
    form = _form(record)
    if form.validate_on_submit():
        return _save(form, record, title)
    rows = [{"product": str(x.product_id), "direction": "back" if x.quantity < 0 else "out",
             "quantity": f"{abs(x.quantity).normalize():f}", "weight": f"{x.weight.normalize():f}"}
            for x in record.lines.order_by(ReturnLine.seq)]
    return _render(form, rows, title, record)


@bp.route("/orders/<int:pk>")
@requires("returns.order.read")
def order_view(pk):
    record = get_for_plant(ReturnOrder, pk)
    lines = list(ReturnLine.select(ReturnLine, Product).join(Product).where(ReturnLine.order == record.id)
                 .order_by(ReturnLine.seq))
    refund = RefundForm(data={"amount": record.credit - record.refunded})
    refund.method.choices = choices(METHODS.items())
    note = DeliveryNote.get_or_none(DeliveryNote.id == record.note_id) if record.note_id else None
    inbound = DeliveryNote.get_or_none(DeliveryNote.id == record.inbound_note_id) if record.inbound_note_id else None
    exchange = Order.get_or_none(Order.id == record.exchange_order_id) if record.exchange_order_id else None
    return render_template("returns/order.html", record=record, lines=lines, units=units_by_id(), kinds=KINDS,
                           moves=workflow.available(record), form=MoveForm(), refund=refund, note=note,
                           inbound=inbound, exchange=exchange, limit=approval_limit(record.plant_id))


@bp.route("/orders/<int:pk>/move/<move>", methods=["POST"])
@requires("returns.order.read")
def order_move(pk, move):
    record = posted_move(ReturnOrder, pk, move, MoveForm())
    flash(_("Return %(number)s is now %(state)s.", number=record.number,
          state=workflow.state_label(ReturnOrder, record.state)), "success")
    return redirect(url_for("returns.order_view", pk=pk))


@bp.route("/orders/<int:pk>/refund", methods=["POST"])
@requires("returns.refund")
def order_refund(pk):
    record = get_for_plant(ReturnOrder, pk)
    form = RefundForm()
    form.method.choices = choices(METHODS.items())
    if not form.validate_on_submit():
        raise UserError(_("Give the amount and how it is paid out."), field="amount")
    record.refund(form.amount.data, form.method.data)
    flash(_("Return %(number)s refunded.", number=record.number), "success")
    return redirect(url_for("returns.order_view", pk=pk))


@bp.route("/settings", methods=["GET", "POST"])
@requires("returns.settings")
def settings():
    plant = current_plant()
    form = SettingsForm(data={"approve_limit": approval_limit(plant.id)})
    if form.validate_on_submit():
        plant_settings.save(ReturnSettings, plant, {"approve_limit": form.approve_limit.data})
        flash(_("Saved."), "success")
        return redirect(url_for("returns.settings"))
    return form_page(form, _("Return approval of %(plant)s", plant=plant.name))


@bp.route("/analysis")
@requires("returns.order.read")
def analysis_page():
    from addons.returns.analysis import DIMENSIONS, returns_by
    from core.clock import plant_today
    from core.params import date_arg
    plant = current_plant()
    today = plant_today(plant)
    first, last = date_arg("first", today.replace(day=1)), date_arg("last", today)
    by = request.args.get("by", "customer")
    by = by if by in DIMENSIONS else "customer"
    rows = returns_by(plant, first, last, by)
    if request.args.get("export") == "xlsx":
        from core.excel.xlsx import table_download
        return table_download(_("Returns"), [DIMENSIONS[by], _("Returned"), _("Returns"), _("Shipped"), _("Return rate")],
                              [[r["key"], r["returned"], r["returns"], r["shipped"], r["rate"]] for r in rows],
                              f"returns-{by}-{first.isoformat()}-{last.isoformat()}.xlsx")
    return render_template("returns/analysis.html", rows=rows, by=by, dims=DIMENSIONS, first=first, last=last)
