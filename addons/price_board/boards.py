"""The daily price board: written as a grid of groups and products, checked against the floor as the plant
chooses (warn, block or off), and published (at its instant by the job, or at once by hand) as one-day price
rows, which the price policy then prefers for that day."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.master_data.models.price import PriceList
from addons.master_data.models.price_row import PriceRow
from addons.master_data.models.product import Product
from addons.price_board.models.board import BoardSettings, PriceBoard, PriceBoardLine
from core import audit, clock, context
from core.db import lock_get, transaction
from core.errors import UserError
from core.messages import Outcome
from core.numbers import decimal_input

ZERO = Decimal("0")


def settings_of(plant_id) -> BoardSettings:
    found = BoardSettings.get_or_none(BoardSettings.plant == plant_id)
    return found if found is not None else BoardSettings(plant=plant_id)


def default_publish_at(plant, day: datetime.date) -> datetime.datetime:
    """The plant's set time on the day before `day`, as the instant to store."""
    minutes = settings_of(plant.id).publish_minutes
    local = datetime.datetime.combine(day - datetime.timedelta(days=1), datetime.time(0)) \
        + datetime.timedelta(minutes=minutes)
    return clock.from_plant(plant, local)


def standing(plant_id, list_ids, product_ids, day) -> dict[tuple, tuple]:
    """{(list id, product id): (price, floor)} of the standing price rows on `day`, one-day board rows left out."""
    keys = {PriceRow.key_for(price_list_id=i): i for i in list_ids}
    rows = (PriceRow.select(PriceRow.scope_key, PriceRow.product, PriceRow.price, PriceRow.floor_price)
            .where((PriceRow.plant == plant_id) & PriceRow.scope_key.in_(list(keys)) & PriceRow.product.in_(list(product_ids))
                   & (PriceRow.valid_from <= day) & (PriceRow.valid_to.is_null() | (PriceRow.valid_to >= day))
                   & ~((PriceRow.valid_from == day) & (PriceRow.valid_to == day)))
            .order_by(PriceRow.valid_from, PriceRow.id).tuples())
    return {(keys[key], product): (price, floor) for key, product, price, floor in rows}   # the latest start wins


@dataclass
class Saved:
    board: PriceBoard
    warnings: list = field(default_factory=list)


def _cell(raw, label):
    """A typed price, or "+1.20" / "-0.50": a margin over the day's index."""
    text = str(raw or "").strip().replace(",", "")
    if not text:
        return None
    if text[0] in "+-":
        margin = decimal_input(text[1:], field="cells", label=label, places=4)
        return True, margin if text[0] == "+" else -margin
    return False, decimal_input(text, field="cells", label=label, places=4, allow_zero=False)


