"""Suggestions for the pickers (core.picker): the plant's active customers or products matching what was
typed, by code, name or pinyin initials, twenty at most. Choosing is checked again when the form is sent."""
from flask import jsonify, request

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.master_data.views import bp
from core.picker import label_of
from core.records import plant_scoped
from core.security import current_plant, current_user_or_none, may, requires

LIMIT = 20


def matching(model, text, query=None):
    """Active records of the plant whose code starts with, name holds or initials start with `text`."""
    query = plant_scoped(model, query).where(model.active == True)  # noqa: E712
    text = text.strip()[:60]
    if text:
        query = query.where(model.code.startswith(text) | model.name.contains(text)
                            | model.initials.startswith(text.lower()))
    return query.order_by(model.code).limit(LIMIT)


def _answer(records):
    return jsonify([{"id": r.id, "label": label_of(r)} for r in records])


@bp.route("/pick/customers")
@requires("master_data.customer.read")
def pick_customers():
    query = Customer.select(Customer.id, Customer.code, Customer.name)
    # a form that offers only the user's own customers says which permission sees them all; asking to see
    # fewer than one may is no risk, so the argument is taken as it comes
    unless = request.args.get("own_unless", "")
    if unless and not may(current_user_or_none(), unless, current_plant().id):
        query = query.where(Customer.salesperson == current_user_or_none().id)
    return _answer(matching(Customer, request.args.get("q", ""), query))


@bp.route("/pick/products")
@requires("master_data.product.read")
def pick_products():
    query = Product.select(Product.id, Product.code, Product.name)
    return _answer(matching(Product, request.args.get("q", ""), query))
