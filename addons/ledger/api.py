"""The customer's account over /api/v1: receipts of money and their allocation, balances and exposure,
statements, invoices. Same services and the same rule as the screens: a salesperson sees their own
customers' accounts, finance and managers all of the plant's."""
from __future__ import annotations

from flask_babel import gettext as _

from addons.ledger import access, invoicing, statement
from addons.ledger.exposure import exposure
from addons.ledger.models.entry import AccountEntry
from addons.ledger.models.invoice import Invoice, InvoiceLine
from addons.ledger.models.receipt import METHODS, Receipt
from addons.ledger.posting import allocate
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from core.messages import shown_memo
from core.api import Resource
from core.api.operation import DATE, ID, MONEY, Operation, array, code, day, obj, text
from core.api.refs import either, pick
from core.api.serialize import encode, to_json
from core.clock import plant_today
from core.errors import NotFound
from core.records import plant_scoped
from core.security import current_plant


def _own_customers(query):
    return query.where(query.model.customer.in_(access.visible_customers().select(Customer.id)))


def customer_of(body) -> Customer:
    return pick(Customer, body, "customer", query=access.visible_customers())


def _receipt(body):
    customer = customer_of(body)
    receipt, _advance = record_receipt(customer, body["amount"], plant=current_plant(),
                                       method=body.get("method", "transfer"),
                                       date=day(body.get("date")),
                                       reference=body.get("reference") or "", order_id=body.get("order"),
                                       order_number=body.get("order_number"), by_hand=bool(body.get("by_hand")))
    return Receipt.get_by_id(receipt.id)


RECEIPT_INPUT = obj({"customer": ID, "customer_code": code(), "amount": MONEY, "method": {"type": "string",
                     "enum": list(METHODS)}, "date": DATE, "reference": text(80), "order": ID,
                     "order_number": code(32), "by_hand": {"type": "boolean"}},
                    required=["amount"], one_of=(either("customer"),))

RECEIPTS = Resource("receipts", Receipt, "ledger.receipt", search=(Receipt.number,), scope=_own_customers,
                    creator=_receipt, input_schema=RECEIPT_INPUT)
ENTRIES = Resource("account_entries", AccountEntry, "ledger.account_entry", search=(AccountEntry.reference,),
                   scope=_own_customers)


def _invoice_detail(invoice):
    return {"lines": [{"entry": line.entry_id, "amount": encode(line.amount)}
                      for line in InvoiceLine.select().where(InvoiceLine.invoice == invoice.id).order_by(InvoiceLine.id)]}


def _invoice(body):
    customer = customer_of(body)
    entries = body.get("entries") or [e.id for e in invoicing.uninvoiced(customer)]
    return invoicing.issue(customer, entries, plant=current_plant(),
                           date=day(body.get("date")),
                           vat_number=body.get("vat_number") or "")


INVOICES = Resource("invoices", Invoice, "ledger.invoice", search=(Invoice.number, Invoice.vat_number),
                    scope=_own_customers, detail=_invoice_detail, creator=_invoice, input_schema=obj(
                        {"customer": ID, "customer_code": code(), "entries": array(ID, 1),
                         "date": DATE, "vat_number": text(40)}, one_of=(either("customer"),)),
                    detail_schema={"lines": {"type": "array", "items": {"type": "object", "properties": {
                        "entry": {"type": "integer"}, "amount": {"type": "string"}}}}})


def _cancel_invoice(body, id):
    invoice = _own_customers(plant_scoped(Invoice)).where(Invoice.id == id).first()
    if invoice is None:
        raise NotFound(_("There is no such record in this plant."))
    invoicing.cancel(invoice.id, body["reason"], plant=current_plant())
    invoice = Invoice.get_by_id(id)
    return {**to_json(invoice, INVOICES.fields()), **_invoice_detail(invoice)}


def _allocate(body):
    plant = current_plant()
    debit = _own_customers(plant_scoped(AccountEntry)).where(AccountEntry.id == body["debit"]).first()
    if debit is None:
        raise NotFound(_("There is no such record in this plant."))
    made = allocate(body["credit"], debit.id, body["amount"], plant=plant)
    return {"id": made.id, "credit": made.credit_id, "debit": made.debit_id, "amount": encode(made.amount)}


def _account(query):
    customer = customer_of(query)
    figures = exposure(customer)
    return {"customer": customer.id, "customer_code": customer.code, "balance": encode(figures.balance),
            "committed": encode(figures.committed), "credit_limit": encode(figures.limit),
            "exposure": encode(figures.total), "headroom": encode(figures.headroom),
            "uninvoiced": [e.id for e in invoicing.uninvoiced(customer)]}


def _statement(query):
    customer = customer_of(query)
    today = plant_today(current_plant())
    start, end = day(query.get("start")) or today.replace(day=1), day(query.get("end")) or today
    s = statement.build(customer, start, end)
    return {"customer": customer.id, "customer_code": customer.code, "start": start.isoformat(),
            "end": end.isoformat(), "opening": encode(s.opening), "debits": encode(s.debits),
            "credits": encode(s.credits), "closing": encode(s.closing),
            "lines": [{"entry": e.id, "date": e.date.isoformat(), "kind": e.kind, "reference": e.reference,
                       "memo": shown_memo(e.memo), "amount": encode(e.amount), "balance": encode(running)}
                      for e, running in s.lines]}


WHO = {"customer": ID, "customer_code": code()}
_TEXT = {"type": "string"}
STATEMENT = {"type": "object", "properties": {
    "customer": {"type": "integer"}, "customer_code": _TEXT, "start": _TEXT, "end": _TEXT, "opening": _TEXT,
    "debits": _TEXT, "credits": _TEXT, "closing": _TEXT, "lines": {"type": "array", "items": {
        "type": "object", "properties": {"entry": {"type": "integer"}, "date": _TEXT, "kind": _TEXT, "reference": _TEXT,
                                         "memo": _TEXT, "amount": _TEXT, "balance": _TEXT}}}}}


def operations() -> list[Operation]:
    money = {"type": "string"}
    account = {"type": "object", "properties": {
        "customer": {"type": "integer"}, "customer_code": {"type": "string"}, "balance": money,
        "committed": money, "credit_limit": money, "exposure": money, "headroom": money,
        "uninvoiced": {"type": "array", "items": {"type": "integer"}}}}
    return [
        Operation("GET", "/accounts", "ledger.account_entry.read", _account,
                  "A customer's balance, what open orders commit, the credit limit and the headroom left",
                  query=WHO, returns=account, tag="ledger"),
        Operation("GET", "/statements", "ledger.account_entry.read", _statement,
                  "A customer's statement of account for a period (default: this month to today)",
                  query={**WHO, "start": DATE, "end": DATE}, returns=STATEMENT, tag="ledger"),
        Operation("POST", "/allocations", "ledger.allocate", _allocate,
                  "Apply part of a receipt or credit (credit entry) to a debt (debit entry) by hand",
                  body=obj({"credit": ID, "debit": ID, "amount": MONEY}, required=["credit", "debit", "amount"]),
                  returns={"type": "object", "properties": {"id": {"type": "integer"}, "credit": {"type": "integer"},
                                                            "debit": {"type": "integer"}, "amount": money}},
                  status=201, tag="ledger"),
        Operation("POST", "/invoices/{id}/cancel", "ledger.invoice.write", _cancel_invoice,
                  "Cancel an invoice: its shipments can be invoiced again",
                  body=obj({"reason": text(300, True)}, required=["reason"]),
                  returns={"$ref": "#/components/schemas/Invoices"}, tag="ledger"),
    ]