def save_board(plant, day, publish_at, index_price, cells: dict, note="", board=None) -> Saved:
    """`cells`: {(price list id, product id): typed text}; a blank cell leaves the standing price that day."""
    today = clock.plant_today(plant)
    if day is None or day < today:
        raise UserError(_("A price board is for today or a later day."), field="day")
    if publish_at is None:
        publish_at = default_publish_at(plant, day)
    index = decimal_input(index_price or "0", field="index_price", label=_("Index price"), places=4, allow_zero=True)
    lists = {p.id: p for p in PriceList.select().where((PriceList.plant == plant.id) & (PriceList.active == True))}  # noqa: E712
    products = {p.id: p for p in Product.select().where((Product.plant == plant.id) & (Product.active == True))}  # noqa: E712
    floors = standing(plant.id, list(lists), list(products), day)
    policy = settings_of(plant.id).floor_policy
    rows, warnings = [], []
    for (list_id, product_id), raw in sorted(cells.items()):
        price_list, product = lists.get(list_id), products.get(product_id)
        if price_list is None or product is None:
            raise UserError(_("Choose active price lists and products of this plant."), field="cells")
        label = f"{product.code} {product.name} · {price_list.name}"
        parsed = _cell(raw, label)
        if parsed is None:
            continue
        by_index, value = parsed
        if by_index and index <= 0:
            raise UserError(_("%(cell)s: a margin needs the day's index price.", cell=label), field="index_price")
        price = index + value if by_index else value
        if price <= 0:
            raise UserError(_("%(cell)s: the price comes to %(price)s; it must be above zero.", cell=label,
                              price=f"{price:.4f}"), field="cells")
        floor = floors.get((list_id, product_id), (None, ZERO))[1] or ZERO
        below = policy != "off" and price < floor
        if below and policy == "block":
            raise UserError(_("%(cell)s: %(price)s is below the floor %(floor)s.", cell=label, price=f"{price:.2f}",
                              floor=f"{floor:.2f}"), field="cells")
        if below:
            warnings.append(_("%(cell)s: %(price)s is below the floor %(floor)s.", cell=label, price=f"{price:.2f}",
                              floor=f"{floor:.2f}"))
        rows.append({"price_list": list_id, "product": product_id, "by_index": by_index,
                     "margin": value if by_index else ZERO, "price": price, "floor": floor, "below_floor": below})
    if not rows:
        raise UserError(_("Give at least one price."), field="cells")
    user = context.current().user
    with transaction():
        if board is None:
            if PriceBoard.select().where((PriceBoard.plant == plant.id) & (PriceBoard.day == day)).exists():
                raise UserError(_("There is already a price board for %(day)s.", day=day.isoformat()), field="day")
            board = PriceBoard.create(plant=plant.id, day=day, publish_at=publish_at, index_price=index,
                                      note=(note or "")[:300], created_by=user.id if user else None)
        else:
            board = lock_get(PriceBoard, board.id)
            if board.state != "draft":
                raise UserError(_("Only a draft board can be changed."))
            PriceBoard.update(day=day, publish_at=publish_at, index_price=index, note=(note or "")[:300]).where(
                PriceBoard.id == board.id).execute()
            PriceBoardLine.delete().where(PriceBoardLine.board == board.id).execute()
        PriceBoardLine.insert_many([{"board": board.id, **r} for r in rows]).execute()
        audit.log("write", PriceBoard._meta.table_name, board.id, plant=plant.id,
                  new={"day": day.isoformat(), "lines": len(rows), "index_price": str(index)})
    return Saved(PriceBoard.get_by_id(board.id), warnings)


def check_publishable(board):
    lines = list(PriceBoardLine.select().where(PriceBoardLine.board == board.id))
    if not lines:
        raise UserError(_("Give at least one price."))
    if settings_of(board.plant_id).floor_policy == "block" and any(line.below_floor for line in lines):
        raise UserError(_("Some prices are below the floor, and this plant blocks that."))


def write_prices(board):
    """The body of PriceBoard.publish: each line becomes the group's price row of that one day."""
    check_publishable(board)
    lines = list(PriceBoardLine.select().where(PriceBoardLine.board == board.id))
    day = board.day
    for line in lines:
        key = PriceRow.key_for(price_list_id=line.price_list_id)
        row = PriceRow.get_or_none((PriceRow.plant == board.plant_id) & (PriceRow.scope_key == key)
                                   & (PriceRow.product == line.product_id) & (PriceRow.valid_from == day))
        if row is not None and row.valid_to != day:
            raise UserError(_("A price of %(product)s already starts on %(day)s; change it there, or leave the "
                              "product off the board.", product=line.product.name, day=day.isoformat()))
        if row is None:
            row = PriceRow(plant=board.plant_id, price_list=line.price_list_id, product=line.product_id,
                           valid_from=day, valid_to=day)
        row.price, row.floor_price = line.price, line.floor
        row.save()
    board.published_at = clock.utcnow()


def publish_due(plant) -> Outcome:
    """The job: boards scheduled for an instant now past are published. One that cannot be (a price below
    the floor where the plant now blocks it) stays scheduled, and the board's publishers are told why."""
    from core.notify import notify
    from core.security import holders_of
    due = list(PriceBoard.select().where((PriceBoard.plant == plant.id) & (PriceBoard.state == "scheduled")
                                         & (PriceBoard.publish_at <= clock.utcnow())).order_by(PriceBoard.day))
    published = 0
    for board in due:
        try:
            board.publish()
            published += 1
        except UserError as exc:
            notify(holders_of("price_board.publish", plant.id),
                   _l("The price board for %(day)s was not published: %(reason)s"),
                   params={"day": board.day.isoformat(), "reason": str(exc)}, link=f"/price-board/{board.id}",
                   plant=plant, once=f"board-refused:{board.id}:{clock.plant_today(plant).isoformat()}")
    return Outcome(_l("%(n)d price boards published"), n=published)
