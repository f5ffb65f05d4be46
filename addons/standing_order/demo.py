"""A standing order of the demo's portal customer: hind legs every weekday, carcasses on Fridays."""
from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.standing_order import baskets
from core import clock
from core.context import acting_as
from core.models import User


def load(plants):
    plant = next((p for p in plants if p.code == "P1"), None)
    sales = User.get_or_none(User.login == "sales")
    customer = Customer.get_or_none((Customer.code == "P1C001")) if plant else None
    if customer is None or sales is None:
        return
    legs, carcass = (Product.get((Product.plant == plant.id) & (Product.code == c)) for c in ("P002", "P001"))
    cells = {(d, legs.id): "20" for d in range(6)}
    cells[(4, carcass.id)] = "4"
    with acting_as(sales, plant):
        baskets.save_basket(customer, cells, starts_on=clock.plant_today(plant))
