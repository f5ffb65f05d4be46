from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.weighing import views
    from addons.weighing.models.station import Station
    reg.models(Station)
    reg.blueprint(views.bp, url_prefix="/weighing")
    reg.resource(views.STATIONS)
    reg.menu("dispatch", _l("Weighing stations"), "weighing.station_list", "weighing.station.read", 60)
