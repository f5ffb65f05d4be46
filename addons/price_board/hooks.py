"""The price board beside the staff order form: the published boards of today and the next two days."""
import datetime

from core.hooks import hookimpl


@hookimpl
def order_form_panels(plant_id):
    from flask import render_template

    from addons.master_data.models.price import PriceList
    from addons.price_board.models.board import PriceBoard, PriceBoardLine
    from core import clock
    from core.models import Plant
    today = clock.plant_today(Plant.get_by_id(plant_id))
    boards = list(PriceBoard.select().where((PriceBoard.plant == plant_id) & (PriceBoard.state == "published")
                                            & PriceBoard.day.between(today, today + datetime.timedelta(days=2)))
                  .order_by(PriceBoard.day))
    if not boards:
        return None
    lines = list(PriceBoardLine.select().where(PriceBoardLine.board.in_([b.id for b in boards])))
    lists = {p.id: p for p in PriceList.select().where(PriceList.id.in_({x.price_list_id for x in lines}))}
    from markupsafe import Markup
    return Markup(render_template("price_board/_order_panel.html", boards=boards, lines=lines, lists=lists))
