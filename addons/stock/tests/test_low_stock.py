"""Low stock: a minimum per product and warehouse, the list, the hourly warning (once a day however often
the job runs), the tile on the live board."""
import datetime
from decimal import Decimal as D

from addons.stock import lows
from addons.stock.models.minimum import StockMinimum
from core.clock import plant_today
from core.models import Notification, User
from core.notify import render
from tests.sales_helpers import product
from tests.stock_helpers import produced_lot, stores


def test_below_the_minimum_the_people_who_refill_it_are_told_once(browser, ctx, demo):
    p1 = demo["P1"]
    where = stores(p1)
    produced_lot(p1, "LM", plant_today(p1) - datetime.timedelta(days=1), where["CS"], [("P002", 8, "100"),
                                                                                      ("P003", 10, "200")])
    User.update(lang="en").execute()
    manager = browser("manager")
    assert manager.post("/stock/minimums/new", {"product": product("P002").id, "warehouse": where["CS"].id,
                                                "min_quantity": "10", "min_weight": "0"}).status_code == 302
    StockMinimum.create(plant=p1, product=product("P003"), warehouse=where["CS"], min_weight=D("150"))
    (low,) = lows.below_minimum(p1.id)
    assert (low["product"].code, low["quantity"], low["weight"]) == ("P002", D("8"), D("100.000"))
    page = manager.get("/stock/low").get_data(as_text=True)
    assert "P002" in page and "P003" not in page
    lows.warn_low_stock(p1)
    lows.warn_low_stock(p1)                       # a second run the same day tells nobody again
    told = User.get(User.login == "manager")
    (note,) = Notification.select().where(Notification.user == told.id)
    subject, _body = render(note)
    assert subject == ("Low stock: 冷库 Cold store holds 8 / 100.000 kg of 猪后腿 Hind leg (minimum 10 / 0.000 kg).")
    assert note.link == "/stock/low"
    board = manager.get("/statistics/board.json").get_json()
    assert board["low_stock"] == "1"
