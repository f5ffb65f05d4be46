"""Dispatch tells returns that goods came back on an inbound note."""
from addons.returns.models.return_order import ReturnOrder
from core.hooks import hookimpl


@hookimpl
def goods_received(note):
    ret = ReturnOrder.get_or_none((ReturnOrder.inbound_note_id == note.id) & (ReturnOrder.state == "approved"))
    if ret is not None:
        ret.receive(note)


@hookimpl
def order_timeline(order):
    from addons.returns.timeline import events
    return events(order)


@hookimpl
def work_waiting(user, plant_id):
    from flask_babel import gettext as _

    from core.security import may
    from core.work import Work, in_state
    if not may(user, "returns.approve", plant_id):
        return []
    return [Work(_("Returns to review"), in_state(ReturnOrder, plant_id), "/returns/orders?state=submitted", 40,
                 "warning")]
