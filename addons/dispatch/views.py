from flask import Blueprint
from flask_babel import lazy_gettext as _l

from addons.dispatch.forms import VehicleForm
from addons.dispatch.models.vehicle import Vehicle
from core.crud import crud_routes
from core.listing import Column

bp = Blueprint("dispatch", __name__, template_folder="templates")

VEHICLES = crud_routes(bp, Vehicle, VehicleForm, [
    Column("plate", _l("Plate number"), link=True), Column("capacity_kg", _l("Capacity (kg)"), "number"),
    Column("driver", _l("Driver")), Column("phone", _l("Phone")), Column("active", _l("Active"), "bool"),
], name="vehicle", title=_l("Vehicles"), permission="dispatch.vehicle",
    search=(Vehicle.plate, Vehicle.driver), order_by=[Vehicle.plate], unique=("plate",))
