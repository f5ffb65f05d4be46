"""Credit exposure: what a customer owes plus what they have committed to, against their limit.

`check_credit` locks the customer's row before reading, so two approvals for one customer run one
after the other: the second sees the first one's order and cannot use the same headroom.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import gettext as _

from addons.ledger.ageing import balance
from addons.ledger.posting import lock_customer
from core.errors import UserError
from core.kernel import current_kernel
from core.currency import money


@dataclass
class Exposure:
    balance: Decimal
    committed: Decimal
    limit: Decimal

    @property
    def total(self) -> Decimal:
        return self.balance + self.committed

    @property
    def headroom(self) -> Decimal:
        return self.limit - self.total


class CreditLimitExceeded(UserError):
    """Credit says no: over the limit ("limit"), a debt overdue too long ("age") or too many overdue debts
    ("count"). Every entry point holds the order on it; a manager's override lets it through."""
    status = 409
    reason = "limit"

    def __init__(self, message, over, reason=None):
        super().__init__(message, field="amount")
        self.over = over
        if reason is not None:
            self.reason = reason


def check_age(customer) -> None:
    """Refuse (as a credit hold) a customer whose overdue debts break the plant's age rules."""
    from addons.ledger.overdue import overdue, rules_of
    from core.clock import plant_today
    from core.models import Plant
    rules = rules_of(customer.plant_id)
    if not (rules.block_overdue_days or rules.block_overdue_count):
        return
    facts = overdue(customer, plant_today(Plant.get_by_id(customer.plant_id)), rules.block_overdue_days)
    if rules.block_overdue_days and facts.late_amount > 0:
        raise CreditLimitExceeded(_("%(customer)s has %(amount)s overdue by more than %(days)d days.",
                                    customer=customer.name, amount=money(facts.late_amount),
                                    days=rules.block_overdue_days), facts.late_amount, "age")
    if rules.block_overdue_count and facts.count > rules.block_overdue_count:
        raise CreditLimitExceeded(_("%(customer)s has %(count)d overdue debts; at most %(most)d are allowed.",
                                    customer=customer.name, count=facts.count, most=rules.block_overdue_count),
                                  facts.amount, "count")


def exposure(customer) -> Exposure:
    answers = current_kernel().hooks.call("committed_amount", customer.plant_id, customer_id=customer.id)
    return Exposure(balance(customer.id), sum((Decimal(a) for a in answers if a is not None), Decimal("0.00")),
                    customer.credit_limit)


def check_credit(customer, amount: Decimal, locked=False) -> Exposure:
    """Inside the caller's transaction: lock, then refuse if `amount` more would pass the limit.
    `locked=True` says the caller already holds the customer's row lock in this transaction."""
    locked = customer if locked else lock_customer(customer)
    check_age(locked)
    current = exposure(locked)
    if current.total + amount > current.limit:
        over = current.total + amount - current.limit
        raise CreditLimitExceeded(_("Over the credit limit of %(customer)s by %(over)s.", customer=locked.name,
                                    over=money(over)), over)
    return current
