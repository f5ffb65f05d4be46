"""Two desks taking the last kilograms of one lot at the same moment, where the plant forbids negative stock:
the lot never goes below zero, weighing or shipping (PostgreSQL, where both really run at once)."""
import datetime
import os
import threading
from decimal import Decimal as D

import pytest

from addons.dispatch import desk, shipping
from addons.dispatch.models.batch import ShipmentBatch
from addons.dispatch.models.line import DeliveryLine
from addons.stock.models.level import StockLevel
from addons.stock.models.settings import StockSettings
from core import plant_settings
from core.clock import plant_today
from core.db import transaction
from core.errors import UserError
from tests.dispatch_helpers import as_user, planned_note
from tests.stock_helpers import produced_lot, stores
from tests.threads import at_once

pytestmark = pytest.mark.skipif(not os.environ.get("ERP_TEST_DATABASE_URL"), reason="PostgreSQL only")


def _forbid_negative(plant):
    with as_user("manager", plant):
        plant_settings.save(StockSettings, plant, {"allow_negative": False}, cache_key=("stock.settings", plant.id))


def test_two_desks_weighing_the_last_kilograms_of_a_lot(ctx, demo):
    """Desk A weighs 62.5 of the lot's 100 kg and has not committed yet when desk B weighs 62.5 more: B waits for
    A's lock on the lot, then finds it short. (A holds its transaction open on purpose, so the two overlap.)"""
    p1 = demo["P1"]
    lot = produced_lot(p1, "LAST", plant_today(p1) - datetime.timedelta(days=1), stores(p1)["CS"], [("P002", 8, "100")])
    _forbid_negative(p1)
    notes = [planned_note(p1, code, "P002", 6) for code in ("P1C001", "P1C002")]
    first, second = [DeliveryLine.get(DeliveryLine.note == n.id).id for n in notes]
    weighed, release = threading.Event(), threading.Event()

    def desk_a(_item):
        with transaction():
            desk.add_batch(first, "5", "62.5", lot_code="LAST")
            weighed.set()
            release.wait(10)

    def desk_b(_item):
        weighed.wait(10)
        threading.Timer(1.0, release.set).start()    # B has a second to get past the lot before A commits
        desk.add_batch(second, "5", "62.5", lot_code="LAST")

    outcomes = at_once(ctx, p1, "shipper", lambda work: work(None), [desk_a, desk_b])
    assert outcomes[0] is None and isinstance(outcomes[1], UserError), outcomes
    assert "Lot LAST has 100.000 kg" in str(outcomes[1])
    with as_user("shipper", p1):
        shipping.ship(notes[0].id)
    (left,) = StockLevel.select().where(StockLevel.lot == lot.id)
    assert (left.quantity, left.weight) == (D("3"), D("37.500"))


def test_two_notes_shipping_at_once_cannot_take_a_lot_below_zero(ctx, demo):
    """Batches weighed while the plant still allowed it; the rule is switched on before shipping: both notes
    ship at the same moment, the second finds the lot short and is refused whole."""
    p1 = demo["P1"]
    lot = produced_lot(p1, "LAST", plant_today(p1) - datetime.timedelta(days=1), stores(p1)["CS"], [("P002", 8, "100")])
    notes = [planned_note(p1, code, "P002", 6) for code in ("P1C001", "P1C002")]
    with as_user("shipper", p1):
        for note in notes:
            desk.add_batch(DeliveryLine.get(DeliveryLine.note == note.id).id, "5", "62.5", lot_code="LAST")
    _forbid_negative(p1)
    outcomes = at_once(ctx, p1, "shipper", lambda note_id: shipping.ship(note_id), [n.id for n in notes])
    assert [o is None for o in outcomes].count(True) == 1, outcomes
    assert "Not enough" in str(next(o for o in outcomes if o is not None))
    (left,) = StockLevel.select().where(StockLevel.lot == lot.id)
    assert (left.quantity, left.weight) == (D("3"), D("37.500"))
    assert ShipmentBatch.select().count() == 2
