from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.purchase import (api, contract_views, demo, excel, history, hooks, hookspecs, money_views, ratio_views, receipt_views,
                                 return_views, statistics_views, supplier_parts, views)
    from addons.purchase.models.contract import PurchaseContract, PurchaseContractLine
    from addons.purchase.models.cost_ratio import CostRatio
    from addons.purchase.models.payable import PayableAllocation, PayableEntry
    from addons.purchase.models.payment import SupplierInvoice, SupplierPayment
    from addons.purchase.models.purchase_return import PurchaseReturn, PurchaseReturnLine
    from addons.purchase.models.receipt import GoodsReceipt, ReceiptLine
    from addons.purchase.models.supplier import Supplier, SupplierContact
    reg.models(Supplier, SupplierContact, PurchaseContract, PurchaseContractLine, GoodsReceipt, ReceiptLine, PayableEntry,
               PayableAllocation, SupplierPayment, SupplierInvoice, PurchaseReturn, PurchaseReturnLine, CostRatio)
    reg.hookspecs(hookspecs.PurchaseSpecs)
    reg.hooks(hooks)
    reg.role("buyer", _l("Buyer"))
    reg.demo(demo.load)
    reg.history(history.load)
    for name, label, roles in [
            ("purchase.approve", _l("Approve or refuse purchase contracts"), ["manager", "leader", "admin"]),
            ("purchase.receive", _l("Receive goods and live hogs, and send goods back to suppliers"),
             ["buyer", "storekeeper", "admin"]),
            ("purchase.pay", _l("Review and pay suppliers"), ["finance", "admin"]),
            ("purchase.payables", _l("See what the plant owes its suppliers"), ["buyer", "finance", "manager",
                                                                                 "leader", "admin"]),
            ("purchase.statistics", _l("See purchase statistics"), ["buyer", "manager", "finance", "leader", "admin"]),
            ("purchase.cost_ratios", _l("Set the value ratios that spread a lot's hog cost over its products"),
             ["manager", "finance", "admin"])]:
        reg.permission(name, label, roles=roles)
    reg.section("purchase", _l("Purchase"), 35)
    reg.blueprint(views.bp, url_prefix="/purchase")
    reg.routes(views.bp, contract_views, receipt_views, return_views, money_views, ratio_views,
               statistics_views, supplier_parts)
    reg.importer(excel.SUPPLIERS)
    reg.resource(views.SUPPLIERS)
    for resource in api.RESOURCES:
        reg.resource(resource)
    reg.menu("purchase", _l("Purchase contracts"), "purchase.contract_list", "purchase.contract.read", 10)
    reg.menu("purchase", _l("Receipts"), "purchase.receipt_list", "purchase.receipt.read", 20)
    reg.menu("purchase", _l("Purchase returns"), "purchase.return_list", "purchase.return.read", 30)
    reg.menu("purchase", _l("Payments to suppliers"), "purchase.payment_list", "purchase.payment.read", 40)
    reg.menu("purchase", _l("Supplier invoices"), "purchase.invoice_list", "purchase.supplier_invoice.read", 45)
    reg.menu("purchase", _l("Ageing of payables"), "purchase.payables_page", "purchase.payables", 50)
    reg.menu("purchase", _l("Purchase statistics"), "purchase.statistics_page", "purchase.statistics", 55)
    reg.menu("purchase", _l("Suppliers"), "purchase.supplier_list", "purchase.supplier.read", 60)
    reg.menu("purchase", _l("Value ratios of products"), "purchase.cost_ratios", "purchase.cost_ratios", 70)
