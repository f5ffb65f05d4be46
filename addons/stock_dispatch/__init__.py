from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.stock_dispatch import api, container_views, hooks, profit_views, temperature_views, views
    from addons.stock_dispatch.models.container import ContainerMove, ContainerRule
    from addons.stock_dispatch.models.exit_record import ExitRecord
    from addons.stock_dispatch.models.sale_cost import SaleCost
    from addons.stock_dispatch.models.temperature import NoteTemperature, TemperatureRange
    reg.models(ExitRecord, ContainerRule, ContainerMove, TemperatureRange, NoteTemperature, SaleCost)
    reg.hooks(hooks)
    reg.blueprint(views.bp, url_prefix="/stock")
    reg.routes(views.bp, container_views, temperature_views, profit_views)
    reg.resource(api.EXIT_RECORDS)
    reg.permission("stock_dispatch.trace", _l("Trace lots to customers: recall lists and the exit record"),
                   roles=["manager", "storekeeper", "leader", "admin"])
    reg.permission("stock_dispatch.containers", _l("See who holds containers and record the empties back"),
                   roles=["shipper", "scheduler", "manager", "storekeeper", "admin"])
    reg.permission("stock_dispatch.container_rules", _l("Say which containers come back and their deposit"),
                   roles=["manager", "admin"])
    reg.permission("stock_dispatch.profit", _l("See profit: what shipments were billed against what their goods cost"),
                   roles=["manager", "finance", "leader", "admin"])
    reg.permission("stock_dispatch.temperature_ranges", _l("Set the temperatures each product must travel at"),
                   roles=["manager", "admin"])
    reg.menu("dispatch", _l("Temperature ranges"), "stock_dispatch.temperature_ranges",
             "stock_dispatch.temperature_ranges", 68)
    reg.menu("finance", _l("Profit"), "stock_dispatch.profit_page", "stock_dispatch.profit", 80)
    reg.menu("stock", _l("Exit record"), "stock_dispatch.exit_record", "stock_dispatch.trace", 40)
    reg.menu("dispatch", _l("Returnable containers"), "stock_dispatch.containers_page", "stock_dispatch.containers", 65)
