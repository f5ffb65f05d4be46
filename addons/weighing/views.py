from flask import Blueprint
from flask_babel import lazy_gettext as _l

from addons.weighing.forms import StationForm
from addons.weighing.models.station import Station
from core.crud import crud_routes
from core.listing import Column

bp = Blueprint("weighing", __name__, template_folder="templates")

STATIONS = crud_routes(bp, Station, StationForm, [
    Column("code", _l("Code"), link=True), Column("name", _l("Name")), Column("port_url", _l("Port")),
    Column("protocol", _l("Protocol")), Column("active", _l("Active"), "bool"),
], name="station", title=_l("Weighing stations"), permission="weighing.station",
    search=(Station.code, Station.name), order_by=[Station.code])
