"""Demo orders: a day's work in every state, a reservation from the portal, yields and availability."""
import datetime
from decimal import Decimal

from addons.master_data.models.customer import Customer, CustomerLogin
from addons.master_data.models.product import Product
from addons.sales_order.lines import LineInput
from addons.sales_order.models.planning import Availability, ProductYield
from addons.sales_order.orders import create_order
from core import clock
from core.context import acting_as
from core.models import User

YIELDS = {"P001": "1", "P002": "2", "P003": "0.6", "P004": "0.4", "P005": "0.2"}


def load(plants):
    for plant in plants:
        sales = User.get_or_none(User.login == ("sales" if plant.code == "P1" else "sales2"))
        manager = User.get_or_none(User.login == "manager")
        if sales is None or manager is None:
            continue
        today = clock.plant_today(plant)
        customers = list(Customer.select().where(Customer.plant == plant).order_by(Customer.code))
        products = {p.code: p for p in Product.select().where(Product.plant == plant)}

        def lines(*pairs):
            return [LineInput(products[code].id, str(qty)) for code, qty in pairs]

        with acting_as(manager, plant):
            for n, customer in enumerate(customers[:6]):
                day = today + datetime.timedelta(days=n % 2)
                order = create_order(customer, day, lines(("P001", 2 + n), ("P002", 10 + 2 * n), ("P005", 1 + n % 3)))
                order.submit()
                order.approve()
            order = create_order(customers[6], today + datetime.timedelta(days=4), lines(("P003", 12), ("P004", 8)))
            order.submit()
        with acting_as(sales, plant):
            create_order(customers[2], today + datetime.timedelta(days=5), lines(("P002", 40)))   # still a draft
            cheap = create_order(customers[3], today + datetime.timedelta(days=5),
                                 [LineInput(products["P002"].id, "20", None, str(products_price_floor(plant) - 1))])
            cheap.request_price_approval()
        portal = User.get_or_none(User.login == "customer")
        login = CustomerLogin.get_or_none(CustomerLogin.user == portal) if portal else None
        if login is not None and login.customer.plant_id == plant.id:
            with acting_as(portal, plant):
                create_order(login.customer, today + datetime.timedelta(days=3), lines(("P001", 3), ("P005", 2)),
                             kind="reservation", channel="portal", may_set_price=False)
        for code, per_head in YIELDS.items():
            ProductYield.create(plant=plant, product=products[code], per_head=Decimal(per_head))
        Availability.create(plant=plant, product=products["P002"], day=today + datetime.timedelta(days=1),
                            quantity=Decimal(30))


def products_price_floor(plant) -> int:
    """Below every demo floor for hind legs, so the order waits for a manager's price approval."""
    return 25
