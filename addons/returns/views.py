from flask import Blueprint
from flask_babel import lazy_gettext as _l

from addons.returns.forms import ReasonForm
from addons.returns.models.reason import ReturnReason
from core.crud import crud_routes
from core.listing import Column

bp = Blueprint("returns", __name__, template_folder="templates")

REASONS = crud_routes(bp, ReturnReason, ReasonForm, [
    Column("code", _l("Code"), link=True), Column("name", _l("Name")), Column("active", _l("Active"), "bool"),
], name="reason", title=_l("Return reasons"), permission="returns.reason",
    search=(ReturnReason.code, ReturnReason.name), order_by=[ReturnReason.code])
