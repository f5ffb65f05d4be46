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
