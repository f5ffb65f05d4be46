"""The delivery note as a PDF: downloaded from the note, or attached to the e-mail that tells the customer the
goods have left. The same facts and figures as the printed page."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import format_date, format_decimal
from flask_babel import gettext as _

from addons.dispatch.models.note import DeliveryNote
from addons.dispatch.models.trip import Trip
from addons.dispatch.models.vehicle import Vehicle
from addons.sales_order.lines import units_by_id
from core import pdf
from core.company import company_of
from core.currency import money, price

ZERO = Decimal("0")


def note_pdf(note: DeliveryNote) -> tuple[str, bytes]:
    from addons.dispatch.documents import contact_of
    from addons.dispatch.views import note_lines
    lines, _batches = note_lines(note)
    units = units_by_id()
    shipped = note.state in ("shipped", "received")
    trip = Trip.select(Trip, Vehicle).join(Vehicle).where(Trip.id == note.trip_id).first() if note.trip_id else None
    contact, phone = contact_of(note)
    facts = [(_("Customer"), f"{note.customer.code} {note.customer.name}"), (_("Delivery day"), format_date(note.day)),
             (_("Address"), note.address or note.customer.address), (_("Contact"), f"{contact} {phone}".strip())]
    if trip is not None:
        facts += [(_("Vehicle"), f"{trip.vehicle.plate} · {trip.number}"),
                  (_("Driver"), f"{trip.driver or trip.vehicle.driver} {trip.vehicle.phone}".strip())]
    rows = []
    for x in lines:
        qty, kg = (x.shipped_quantity, x.shipped_weight) if shipped else (x.quantity, x.weight)
        rows.append([x.seq, f"{x.product.code} {x.product.name}", f"{format_decimal(qty)} {units[x.product.selling_unit_id].name}",
                     format_decimal(kg, "#,##0.000"), f"{price(x.unit_price)} / {units[x.product.pricing_unit_id].name}",
                     money(x.amount) if shipped else ""])
    kilograms = sum(((x.shipped_weight if shipped else x.weight) for x in lines), ZERO)
    document = pdf.Document(
        company_of(note.plant_id), _("Goods returned note") if note.kind == "inbound" else _("Delivery note"),
        note.number, format_date(note.shipped_on or note.day), facts=facts,
        header=["#", _("Product"), _("Quantity"), _("Weight (kg)"), _("Unit price"), _("Amount")], rows=rows,
        numeric={2, 3, 4, 5}, widths=[8, 62, 28, 24, 36, 28], footer=["", _("Total"), "", format_decimal(kilograms, "#,##0.000"), "",
                                     money(note.amount) if shipped else ""],
        notes=[] if shipped else [_("Planned quantities; the amount follows the weighed kilograms when the goods leave.")],
        signatures=[_("Shipped by"), _("Driver"), _("Received in good order (signature, date)")])
    return f"{note.number}.pdf", pdf.render(document)


def attachment(note_id) -> tuple[str, bytes]:
    """The delivery note an e-mail carries (reg.attachment "dispatch.delivery_note")."""
    return note_pdf(DeliveryNote.get_by_id(note_id))
