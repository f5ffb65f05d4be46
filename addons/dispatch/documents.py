"""Dispatch's printed documents: the delivery note (发货单) a customer signs, and a trip's loading list (装车单)."""
from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal

from flask import url_for
from flask_babel import gettext as _

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import KINDS, DeliveryNote
from addons.dispatch.models.trip import Trip
from addons.dispatch.models.vehicle import Vehicle
from addons.dispatch.views import bp, note_lines
from addons.master_data.models.customer import Customer, CustomerAddress, CustomerContact
from addons.master_data.models.product import Product
from addons.sales_order.lines import units_by_id
from addons.dispatch.note_pdf import note_pdf
from core.documents import pdf_response, render_document
from core.kernel import current_kernel
from core.records import get_for_plant
from core.security import requires

ZERO = Decimal("0")


def contact_of(note) -> tuple[str, str]:
    """Who receives the goods and their phone: the delivery address's contact, else the customer's first."""
    address = (CustomerAddress.select().where((CustomerAddress.customer == note.customer_id)
                                              & (CustomerAddress.address == note.address)).first())
    if address is not None and (address.contact or address.phone):
        return address.contact, address.phone
    person = CustomerContact.select().where(CustomerContact.customer == note.customer_id).order_by(CustomerContact.id).first()
    customer = note.customer
    return (person.name if person else ""), (person.phone if person and person.phone else customer.phone)


@bp.route("/notes/<int:pk>/print")
@requires("dispatch.delivery_note.read")
def note_print(pk):
    note = get_for_plant(DeliveryNote, pk)
    lines, _batches = note_lines(note)
    shipped = note.state in ("shipped", "received")
    trip = Trip.select(Trip, Vehicle).join(Vehicle).where(Trip.id == note.trip_id).first() if note.trip_id else None
    contact, phone = contact_of(note)
    sections = [s for answer in current_kernel().hooks.call("note_sections", note.plant_id, note=note)
                for s in (answer or [])]
    title = _("Goods returned note") if note.kind == "inbound" else _("Delivery note")
    return render_document("dispatch/note_print.html", plant=note.plant_id, title=title, number=note.number,
                           date=note.shipped_on or note.day, back=url_for("dispatch.note_view", pk=note.id),
                           pdf=url_for("dispatch.note_pdf_download", pk=note.id),
                           note=note, lines=lines, shipped=shipped, trip=trip, contact=contact, phone=phone,
                           units=units_by_id(), kinds=KINDS, sections=sections,
                           pieces=sum((x.shipped_quantity if shipped else x.quantity for x in lines), ZERO),
                           kilograms=sum((x.shipped_weight if shipped else x.weight for x in lines), ZERO))


@bp.route("/notes/<int:pk>/pdf")
@requires("dispatch.delivery_note.read")
def note_pdf_download(pk):
    name, data = note_pdf(get_for_plant(DeliveryNote, pk))
    return pdf_response(name, data)


@bp.route("/trips/<int:pk>/loading-list")
@requires("dispatch.trip.read")
def trip_loading_list(pk):
    trip = get_for_plant(Trip, pk)
    stops: OrderedDict = OrderedDict()
    totals: OrderedDict = OrderedDict()
    rows = (DeliveryLine.select(DeliveryLine, DeliveryNote, Customer, Product).join(DeliveryNote).join(Customer)
            .switch(DeliveryLine).join(Product)
            .where((DeliveryNote.trip == trip.id) & (DeliveryNote.state != "cancelled"))
            .order_by(DeliveryNote.stop_seq, DeliveryNote.id, DeliveryLine.seq))
    for line in rows:
        stops.setdefault(line.note.id, {"note": line.note, "lines": []})["lines"].append(line)
        total = totals.setdefault(line.product_id, {"product": line.product, "quantity": ZERO, "weight": ZERO})
        total["quantity"] += line.quantity
        total["weight"] += line.weight
    return render_document("dispatch/loading_list.html", plant=trip.plant_id, title=_("Loading list"),
                           number=trip.number, date=trip.day, back=url_for("dispatch.trip_view", pk=trip.id),
                           trip=trip, stops=list(stops.values()), totals=list(totals.values()), units=units_by_id(),
                           weight=sum((t["weight"] for t in totals.values()), ZERO))
