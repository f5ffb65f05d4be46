"""Document numbers: per plant, type and year; consecutive; no gaps after a rollback; safe under threads."""
import datetime
import threading

import pytest

from core.db import db, transaction
from core.numbering import next_number


def test_numbers_run_per_plant_type_and_year(ctx, demo):
    p1, p2 = demo["P1"], demo["P2"]
    day = datetime.date(2026, 3, 1)
    assert [next_number(p1, "SO", day) for _ in range(3)] == ["SO-P1-2026-000001", "SO-P1-2026-000002",
                                                              "SO-P1-2026-000003"]
    assert next_number(p2, "SO", day) == "SO-P2-2026-000001"          # unique across the company
    assert next_number(p1, "RT", day) == "RT-P1-2026-000001"
    assert next_number(p1, "SO", datetime.date(2027, 1, 1)) == "SO-P1-2027-000001"


def test_a_rolled_back_document_gives_its_number_back(ctx, demo):
    day = datetime.date(2026, 3, 1)
    with pytest.raises(RuntimeError):
        with transaction():
            assert next_number(demo["P1"], "SO", day) == "SO-P1-2026-000001"
            raise RuntimeError("the order failed validation")
    assert next_number(demo["P1"], "SO", day) == "SO-P1-2026-000001"


def test_concurrent_numbering_is_gap_free_and_distinct(ctx, demo):
    plant_id = demo["P1"].id
    results, errors = [], []
    lock = threading.Lock()

    def worker():
        try:
            for _ in range(25):
                with transaction():
                    number = next_number(plant_id, "DN", datetime.date(2026, 5, 5))
                with lock:
                    results.append(number)
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(results) == [f"DN-P1-2026-{n:06d}" for n in range(1, 201)]


def test_the_prefix_is_set_per_plant_and_never_shared(ctx, demo, browser):
    from core.models import Plant
    admin = browser("admin")
    p2 = demo["P2"]
    form = {"code": "P2", "name": p2.name, "timezone": p2.timezone, "doc_prefix": "BJ", "active": "y"}
    assert admin.post(f"/admin/plants/{p2.id}", form).status_code == 302
    assert next_number(p2.id, "DN", datetime.date(2026, 5, 5)) == "DN-BJ-2026-000001"
    taken = admin.post(f"/admin/plants/{p2.id}", dict(form, doc_prefix="P1"))     # P1's numbers carry P1
    assert taken.status_code == 200 and "P1" in taken.get_data(as_text=True)
    assert Plant.get_by_id(p2.id).doc_prefix == "BJ"
