"""The sales forecast: last year's month times the recent growth, from firm orders made through the real
services on their days; shown beside the month's targets and offered to the production plan."""
import datetime
from decimal import Decimal as D
from zoneinfo import ZoneInfo

from addons.master_data.models.customer import Customer
from addons.master_data.models.price import PriceList
from addons.master_data.models.price_row import PriceRow
from addons.statistics.forecast import daily_suggestion, forecast
from addons.statistics.models.target import SalesTarget
from core import clock
from core.models import User
from tests.dispatch_helpers import approved_order
from tests.sales_helpers import line, product

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = datetime.datetime(2026, 11, 15, 10, 0, tzinfo=SHANGHAI)


def _sold(p1, code, day, quantity):
    with clock.travel(datetime.datetime.combine(day - datetime.timedelta(days=5), datetime.time(9), tzinfo=SHANGHAI)):
        approved_order(p1, "P1C002", [line(code, quantity)], day=day)


def test_last_years_month_times_the_recent_growth(browser, ctx, demo):
    p1 = demo["P1"]
    Customer.update(credit_limit=D("10000000")).where(Customer.code == "P1C002").execute()
    standard = PriceList.get((PriceList.plant == p1.id) & (PriceList.code == "STD"))
    for code, price in (("P002", "26.80"), ("P003", "32.00")):
        PriceRow.create(plant=p1, price_list=standard, product=product(code), price=D(price), floor_price=D("1"),
                        valid_from=datetime.date(2025, 1, 1), valid_to=datetime.date(2025, 12, 31))
    d = datetime.date
    # December last year: the month forecast; August to October of both years: the growth
    for day, quantity in ((d(2025, 12, 10), 60), (d(2025, 12, 20), 40), (d(2025, 8, 5), 40), (d(2025, 9, 5), 40),
                          (d(2025, 10, 5), 20), (d(2026, 8, 5), 30), (d(2026, 9, 5), 30), (d(2026, 10, 5), 60)):
        _sold(p1, "P002", day, quantity)
    _sold(p1, "P003", d(2025, 12, 3), 10)                   # no base of its own: the plant's growth
    SalesTarget.create(plant=p1, period="2026-12", salesperson=User.get(User.login == "sales"), amount=D("5000"))
    with clock.travel(TODAY):
        rows = {r.product.code: r for r in forecast(p1, "2026-12")}
        assert (rows["P002"].last_year, rows["P002"].growth, rows["P002"].quantity) == (D("100"), D("1.2"), D("120"))
        assert rows["P002"].amount == D("40200.00")         # 100 legs × 12.5 kg × 26.80 = 33,500.00, × 1.2
        assert (rows["P003"].growth, rows["P003"].quantity) == (D("1.2"), D("12"))   # (30+30+60) / (40+40+20)
        per_day = daily_suggestion(p1, d(2026, 12, 1), d(2026, 12, 2))
        assert per_day[(product("P002").id, d(2026, 12, 1))] == D("3.871")    # 120 / 31 days
        User.update(lang="en").execute()
        page = browser("manager").get("/statistics/forecast?month=2026-12").get_data(as_text=True)
        plan = browser("manager").get("/sales/plan?first=2026-12-01&last=2026-12-03").get_data(as_text=True)
    assert 'id="forecast-target">CN¥5,000.00' in page and "40,200.00" in page
    assert f'data-forecast="P002-2026-12-01">forecast 3.871' in plan
