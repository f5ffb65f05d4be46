from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.stock_dispatch import api, hooks, views
    from addons.stock_dispatch.models.exit_record import ExitRecord
    reg.models(ExitRecord)
    reg.hooks(hooks)
    reg.blueprint(views.bp, url_prefix="/stock/trace")
    reg.resource(api.EXIT_RECORDS)
    reg.permission("stock_dispatch.trace", _l("Trace lots to customers: recall lists and the exit record"),
                   roles=["manager", "storekeeper", "leader", "admin"])
    reg.menu("stock", _l("Exit record"), "stock_dispatch.exit_record", "stock_dispatch.trace", 40)
