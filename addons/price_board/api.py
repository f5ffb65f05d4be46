"""Price boards over /api/v1: read with their lines, and scheduled or published by their moves."""
from addons.price_board.models.board import PriceBoard, PriceBoardLine
from core.api import Resource
from core.api.openapi import fields_schema
from core.api.serialize import to_json

_FIELDS = [n for n in PriceBoardLine._meta.sorted_field_names if n not in ("board", "id")]


def _detail(board):
    return {"lines": [to_json(x, _FIELDS) for x in PriceBoardLine.select().where(PriceBoardLine.board == board.id)
                      .order_by(PriceBoardLine.price_list, PriceBoardLine.product)]}


RESOURCES = (Resource("price_boards", PriceBoard, "price_board.board", detail=_detail,
                      detail_schema={"lines": {"type": "array", "items": fields_schema(PriceBoardLine, _FIELDS)}}),)
