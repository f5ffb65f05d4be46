from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.dispatch import views
    from addons.dispatch.models.vehicle import Vehicle
    reg.models(Vehicle)
    reg.blueprint(views.bp, url_prefix="/dispatch")
    reg.resource(views.VEHICLES)
    reg.menu("dispatch", _l("Vehicles"), "dispatch.vehicle_list", "dispatch.vehicle.read", 50)
