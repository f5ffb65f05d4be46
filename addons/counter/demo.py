"""The East plant's counter: a cashier, the desk's demo scale (a real counter has its own), walk-ins paying the
standard list (so the day's price board applies), receipts on 80 mm paper."""
from addons.counter.models.counter import CounterSettings
from addons.master_data.models.price import PriceList
from addons.master_data.models.product import Product
from addons.weighing.models.station import Station
from core.demo import PASSWORD
from core.users import create_user


def load(plants):
    plant = next((p for p in plants if p.code == "P1"), None)
    if plant is None:
        return
    create_user("cashier", "钱收银 Qian (cashier)", PASSWORD, roles=["cashier"], plants=["P1"])
    station = Station.get_or_none((Station.plant == plant.id) & (Station.code == "S1"))
    standard = PriceList.get_or_none((PriceList.plant == plant.id) & (PriceList.is_default == True))  # noqa: E712
    CounterSettings.create(plant=plant, station=station, price_list=standard, paper_mm=80)
    for product in Product.select().where((Product.plant == plant.id) & Product.code.startswith("P0")):
        Product.update(barcode=f"690123450{product.code[1:]:0>4}").where(Product.id == product.id).execute()
