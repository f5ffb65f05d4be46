"""Returnable containers (周转筐, hooks): out with the goods when a note ships, back when the customer hands
the empties over (on the note's receipt, on a return, or at the gate); each customer's balance per type;
where the plant charges a deposit, it is charged and refunded on the customer's account."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from peewee import fn

from addons.dispatch.models.batch import ShipmentBatch
from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.line import DeliveryLine
from addons.ledger.posting import post
from addons.master_data.models.customer import Customer
from addons.stock_dispatch.models.container import ContainerMove, ContainerRule
from core import audit, clock, context
from core.messages import memo
from core.db import insert_rows, joined_transaction, lock
from core.errors import UserError

ZERO = Decimal("0.00")


def rules_of(plant_id) -> dict:
    return {r.container_id: r for r in ContainerRule.select().where(ContainerRule.plant == plant_id)}


def _counted(note) -> Counter:
    """Returnable containers on the note's batches, per type."""
    rows = (ShipmentBatch.select(ShipmentBatch.container, fn.SUM(ShipmentBatch.container_count)).join(DeliveryLine)
            .where((DeliveryLine.note == note.id) & (ShipmentBatch.voided == False)  # noqa: E712
                   & ShipmentBatch.container.is_null(False)).group_by(ShipmentBatch.container).tuples())
    return Counter({container: int(n) for container, n in rows if n})


def _write(plant_id, customer_id, kind, counts: dict, rules, reference, note_id=None, day=None, charge=True):
    """Container moves for `counts` {type: signed count} of returnable types, and the deposit with them."""
    user = context.current().user
    day = day or clock.plant_today(plant_id)
    rows, total = [], ZERO
    for container_id, n in sorted(counts.items()):
        rule = rules.get(container_id)
        if not n or rule is None or not rule.returnable:
            continue
        deposit = (rule.deposit * n) if charge else ZERO
        total += deposit
        rows.append({"plant": plant_id, "customer": customer_id, "container": container_id, "day": day, "kind": kind,
                     "quantity": n, "deposit": deposit, "reference": reference[:40], "note_id": note_id,
                     "user": user.id if user else None})
    if not rows:
        return 0
    insert_rows(ContainerMove, rows)
    if total > 0:
        post(customer_id, "deposit", total, plant=plant_id, reference=reference, memo=memo(_l("Container deposit")))
    elif total < 0:
        post(customer_id, "deposit_refund", -total, plant=plant_id, reference=reference,
             memo=memo(_l("Container deposit refunded")))
    audit.log("containers_" + kind, ContainerMove._meta.table_name, None, plant=plant_id,
              new={"customer": customer_id, "reference": reference, "counts": {str(k): v for k, v in counts.items()}})
    return sum(r["quantity"] for r in rows)


def ship_out(note) -> None:
    """The note shipped: its returnable containers go out to the customer (inside the note's transaction)."""
    counts = _counted(note)
    if counts:
        _write(note.plant_id, note.customer_id, "out", dict(counts), rules_of(note.plant_id), note.number,
               note_id=note.id, day=note.shipped_on)


def came_back_with(note) -> None:
    """Goods weighed back in came in the customer's containers: those come back too."""
    counts = _counted(note)
    if counts:
        _back(note.plant_id, note.customer_id, {k: v for k, v in counts.items()}, note.number, note_id=note.id)


def empties_back(plant_id, customer_id, counts: dict, reference="") -> int:
    """The customer hands empties over: `counts` {container type id: count as typed}."""
    with joined_transaction():
        customer = Customer.get_or_none((Customer.id == customer_id) & (Customer.plant == plant_id))
        if customer is None:
            raise UserError(_("Choose a customer of this plant."), field="customer")
        clean = {}
        for container_id, raw in counts.items():
            text = str(raw or "").strip()
            if not text:
                continue
            if not text.isdigit():
                raise UserError(_("Give the number of containers as a whole number."), field="count")
            clean[int(container_id)] = int(text)
        if not any(clean.values()):
            raise UserError(_("Give the number of containers that came back."), field="count")
        return _back(plant_id, customer.id, clean, reference or str(_("Empties back")))


def _back(plant_id, customer_id, counts, reference, note_id=None) -> int:
    rules = rules_of(plant_id)
    known = {c.id for c in ContainerType.select(ContainerType.id).where(ContainerType.plant == plant_id)}
    if set(counts) - known:
        raise UserError(_("Choose a container type of this plant."), field="container")
    lock(Customer.select().where(Customer.id == customer_id)).first()     # one balance changes at a time
    held = balance_of(customer_id)
    for container_id, n in counts.items():
        if n > held.get(container_id, 0):
            name = ContainerType.get_by_id(container_id).name
            raise UserError(_("%(customer)s holds %(held)d %(container)s; %(n)d cannot come back.",
                              customer=Customer.get_by_id(customer_id).name, held=held.get(container_id, 0),
                              container=name, n=n), field="count")
    return _write(plant_id, customer_id, "back", {k: -v for k, v in counts.items()}, rules, reference, note_id=note_id)


def balance_of(customer_id) -> dict:
    return {c: int(n) for c, n in ContainerMove.select(ContainerMove.container, fn.SUM(ContainerMove.quantity))
            .where(ContainerMove.customer == customer_id).group_by(ContainerMove.container).tuples()}


def balances(plant_id) -> list[dict]:
    """Every customer holding containers: per type, how many and the deposit held for them."""
    rows = (ContainerMove.select(ContainerMove.customer, ContainerMove.container, fn.SUM(ContainerMove.quantity),
                                 fn.SUM(ContainerMove.deposit))
            .where(ContainerMove.plant == plant_id).group_by(ContainerMove.customer, ContainerMove.container)
            .having(fn.SUM(ContainerMove.quantity) != 0).tuples())
    rows = list(rows)
    customers = {c.id: c for c in Customer.select().where(Customer.id.in_({r[0] for r in rows}))} if rows else {}
    types = {c.id: c for c in ContainerType.select().where(ContainerType.plant == plant_id)}
    out = [{"customer": customers[c], "container": types[t], "count": int(n),
            "deposit": ContainerMove.deposit.python_value(d) or ZERO} for c, t, n, d in rows]
    return sorted(out, key=lambda r: (r["customer"].code, r["container"].code))
