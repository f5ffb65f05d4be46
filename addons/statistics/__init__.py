from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.statistics import hooks, hookspecs, summary, views
    from addons.statistics.models.customer_month import CustomerMonth
    from addons.statistics.models.daily_sales import DailySales, PeriodSales, StaleDay, SummaryState
    from addons.statistics.models.target import SalesTarget
    reg.models(SalesTarget, DailySales, PeriodSales, StaleDay, SummaryState, CustomerMonth)
    reg.hooks(hooks)
    reg.hookspecs(hookspecs.StatisticsSpecs)
    # the figures refresh stale days themselves; the job keeps that work off the readers, and the
    # nightly rebuild repairs anything written around the services (a bulk import, a script)
    reg.job("statistics.refresh_summary", summary.refresh_job, "cron", minute="*/5")
    reg.job("statistics.rebuild_summary", summary.rebuild_job, "cron", hour=2, minute=40)
    reg.blueprint(views.bp, url_prefix="/statistics")
    reg.permission("statistics.read", _l("See sales statistics and the live board"),
                   roles=["manager", "leader", "finance", "admin"])
    reg.permission("statistics.targets", _l("Set sales targets"), roles=["manager", "leader"])
    reg.section("reports", _l("Statistics"), 50)
    reg.menu("reports", _l("Live board"), "statistics.board_page", "statistics.read", 10)
    reg.menu("reports", _l("Sales statistics"), "statistics.sales_page", "statistics.read", 20)
    reg.menu("reports", _l("Rankings and shares"), "statistics.ranking_page", "statistics.read", 30)
    reg.menu("reports", _l("Sales targets"), "statistics.targets_page", "statistics.read", 40)
    reg.menu("reports", _l("Sales forecast"), "statistics.forecast_page", "statistics.read", 45)
    reg.menu("reports", _l("Customer analysis"), "statistics.customers_page", "statistics.read", 50)
    reg.menu("reports", _l("Collections"), "statistics.collections_page", "statistics.read", 60)
