from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from addons.master_data.models.price import PriceList
from addons.master_data.models.product import Product
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition

FLOOR_POLICIES = {"warn": _l("Warn"), "block": _l("Block"), "off": _l("Off")}


class PriceBoard(BaseModel):
    """The day's price board (每日价格板): each customer group's price of each product for one delivery day,
    published at a set instant (the afternoon before, in a meat market). Published, its prices are price
    rows of that one day, so every door that prices an order (the form, the portal, the API, the cut-off)
    takes them."""
    STATES = {"draft": _l("Draft"), "scheduled": _l("Scheduled"), "published": _l("Published")}
    TRANSITIONS = {("draft", "scheduled"), ("scheduled", "draft"), ("draft", "published"),
                   ("scheduled", "published")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    day = DateField()
    publish_at = DateTimeField()                    # UTC
    index_price = FixedDecimalField(places=4, default=Decimal("0"))   # the day's index (e.g. the hog price index)
    note = CharField(max_length=300, default="")
    state = CharField(max_length=12, default="draft", index=True)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    published_at = DateTimeField(null=True)

    class Meta:
        table_name = "price_board_board"
        indexes = ((("plant", "day"), True),)

    def __str__(self):
        return self.day.isoformat()

    @transition("scheduled", permission="price_board.publish", label=_l("Schedule"), sources=["draft"])
    def schedule(self):
        from addons.price_board import boards
        boards.check_publishable(self)

    @transition("draft", permission="price_board.publish", label=_l("Back to draft"), sources=["scheduled"],
                style="secondary")
    def unschedule(self):
        pass

    @transition("published", permission="price_board.publish", label=_l("Publish now"),
                sources=["draft", "scheduled"], style="success")
    def publish(self):
        from addons.price_board import boards
        boards.write_prices(self)


class PriceBoardLine(BaseModel):
    """One group's price of one product on the board: typed, or the index plus a margin."""
    board = ForeignKeyField(PriceBoard, backref="lines", on_delete="CASCADE")
    price_list = ForeignKeyField(PriceList, on_delete="RESTRICT", backref="+")
    product = ForeignKeyField(Product, on_delete="RESTRICT", backref="+")
    by_index = BooleanField(default=False)
    margin = FixedDecimalField(places=4, default=Decimal("0"))
    price = FixedDecimalField(places=4)
    floor = FixedDecimalField(places=4, default=Decimal("0"))     # the standing floor on the day
    below_floor = BooleanField(default=False)

    class Meta:
        table_name = "price_board_line"
        indexes = ((("board", "price_list", "product"), True),)


class BoardSettings(BaseModel):
    """A plant's board rules: what a price below the floor does, and when a board is published by default
    (minutes after the plant's midnight, the day before its delivery day)."""
    plant = ForeignKeyField(Plant, unique=True, on_delete="CASCADE")
    floor_policy = CharField(max_length=8, default="warn")
    publish_minutes = IntegerField(default=14 * 60)

    class Meta:
        table_name = "price_board_settings"
