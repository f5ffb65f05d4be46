"""Who owns a customer: assigning, transferring, releasing to the public pool (公海), losing it, claiming it
back with approval, and its grade. Each change locks the customer, writes its trace (CustomerEvent) and the
audit entry in one transaction."""
from __future__ import annotations

from flask_babel import gettext as _

from addons.crm.models.claim import PoolClaim
from addons.crm.models.event import CustomerEvent
from addons.master_data.models.customer import GRADES, Customer
from addons.master_data.staff import plant_staff
from core import audit, context
from core.clock import plant_today
from core.db import lock_get, transaction
from core.errors import PermissionDenied, UserError
from core.models import Plant, User
from core.security import may


def _actor():
    return context.current().user


def _today(plant_id):
    return plant_today(Plant.get_by_id(plant_id))


def _write(customer, kind, values: dict, *, from_user=None, to_user=None, old_grade="", new_grade="", note="",
           rule="", count=0):
    old = {k: getattr(customer, k) for k in values}
    Customer.update(**values).where(Customer.id == customer.id).execute()
    for k, v in values.items():
        setattr(customer, k, v)
    actor = _actor()
    CustomerEvent.create(plant=customer.plant_id, customer=customer.id, kind=kind, day=_today(customer.plant_id),
                         from_user=from_user, to_user=to_user, old_grade=old_grade, new_grade=new_grade,
                         note=(note or "")[:300], rule=rule, count=count, by=actor.id if actor else None)
    audit.log(f"crm_{kind}", Customer._meta.table_name, customer.id, plant=customer.plant_id, old=old, new=values,
              comment=note or None)


def _staff_member(plant_id, user_id):
    member = plant_staff(plant_id).where(User.id == user_id).first() if str(user_id or "").isdigit() else None
    if member is None:
        raise UserError(_("Choose an active staff member of this plant."), field="salesperson")
    return member


def assign(customer, user_id, kind="assigned", note=""):
    """Give `customer` to salesperson `user_id` from today (a new customer, a claim approved, a transfer)."""
    with transaction():
        fresh = lock_get(Customer, customer.id)
        _write(fresh, kind, {"salesperson": user_id, "public_pool": False, "assigned_on": _today(fresh.plant_id)},
               from_user=fresh.salesperson_id, to_user=user_id, note=note)
    return fresh


def transfer(customer, user_id, note=""):
    """A manager moves a customer to another salesperson (渠道客户转移 / 业主转移)."""
    if not may(_actor(), "crm.transfer", customer.plant_id):
        raise PermissionDenied(_("You are not allowed to do this: %(action)s.", action=_("Transfer")))
    member = _staff_member(customer.plant_id, user_id)
    if customer.salesperson_id == member.id:
        raise UserError(_("The customer already belongs to %(name)s.", name=member.name), field="salesperson")
    return assign(customer, member.id, "transferred", note)


def release(customer, note=""):
    """Its salesperson hands the customer back to the pool before losing it: traced, not counted as lost."""
    actor = _actor()
    with transaction():
        fresh = lock_get(Customer, customer.id)
        if fresh.salesperson_id is None:
            raise UserError(_("This customer is already in the public pool."))
        if actor is not None and fresh.salesperson_id != actor.id and not may(actor, "crm.transfer", fresh.plant_id):
            raise PermissionDenied(_("Only its salesperson or a manager may release a customer to the pool."))
        if not (note or "").strip():
            raise UserError(_("Please give a reason."), field="note")
        _write(fresh, "released", {"salesperson": None, "public_pool": True, "assigned_on": None},
               from_user=fresh.salesperson_id, note=note)
    return fresh


def lose(customer, rule, days):
    """The churn rules drop the customer: counted as lost for its salesperson, moved to the pool."""
    with transaction():
        fresh = lock_get(Customer, customer.id)
        if fresh.salesperson_id is None:
            return fresh
        _write(fresh, "lost", {"salesperson": None, "public_pool": True, "assigned_on": None},
               from_user=fresh.salesperson_id, old_grade=fresh.grade, rule=rule, count=days)
    return fresh


def submit_claim(customer, note="") -> PoolClaim:
    """A salesperson asks for a pool customer; it stays in the pool until an administrator approves."""
    actor = _actor()
    with transaction():
        fresh = lock_get(Customer, customer.id)
        if not (fresh.public_pool and fresh.salesperson_id is None):
            raise UserError(_("This customer is not in the public pool."))
        pending = PoolClaim.get_or_none((PoolClaim.customer == fresh.id) & (PoolClaim.state == "submitted"))
        if pending is not None:
            raise UserError(_("%(name)s has already claimed this customer; the claim waits for approval.",
                              name=pending.salesperson.name))
        claim = PoolClaim.create(plant=fresh.plant_id, customer=fresh.id, salesperson=actor.id, note=(note or "")[:300])
        audit.log("create", PoolClaim._meta.table_name, claim.id, plant=fresh.plant_id,
                  new={"customer": fresh.id, "salesperson": actor.id})
    return claim


def claim_approved(claim):
    """The body of PoolClaim.approve: the customer, still in the pool, goes to who claimed it."""
    customer = lock_get(Customer, claim.customer_id)
    if not (customer.public_pool and customer.salesperson_id is None):
        raise UserError(_("This customer has left the public pool meanwhile."))
    _write(customer, "claimed", {"salesperson": claim.salesperson_id, "public_pool": False,
                                 "assigned_on": _today(customer.plant_id)},
           to_user=claim.salesperson_id, note=claim.note)


def set_grade(customer, grade, note="", kind="graded", count=0):
    """A manager sets the grade (kind "graded"), or the upgrade rules lift it ("upgraded")."""
    if grade not in GRADES:
        raise UserError(_("Choose a grade from A to E."), field="grade")
    if kind == "graded" and not may(_actor(), "crm.grade", customer.plant_id):
        raise PermissionDenied(_("You are not allowed to do this: %(action)s.", action=_("Change the grade")))
    with transaction():
        fresh = lock_get(Customer, customer.id)
        if fresh.grade == grade:
            return fresh
        _write(fresh, kind, {"grade": grade}, old_grade=fresh.grade, new_grade=grade, note=note, count=count)
    return fresh
