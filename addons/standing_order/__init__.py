from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.standing_order import baskets, demo, views
    from addons.standing_order.models.standing import StandingLine, StandingOrder, StandingRun
    reg.models(StandingOrder, StandingLine, StandingRun)
    reg.demo(demo.load)
    reg.job("standing_order.reserve", baskets.reserve_open_days, "cron", minute="2-59/5")
    reg.blueprint(views.bp, url_prefix="/standing-orders")
    reg.blueprint(views.portal_bp, url_prefix="/portal/standing")
    reg.menu("sales", _l("Standing orders"), "standing_order.standing_list", "standing_order.standing.read", 16)
    reg.menu("portal", _l("My weekly basket"), "standing_portal.basket", "sales_order.portal", 25)
