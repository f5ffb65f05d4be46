"""Whose accounts a user may see: their own customers, or all of the plant's with ledger.all_customers."""
from flask import abort

from addons.master_data.models.customer import Customer
from core.records import get_for_plant, plant_scoped
from core.security import current_plant, current_user_or_none, may


def sees_all() -> bool:
    return may(current_user_or_none(), "ledger.all_customers", current_plant().id)


def visible_customers(query=None):
    query = plant_scoped(Customer, query)
    return query if sees_all() else query.where(Customer.salesperson == current_user_or_none().id)


def visible_ids(search: str = ""):
    """The ids a report may cover, as a subquery; None when that is the whole plant (the entries' own plant
    condition says it already, and the database need not build a list of every customer)."""
    if sees_all() and not search:
        return None
    query = visible_customers().select(Customer.id)
    if search:
        query = query.where(Customer.code.contains(search) | Customer.name.contains(search))
    return query


def customer_or_404(pk) -> Customer:
    customer = get_for_plant(Customer, pk)
    if not sees_all() and customer.salesperson_id != current_user_or_none().id:
        abort(404)
    return customer
