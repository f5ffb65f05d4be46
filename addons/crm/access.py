"""Whose customers a user sees in the CRM: their own and the public pool, or all the plant's with
crm.all_customers (managers, administrators)."""
from flask import abort

from addons.master_data.models.customer import Customer
from core.records import get_for_plant, plant_scoped
from core.security import current_plant, current_user_or_none, may


def sees_all(plant_id=None) -> bool:
    user = current_user_or_none()
    if user is None:
        return True
    return may(user, "crm.all_customers", plant_id if plant_id is not None else current_plant().id)


def in_pool():
    return (Customer.public_pool == True) & Customer.salesperson.is_null()  # noqa: E712


def visible_customers(query=None):
    query = plant_scoped(Customer, query)
    if sees_all():
        return query
    return query.where((Customer.salesperson == current_user_or_none().id) | in_pool())


def own_customers(query=None):
    """Customers the user owns (all of the plant's for who sees all): what follow-ups and plans are about."""
    query = plant_scoped(Customer, query)
    return query if sees_all() else query.where(Customer.salesperson == current_user_or_none().id)


def customer_or_404(pk) -> Customer:
    customer = get_for_plant(Customer, pk)
    if not sees_all():
        mine = customer.salesperson_id == current_user_or_none().id
        if not (mine or (customer.public_pool and customer.salesperson_id is None)):
            abort(404)
    return customer


def owned_or_404(pk) -> Customer:
    customer = customer_or_404(pk)
    if not sees_all() and customer.salesperson_id != current_user_or_none().id:
        abort(404)
    return customer
