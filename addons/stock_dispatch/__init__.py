from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.stock_dispatch import api, container_views, hooks, views
    from addons.stock_dispatch.models.container import ContainerMove, ContainerRule
    from addons.stock_dispatch.models.exit_record import ExitRecord
    reg.models(ExitRecord, ContainerRule, ContainerMove)
    reg.hooks(hooks)
    reg.blueprint(views.bp, url_prefix="/stock")
    reg.routes(views.bp, container_views)
    reg.resource(api.EXIT_RECORDS)
    reg.permission("stock_dispatch.trace", _l("Trace lots to customers: recall lists and the exit record"),
                   roles=["manager", "storekeeper", "leader", "admin"])
    reg.permission("stock_dispatch.containers", _l("See who holds containers and record the empties back"),
                   roles=["shipper", "scheduler", "manager", "storekeeper", "admin"])
    reg.permission("stock_dispatch.container_rules", _l("Say which containers come back and their deposit"),
                   roles=["manager", "admin"])
    reg.menu("stock", _l("Exit record"), "stock_dispatch.exit_record", "stock_dispatch.trace", 40)
    reg.menu("dispatch", _l("Returnable containers"), "stock_dispatch.containers_page", "stock_dispatch.containers", 65)
