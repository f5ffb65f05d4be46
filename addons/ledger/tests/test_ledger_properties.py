"""Property: whatever happens on an account, the money adds up to the fen (SQLite and PostgreSQL)."""
import datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addons.ledger.ageing import ageing, balance
from addons.ledger.models.allocation import Allocation
from addons.ledger.models.entry import AccountEntry
from addons.ledger.models.receipt import Receipt
from addons.ledger.posting import allocate, post, reverse
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from core.context import acting_as
from core.db import db

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)
days = st.integers(min_value=0, max_value=400)
step = st.one_of(
    st.tuples(st.just("shipment"), amounts, days),
    st.tuples(st.just("refund"), amounts, days),
    st.tuples(st.just("receipt"), amounts, days),
    st.tuples(st.just("return_credit"), amounts, days),
    st.tuples(st.just("adjustment"), amounts.map(lambda a: -a), days),
    st.tuples(st.just("allocate"), amounts, days),
    st.tuples(st.just("reverse"), st.integers(min_value=0, max_value=50), days),
)
START = datetime.date(2025, 1, 1)


def _wipe(customer):
    Receipt.delete().where(Receipt.customer == customer.id).execute()
    Allocation.delete().where(Allocation.plant == customer.plant_id).execute()
    AccountEntry.update(reverses=None).where(AccountEntry.customer == customer.id).execute()
    AccountEntry.delete().where(AccountEntry.customer == customer.id).execute()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_balance_open_amounts_and_ageing_always_add_up(ctx, demo, steps):
    customer = Customer.get(Customer.code == "P1C002")
    plant = demo["P1"]
    _wipe(customer)
    expected = Decimal("0.00")
    with acting_as(None, plant):
        for kind, value, day in steps:
            when = START + datetime.timedelta(days=day)
            if kind in ("shipment", "refund"):
                post(customer, kind, value, date=when)
                expected += value
            elif kind == "receipt":
                record_receipt(customer, value, plant=plant, date=when)
                expected -= value
            elif kind == "return_credit":
                post(customer, kind, value, date=when)
                expected -= value
            elif kind == "adjustment":
                post(customer, kind, value, date=when, memo="property")
                expected += value
            elif kind == "allocate":
                credit = AccountEntry.select().where((AccountEntry.customer == customer.id)
                                                     & (AccountEntry.open_amount < 0)).first()
                debit = AccountEntry.select().where((AccountEntry.customer == customer.id)
                                                    & (AccountEntry.open_amount > 0)).first()
                if credit and debit:
                    allocate(credit.id, debit.id, min(value, -credit.open_amount, debit.open_amount))
            elif kind == "reverse":
                candidates = list(AccountEntry.select().where(
                    (AccountEntry.customer == customer.id) & (AccountEntry.kind != "reversal")
                    & (AccountEntry.amount != 0)).order_by(AccountEntry.id))
                candidates = [e for e in candidates if not e.reversals.exists()]
                if candidates:
                    target = candidates[value % len(candidates)]
                    reverse(target.id, "property test")
                    expected -= target.amount
    entries = list(AccountEntry.select().where(AccountEntry.customer == customer.id))
    assert balance(customer.id) == expected == sum((e.amount for e in entries), Decimal("0.00"))
    assert sum((e.open_amount for e in entries), Decimal("0.00")) == expected
    for entry in entries:  # open amounts stay between zero and the amount, on the amount's side
        assert abs(entry.open_amount) <= abs(entry.amount) and entry.open_amount * entry.amount >= 0
    for allocation in Allocation.select().where(Allocation.plant == plant.id):
        assert allocation.amount > 0 and allocation.credit.amount < 0 < allocation.debit.amount
    for entry in entries:
        applied = sum((a.amount for a in Allocation.select().where(
            (Allocation.credit == entry.id) | (Allocation.debit == entry.id))), Decimal("0.00"))
        assert applied == abs(entry.amount - entry.open_amount)   # every allocation within open amounts
    for as_of in (START, START + datetime.timedelta(days=200), START + datetime.timedelta(days=800)):
        rows = [a for a in ageing(plant.id, as_of) if a.customer_id == customer.id]
        total = sum((r.days_0_30 + r.days_31_60 + r.days_61_90 + r.days_over_90 + r.advance for r in rows),
                    Decimal("0.00"))
        assert total == expected
    db.close()
