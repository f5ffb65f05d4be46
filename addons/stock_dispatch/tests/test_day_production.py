"""The day's production proposed from the production plan (the heads the orders take, the products they
ask for), entered as a lot with its papers and what it yielded: the levels are what was typed."""
import re
from decimal import Decimal as D

from addons.master_data.models.product import Product
from addons.sales_order.models.planning import ProductYield
from addons.stock.models.level import StockLevel
from addons.stock.models.lot import Lot
from core.models import User
from tests.dispatch_helpers import approved_order, days_ahead, line
from tests.sales_helpers import product
from tests.stock_helpers import stores


def test_a_lot_from_the_production_plan(browser, ctx, demo):
    p1 = demo["P1"]
    where = stores(p1)
    User.update(lang="en").execute()
    day = days_ahead(3)
    approved_order(p1, "P1C001", [line("P002", 30)], day=day)
    ProductYield.create(plant=p1, product=product("P002"), per_head=D("2"))
    manager = browser("manager")
    page = manager.get(f"/stock/production?day={day.isoformat()}").get_data(as_text=True)
    assert f'value="L{day:%Y%m%d}-01"' in page and re.search(r'name="heads"[^>]*value="15"', page)   # 30 legs, 2 a head
    products = [code for (code,) in Product.select(Product.code).where((Product.plant == p1.id) & Product.active)
                .order_by(Product.code).tuples()]
    n = products.index("P002")
    answer = manager.post(f"/stock/production?day={day.isoformat()}", {
        "number": f"L{day:%Y%m%d}-01", "kind": "slaughter", "day": day.isoformat(), "heads": "15",
        "warehouse": where["CS"].id, "shelf_life_days": "7", "quarantine_cert": "Q", "quality_cert": "M",
        "asf_report": "A", f"lines-{n}-quantity": "30", f"lines-{n}-weight": "376.4"})
    assert answer.status_code == 302
    lot = Lot.get(Lot.number == f"L{day:%Y%m%d}-01")
    (level,) = StockLevel.select().where(StockLevel.lot == lot.id)
    assert (level.product_id, level.quantity, level.weight, level.warehouse_id) == (
        product("P002").id, D("30"), D("376.400"), where["CS"].id)
    again = manager.get(f"/stock/production?day={day.isoformat()}").get_data(as_text=True)
    assert f'value="L{day:%Y%m%d}-02"' in again
