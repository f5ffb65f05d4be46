from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.sales_order import (api, demo, documents, hooks, hookspecs, jobs, order_form, planning_views, portal,
                                    quotation_views, views)
    from addons.sales_order.models.line import OrderLine
    from addons.sales_order.models.order import Order
    from addons.sales_order.models.planning import Availability, ProductYield, SalesSettings
    from addons.sales_order.models.quotation import Quotation, QuotationLine
    reg.models(Order, OrderLine, Quotation, QuotationLine, SalesSettings, Availability, ProductYield)
    reg.hookspecs(hookspecs.SalesOrderSpecs)
    reg.hooks(hooks)
    reg.demo(demo.load)
    reg.blueprint(views.bp, url_prefix="/sales")
    reg.routes(views.bp, order_form, planning_views, quotation_views, documents)
    reg.blueprint(portal.bp, url_prefix="/portal")
    reg.resource(api.ORDERS)
    for name, label, roles in [
            ("sales_order.submit", _l("Enter and submit orders and quotations"), ["sales", "manager"]),
            ("sales_order.approve", _l("Approve, reject and reopen orders"), ["manager"]),
            ("sales_order.cancel", _l("Cancel submitted or approved orders"), ["manager"]),
            ("sales_order.close_short", _l("Close an order short: what was not delivered will not be"), ["manager"]),
            ("sales_order.price_approve", _l("Approve prices below the floor"), ["manager"]),
            ("sales_order.credit_override", _l("Approve orders over the credit limit"), ["manager"]),
            ("sales_order.edit_submitted", _l("Change orders after submission"), ["manager"]),
            ("sales_order.after_cutoff", _l("Order and change orders after the cut-off"), ["manager"]),
            ("sales_order.cutoff", _l("Firm up reservations and expire quotations by hand"), ["manager"]),
            ("sales_order.balance", _l("Balance orders against supply; enter availability and yields"),
             ["manager"]),
            ("sales_order.settings", _l("Set the plant's ordering windows"), ["manager", "admin"]),
            ("sales_order.portal", _l("Use the customer order portal"), ["customer"])]:
        reg.permission(name, label, roles=roles)
    reg.menu("sales", _l("Sales orders"), "sales_order.order_list", "sales_order.order.read", 10)
    reg.menu("sales", _l("New order"), "sales_order.order_new", "sales_order.order.create", 12)
    reg.menu("sales", _l("Review queue"), "sales_order.review_queue", "sales_order.approve", 14)
    reg.menu("sales", _l("Quotations"), "sales_order.quotation_list", "sales_order.quotation.read", 20)
    reg.menu("sales", _l("Order monitor"), "sales_order.monitor", "sales_order.order.read", 30)
    reg.menu("sales", _l("Balancing"), "sales_order.balancing", "sales_order.balance", 40)
    reg.menu("sales", _l("Production plan"), "sales_order.production_plan", "sales_order.order.read", 50)
    reg.menu("sales", _l("Ordering windows"), "sales_order.settings", "sales_order.settings", 60)
    reg.role("customer", _l("Customer"))          # a customer's own login to the order portal
    reg.section("sales", _l("Sales"), 10)
    reg.section("portal", _l("My orders"), 5, outside=True)
    reg.menu("portal", _l("My orders"), "portal.orders", "sales_order.portal", 10)
    reg.menu("portal", _l("Reserve"), "portal.order_new", "sales_order.portal", 20)
    reg.menu("portal", _l("My prices"), "portal.prices", "sales_order.portal", 30)
    reg.menu("portal", _l("My statement"), "portal.statement", "sales_order.portal", 40)
    reg.job("sales_order.cutoff", jobs.close_ordering_window, "cron", minute="*/5")
    reg.job("sales_order.expire_quotations", jobs.expire_old_quotations, "cron", hour=0, minute=10)
