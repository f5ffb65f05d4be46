"""Price board screens: the boards, a board's grid (groups across, products down), its publication, the
history of a product's board prices with a chart, and the plant's rules."""
from __future__ import annotations

import datetime

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, SelectField, StringField, SubmitField, TimeField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from addons.master_data.models.price import PriceList
from addons.master_data.models.product import Product
from addons.price_board import boards
from addons.price_board.models.board import FLOOR_POLICIES, BoardSettings, PriceBoard, PriceBoardLine
from core import charts, clock, plant_settings, workflow
from core.errors import UserError
from core.forms import Form, choices
from core.listing import Column, Filter, form_page, list_page
from core.moves import posted_move
from core.params import date_range, id_arg
from core.records import get_for_plant
from core.security import current_plant, requires

bp = Blueprint("price_board", __name__, template_folder="templates")


class BoardForm(Form):
    day = DateField(_l("Delivery day"), validators=[DataRequired()])
    publish_day = DateField(_l("Published on"), validators=[DataRequired()])
    publish_time = TimeField(_l("at"), validators=[DataRequired()])
    index_price = StringField(_l("The day's index price (for margins)"), validators=[Optional(), Length(max=20)])
    note = StringField(_l("Note"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Save"))


class MoveForm(Form):
    comment = StringField(_l("Reason"), validators=[Optional(), Length(max=1000)])


class SettingsForm(Form):
    floor_policy = SelectField(_l("A price below the floor"), choices=choices(FLOOR_POLICIES.items()))
    publish_minutes = IntegerField(_l("Publish the day before at (minutes after midnight, e.g. 840 for 14:00)"),
                                   validators=[NumberRange(min=0, max=24 * 60 - 1)])
    submit = SubmitField(_l("Save"))


COLUMNS = [Column("day", _l("Delivery day"), "date", link=True, sortable=True),
           Column("publish_at", _l("Published on"), "datetime"), Column("index_price", _l("Index price"), "price"),
           Column("state", _l("State"), "state"), Column("note", _l("Note"))]


@bp.route("/")
@requires("price_board.board.read")
def board_list():
    return list_page(PriceBoard, COLUMNS, _("Price boards"),
                     filters=[Filter("state", _l("State"), PriceBoard.state, "choice", PriceBoard.STATES)],
                     order_by=[PriceBoard.day.desc()], new_endpoint="price_board.board_new",
                     row_endpoint="price_board.board_view", export_permission="price_board.board.read")


def _grid(plant):
    lists = list(PriceList.select().where((PriceList.plant == plant.id) & (PriceList.active == True))  # noqa: E712
                 .order_by(PriceList.is_default.desc(), PriceList.code))
    products = list(Product.select().where((Product.plant == plant.id) & (Product.active == True))  # noqa: E712
                    .order_by(Product.code))
    return lists, products


def _cells_posted(lists, products) -> dict:
    return {(pl.id, p.id): request.form.get(f"cell-{pl.id}-{p.id}", "") for pl in lists for p in products}


def _cells_of(board) -> dict:
    out = {}
    for line in PriceBoardLine.select().where(PriceBoardLine.board == board.id):
        text = (f"{'+' if line.margin >= 0 else '-'}{abs(line.margin).normalize():f}" if line.by_index
                else f"{line.price.normalize():f}")
        out[(line.price_list_id, line.product_id)] = text
    return out


def _edit(board=None):
    plant = current_plant()
    lists, products = _grid(plant)
    if board is None:
        day = clock.plant_today(plant) + datetime.timedelta(days=1)
        at = clock.to_plant(plant, boards.default_publish_at(plant, day))
        form = BoardForm(data={"day": day, "publish_day": at.date(), "publish_time": at.time()})
        cells = {}
    else:
        at = clock.to_plant(plant, board.publish_at)
        form = BoardForm(data={"day": board.day, "publish_day": at.date(), "publish_time": at.time(),
                               "index_price": f"{board.index_price.normalize():f}" if board.index_price else "",
                               "note": board.note})
        cells = _cells_of(board)
    status = 200
    if request.method == "POST":
        cells = {k: v for k, v in _cells_posted(lists, products).items() if v.strip()}
        if form.validate_on_submit():
            publish_at = clock.from_plant(plant, datetime.datetime.combine(form.publish_day.data, form.publish_time.data))
            try:
                saved = boards.save_board(plant, form.day.data, publish_at, form.index_price.data, cells,
                                          form.note.data, board=board)
            except UserError as exc:
                form.form_errors.append(str(exc))
                status = 422
            else:
                for warning in saved.warnings:
                    flash(warning, "warning")
                flash(_("Price board for %(day)s saved.", day=saved.board.day.isoformat()), "success")
                return redirect(url_for("price_board.board_view", pk=saved.board.id))
        else:
            status = 422
    standing = boards.standing(plant.id, [pl.id for pl in lists], [p.id for p in products],
                               form.day.data or clock.plant_today(plant))
    return render_template("price_board/board_form.html", form=form, lists=lists, products=products, cells=cells,
                           standing=standing, board=board,
                           title=_("Price board") if board else _("New price board")), status


@bp.route("/new", methods=["GET", "POST"])
@requires("price_board.board.create")
def board_new():
    return _edit()


@bp.route("/<int:pk>/edit", methods=["GET", "POST"])
@requires("price_board.board.write")
def board_edit(pk):
    return _edit(get_for_plant(PriceBoard, pk))


@bp.route("/<int:pk>")
@requires("price_board.board.read")
def board_view(pk):
    board = get_for_plant(PriceBoard, pk)
    lists, products = _grid(board.plant)
    lines = {(x.price_list_id, x.product_id): x for x in PriceBoardLine.select().where(PriceBoardLine.board == board.id)}
    shown = [p for p in products if any((pl.id, p.id) in lines for pl in lists)]
    return render_template("price_board/board.html", board=board, lists=lists, products=shown, lines=lines,
                           moves=workflow.available(board), form=MoveForm(),
                           publish_at=clock.to_plant(board.plant, board.publish_at))


@bp.route("/<int:pk>/move/<move>", methods=["POST"])
@requires("price_board.board.read")
def board_move(pk, move):
    board = posted_move(PriceBoard, pk, move, MoveForm())
    flash(_("Price board for %(day)s is now %(state)s.", day=board.day.isoformat(),
            state=workflow.state_label(PriceBoard, board.state)), "success")
    return redirect(url_for("price_board.board_view", pk=pk))


def _history(plant):
    today = clock.plant_today(plant)
    first, last = date_range(today - datetime.timedelta(days=30), today + datetime.timedelta(days=1))
    lists, products = _grid(plant)
    product_id = id_arg("product", products[0].id if products else 0)
    query = (PriceBoardLine.select(PriceBoardLine, PriceBoard).join(PriceBoard)
             .where((PriceBoard.plant == plant.id) & (PriceBoard.state == "published") & (PriceBoard.day >= first)
                    & (PriceBoard.day <= last) & (PriceBoardLine.product == product_id)).order_by(PriceBoard.day))
    by_day: dict = {}
    for line in query:
        by_day.setdefault(line.board.day, {})[line.price_list_id] = line.price
    return first, last, lists, products, product_id, sorted(by_day.items())


@bp.route("/history")
@requires("price_board.board.read")
def history():
    plant = current_plant()
    first, last, lists, products, product_id, rows = _history(plant)
    if request.args.get("export") == "xlsx":
        from core.excel.xlsx import table_download
        return table_download(_("Price board history"), [_("Delivery day")] + [pl.name for pl in lists],
                              [[day] + [prices.get(pl.id) for pl in lists] for day, prices in rows],
                              f"price-board-{first.isoformat()}-{last.isoformat()}.xlsx")
    return render_template("price_board/history.html", first=first, last=last, lists=lists, products=products,
                           product_id=product_id, rows=rows)


@bp.route("/history.svg")
@requires("price_board.board.read")
def history_chart():
    plant = current_plant()
    _first, _last, lists, products, product_id, rows = _history(plant)
    product = next((p for p in products if p.id == product_id), None)
    return charts.svg_response(charts.lines(product.name if product else "", [d.isoformat() for d, _p in rows],
                                            [(pl.name, [prices.get(pl.id) for _d, prices in rows]) for pl in lists]))


@bp.route("/settings", methods=["GET", "POST"])
@requires("price_board.settings")
def settings():
    plant = current_plant()
    current = boards.settings_of(plant.id)
    form = SettingsForm(data={"floor_policy": current.floor_policy, "publish_minutes": current.publish_minutes})
    if form.validate_on_submit():
        plant_settings.save(BoardSettings, plant, {"floor_policy": form.floor_policy.data,
                                                   "publish_minutes": form.publish_minutes.data})
        flash(_("Saved."), "success")
        return redirect(url_for("price_board.settings"))
    return form_page(form, _("Price board rules of %(plant)s", plant=plant.name))
