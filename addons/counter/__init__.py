from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.counter import demo, hooks, hookspecs, views
    from addons.counter.models.counter import CounterLine, CounterPayment, CounterSale, CounterSettings, Shift
    reg.models(CounterSettings, Shift, CounterSale, CounterLine, CounterPayment)
    reg.hookspecs(hookspecs.CounterSpecs)
    reg.demo(demo.load)
    reg.hooks(hooks)
    for name, label, roles in [
            ("counter.sell", _l("Sell at the counter, take returns, open and close one's shift"),
             ["cashier", "manager", "admin"]),
            ("counter.all_shifts", _l("See every cashier's shifts"), ["manager", "finance", "admin"]),
            ("counter.settings", _l("Set up the counter"), ["manager", "admin"])]:
        reg.permission(name, label, roles=roles)
    reg.role("cashier", _l("Cashier"))
    reg.section("counter", _l("Counter"), 12)
    reg.blueprint(views.bp, url_prefix="/counter")
    reg.menu("counter", _l("Counter"), "counter.screen", "counter.sell", 10)
    reg.menu("counter", _l("Counter sales"), "counter.sale_list", "counter.sale.read", 20)
    reg.menu("counter", _l("Close my shift"), "counter.shift_close", "counter.sell", 30)
    reg.menu("counter", _l("Shifts"), "counter.shift_list", "counter.all_shifts", 40)
    reg.menu("counter", _l("Counter settings"), "counter.settings", "counter.settings", 50)
