"""A statement of account for a customer and period, on screen and as a workbook that re-adds."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import gettext as _

from addons.ledger.ageing import balance
from addons.ledger.models.entry import KINDS, AccountEntry
from core.excel.xlsx import Book, download
from core.messages import shown_memo



@dataclass
class Statement:
    customer: object
    start: datetime.date
    end: datetime.date
    opening: Decimal
    lines: list = field(default_factory=list)      # (entry, running balance)

    @property
    def debits(self) -> Decimal:
        return sum((e.amount for e, _r in self.lines if e.amount > 0), Decimal("0.00"))

    @property
    def credits(self) -> Decimal:
        return sum((-e.amount for e, _r in self.lines if e.amount < 0), Decimal("0.00"))

    @property
    def closing(self) -> Decimal:
        return self.opening + self.debits - self.credits


def build(customer, start, end) -> Statement:
    opening = balance(customer.id, start - datetime.timedelta(days=1))
    statement = Statement(customer, start, end, opening)
    running = opening
    for entry in (AccountEntry.select().where((AccountEntry.customer == customer.id) & (AccountEntry.date >= start)
                                              & (AccountEntry.date <= end))
                  .order_by(AccountEntry.date, AccountEntry.id)):
        running += entry.amount
        statement.lines.append((entry, running))
    return statement


def workbook_response(s: Statement):
    book = Book()
    ws = book.sheet(_("Statement"))
    ws.append([_("Statement of account")], bold=True)
    ws.append([_("Customer"), f"{s.customer.code} {s.customer.name}"])
    ws.append([_("Period"), s.start, s.end])
    ws.append([])
    ws.append([_("Date"), _("Kind"), _("Reference"), _("Memo"), _("Debit"), _("Credit"), _("Balance")], bold=True)
    ws.append([s.start, _("Opening balance"), None, None, None, None, s.opening])
    for entry, running in s.lines:
        ws.append([entry.date, str(KINDS.get(entry.kind, entry.kind)), entry.reference, shown_memo(entry.memo),
                   entry.amount if entry.amount > 0 else None, -entry.amount if entry.amount < 0 else None, running])
    ws.append([s.end, _("Closing balance"), None, None, s.debits, s.credits, s.closing])
    return download(book.to_bytes(), f"statement-{s.customer.code}-{s.start.isoformat()}-{s.end.isoformat()}.xlsx")


def ageing_workbook(rows, totals, as_of):
    keys = ("balance", "days_0_30", "days_31_60", "days_61_90", "days_over_90", "advance")
    book = Book()
    ws = book.sheet(_("Ageing"))
    ws.append([_("Code"), _("Customer"), _("Balance"), _("0–30 days"), _("31–60 days"), _("61–90 days"),
               _("Over 90 days"), _("Advance")], bold=True)
    for customer, a in rows:
        ws.append([customer.code, customer.name] + [getattr(a, k) for k in keys])
    ws.append([_("Total"), None] + [totals[k] for k in keys], bold=True)
    return download(book.to_bytes(), f"ageing-{as_of.isoformat()}.xlsx")
