"""Who may own customers as their salesperson: the plant's active staff, never a customer's portal login.

The customer form and the Excel importer ask the same question here, so neither lets through what the
other refuses.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from addons.master_data.models.customer import CustomerLogin
from core.excel.cells import Ref
from core.models import User, UserPlant


def plant_staff(plant_id):
    """The active users of the plant who act for no customer, by login."""
    return (User.select().join(UserPlant, on=(UserPlant.user == User.id))
            .where((UserPlant.plant == plant_id) & (User.active == True)  # noqa: E712
                   & User.id.not_in(CustomerLogin.select(CustomerLogin.user)))
            .order_by(User.login))


class StaffRef(Ref):
    """A salesperson's login in a workbook: one of `plant_staff` of the plant imported into."""
    missing = _l("%(code)s is not an active staff member of this plant.")

    def __init__(self):
        super().__init__(User, key="login", plant_scoped=False)

    def lookup(self, plant_id, codes) -> dict:
        codes = list(codes)
        return {u.login: u.id for u in plant_staff(plant_id).where(User.login.in_(codes))} if codes else {}
