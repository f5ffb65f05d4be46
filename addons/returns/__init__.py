from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.returns import api, demo, documents, excel, hooks, portal, views
    from addons.returns.models.line import ReturnLine
    from addons.returns.models.reason import ReturnReason
    from addons.returns.models.return_order import ReturnOrder
    from addons.returns.models.settings import ReturnSettings
    reg.models(ReturnReason, ReturnSettings, ReturnOrder, ReturnLine)
    reg.hooks(hooks)
    reg.demo(demo.load)
    reg.blueprint(views.bp, url_prefix="/returns")
    reg.routes(views.bp, documents)
    reg.blueprint(portal.bp, url_prefix="/portal/returns")
    reg.importer(excel.REASONS)
    reg.resource(views.REASONS)
    reg.resource(api.RETURNS)
    for op in api.operations():
        reg.operation(op)
    for name, label, roles in [
            ("returns.create", _l("Enter and submit returns"), ["sales", "manager"]),
            ("returns.claim", _l("Enter a refund without a return (quality claim)"), ["manager"]),
            ("returns.approve", _l("Approve returns up to the plant's limit"), ["manager", "leader"]),
            ("returns.approve_any", _l("Approve returns of any amount"), ["leader", "admin"]),
            ("returns.receive", _l("Receive returned goods"), ["shipper", "manager"]),
            ("returns.refund", _l("Refund or credit returns"), ["finance"]),
            ("returns.settings", _l("Set the return approval limit"), ["manager", "admin"]),
            ("returns.portal", _l("Ask to send goods back in the customer portal"), ["customer"])]:
        reg.permission(name, label, roles=roles)
    reg.menu("sales", _l("Returns"), "returns.order_list", "returns.order.read", 55)
    reg.menu("sales", _l("What returns tell us"), "returns.analysis_page", "returns.order.read", 57)
    reg.menu("sales", _l("Return reasons"), "returns.reason_list", "returns.reason.read", 60)
    reg.menu("sales", _l("Return approval"), "returns.settings", "returns.settings", 62)
    reg.menu("portal", _l("My returns"), "returns_portal.returns", "returns.portal", 50)
