from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.sales_order import hooks, views
    from addons.sales_order.models.order import Order
    from core.api import Resource
    reg.models(Order)
    reg.hooks(hooks)
    reg.blueprint(views.bp, url_prefix="/sales")
    # Read and move through the workflow; creating orders over the API comes with the order lines.
    reg.resource(Resource("orders", Order, "sales_order.order", search=(Order.number,)))
    reg.permission("sales_order.submit", _l("Submit orders for review"), roles=["sales", "manager"])
    reg.permission("sales_order.approve", _l("Approve or reject orders"), roles=["manager"])
    reg.permission("sales_order.cancel", _l("Cancel orders"), roles=["manager"])
    reg.menu("sales", _l("Sales orders"), "sales_order.order_list", "sales_order.order.read", 10)
