"""A customer's addresses, contacts and portal logins: each added or removed in one transaction, audited."""
from __future__ import annotations

from flask_babel import gettext as _

from addons.master_data.models.customer import CustomerAddress, CustomerContact, CustomerLogin
from core import audit
from core.db import transaction
from core.errors import NotFound


def add_address(customer, address, label="", contact="", phone="", is_default=False) -> CustomerAddress:
    with transaction():
        if is_default:       # one default per customer: the new one replaces the old
            CustomerAddress.update(is_default=False).where(CustomerAddress.customer == customer).execute()
        row = CustomerAddress.create(customer=customer, label=label, address=address, contact=contact, phone=phone,
                                     is_default=is_default)
        audit.log("create", CustomerAddress._meta.table_name, row.id, plant=customer.plant_id,
                  new={"customer": customer.code, "address": row.address})
    return row


def add_contact(customer, name, title="", phone="") -> CustomerContact:
    with transaction():
        row = CustomerContact.create(customer=customer, name=name, title=title, phone=phone)
        audit.log("create", CustomerContact._meta.table_name, row.id, plant=customer.plant_id,
                  new={"customer": customer.code, "name": row.name})
    return row


def add_login(customer, user_id) -> CustomerLogin:
    with transaction():
        row = CustomerLogin.create(customer=customer, user=user_id)
        audit.log("create", CustomerLogin._meta.table_name, row.id, plant=customer.plant_id,
                  new={"customer": customer.code, "user": user_id})
    return row


def remove(model, customer, part_id) -> None:
    """Remove one of the customer's addresses, contacts or logins; another customer's is not found."""
    with transaction():
        row = model.get_or_none((model.id == part_id) & (model.customer == customer))
        if row is None:
            raise NotFound(_("There is no such record in this plant."))
        row.delete_instance()
        audit.log("delete", model._meta.table_name, part_id, plant=customer.plant_id, old={"customer": customer.code})
