"""Capturing a weight: the server takes the station's latest stable reading — never a number the
browser sends — takes off the tare, and records the weighing and the desk's batch in one transaction."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from flask_babel import format_decimal
from flask_babel import gettext as _

from addons.dispatch import desk
from addons.dispatch.models.container import ContainerType
from addons.weighing.models.live import LiveReading
from addons.weighing.models.station import Station
from addons.weighing.models.weighing import Weighing
from core import audit, clock, context
from core.db import lock_get, transaction
from core.errors import PermissionDenied, UserError
from core.security import may

GRAM = Decimal("0.001")
STALE_SECONDS = 2.0


class CaptureRefused(UserError):
    status = 409


def station_of(plant_id, station_id) -> Station:
    station = Station.get_or_none((Station.id == station_id) & (Station.plant == plant_id) & (Station.active == True))  # noqa: E712
    if station is None:
        raise UserError(_("Choose an active weighing station of this plant."), field="station")
    return station


def usable_reading(station) -> LiveReading:
    """The station's reading if a weight may be taken from it now, else a refusal saying why."""
    live = LiveReading.get_or_none(LiveReading.station == station.id)
    if live is None or not live.online:
        raise CaptureRefused(_("Station %(station)s is offline: nothing was recorded.", station=station.name))
    age = live.age_seconds()
    if age is None or age > max(STALE_SECONDS, station.offline_after_ms / 1000):
        raise CaptureRefused(_("The reading of %(station)s is stale: nothing was recorded.", station=station.name))
    if live.status != "ok":
        raise CaptureRefused(_("The scale reports %(status)s: nothing was recorded.",
                               status={"overload": _("overload"), "underload": _("underload")}.get(
                                   live.status, _("an error"))))
    if not live.stable:
        raise CaptureRefused(_("The load is moving: wait for a stable weight."))
    if live.weight < station.min_weight:
        raise CaptureRefused(_("%(weight)s kg is below the station's minimum of %(minimum)s kg.",
                               weight=format_decimal(live.weight), minimum=format_decimal(station.min_weight)))
    if not live.armed:
        raise CaptureRefused(_("This load was captured already (%(weight)s kg): take it off the scale or change it "
                               "before weighing the next batch.", weight=format_decimal(live.captured_weight)))
    return live


def _tare(plant_id, container_id, count) -> Decimal:
    if not container_id:
        return Decimal("0")
    container = ContainerType.get_or_none((ContainerType.id == int(container_id)) & (ContainerType.plant == plant_id))
    if container is None:
        raise UserError(_("Choose a container type of this plant."), field="container")
    return container.tare_kg * int(count or 0)


def capture(plant_id, station_id, line_id, quantity, container_id=None, container_count=0, override=False, lot_code=""):
    """Weigh a batch of a delivery line on a station. Returns (weighing, batch)."""
    user = context.current().user
    with transaction():
        station = station_of(plant_id, station_id)
        live = LiveReading.get_or_none(LiveReading.station == station.id)
        if live is not None:
            lock_get(LiveReading, live.id)     # two desks on one station: one load, one capture
        live = usable_reading(station)
        scale_tare = live.tare if live.net and live.tare else Decimal("0")
        gross = (live.weight + scale_tare).quantize(GRAM, rounding=ROUND_HALF_UP)
        tare = (scale_tare + _tare(plant_id, container_id, container_count)).quantize(GRAM, rounding=ROUND_HALF_UP)
        batch = desk.add_batch(line_id, quantity, gross, container_id or None, container_count or 0, source="scale",
                               tare=tare, override=override, lot_code=lot_code)
        weighing = Weighing.create(plant=plant_id, station=station, gross=gross, tare=tare, net=gross - tare,
                                   operator=user, delivery_line_id=line_id, batch_id=batch.id)
        batch.weighing_id = weighing.id
        batch.save(only=["weighing_id"])
        LiveReading.update(armed=False, captured_weight=live.weight).where(LiveReading.id == live.id).execute()
        audit.log("capture", Weighing._meta.table_name, weighing.id, plant=plant_id,
                  new={"station": station.code, "gross": gross, "tare": tare, "net": gross - tare,
                       "line": line_id, "read_at": live.read_at})
    return weighing, batch


