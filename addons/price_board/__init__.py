from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.price_board import api, boards, demo, hooks, views
    from addons.price_board.models.board import BoardSettings, PriceBoard, PriceBoardLine
    reg.models(PriceBoard, PriceBoardLine, BoardSettings)
    reg.demo(demo.load)
    reg.hooks(hooks)
    reg.job("price_board.publish_due", boards.publish_due, "cron", minute="*/5")
    reg.permission("price_board.publish", _l("Publish the daily price board"), roles=["manager", "admin"])
    reg.permission("price_board.settings", _l("Set the price board's rules"), roles=["manager", "admin"])
    reg.blueprint(views.bp, url_prefix="/price-board")
    for resource in api.RESOURCES:
        reg.resource(resource)
    reg.menu("sales", _l("Daily price board"), "price_board.board_list", "price_board.board.read", 60)
    reg.menu("sales", _l("Price board history"), "price_board.history", "price_board.board.read", 61)
    reg.menu("sales", _l("Price board rules"), "price_board.settings", "price_board.settings", 62)
