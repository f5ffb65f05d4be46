from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.ledger import api, credit_views, demo, documents, hooks, hookspecs, invoice_views, jobs, views
    from addons.ledger.models.allocation import Allocation
    from addons.ledger.models.entry import AccountEntry
    from addons.ledger.models.due_day import DueDay
    from addons.ledger.models.invoice import Invoice, InvoiceLine, InvoiceMilestone
    from addons.ledger.models.position import CustomerPosition
    from addons.ledger.models.receipt import Receipt
    from addons.ledger.models.receipt_period import ReceiptPeriod
    from addons.ledger.models.settings import LedgerSettings
    reg.models(AccountEntry, Allocation, Receipt, Invoice, InvoiceLine, InvoiceMilestone, LedgerSettings,
               CustomerPosition, DueDay, ReceiptPeriod)
    reg.hookspecs(hookspecs.LedgerSpecs)
    reg.hooks(hooks)
    reg.demo(demo.load)
    reg.blueprint(views.bp, url_prefix="/ledger")
    reg.routes(views.bp, invoice_views, documents, credit_views)
    for resource in (api.RECEIPTS, api.ENTRIES, api.INVOICES):
        reg.resource(resource)
    for op in api.operations():
        reg.operation(op)
    reg.permission("ledger.all_customers", _l("See every customer's account in the plant"),
                   roles=["manager", "finance", "leader", "admin"])
    reg.permission("ledger.adjust", _l("Post discounts and adjustments"), roles=["finance", "manager"])
    reg.permission("ledger.reverse", _l("Reverse a posted entry"), roles=["finance"])
    reg.permission("ledger.allocate", _l("Apply receipts to debts by hand"), roles=["finance"])
    reg.permission("ledger.credit_rules", _l("Set the plant's credit-by-age rules"), roles=["finance", "manager"])
    reg.section("finance", _l("Finance"), 30)
    reg.menu("finance", _l("Ageing of receivables"), "ledger.balances", "ledger.account_entry.read", 10)
    reg.menu("finance", _l("Receivables by order"), "ledger.receivables", "ledger.account_entry.read", 15)
    reg.menu("finance", _l("Receipts"), "ledger.receipt_list", "ledger.receipt.read", 20)
    reg.menu("finance", _l("Invoices"), "ledger.invoice_list", "ledger.invoice.read", 30)
    reg.menu("finance", _l("Invoice milestones"), "ledger.milestone_list", "ledger.invoice_milestone.read", 40)
    reg.menu("finance", _l("Credit by age"), "ledger.credit_rules", "ledger.credit_rules", 50)
    reg.job("ledger.remind_overdue", jobs.remind_overdue, "cron", hour=8, minute=0)
