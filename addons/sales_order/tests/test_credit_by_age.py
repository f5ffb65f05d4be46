"""Credit by age as well as amount: a customer with a debt overdue too long, or with too many overdue debts,
gets its orders held at submission whatever its headroom; a manager's override lets one through, audited."""
import datetime
import json
from decimal import Decimal as D

import pytest

from addons.ledger.models.settings import LedgerSettings
from addons.ledger.posting import post
from addons.ledger.receipts import record_receipt
from addons.sales_order.orders import create_order
from core.clock import plant_today
from core.errors import UserError
from core.models import AuditLog, User
from tests.sales_helpers import as_user, customer, days_ahead, line


def _debt(plant, who, days_ago, amount):
    with as_user("finance", plant):
        return post(who, "shipment", amount, plant=plant, date=plant_today(plant) - datetime.timedelta(days=days_ago),
                    reference=f"DN-{days_ago}")


def test_a_debt_overdue_too_long_holds_the_order_until_a_manager_overrides(browser, ctx, demo):
    p1 = demo["P1"]
    who = customer("P1C002")                                   # 15 days to pay, 100,000 of credit
    LedgerSettings.create(plant=p1, block_overdue_days=30)
    _debt(p1, who, 44, "800.00")                               # due 29 days ago: overdue, not too long
    with as_user("sales", p1):
        fine = create_order(who, days_ahead(5), [line("P002", 2)])
        fine.submit()
    assert fine.state == "submitted"
    _debt(p1, who, 46, "1200.50")                              # due 31 days ago: too long
    with as_user("sales", p1):
        held = create_order(who, days_ahead(5), [line("P002", 2)])
        held.submit()
    assert (held.state, held.credit_reason, held.credit_over) == ("held", "age", D("1200.50"))
    User.update(lang="en").execute()
    manager = browser("manager")
    page = manager.get(f"/sales/orders/{held.id}").get_data(as_text=True)
    assert "On credit hold: CN¥1,200.50 overdue by more than 30 days." in page
    with as_user("manager", p1):
        with pytest.raises(UserError, match="overdue by more than 30 days"):
            held.approve()
        held.override_credit(comment="老客户，本周回款 pays this week")
    assert held.state == "approved"
    audit = AuditLog.get((AuditLog.action == "credit_override") & (AuditLog.record_id == held.id))
    assert json.loads(audit.old)["reason"] == "age"

    with as_user("finance", p1):
        record_receipt(who, "1200.50", plant=p1)               # the oldest debt first: the late one is paid
    with as_user("sales", p1):
        again = create_order(who, days_ahead(6), [line("P002", 1)])
        again.submit()
    assert again.state == "submitted"


def test_too_many_overdue_debts_hold_the_order(ctx, demo):
    p1 = demo["P1"]
    who = customer("P1C002")
    LedgerSettings.create(plant=p1, block_overdue_count=2)
    _debt(p1, who, 20, "100.00")
    _debt(p1, who, 18, "100.00")                               # two overdue: allowed
    _debt(p1, who, 5, "100.00")                                # not yet due: not counted
    with as_user("sales", p1):
        first = create_order(who, days_ahead(5), [line("P002", 1)])
        first.submit()
    assert first.state == "submitted"
    _debt(p1, who, 16, "100.00")                               # a third overdue debt
    with as_user("manager", p1):
        second = create_order(who, days_ahead(5), [line("P002", 1)])
        second.submit()
        assert (second.state, second.credit_reason, second.credit_over) == ("held", "count", D("300.00"))
        first.approve()                                        # the approval checks again: held too
    assert first.state == "held" and first.credit_reason == "count"
