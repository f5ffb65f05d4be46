from flask import Blueprint
from flask_babel import lazy_gettext as _l

from addons.master_data.forms import CustomerForm, ProductForm
from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from core.crud import crud_routes
from core.listing import Column

bp = Blueprint("master_data", __name__, template_folder="templates")

crud_routes(bp, Customer, CustomerForm, [
    Column("code", _l("Code"), link=True), Column("name", _l("Name")),
    Column("credit_limit", _l("Credit limit"), "money"), Column("payment_days", _l("Payment days"), "number"),
    Column("active", _l("Active"), "bool"),
], name="customer", title=_l("Customers"), permission="master_data.customer",
    search=(Customer.code, Customer.name), order_by=[Customer.code])

crud_routes(bp, Product, ProductForm, [
    Column("code", _l("Code"), link=True), Column("name", _l("Name")),
    Column("selling_unit", _l("Selling unit")), Column("pricing_unit", _l("Pricing unit")),
    Column("nominal_weight", _l("Nominal weight per unit (kg)"), "number"),
    Column("catch_weight", _l("Catch weight"), "bool"),
], name="product", title=_l("Products"), permission="master_data.product",
    search=(Product.code, Product.name), order_by=[Product.code])
