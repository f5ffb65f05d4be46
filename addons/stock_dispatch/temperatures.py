"""Cold chain: the temperature of a note's goods at loading and at receipt, checked against the range of every
product on it. Out of range, the note is flagged and the people who review transit loss are told."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.master_data.models.product import Product
from addons.stock_dispatch.models.temperature import NoteTemperature, TemperatureRange
from core import audit, clock, context, notify
from core.db import bulk_upsert, joined_instances, lock_get, run_composed, transaction
from core.errors import UserError
from core.numbers import read_decimal
from core.security import holders_of

LIMIT = Decimal("60")
WHEN = {"loading": _l("at loading"), "receipt": _l("at receipt")}


def ranges_of(note_id) -> list[tuple[Product, TemperatureRange]]:
    """The products on the note that have a range, by code, each with it: one read, composed once (the desk asks)."""
    return [(product, found) for found, product in joined_instances(run_composed(
        "stock_dispatch.ranges_of", lambda note: TemperatureRange.select(TemperatureRange, Product).join(Product).where(
            Product.id.in_(DeliveryLine.select(DeliveryLine.product).where(DeliveryLine.note == note)))
        .order_by(Product.code), note_id), TemperatureRange, Product)]


def outside(value, ranges) -> list[str]:
    """The products whose range `value` is outside of."""
    return [p.name for p, r in ranges if (r.low is not None and value < r.low) or (r.high is not None and value > r.high)]


def record(note_id, which, raw) -> NoteTemperature:
    if which not in WHEN:
        raise UserError(_("Unknown step."))
    try:
        value = read_decimal(str(raw or "").strip(), 1)
    except ValueError as exc:
        raise UserError(_("Temperature: %(problem)s", problem=str(exc)), field="temperature") from None
    if abs(value) > LIMIT:
        raise UserError(_("Temperature: %(value)s °C is not a temperature goods travel at.", value=value),
                        field="temperature")
    with transaction():
        note = lock_get(DeliveryNote, note_id)
        if which == "loading" and note.state not in ("planned", "loading"):
            raise UserError(_("The goods of %(number)s have left: the loading temperature can no longer change.",
                              number=note.number))
        if which == "receipt" and note.state not in ("shipped", "received"):
            raise UserError(_("The goods of %(number)s have not left yet.", number=note.number))
        current = NoteTemperature.get_or_none(NoteTemperature.note_id == note.id)
        values = {"loading": current.loading if current else None, "receipt": current.receipt if current else None}
        values[which] = value
        ranges = ranges_of(note.id)
        bad = [name for v in values.values() if v is not None for name in outside(v, ranges)]
        now = clock.utcnow()
        bulk_upsert(NoteTemperature, [{"plant": note.plant_id, "note_id": note.id, which: value, f"{which}_at": now,
                                       "out_of_range": bool(bad), "by": context.current().user.id
                                       if context.current().user else None, "updated_at": now}],
                    conflict=["note_id"], update=[which, f"{which}_at", "out_of_range", "by", "updated_at"])
        audit.log("temperature", NoteTemperature._meta.table_name, note.id, plant=note.plant_id,
                  old={which: values[which] if current is None else getattr(current, which)},
                  new={which: value, "out_of_range": bool(bad)})
        if outside(value, ranges):
            notify.notify(holders_of("dispatch.loss_review", note.plant_id),
                          _l("%(number)s: %(value)s °C %(when)s is outside the range of %(products)s."),
                          params={"number": note.number, "value": f"{value}", "when": str(WHEN[which]),
                                  "products": ", ".join(outside(value, ranges))},
                          link=f"/dispatch/notes/{note.id}", plant=note.plant_id)
    return NoteTemperature.get(NoteTemperature.note_id == note.id)


def save_ranges(plant, entered: dict) -> None:
    """`entered`: {product id: (low as typed, high as typed)}; both blank removes the range."""
    rows, cleared = [], []
    valid = {p.id: p for p in Product.select().where((Product.plant == plant.id) & Product.id.in_(list(entered)))}
    for pid, (low, high) in entered.items():
        if pid not in valid:
            continue
        parsed = []
        for raw in (low, high):
            text = str(raw or "").strip()
            try:
                parsed.append(read_decimal(text, 1) if text else None)
            except ValueError as exc:
                raise UserError(_("%(product)s: %(problem)s", product=valid[pid].name, problem=str(exc)),
                                field="range") from None
        if parsed == [None, None]:
            cleared.append(pid)
        elif parsed[0] is not None and parsed[1] is not None and parsed[0] > parsed[1]:
            raise UserError(_("%(product)s: the lowest temperature is above the highest.", product=valid[pid].name),
                            field="range")
        else:
            rows.append({"plant": plant.id, "product": pid, "low": parsed[0], "high": parsed[1]})
    with transaction():
        if cleared:
            TemperatureRange.delete().where(TemperatureRange.product.in_(cleared)).execute()
        bulk_upsert(TemperatureRange, rows, conflict=["product"], update=["low", "high"])
        audit.log("settings", TemperatureRange._meta.table_name, None, plant=plant.id,
                  new={str(r["product"]): [r["low"], r["high"]] for r in rows})
