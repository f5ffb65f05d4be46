"""A shift's takings by payment method (sales in, refunds out) and its closing: the cash counted against
the float plus the cash taken."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from peewee import fn

from addons.counter.models.counter import METHODS, CounterPayment, CounterSale, Shift
from core import audit
from core.db import lock_get, transaction
from core.errors import UserError
from core.fields import summed
from core.numbers import decimal_input


def takings(shift) -> dict[str, Decimal]:
    """{method: net takings} of the shift, every method listed."""
    out = {m: Decimal("0.00") for m in METHODS}
    for kind, method, total in (CounterPayment.select(CounterSale.kind, CounterPayment.method, fn.SUM(CounterPayment.amount))
                                .join(CounterSale).where(CounterSale.shift == shift.id)
                                .group_by(CounterSale.kind, CounterPayment.method).tuples()):
        out[method] += -summed(total, 2) if kind == "return" else summed(total, 2)
    return out


def figures(shift) -> dict:
    by_method = takings(shift)
    sales = CounterSale.select().where(CounterSale.shift == shift.id)
    count = dict(sales.select(CounterSale.kind, fn.COUNT(CounterSale.id)).group_by(CounterSale.kind).tuples())
    expected = shift.opening_cash + by_method["cash"]
    return {"takings": by_method, "total": sum(by_method.values(), Decimal("0.00")), "expected_cash": expected,
            "sales": count.get("sale", 0), "returns": count.get("return", 0)}


def close(shift, counted_cash) -> Shift:
    counted = decimal_input(counted_cash, field="counted_cash", label=_("Cash counted"), places=2)
    with transaction():
        fresh = lock_get(Shift, shift.id)
        if fresh.state != "open":
            raise UserError(_("This shift is closed."))
        expected = figures(fresh)["expected_cash"]
        fresh.close(counted, expected)
        audit.log("close", Shift._meta.table_name, fresh.id, plant=fresh.plant_id,
                  new={"counted": str(counted), "expected": str(expected), "difference": str(counted - expected)})
    return Shift.get_by_id(shift.id)
