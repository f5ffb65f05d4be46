"""The day's production into stock: a new lot with its papers and what it yielded, in one transaction. The
plant's production plan (where an addon keeps one) proposes the heads and the products."""
from __future__ import annotations

import datetime

from flask_babel import gettext as _

from addons.stock import moves
from addons.stock.models.lot import Lot
from core import audit, context
from core.db import transaction
from core.errors import UserError
from core.kernel import current_kernel
from core.numbers import read_decimal


def proposal(plant_id, day: datetime.date) -> dict:
    answers = current_kernel().hooks.call("production_proposal", plant_id, plant_id=plant_id, day=day)
    found = next((a for a in answers if a), None) or {"heads": 0, "lines": []}
    taken = {n for (n,) in Lot.select(Lot.number).where((Lot.plant == plant_id)
                                                        & Lot.number.startswith(f"L{day:%Y%m%d}-")).tuples()}
    seq = next(n for n in range(1, 1000) if f"L{day:%Y%m%d}-{n:02d}" not in taken)
    return {**found, "number": f"L{day:%Y%m%d}-{seq:02d}"}


def produce(plant_id, lot_values: dict, warehouse_id, lines: list[tuple]) -> Lot:
    """`lines`: [(product id, pieces as typed, kg as typed)]; blank lines are left out, a wrong one is named."""
    items = []
    for n, (product_id, qty, kg) in enumerate(lines, 1):
        if not (str(qty or "").strip() or str(kg or "").strip()):
            continue
        try:
            quantity, weight = read_decimal(str(qty or "0").strip(), 3), read_decimal(str(kg or "0").strip(), 3)
        except ValueError as exc:
            raise UserError(_("Line %(n)d: %(problem)s", n=n, problem=str(exc)), field=f"lines-{n - 1}") from None
        if quantity < 0 or weight < 0:
            raise UserError(_("Line %(n)d: cannot be negative.", n=n), field=f"lines-{n - 1}")
        items.append((product_id, quantity, weight))
    if not items:
        raise UserError(_("Give what the lot yielded: at least one product with its quantity or weight."),
                        field="lines")
    number = (lot_values.get("number") or "").strip()
    with transaction():
        if Lot.select().where((Lot.plant == plant_id) & (Lot.number == number)).exists():
            raise UserError(_("This value is already used in this plant."), field="number")
        lot = Lot.create(plant=plant_id, created_by=context.current().user, **lot_values)
        moves.post(plant_id, "production", [moves.Item(warehouse_id, pid, lot.id, q, kg) for pid, q, kg in items],
                   reference=lot.number, day=lot.day)
        audit.log("create", Lot._meta.table_name, lot.id, plant=plant_id, new={"number": lot.number})
    return lot
