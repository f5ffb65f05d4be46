from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.weighing import agent, api, cli, demo, hooks, hookspecs, views
    from addons.weighing.models.live import LiveReading
    from addons.weighing.models.station import Station
    from addons.weighing.models.weighing import WeighbridgeTicket, Weighing
    reg.models(Station, LiveReading, Weighing, WeighbridgeTicket)
    reg.hooks(hooks)
    reg.hookspecs(hookspecs.WeighingSpecs)
    reg.demo(demo.load)
    reg.blueprint(views.bp, url_prefix="/weighing")
    reg.resource(views.STATIONS)
    reg.resource(api.WEIGHINGS)
    for op in api.operations():
        reg.operation(op)
    reg.service("station_agents", agent.run_all)
    reg.cli(cli.scale)
    reg.cli(cli.scale_agent)
    reg.permission("weighing.manual", _l("Key in a weight by hand (marked as manual)"), roles=["manager"])
    reg.permission("weighing.void", _l("Void a weighing"), roles=["manager"])
    reg.menu("dispatch", _l("Weighings"), "weighing.weighing_list", "weighing.weighing.read", 55)
    reg.menu("dispatch", _l("Weighbridge tickets"), "weighing.ticket_list", "weighing.ticket.read", 56)
    reg.menu("dispatch", _l("Weighing stations"), "weighing.station_list", "weighing.station.read", 65)
