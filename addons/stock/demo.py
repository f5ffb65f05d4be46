"""Demo stock at the East plant: a cold store, a freezer and the dispatch area; today's slaughter lot with its
certificates and yesterday's without its ASF report, both produced into the cold store; a storekeeper."""
import datetime
from decimal import Decimal

from addons.master_data.models.product import Product
from addons.stock import moves
from addons.stock.models.lot import Lot
from addons.stock.models.warehouse import Warehouse
from core import clock
from core.context import acting_as
from core.demo import PASSWORD
from core.models import User
from core.users import create_user

WAREHOUSES = [("CS", "冷库 Cold store", "cold"), ("FZ", "冻库 Freezer", "freezer"), ("DA", "发货区 Dispatch area", "dispatch"),
              ("RT", "退货区 Returns area", "returns")]
# product code, pieces, kg per lot
OUTPUT = [("P001", "40", "3640"), ("P002", "160", "2008"), ("P003", "60", "1206"), ("P004", "50", "760"),
          ("P005", "30", "300")]


def load(plants):
    plant = next((p for p in plants if p.code == "P1"), None)
    if plant is None:
        return
    create_user("storekeeper", "孙仓管 Sun (storekeeper)", PASSWORD, roles=["storekeeper"], plants=["P1"])
    stores = {code: Warehouse.create(plant=plant, code=code, name=name, kind=kind) for code, name, kind in WAREHOUSES}
    products = {p.code: p for p in Product.select().where(Product.plant == plant.id)}
    today = clock.plant_today(plant)
    admin = User.get(User.login == "admin")
    with acting_as(admin, plant):
        for days_ago, asf in ((1, ""), (0, "ASF-2026-{:%m%d}")):
            day = today - datetime.timedelta(days=days_ago)
            lot = Lot.create(plant=plant, number=f"L{day:%Y%m%d}-01", kind="slaughter", day=day, heads=40,
                             origin="江苏盐城 东台生猪养殖场 Dongtai hog farm", shelf_life_days=7,
                             quarantine_cert=f"3200{day:%m%d}0001", quality_cert=f"QC-{day:%Y%m%d}-01",
                             asf_report=asf.format(day), created_by=admin)
            moves.post(plant.id, "production", [moves.Item(stores["CS"].id, products[code].id, lot.id, Decimal(qty),
                                                           Decimal(kg)) for code, qty, kg in OUTPUT if code in products],
                       reference=lot.number, day=day)
