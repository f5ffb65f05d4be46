"""Traceability screens: the recall list of a lot, the lots a customer received, the exit record of a day
or a period; each prints as a document and downloads as a workbook."""
from __future__ import annotations

import datetime

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from addons.master_data.models.customer import Customer
from addons.stock.models.lot import Lot
from addons.stock_dispatch import trace
from core.clock import plant_today
from core.excel.xlsx import Book, download
from core.params import date_arg
from core.records import get_for_plant
from core.security import current_plant, requires

bp = Blueprint("stock_dispatch", __name__, template_folder="templates")


def _range(default_days=0) -> tuple[datetime.date, datetime.date]:
    today = plant_today(current_plant())
    first = date_arg("first", today - datetime.timedelta(days=default_days))
    last = date_arg("last", today)
    return (first, last) if first <= last else (last, first)


def _workbook(title, header, rows, filename):
    book = Book()
    sheet = book.sheet(title)
    sheet.append([str(h) for h in header], bold=True)
    for row in rows:
        sheet.append(row)
    return download(book.to_bytes(), filename)


@bp.route("/lots/<int:pk>/recall")
@requires("stock_dispatch.trace")
def recall(pk):
    lot = get_for_plant(Lot, pk)
    rows = trace.recall_list(lot.plant_id, lot.id)
    if request.args.get("export") == "xlsx":
        return _workbook(_("Recall list"), [_("Customer code"), _("Customer"), _("Contact"), _("Phone"), _("Address"),
                                            _("Product code"), _("Product"), _("Quantity"), _("Weight (kg)"),
                                            _("Delivery notes"), _("First shipped"), _("Last shipped")],
                         [[r["customer_code"], r["customer_name"], r["contact"], r["phone"], r["address"],
                           r["product_code"], r["product_name"], r["quantity"], r["weight"], ", ".join(r["notes"]),
                           r["first"], r["last"]] for r in rows], f"recall-{lot.number}.xlsx")
    quantity, weight = trace.totals(rows)
    return render_template("stock_dispatch/recall.html", lot=lot, rows=rows, quantity=quantity, weight=weight,
                           customers=len({r["customer_id"] for r in rows}))


@bp.route("/customers/<int:pk>/lots")
@requires("stock_dispatch.trace")
def customer_lots(pk):
    customer = get_for_plant(Customer, pk)
    first, last = _range(90)
    rows = trace.lots_of_customer(customer.plant_id, customer.id, first, last)
    if request.args.get("export") == "xlsx":
        return _workbook(_("Lots received"), [_("Lot"), _("Product code"), _("Product"), _("First shipped"),
                                              _("Last shipped"), _("Quantity"), _("Weight (kg)")],
                         [[r["lot_number"], r["product_code"], r["product_name"], r["first"], r["last"], r["quantity"],
                           r["weight"]] for r in rows], f"lots-{customer.code}-{first}-{last}.xlsx")
    return render_template("stock_dispatch/customer_lots.html", customer=customer, rows=rows, first=first, last=last)


@bp.route("/exit-record")
@requires("stock_dispatch.trace")
def exit_record():
    plant = current_plant()
    first, last = _range(0)
    if request.args.get("export") == "xlsx":
        rows = trace.exit_record(plant.id, first, last)
        return _workbook(_("Exit record"), [_("Day"), _("Delivery note"), _("Customer code"), _("Customer"),
                                            _("Contact"), _("Phone"), _("Address"), _("Product code"), _("Product"),
                                            _("Lot"), _("Animal quarantine certificate"),
                                            _("Meat quality inspection certificate"), _("ASF test report"),
                                            _("Quantity"), _("Weight (kg)")],
                         [[getattr(r, f) for f in trace.FIELDS] for r in rows], f"exit-record-{first}-{last}.xlsx")
    rows = trace.exit_record(plant.id, first, last, limit=5001)
    quantity, weight = trace.totals(rows[:5000])
    return render_template("stock_dispatch/exit_record.html", rows=rows[:5000], more=len(rows) > 5000, first=first,
                           last=last, quantity=quantity, weight=weight, plant=plant)
