"""Purchase documents over /api/v1: contracts, receipts and payments written (api_create), every document
read, and moved through its review (POST …/<id>/<move>), with the same checks as the screens. Suppliers are
written over the API as on their form (views.SUPPLIERS)."""
from addons.purchase import api_create
from addons.purchase.models.contract import PurchaseContract, PurchaseContractLine
from addons.purchase.models.payable import PayableEntry
from addons.purchase.models.payment import SupplierInvoice, SupplierPayment
from addons.purchase.models.purchase_return import PurchaseReturn, PurchaseReturnLine
from addons.purchase.models.receipt import GoodsReceipt, ReceiptLine
from core.api import Resource
from core.api.openapi import fields_schema
from core.api.serialize import to_json


def _lines(model, key, order):
    """The document's lines in a read (`detail`) and their shape in the OpenAPI document."""
    fields = [n for n in model._meta.sorted_field_names if n not in (key, "id")]

    def detail(record):
        return {"lines": [to_json(x, fields) for x in model.select().where(getattr(model, key) == record.id)
                          .order_by(order)]}
    return {"detail": detail, "detail_schema": {"lines": {"type": "array", "items": fields_schema(model, fields)}}}


CONTRACTS = Resource("purchase_contracts", PurchaseContract, "purchase.contract", search=(PurchaseContract.number,),
                     creator=api_create.create_contract, input_schema=api_create.CONTRACT_INPUT,
                     **_lines(PurchaseContractLine, "contract", PurchaseContractLine.seq))
RECEIPTS = Resource("purchase_receipts", GoodsReceipt, "purchase.receipt",
                    search=(GoodsReceipt.number, GoodsReceipt.lot_number),
                    creator=api_create.create_receipt, input_schema=api_create.RECEIPT_INPUT,
                    **_lines(ReceiptLine, "receipt", ReceiptLine.seq))
RETURNS = Resource("purchase_returns", PurchaseReturn, "purchase.return", search=(PurchaseReturn.number,),
                   **_lines(PurchaseReturnLine, "purchase_return", PurchaseReturnLine.seq))
PAYMENTS = Resource("supplier_payments", SupplierPayment, "purchase.payment",
                    search=(SupplierPayment.number, SupplierPayment.reference), creator=api_create.create_payment,
                    input_schema=api_create.PAYMENT_INPUT)
INVOICES = Resource("supplier_invoices", SupplierInvoice, "purchase.supplier_invoice",
                    search=(SupplierInvoice.invoice_number,))
PAYABLES = Resource("payable_entries", PayableEntry, "purchase.payable_entry", search=(PayableEntry.reference,))

RESOURCES = (CONTRACTS, RECEIPTS, RETURNS, PAYMENTS, INVOICES, PAYABLES)
