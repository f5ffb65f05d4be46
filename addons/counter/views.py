"""The counter: one fast screen (find, weigh, pay, print), the receipt on 58 or 80 mm paper, the sales of the
day, a return with its refund, and the shift's opening and closing."""
from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import Length, Optional

from addons.counter import selling, shifts
from addons.counter.models.counter import METHODS, CounterLine, CounterSale, CounterSettings, Shift
from addons.master_data.models.price import PriceList
from addons.master_data.models.product import Product
from addons.master_data.models.unit import Unit
from addons.master_data.pickers import CustomerField
from addons.sales_order.pricing import prices_for
from addons.weighing import capture
from addons.weighing.models.station import Station
from core import plant_settings
from core.clock import plant_today
from core.errors import UserError
from core.forms import Form, choices, ref_choices
from core.listing import Column, Filter, form_page, list_page
from core.records import get_for_plant, plant_scoped
from core.security import current_plant, current_user_or_none, requires

bp = Blueprint("counter", __name__, template_folder="templates", static_folder="static",
               static_url_path="/counter-static")


class ShiftForm(Form):
    opening_cash = StringField(_l("Cash in the drawer"), validators=[Optional(), Length(max=20)])
    submit = SubmitField(_l("Open my shift"))


class CloseForm(Form):
    counted_cash = StringField(_l("Cash counted"), validators=[Length(max=20)])
    submit = SubmitField(_l("Close my shift"))


class SaleForm(Form):
    customer = CustomerField(_l("Named customer (blank: walk-in)"))


class ReturnForm(Form):
    reason = StringField(_l("Reason"), validators=[Length(max=300)])


class SettingsForm(Form):
    station = SelectField(_l("The counter's scale"), coerce=lambda v: int(v) if str(v).isdigit() else None)
    price_list = SelectField(_l("Walk-in customers pay the prices of"), coerce=lambda v: int(v) if str(v).isdigit() else None)
    paper_mm = SelectField(_l("Receipt paper"), choices=choices([("58", "58 mm"), ("80", "80 mm")]), coerce=int)
    submit = SubmitField(_l("Save"))


def _shift_or_open():
    return selling.current_shift(current_plant(), current_user_or_none())


@bp.route("/", methods=["GET", "POST"])
@requires("counter.sell")
def screen():
    plant = current_plant()
    shift = _shift_or_open()
    if shift is None:
        form = ShiftForm()
        if form.validate_on_submit():
            selling.open_shift(plant, form.opening_cash.data)
            return redirect(url_for("counter.screen"))
        return form_page(form, _("Open your shift"))
    settings = selling.settings_of(plant.id)
    form = SaleForm()
    return render_template("counter/screen.html", shift=shift, settings=settings, form=form, methods=METHODS,
                           station=Station.get_or_none(Station.id == settings.station_id) if settings.station_id else None)


@bp.route("/find")
@requires("counter.sell")
def find():
    """Products by code, barcode or name (or pinyin initials), with the walk-in's price today."""
    plant = current_plant()
    q = (request.args.get("q") or "").strip()[:60]
    if not q:
        return jsonify([])
    query = (Product.select(Product, Unit).join(Unit, on=(Product.pricing_unit == Unit.id))
             .where((Product.plant == plant.id) & (Product.active == True)))  # noqa: E712
    exact = list(query.where((Product.code == q) | (Product.barcode == q)).limit(1))
    rows = exact or list(query.where(Product.code.startswith(q) | Product.name.contains(q)
                                     | Product.initials.startswith(q.lower())).order_by(Product.code).limit(12))
    quotes = prices_for(selling.walk_in(plant), [p.id for p in rows], plant_today(plant))
    return jsonify([{"id": p.id, "code": p.code, "name": p.name, "price": f"{quotes[p.id].price:.2f}"
                     if p.id in quotes else None, "by_weight": p.pricing_unit.kind == "weight", "exact": bool(exact)}
                    for p in rows])


@bp.route("/weigh", methods=["POST"])
@requires("counter.sell")
def weigh():
    plant = current_plant()
    station_id = selling.settings_of(plant.id).station_id
    if not station_id:
        raise UserError(_("The counter has no scale: set it in the counter's settings."), field="station")
    weighing = capture.take(plant.id, station_id)
    return jsonify({"weighing": weighing.id, "net": f"{weighing.net:.3f}", "label": format_decimal(weighing.net)})


def _cart():
    out = []
    n = 0
    while f"line-{n}-product" in request.form and n < 200:
        out.append(selling.CartLine(request.form.get(f"line-{n}-product"), request.form.get(f"line-{n}-quantity") or "1",
                                    request.form.get(f"line-{n}-weighing") or None))
        n += 1
    return out


def _paid():
    return [selling.Paid(m, request.form.get(f"pay-{m}", ""), request.form.get(f"ref-{m}", "")) for m in METHODS]


@bp.route("/sales", methods=["POST"])
@requires("counter.sell")
def sell():
    form = SaleForm()
    if not form.validate_on_submit():
        raise UserError(_("Choose one of the suggestions for the customer, or leave it blank."), field="customer")
    sale = selling.sell(current_plant(), _cart(), _paid(), form.customer.data)
    return redirect(url_for("counter.receipt", pk=sale.id, print=1))


COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("day", _l("Date"), "date", sortable=True),
           Column("kind", _l("Kind"), "choice", choices={"sale": _l("Sale"), "return": _l("Return")}),
           Column("customer.name", _l("Customer")), Column("amount", _l("Amount"), "money", sortable=True),
           Column("cashier.name", _l("Cashier"))]


@bp.route("/sales")
@requires("counter.sale.read")
def sale_list():
    return list_page(CounterSale, COLUMNS, _("Counter sales"), search=(CounterSale.number,),
                     filters=[Filter("kind", _l("Kind"), CounterSale.kind, "choice",
                                     {"sale": _l("Sale"), "return": _l("Return")})],
                     order_by=[CounterSale.id.desc()], row_endpoint="counter.receipt",
                     export_permission="counter.sale.read")


@bp.route("/sales/<int:pk>")
@requires("counter.sale.read")
def receipt(pk):
    sale = get_for_plant(CounterSale, pk)
    mm = request.args.get("mm", type=int) or selling.settings_of(sale.plant_id).paper_mm
    mm = mm if mm in (58, 80) else 80
    lines = list(CounterLine.select(CounterLine, Product, Unit).join(Product)
                 .join(Unit, on=(Product.pricing_unit == Unit.id)).where(CounterLine.sale == sale.id)
                 .order_by(CounterLine.seq))
    from core.company import company_of
    return render_template("counter/receipt.html", sale=sale, lines=lines, payments=list(sale.payments), mm=mm,
                           company=company_of(sale.plant),
                           methods=METHODS, auto_print=request.args.get("print") == "1")


@bp.route("/sales/<int:pk>/return", methods=["GET", "POST"])
@requires("counter.sell")
def return_sale(pk):
    sale = get_for_plant(CounterSale, pk)
    form = ReturnForm()
    left = selling.returnable(sale)
    lines = list(sale.lines.order_by(CounterLine.seq))
    status = 200
    if request.method == "POST" and form.validate_on_submit():
        items = {x.id: (request.form.get(f"qty-{x.id}", ""), request.form.get(f"kg-{x.id}", "")) for x in lines}
        try:
            back = selling.return_goods(current_plant(), sale, items, _paid(), form.reason.data)
        except UserError as exc:
            form.form_errors.append(str(exc))
            status = 422
        else:
            flash(_("Return %(number)s refunded.", number=back.number), "success")
            return redirect(url_for("counter.receipt", pk=back.id, print=1))
    return render_template("counter/return.html", sale=sale, lines=lines, left=left, form=form, methods=METHODS), status


@bp.route("/shift", methods=["GET", "POST"])
@requires("counter.sell")
def shift_close():
    shift = _shift_or_open()
    if shift is None:
        return redirect(url_for("counter.screen"))
    form = CloseForm()
    if form.validate_on_submit():
        closed = shifts.close(shift, form.counted_cash.data)
        flash(_("Shift %(number)s closed.", number=closed.number), "success")
        return redirect(url_for("counter.shift_report", pk=closed.id))
    return render_template("counter/shift.html", shift=shift, figures=shifts.figures(shift), methods=METHODS, form=form)


@bp.route("/shifts/<int:pk>")
@requires("counter.shift.read")
def shift_report(pk):
    shift = get_for_plant(Shift, pk)
    if shift.cashier_id != current_user_or_none().id and not current_user_or_none().is_superuser:
        from core.security import may
        if not may(current_user_or_none(), "counter.all_shifts", shift.plant_id):
            abort(404)
    return render_template("counter/shift.html", shift=shift, figures=shifts.figures(shift), methods=METHODS, form=None)


SHIFT_COLUMNS = [Column("number", _l("Number"), link=True), Column("day", _l("Date"), "date", sortable=True),
                 Column("cashier.name", _l("Cashier")), Column("opening_cash", _l("Float"), "money"),
                 Column("expected_cash", _l("Cash expected"), "money"), Column("counted_cash", _l("Cash counted"), "money"),
                 Column("state", _l("State"), "state")]


@bp.route("/shifts")
@requires("counter.all_shifts")
def shift_list():
    return list_page(Shift, SHIFT_COLUMNS, _("Shifts"), order_by=[Shift.id.desc()], row_endpoint="counter.shift_report",
                     export_permission="counter.all_shifts")


@bp.route("/settings", methods=["GET", "POST"])
@requires("counter.settings")
def settings():
    plant = current_plant()
    current = selling.settings_of(plant.id)
    form = SettingsForm(data={"station": current.station_id, "price_list": current.price_list_id,
                              "paper_mm": current.paper_mm})
    form.station.choices = ref_choices(plant_scoped(Station).where(Station.active == True))  # noqa: E712
    form.price_list.choices = ref_choices(plant_scoped(PriceList).where(PriceList.active == True))  # noqa: E712
    if form.validate_on_submit():
        plant_settings.save(CounterSettings, plant, {"station": form.station.data, "price_list": form.price_list.data,
                                                     "paper_mm": form.paper_mm.data})
        walk = selling.walk_in(plant)
        walk.price_list = form.price_list.data
        walk.save()
        flash(_("Saved."), "success")
        return redirect(url_for("counter.settings"))
    return form_page(form, _("Counter of %(plant)s", plant=plant.name))


