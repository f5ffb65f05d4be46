from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.purchase import excel, views
    from addons.purchase.models.contract import PurchaseContract, PurchaseContractLine
    from addons.purchase.models.payable import PayableAllocation, PayableEntry
    from addons.purchase.models.payment import SupplierInvoice, SupplierPayment
    from addons.purchase.models.purchase_return import PurchaseReturn, PurchaseReturnLine
    from addons.purchase.models.receipt import GoodsReceipt, ReceiptLine
    from addons.purchase.models.supplier import Supplier
    reg.models(Supplier, PurchaseContract, PurchaseContractLine, GoodsReceipt, ReceiptLine, PayableEntry,
               PayableAllocation, SupplierPayment, SupplierInvoice, PurchaseReturn, PurchaseReturnLine)
    reg.role("buyer", _l("Buyer"))
    for name, label, roles in [
            ("purchase.approve", _l("Approve or refuse purchase contracts"), ["manager", "leader", "admin"]),
            ("purchase.receive", _l("Receive goods and live hogs, and send goods back to suppliers"),
             ["buyer", "storekeeper", "admin"]),
            ("purchase.pay", _l("Review and pay suppliers"), ["finance", "admin"]),
            ("purchase.payables", _l("See what the plant owes its suppliers"), ["buyer", "finance", "manager",
                                                                                 "leader", "admin"])]:
        reg.permission(name, label, roles=roles)
    reg.section("purchase", _l("Purchase"), 35)
    reg.blueprint(views.bp, url_prefix="/purchase")
    reg.importer(excel.SUPPLIERS)
    reg.resource(views.SUPPLIERS)
    reg.menu("purchase", _l("Suppliers"), "purchase.supplier_list", "purchase.supplier.read", 10)
