"""The desk's weighings over /api/v1: capture a batch from a station's live reading, or key one in by hand
(the right to, and a reason, are needed and kept). The weight is never taken from the caller for a capture."""
from __future__ import annotations

from addons.dispatch.api import BATCH_FIELDS, BATCH_SCHEMA, CONTAINER, LINE_REF, container_of, line_of, note_of
from addons.weighing import capture
from addons.weighing.models.station import Station
from addons.weighing.models.weighing import Weighing
from core.api import Resource
from core.api.operation import ID, KG, QUANTITY, Operation, code, obj, text
from core.api.refs import either, pick
from core.api.serialize import to_json
from core.security import current_plant

WEIGHINGS = Resource("weighings", Weighing, "weighing.weighing")


def _answer(weighing, batch) -> dict:
    return {"weighing": to_json(weighing, WEIGHINGS.fields()), "batch": to_json(batch, BATCH_FIELDS)}


def _capture(body, id):
    note = note_of(id)
    line = line_of(note, body)
    station = pick(Station, body, "station")
    return _answer(*capture.capture(current_plant().id, station.id, line.id, body["quantity"], container_of(body),
                                    body.get("container_count", 0), override=bool(body.get("override")),
                                    lot_code=body.get("lot_code") or ""))


def _manual(body, id):
    note = note_of(id)
    line = line_of(note, body)
    return _answer(*capture.manual(current_plant().id, line.id, body["quantity"], body["gross"], body["reason"],
                                   container_of(body), body.get("container_count", 0),
                                   override=bool(body.get("override")), lot_code=body.get("lot_code") or ""))


def operations() -> list[Operation]:
    answer = {"type": "object", "properties": {"weighing": {"$ref": "#/components/schemas/Weighings"},
                                               "batch": BATCH_SCHEMA}}
    return [
        Operation("POST", "/delivery_notes/{id}/capture", "dispatch.ship", _capture,
                  "Weigh a batch on a station (id or code): the station's stable live reading is the weight",
                  body=obj({**LINE_REF, "station": ID, "station_code": code(), "quantity": QUANTITY, **CONTAINER,
                            "override": {"type": "boolean"}}, required=["quantity"],
                           one_of=(("line", "line_seq"), either("station"))),
                  returns=answer, status=201, tag="weighing"),
        Operation("POST", "/delivery_notes/{id}/manual_weights", "dispatch.ship", _manual,
                  "Key in a batch's gross weight by hand: needs the right (weighing.manual) and a reason",
                  body=obj({**LINE_REF, "quantity": QUANTITY, "gross": KG, "reason": text(300, True), **CONTAINER,
                            "override": {"type": "boolean"}}, required=["quantity", "gross", "reason"],
                           one_of=(("line", "line_seq"),)),
                  returns=answer, status=201, tag="weighing"),
    ]
