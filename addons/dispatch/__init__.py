from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.dispatch import analysis_views, api, demo, desk_views, documents, excel, history, hooks, hookspecs, note_pdf, planning_views, views
    from addons.dispatch.models.batch import ShipmentBatch
    from addons.dispatch.models.container import ContainerType
    from addons.dispatch.models.line import DeliveryLine
    from addons.dispatch.models.note import DeliveryNote
    from addons.dispatch.models.settings import DispatchSettings
    from addons.dispatch.models.trip import Trip
    from addons.dispatch.models.vehicle import Vehicle
    reg.models(Vehicle, ContainerType, DispatchSettings, Trip, DeliveryNote, DeliveryLine, ShipmentBatch)
    reg.hookspecs(hookspecs.DispatchSpecs)
    reg.hooks(hooks)
    reg.attachment("dispatch.delivery_note", note_pdf.attachment)
    reg.demo(demo.load)
    reg.history(history.load)
    reg.blueprint(views.bp, url_prefix="/dispatch")
    reg.routes(views.bp, planning_views, desk_views, analysis_views, documents)
    for spec in excel.SPECS:
        reg.importer(spec)
    reg.resource(views.VEHICLES)
    reg.resource(views.CONTAINERS)
    reg.resource(api.TRIPS)
    reg.resource(api.NOTES)
    for op in api.operations():
        reg.operation(op)
    for name, label, roles in [
            ("dispatch.plan", _l("Plan trips and delivery notes"), ["scheduler", "manager"]),
            ("dispatch.ship", _l("Work the shipping desk: weigh, load and ship"), ["shipper", "manager"]),
            ("dispatch.receive", _l("Record customers' receipt of goods"), ["shipper", "scheduler", "manager", "sales"]),
            ("dispatch.overload", _l("Load a vehicle past its capacity"), ["manager"]),
            ("dispatch.over_ship", _l("Ship more than ordered beyond the tolerance"), ["manager"]),
            ("dispatch.piece_weight", _l("Accept a batch whose weight per piece is outside the product's range"),
             ["manager"]),
            ("dispatch.loss_review", _l("Be told of transit loss beyond tolerance"), ["manager"]),
            ("dispatch.settings", _l("Set the plant's shipping rules"), ["manager", "admin"])]:
        reg.permission(name, label, roles=roles)
    reg.section("dispatch", _l("Dispatch"), 20)
    reg.menu("dispatch", _l("Delivery planning"), "dispatch.planning_page", "dispatch.plan", 10)
    reg.menu("dispatch", _l("Shipping desk"), "dispatch.desk_list", "dispatch.ship", 20)
    reg.menu("dispatch", _l("Trips"), "dispatch.trip_list", "dispatch.trip.read", 30)
    reg.menu("dispatch", _l("Delivery notes"), "dispatch.note_list", "dispatch.delivery_note.read", 40)
    reg.menu("dispatch", _l("Today's trips"), "dispatch.board", "dispatch.trip.read", 45)
    reg.menu("dispatch", _l("Transit loss"), "dispatch.loss_analysis", "dispatch.delivery_note.read", 48)
    reg.menu("dispatch", _l("Vehicles"), "dispatch.vehicle_list", "dispatch.vehicle.read", 50)
    reg.menu("dispatch", _l("Container types"), "dispatch.container_type_list", "dispatch.container_type.read", 60)
    reg.menu("dispatch", _l("Shipping rules"), "dispatch.settings", "dispatch.settings", 70)
