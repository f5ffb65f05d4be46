"""Shared bits for the sales order tests: the plant's local dates and acting as a demo user."""
import datetime
from zoneinfo import ZoneInfo

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.lines import LineInput
from core.context import acting_as
from core.models import User


def local_today():
    return datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()


def days_ahead(n):
    return local_today() + datetime.timedelta(days=n)


def as_user(login, plant):
    return acting_as(User.get(User.login == login) if login else None, plant)


def customer(code):
    return Customer.get(Customer.code == code)


def product(code, plant_code="P1"):
    return Product.select().join_from(Product, Product.plant.rel_model).where(
        (Product.code == code) & (Product.plant.rel_model.code == plant_code)).get()


def line(code, quantity, price=None, weight=None, plant="P1"):
    return LineInput(product(code, plant).id, str(quantity), weight, price)
