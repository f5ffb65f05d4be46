"""A statement of account for a customer and period, on screen and as a workbook that re-adds."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from flask import Response
from flask_babel import gettext as _
from openpyxl import Workbook

from addons.ledger.ageing import balance
from addons.ledger.models.entry import KINDS, AccountEntry
from core.excel.writer import _cell, _save

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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


def workbook_response(s: Statement) -> Response:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Statement")[:31])
    ws.append([_cell(ws, _("Statement of account"), bold=True)])
    ws.append([_cell(ws, _("Customer")), _cell(ws, f"{s.customer.code} {s.customer.name}")])
    ws.append([_cell(ws, _("Period")), s.start, s.end])
    ws.append([])
    ws.append([_cell(ws, h, bold=True) for h in (_("Date"), _("Kind"), _("Reference"), _("Memo"), _("Debit"),
                                                  _("Credit"), _("Balance"))])
    ws.append([s.start, _cell(ws, _("Opening balance")), None, None, None, None, _cell(ws, s.opening)])
    for entry, running in s.lines:
        ws.append([entry.date, _cell(ws, str(KINDS.get(entry.kind, entry.kind))), _cell(ws, entry.reference),
                   _cell(ws, entry.memo), _cell(ws, entry.amount) if entry.amount > 0 else None,
                   _cell(ws, -entry.amount) if entry.amount < 0 else None, _cell(ws, running)])
    ws.append([s.end, _cell(ws, _("Closing balance")), None, None, _cell(ws, s.debits), _cell(ws, s.credits),
               _cell(ws, s.closing)])
    name = f"statement-{s.customer.code}-{s.start.isoformat()}-{s.end.isoformat()}.xlsx"
    return Response(_save(wb), mimetype=XLSX, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def ageing_workbook(rows, totals, as_of) -> Response:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Ageing")[:31])
    ws.append([_cell(ws, h, bold=True) for h in (_("Code"), _("Customer"), _("Balance"), _("0–30 days"),
                                                  _("31–60 days"), _("61–90 days"), _("Over 90 days"),
                                                  _("Advance"))])
    for customer, a in rows:
        ws.append([_cell(ws, customer.code), _cell(ws, customer.name)] +
                  [_cell(ws, getattr(a, k)) for k in ("balance", "days_0_30", "days_31_60", "days_61_90",
                                                       "days_over_90", "advance")])
    ws.append([_cell(ws, _("Total"), bold=True), None] +
              [_cell(ws, totals[k]) for k in ("balance", "days_0_30", "days_31_60", "days_61_90", "days_over_90",
                                              "advance")])
    return Response(_save(wb), mimetype=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="ageing-{as_of.isoformat()}.xlsx"'})
