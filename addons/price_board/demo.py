"""Tomorrow's price board of the East plant, scheduled for this afternoon: the hog index with margins for the
standard list, typed prices for the wholesale list."""
import datetime

from addons.master_data.models.price import PriceList
from addons.master_data.models.product import Product
from addons.price_board import boards
from core import clock
from core.context import acting_as
from core.models import User


def load(plants):
    plant = next((p for p in plants if p.code == "P1"), None)
    manager = User.get_or_none(User.login == "manager")
    if plant is None or manager is None:
        return
    lists = {p.code: p for p in PriceList.select().where(PriceList.plant == plant.id)}
    products = list(Product.select().where((Product.plant == plant.id) & (Product.active == True))  # noqa: E712
                    .order_by(Product.code).limit(4))
    if "STD" not in lists or "WHS" not in lists or not products:
        return
    standing = boards.standing(plant.id, [lists["STD"].id, lists["WHS"].id], [p.id for p in products],
                               clock.plant_today(plant) + datetime.timedelta(days=1))
    cells = {}
    for n, product in enumerate(products):
        std = standing.get((lists["STD"].id, product.id))
        whs = standing.get((lists["WHS"].id, product.id))
        if std:
            cells[(lists["STD"].id, product.id)] = f"+{6 + n}.50"
        if whs:
            cells[(lists["WHS"].id, product.id)] = f"{whs[0] + 1:.2f}"
    with acting_as(manager, plant):
        saved = boards.save_board(plant, clock.plant_today(plant) + datetime.timedelta(days=1), None, "16.80", cells,
                                  "生猪指数 16.80 hog index")
        if saved.board.publish_at > clock.utcnow():
            saved.board.schedule()
