"""The daily price board: set in the morning for tomorrow and scheduled for 14:00 (plant time), it changes
nothing before then; at 14:00 the job publishes it and tomorrow's new orders, and the portal, take its prices.
Prices below the floor are warned of or refused as the plant chooses."""
import datetime
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest

from addons.master_data.models.price import PriceList
from addons.price_board import boards
from addons.price_board.models.board import BoardSettings, PriceBoard
from addons.sales_order.orders import create_order
from core import clock
from core.errors import UserError
from core.models import User
from tests.sales_helpers import as_user, customer, line, product

SHANGHAI = ZoneInfo("Asia/Shanghai")
MORNING = datetime.datetime(2026, 12, 10, 9, 0, tzinfo=SHANGHAI)
TOMORROW = datetime.date(2026, 12, 11)


def _cells(p1, **typed):
    lists = {pl.code: pl.id for pl in PriceList.select().where(PriceList.plant == p1.id)}
    return {(lists[code.split("_")[0]], product(code.split("_")[1]).id): value for code, value in typed.items()}


def _price(order):
    return order.lines.get().unit_price


def test_a_board_published_at_two_oclock_prices_the_next_days_orders_and_the_portal(browser, ctx, demo):
    p1 = demo["P1"]
    with clock.travel(MORNING):
        with as_user("manager", p1):
            saved = boards.save_board(p1, TOMORROW, None, "25.00", _cells(p1, STD_P002="+2.50", WHS_P002="25.00"))
            board = saved.board
            assert clock.to_plant(p1, board.publish_at) == datetime.datetime(2026, 12, 10, 14, 0, tzinfo=SHANGHAI)
            board.schedule()
            assert boards.publish_due(p1).params == {"n": 0}
            before = create_order(customer("P1C002"), TOMORROW, [line("P002", 2)])
    assert _price(before) == D("26.80")                                   # the standing price until 14:00
    with clock.travel(MORNING + datetime.timedelta(hours=5)):              # 14:00 in Shanghai, 06:00 UTC
        assert boards.publish_due(p1).params == {"n": 1}
        assert PriceBoard.get_by_id(board.id).state == "published"
        with as_user("manager", p1):
            standard = create_order(customer("P1C002"), TOMORROW, [line("P002", 2)])
            wholesale = create_order(customer("P1C003"), TOMORROW, [line("P002", 2)])
            later = create_order(customer("P1C002"), TOMORROW + datetime.timedelta(days=1), [line("P002", 2)])
            other = create_order(customer("P1C002"), TOMORROW, [line("P001", 1)])
        assert (_price(standard), _price(wholesale)) == (D("27.50"), D("25.00"))     # index 25.00 + 2.50; typed
        assert _price(later) == D("26.80") and _price(other) == D("23.50")   # another day, another product
        assert _price(before) == D("26.80")                                   # an order made before keeps its price
        User.update(lang="en").execute()
        portal = browser("customer").get(f"/portal/prices?day={TOMORROW.isoformat()}").get_data(as_text=True)
        form = browser("sales").get("/sales/orders/new").get_data(as_text=True)
    row = next(r for r in portal.split("<tr>") if "P002" in r)
    assert "27.50" in row
    panel = form[form.index('id="price-board-panel"'):]
    assert 'data-board="2026-12-11"' in panel and "27.50" in panel.split("</details>")[0]
    history = browser("manager").get(f"/price-board/history?product={product('P002').id}&first=2026-12-01"
                                     f"&last=2026-12-31").get_data(as_text=True)
    assert "27.50" in history and "25.00" in history


def test_a_price_below_the_floor_is_warned_of_or_refused_as_the_plant_chooses(ctx, demo):
    p1 = demo["P1"]
    with clock.travel(MORNING):
        with as_user("manager", p1):
            saved = boards.save_board(p1, TOMORROW, None, "", _cells(p1, STD_P003="20.00", STD_P002="27.00"))
            assert len(saved.warnings) == 1 and "P003" in saved.warnings[0] and "30.40" in saved.warnings[0]
            BoardSettings.create(plant=p1, floor_policy="block")
            with pytest.raises(UserError, match="below the floor"):
                saved.board.publish()                                      # the rule changed: refused now
            with pytest.raises(UserError, match="below the floor 30.40"):
                boards.save_board(p1, TOMORROW, None, "", _cells(p1, STD_P003="20.00"), board=saved.board)
            with pytest.raises(UserError, match="needs the day's index"):
                boards.save_board(p1, TOMORROW, None, "", _cells(p1, STD_P002="+1"), board=saved.board)
            with pytest.raises(UserError, match="today or a later day"):
                boards.save_board(p1, TOMORROW - datetime.timedelta(days=2), None, "", _cells(p1, STD_P002="27"))
            BoardSettings.update(floor_policy="off").execute()
            quiet = boards.save_board(p1, TOMORROW, None, "", _cells(p1, STD_P003="20.00"), board=saved.board)
            assert quiet.warnings == []
            quiet.board.publish()
    assert PriceBoard.get_by_id(saved.board.id).state == "published"


def test_a_scheduled_board_the_rules_now_refuse_stays_scheduled_and_the_publishers_are_told(ctx, demo):
    from core.models import Notification
    p1 = demo["P1"]
    with clock.travel(MORNING):
        with as_user("manager", p1):
            refused = boards.save_board(p1, TOMORROW, None, "", _cells(p1, STD_P003="20.00")).board
            refused.schedule()
            fine = boards.save_board(p1, TOMORROW + datetime.timedelta(days=1), None, "", _cells(p1, STD_P002="27")).board
            PriceBoard.update(publish_at=refused.publish_at).where(PriceBoard.id == fine.id).execute()
            fine.schedule()
        BoardSettings.create(plant=p1, floor_policy="block")
    with clock.travel(MORNING + datetime.timedelta(hours=6)):
        assert boards.publish_due(p1).params == {"n": 1}
    assert (PriceBoard.get_by_id(refused.id).state, PriceBoard.get_by_id(fine.id).state) == ("scheduled", "published")
    manager = User.get(User.login == "manager")
    assert Notification.select().where((Notification.user == manager.id)
                                       & Notification.subject.contains("was not published")).count() == 1
