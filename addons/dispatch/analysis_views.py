"""Loss and on-time analysis, and the live board of today's trips."""
from __future__ import annotations


from flask import jsonify, render_template, request
from flask_babel import format_decimal
from flask_babel import gettext as _

from addons.dispatch import analysis
from addons.dispatch.models.trip import Trip
from addons.dispatch.views import bp
from core.clock import plant_today
from core.params import date_arg
from core.security import current_plant, requires


def _dates():
    today = plant_today(current_plant())
    return date_arg("first", today.replace(day=1)), date_arg("last", today)


@bp.route("/analysis")
@requires("dispatch.delivery_note.read")
def loss_analysis():
    plant = current_plant()
    first, last = _dates()
    by = request.args.get("by", "product")
    by = by if by in analysis.DIMENSIONS else "product"
    rows = analysis.loss(plant, first, last, by)
    if request.args.get("export") == "xlsx":
        from core.excel.xlsx import table_download
        return table_download(_("Transit loss"), [analysis.DIMENSIONS[by], _("Shipped kg"), _("Received kg"),
                                                  _("Loss kg"), _("Loss rate"), _("Lines beyond tolerance"), _("Notes")],
                              [[r["key"], r["shipped"], r["received"], r["loss"], r["rate"], r["flagged"], r["notes"]]
                               for r in rows], f"transit-loss-{by}-{first.isoformat()}-{last.isoformat()}.xlsx")
    return render_template("dispatch/analysis.html", rows=rows, by=by, dims=analysis.DIMENSIONS, first=first, last=last,
                           on_time=analysis.on_time(plant, first, last))


def _board_data():
    plant = current_plant()
    day = plant_today(plant)
    rows = analysis.board(plant, day)
    return day, rows


@bp.route("/board")
@requires("dispatch.trip.read")
def board():
    day, rows = _board_data()
    return render_template("dispatch/board.html", day=day, rows=rows, states=Trip.STATES)


@bp.route("/board.json")
@requires("dispatch.trip.read")
def board_json():
    day, rows = _board_data()
    return jsonify(day=day.isoformat(), trips=[{
        "id": r["trip"].id, "number": r["trip"].number, "state": str(Trip.STATES[r["trip"].state]),
        "planned": format_decimal(r["planned"]), "shipped": format_decimal(r["shipped"]),
        "notes": r["notes"], "signed": r["signed"]} for r in rows])
