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
    status = 409

    def __init__(self, message, over):
        super().__init__(message, field="amount")
        self.over = over


def exposure(customer) -> Exposure:
    answers = current_kernel().hooks.call("committed_amount", customer.plant_id, customer_id=customer.id)
    return Exposure(balance(customer.id), sum((Decimal(a) for a in answers if a is not None), Decimal("0.00")),
                    customer.credit_limit)


def check_credit(customer, amount: Decimal, locked=False) -> Exposure:
    """Inside the caller's transaction: lock, then refuse if `amount` more would pass the limit.
    `locked=True` says the caller already holds the customer's row lock in this transaction."""
    locked = customer if locked else lock_customer(customer)
    current = exposure(locked)
    if current.total + amount > current.limit:
        over = current.total + amount - current.limit
        raise CreditLimitExceeded(_("Over the credit limit of %(customer)s by %(over)s.", customer=locked.name,
                                    over=money(over)), over)
    return current
