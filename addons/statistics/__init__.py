from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.statistics import views
    from addons.statistics.models.target import SalesTarget
    reg.models(SalesTarget)
    reg.blueprint(views.bp, url_prefix="/statistics")
    reg.permission("statistics.read", _l("See sales statistics and the live board"),
                   roles=["manager", "leader", "finance", "admin"])
    reg.permission("statistics.targets", _l("Set sales targets"), roles=["manager", "leader"])
    reg.menu("reports", _l("Live board"), "statistics.board_page", "statistics.read", 10)
    reg.menu("reports", _l("Sales statistics"), "statistics.sales_page", "statistics.read", 20)
    reg.menu("reports", _l("Rankings and shares"), "statistics.ranking_page", "statistics.read", 30)
    reg.menu("reports", _l("Sales targets"), "statistics.targets_page", "statistics.read", 40)
    reg.menu("reports", _l("Customer analysis"), "statistics.customers_page", "statistics.read", 50)
    reg.menu("reports", _l("Collections"), "statistics.collections_page", "statistics.read", 60)
