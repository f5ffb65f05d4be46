"""Property: whatever is received, paid or sent back, what the plant owes a supplier adds up to the fen:
balance = Σ amounts = Σ open amounts = the ageing's total, on SQLite and PostgreSQL."""
import datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addons.purchase import payables
from addons.purchase.ageing import ageing
from addons.purchase.models.payable import PayableAllocation, PayableEntry
from addons.purchase.models.supplier import Supplier
from core.context import acting_as
from core.db import db

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)
days = st.integers(min_value=0, max_value=400)
step = st.tuples(st.sampled_from(["receipt", "payment", "return_credit", "adjustment"]), amounts, days,
                 st.booleans())
START = datetime.date(2025, 1, 1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_balance_open_amounts_and_ageing_always_add_up(ctx, demo, steps):
    plant = demo["P1"]
    supplier = Supplier.get_or_none(Supplier.code == "PROP") or Supplier.create(
        plant=plant, code="PROP", name="Property farm", payment_days=15)
    PayableAllocation.delete().where(PayableAllocation.plant == plant.id).execute()
    PayableEntry.delete().where(PayableEntry.supplier == supplier.id).execute()
    expected = Decimal("0.00")
    with acting_as(None, plant):
        for kind, value, day, down in steps:
            when = START + datetime.timedelta(days=day)
            if kind == "adjustment":
                value = -value if down else value
                payables.post(supplier, kind, value, date=when, memo="property")
                expected += value
            else:
                payables.post(supplier, kind, value, date=when)
                expected += value if kind == "receipt" else -value
    entries = list(PayableEntry.select().where(PayableEntry.supplier == supplier.id))
    assert payables.balance(supplier) == expected == sum((e.amount for e in entries), Decimal("0.00"))
    assert sum((e.open_amount for e in entries), Decimal("0.00")) == expected
    for entry in entries:               # open amounts stay between zero and the amount, on the amount's side
        assert abs(entry.open_amount) <= abs(entry.amount) and entry.open_amount * entry.amount >= 0
    for entry in entries:
        applied = sum((a.amount for a in PayableAllocation.select().where(
            (PayableAllocation.credit == entry.id) | (PayableAllocation.debit == entry.id))), Decimal("0.00"))
        assert applied == abs(entry.amount - entry.open_amount)
    for as_of in (START, START + datetime.timedelta(days=200), START + datetime.timedelta(days=800)):
        assert sum((r.total for r in ageing(plant.id, as_of) if r.supplier.id == supplier.id), Decimal("0")) == expected
    db.close()
