"""Writing purchase documents over /api/v1, through the same services as the screens: a contract with its
lines, a receipt (goods by lines, or live hogs by their weighbridge ticket), a payment asked for. Records may
be named by id or by the code the integration's own system keeps (supplier_code, product_code, warehouse_code)."""
from __future__ import annotations

import datetime

from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.purchase.contracts import ContractLineInput, ask_payment, save_contract
from addons.purchase.models.contract import PurchaseContract
from addons.purchase.models.supplier import Supplier
from addons.purchase.receiving import LineInput, Ticket, save_receipt
from addons.stock.models.warehouse import Warehouse
from core.api.operation import code, decimal, text
from core.errors import UserError
from core.security import current_plant

QUANTITY, PRICE, MONEY = decimal(3, 9), decimal(4, 12), decimal(2, 12)
DATE = {"type": "string", "format": "date"}
PRODUCT = {"product": {"type": "integer"}, "product_code": code()}
SUPPLIER = {"supplier": {"type": "integer"}, "supplier_code": code()}
ONE_SUPPLIER = [{"required": ["supplier"]}, {"required": ["supplier_code"]}]
ONE_PRODUCT = [{"required": ["product"]}, {"required": ["product_code"]}]

CONTRACT_INPUT = {"type": "object", "required": ["date", "lines"], "additionalProperties": False,
                  "anyOf": ONE_SUPPLIER, "properties": {
                      **SUPPLIER, "date": DATE, "delivery_from": DATE, "delivery_to": DATE, "remarks": text(2000),
                      "lines": {"type": "array", "minItems": 1, "maxItems": 500, "items": {
                          "type": "object", "required": ["quantity", "unit_price"], "additionalProperties": False,
                          "anyOf": ONE_PRODUCT, "properties": {**PRODUCT, "quantity": QUANTITY, "unit_price": PRICE,
                                                               "delivery_date": DATE}}}}}
# the weights come from the plant's weighbridge ticket when one is named ("weighbridge"), else as given
TICKET = {"type": "object", "required": ["heads", "price_per_kg"], "additionalProperties": False,
          "anyOf": ONE_PRODUCT, "properties": {**PRODUCT, "heads": {"type": "integer", "minimum": 1, "maximum": 100000},
                                               "gross_kg": QUANTITY, "tare_kg": QUANTITY, "deduct_kg": QUANTITY,
                                               "price_per_kg": PRICE, "deduct_amount": MONEY,
                                               "weighbridge": code(32)}}
RECEIPT_INPUT = {"type": "object", "required": ["date"], "additionalProperties": False,
                 "allOf": [{"anyOf": ONE_SUPPLIER},
                           {"anyOf": [{"required": ["warehouse"]}, {"required": ["warehouse_code"]}]},
                           {"oneOf": [{"required": ["lines"]}, {"required": ["ticket"]}]}],
                 "properties": {
                     **SUPPLIER, "warehouse": {"type": "integer"}, "warehouse_code": code(20), "date": DATE,
                     "contract_number": code(32), "lot_number": text(40), "quarantine_cert": text(60),
                     "vehicle": text(20), "remarks": text(2000), "ticket": TICKET,
                     "lines": {"type": "array", "minItems": 1, "maxItems": 500, "items": {
                         "type": "object", "additionalProperties": False, "anyOf": ONE_PRODUCT,
                         "properties": {**PRODUCT, "quantity": QUANTITY, "weight": QUANTITY, "unit_price": PRICE}}}}}
PAYMENT_INPUT = {"type": "object", "required": ["date", "amount"], "additionalProperties": False,
                 "anyOf": ONE_SUPPLIER, "properties": {
                     **SUPPLIER, "date": DATE, "amount": MONEY, "method": {"type": "string", "enum": [
                         "transfer", "draft", "cash"]}, "reference": text(80), "remarks": text(2000),
                     "contract_number": code(32)}}


def _by_code(model, field, value, label):
    found = model.get_or_none((model.plant == current_plant().id) & (getattr(model, field) == str(value)))
    if found is None:
        raise UserError(_("There is no %(what)s %(code)s in this plant.", what=label, code=str(value)[:40]),
                        field=f"{field}")
    return found.id


def _supplier(body):
    if body.get("supplier") is not None:
        return body["supplier"]
    return _by_code(Supplier, "code", body["supplier_code"], _("supplier"))


def _product(item):
    if item.get("product") is not None:
        return item["product"]
    return _by_code(Product, "code", item["product_code"], _("product"))


def _day(raw, field):
    try:
        return datetime.date.fromisoformat(str(raw)) if raw else None
    except ValueError:
        raise UserError(_("%(field)s: give a date as YYYY-MM-DD.", field=field), field=field) from None


def create_contract(body) -> PurchaseContract:
    lines = [ContractLineInput(_product(x), x["quantity"], x["unit_price"], _day(x.get("delivery_date"), "delivery_date"))
             for x in body["lines"]]
    return save_contract(current_plant(), _supplier(body), _day(body["date"], "date"), lines,
                         delivery_from=_day(body.get("delivery_from"), "delivery_from"),
                         delivery_to=_day(body.get("delivery_to"), "delivery_to"), remarks=str(body.get("remarks") or ""))


def create_receipt(body):
    plant = current_plant()
    warehouse = body.get("warehouse") or _by_code(Warehouse, "code", body.get("warehouse_code"), _("warehouse"))
    contract_id = None
    if body.get("contract_number"):
        contract_id = _by_code(PurchaseContract, "number", body["contract_number"], _("contract"))
    ticket = body.get("ticket")
    return save_receipt(
        plant, _supplier(body), warehouse, _day(body["date"], "date"), contract_id=contract_id,
        lines=[LineInput(_product(x), x.get("quantity") or "0", x.get("weight") or "0", x.get("unit_price") or "0")
               for x in body.get("lines") or []],
        ticket=Ticket(_product(ticket), ticket["heads"], ticket.get("gross_kg") or "0", ticket.get("tare_kg") or "0",
                      ticket["price_per_kg"], ticket.get("deduct_kg") or "0", ticket.get("deduct_amount") or "0",
                      str(ticket.get("weighbridge") or "")) if ticket else None,
        lot_number=str(body.get("lot_number") or ""), quarantine_cert=str(body.get("quarantine_cert") or ""),
        vehicle=str(body.get("vehicle") or ""), remarks=str(body.get("remarks") or ""))


def create_payment(body):
    return ask_payment(current_plant(), _supplier(body), body["amount"], _day(body["date"], "date"),
                       body.get("method") or "transfer", str(body.get("reference") or ""),
                       str(body.get("remarks") or ""), contract_number=str(body.get("contract_number") or ""))
