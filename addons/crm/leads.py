"""Leads (潜在客户) converted into customers: the customer written with the lead's details, owned by the
lead's salesperson from today, and the lead moved to converted, in one transaction."""
from __future__ import annotations

from flask_babel import gettext as _

from addons.crm import owners
from addons.crm.models.lead import Lead
from addons.master_data.models.customer import KINDS, Customer
from core import audit, context
from core.db import lock_get, transaction
from core.errors import UserError


def convert(lead, code, kind="end") -> Customer:
    code = (code or "").strip()
    if not code or len(code) > 40:
        raise UserError(_("Give the new customer's code (at most 40 characters)."), field="code")
    if kind not in KINDS:
        raise UserError(_("Choose the customer kind."), field="kind")
    with transaction():
        fresh = lock_get(Lead, lead.id)
        if fresh.state in ("converted", "dropped"):
            raise UserError(_("This lead is %(state)s.", state=Lead.STATES[fresh.state]))
        if Customer.select().where((Customer.plant == fresh.plant_id) & (Customer.code == code)).exists():
            raise UserError(_("This value is already used in this plant."), field="code")
        user = context.current().user
        owner = fresh.salesperson_id or (user.id if user else None)
        customer = Customer.create(plant=fresh.plant_id, code=code, name=fresh.name, kind=kind, phone=fresh.phone,
                                   address=fresh.address, source=fresh.source_id)
        audit.log("create", Customer._meta.table_name, customer.id, plant=fresh.plant_id,
                  new={"code": code, "name": fresh.name, "lead": fresh.id})
        if owner:
            owners.assign(customer, owner, "assigned")
        fresh.convert(customer)
    return Customer.get_by_id(customer.id)