def manual(plant_id, line_id, quantity, gross, reason, container_id=None, container_count=0, override=False,
           lot_code=""):
    """A weight keyed in by hand: needs the permission and a reason, and says so wherever it shows."""
    user = context.current().user
    if not may(user, "weighing.manual", plant_id):
        raise PermissionDenied(_("You may not key in weights by hand."))
    if not (reason or "").strip():
        raise UserError(_("Please give a reason."), field="reason")
    with transaction():
        tare = _tare(plant_id, container_id, container_count)
        batch = desk.add_batch(line_id, quantity, gross, container_id or None, container_count or 0, source="manual",
                               tare=tare, override=override, lot_code=lot_code)
        weighing = Weighing.create(plant=plant_id, station=None, gross=batch.gross, tare=tare, net=batch.net,
                                   manual=True, reason=reason.strip(), operator=user, delivery_line_id=line_id,
                                   batch_id=batch.id)
        batch.weighing_id = weighing.id
        batch.save(only=["weighing_id"])
        audit.log("manual_weight", Weighing._meta.table_name, weighing.id, plant=plant_id,
                  new={"gross": batch.gross, "net": batch.net, "line": line_id}, comment=reason)
    return weighing, batch


def void(plant_id, weighing_id, reason):
    user = context.current().user
    if not may(user, "weighing.void", plant_id):
        raise PermissionDenied(_("You may not void weighings."))
    if not (reason or "").strip():
        raise UserError(_("Please give a reason."), field="reason")
    with transaction():
        weighing = lock_get(Weighing, weighing_id)
        if weighing.plant_id != plant_id:
            raise UserError(_("This weighing belongs to another plant."))
        if weighing.voided:
            raise UserError(_("This weighing is already void."))
        if weighing.batch_id:
            desk.void_batch(weighing.batch_id, reason)   # refused once the note has shipped
        from core.kernel import current_kernel
        for why in current_kernel().hooks.call("weighing_in_use", plant_id, weighing=weighing):
            if why:
                raise UserError(why)
        weighing.voided, weighing.void_reason = True, reason.strip()
        weighing.voided_by, weighing.voided_at = user, clock.utcnow()
        weighing.save()
        audit.log("void", Weighing._meta.table_name, weighing.id, plant=plant_id,
                  old={"net": weighing.net}, comment=reason)
    return weighing


def take(plant_id, station_id, purpose="counter") -> Weighing:
    """A weight for another addon's document (the counter's sale line): the station's stable reading, its tare
    off, recorded as a weighing of its own and the station disarmed, in the caller's transaction. The caller
    links the weighing to its line."""
    user = context.current().user
    with transaction():
        station = station_of(plant_id, station_id)
        live = LiveReading.get_or_none(LiveReading.station == station.id)
        if live is not None:
            lock_get(LiveReading, live.id)
        live = usable_reading(station)
        scale_tare = live.tare if live.net and live.tare else Decimal("0")
        gross = (live.weight + scale_tare).quantize(GRAM, rounding=ROUND_HALF_UP)
        tare = scale_tare.quantize(GRAM, rounding=ROUND_HALF_UP)
        weighing = Weighing.create(plant=plant_id, station=station, gross=gross, tare=tare, net=gross - tare,
                                   operator=user)
        LiveReading.update(armed=False, captured_weight=live.weight).where(LiveReading.id == live.id).execute()
        audit.log("capture", Weighing._meta.table_name, weighing.id, plant=plant_id,
                  new={"station": station.code, "gross": gross, "tare": tare, "net": gross - tare, "for": purpose,
                       "read_at": live.read_at})
    return weighing
