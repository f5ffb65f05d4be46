from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.stock import (api, count_views, demo, excel, hooks, hookspecs, lows, production_views, summary_views,
                              views)
    from addons.stock.models.cost import StockCost
    from addons.stock.models.count import StockCount, StockCountLine
    from addons.stock.models.level import StockLevel
    from addons.stock.models.lot import Lot
    from addons.stock.models.minimum import StockMinimum
    from addons.stock.models.move import StockMove
    from addons.stock.models.settings import StockSettings
    from addons.stock.models.warehouse import Warehouse
    reg.models(Warehouse, Lot, StockSettings, StockMove, StockLevel, StockCount, StockCountLine,
               StockMinimum, StockCost)
    reg.hookspecs(hookspecs.StockSpecs)
    reg.hooks(hooks)
    reg.job("stock.low_stock", lows.warn_low_stock, "cron", minute=15)
    reg.role("storekeeper", _l("Storekeeper"))
    reg.demo(demo.load)
    reg.importer(excel.LOTS)
    reg.importer(excel.WAREHOUSES)
    reg.blueprint(views.bp, url_prefix="/stock")
    reg.routes(views.bp, count_views, production_views, summary_views)
    for resource in (views.WAREHOUSES, views.LOTS, views.MINIMUMS, api.LEVELS, api.MOVES):
        reg.resource(resource)
    for op in api.operations():
        reg.operation(op)
    reg.permission("stock.settings", _l("Set the plant's stock rules"), roles=["manager", "admin"])
    reg.permission("stock.low_stock", _l("Be told of stock below its minimum"), roles=["storekeeper", "manager"])
    reg.permission("stock.count", _l("Count stock and post the differences"), roles=["storekeeper", "manager", "admin"])
    reg.section("stock", _l("Stock"), 25)
    reg.menu("stock", _l("Stock levels"), "stock.level_list", "stock.level.read", 10)
    reg.menu("stock", _l("Lots"), "stock.lot_list", "stock.lot.read", 20)
    reg.menu("stock", _l("The day's production"), "stock.production_page", "stock.lot.create", 25)
    reg.menu("stock", _l("Stock moves"), "stock.move_list", "stock.move.read", 30)
    reg.menu("stock", _l("In and out by product"), "stock.summary_page", "stock.move.read", 32)
    reg.menu("stock", _l("Opening stock"), "stock.opening", "stock.move.create", 35)
    reg.menu("stock", _l("Low stock"), "stock.low_list", "stock.level.read", 45)
    reg.menu("stock", _l("Stocktaking"), "stock.count_list", "stock.count", 50)
    reg.menu("stock", _l("Minimum stock"), "stock.minimum_list", "stock.minimum.read", 55)
    reg.menu("stock", _l("Warehouses"), "stock.warehouse_list", "stock.warehouse.read", 60)
    reg.menu("stock", _l("Stock rules"), "stock.settings", "stock.settings", 70)
