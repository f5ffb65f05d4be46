"""Suggestions for the pickers (core.picker): the plant's active customers or products matching what was
typed, by code, name or pinyin initials, twenty at most. Choosing is checked again when the form is sent."""
from flask import request

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.master_data.views import bp
from core.picker import answer, suggest
from core.security import current_plant, current_user_or_none, may, requires


@bp.route("/pick/customers")
@requires("master_data.customer.read")
def pick_customers():
    query = Customer.select(Customer.id, Customer.code, Customer.name)
    # a form that offers only the user's own customers says which permission sees them all; asking to see
    # fewer than one may is no risk, so the argument is taken as it comes
    unless = request.args.get("own_unless", "")
    if unless and not may(current_user_or_none(), unless, current_plant().id):
        query = query.where(Customer.salesperson == current_user_or_none().id)
    return answer(suggest(Customer, request.args.get("q", ""), query))


@bp.route("/pick/products")
@requires("master_data.product.read")
def pick_products():
    query = Product.select(Product.id, Product.code, Product.name)
    return answer(suggest(Product, request.args.get("q", ""), query))
