"""Searching inside names and numbers through the trigram indexes finds exactly what reading every row finds:
after inserts, renames and deletes (the database keeps the index), for Chinese and for Latin text without case,
through an order's customer, for a term of one or two characters, a wildcard typed in the box, and a term so
common that the list is better read in its own order."""
import datetime
import operator
from functools import reduce

import pytest

from addons.master_data.models.customer import Customer
from addons.sales_order.models.order import Order
from core import text_index
from core.db import db, is_sqlite
from tests.sales_helpers import customer

TERMS = ["fresh", "FRESH", "鲜肉", "上海鲜", "C001", "0001", "SO-T", "T-00", "肉", "ab", "a%b", "x_y", "nothing here"]


def _ids(query):
    return sorted(row.id for row in query)


def _plain(search, text):
    return reduce(operator.or_, [field.contains(text) for field in search])


def _agree(model, search, join=None):
    base = model.select(model.id)
    if join is not None:
        base = base.join(join)
    for text in TERMS:
        indexed = _ids(base.where(text_index.contains(model, search, text)))
        assert indexed == _ids(base.where(_plain(search, text))), text


@pytest.fixture
def named(ctx, demo):
    template = customer("P1C001")
    made = []
    for n, name in enumerate(["上海鲜肉批发 Lin", "Hangzhou Fresh Meat", "Fresh & Frozen", "a%b trading", "x_y foods"]):
        made.append(Customer.create(**{**template.__data__, "id": None, "code": f"T{n:03d}C001", "name": name}))
    for n, buyer in enumerate(made * 2):
        Order.create(plant=demo["P1"], number=f"SO-T-{n:04d}", customer=buyer, delivery_date=datetime.date(2026, 12, 1),
                     state="draft")
    return made


def test_the_index_finds_what_reading_every_row_finds(named):
    search = (Customer.code, Customer.name, Customer.phone, Customer.initials)
    _agree(Customer, search)
    _agree(Order, (Order.number, Customer.name, Customer.code), join=Customer)
    # renamed and deleted: the index follows
    Customer.update(name="Suzhou Fresh Pork").where(Customer.id == named[0].id).execute()
    Order.delete().where(Order.customer == named[1].id).execute()
    Customer.delete().where(Customer.id == named[1].id).execute()
    _agree(Customer, search)
    _agree(Order, (Order.number, Customer.name, Customer.code), join=Customer)
    found = _ids(Customer.select(Customer.id).where(text_index.contains(Customer, search, "suzhou")))
    assert found == [named[0].id]


def test_a_rare_term_is_read_from_the_index_and_a_common_one_in_the_lists_order(named, monkeypatch):
    def condition(model, search, text):
        return model.select(model.id).where(text_index.contains(model, search, text)).sql()
    sql, params = condition(Customer, (Customer.name,), "Hangzhou")
    assert "LIKE" not in sql and params == [named[1].id]          # the ids the index found
    sql, params = condition(Order, (Order.number, Customer.name), "Hangzhou")
    assert '"customer_id" IN (' in sql and named[1].id in params   # on the order's own customer column
    assert "LIKE" in condition(Customer, (Customer.name,), "Ha")[0]          # shorter than a trigram
    assert "LIKE" in condition(Customer, (Customer.name, Customer.address), "Hangzhou")[0]   # a field not indexed
    monkeypatch.setattr(text_index, "COMMON", 2)
    assert "LIKE" in condition(Customer, (Customer.name,), "Fresh")[0]       # in two names: common
    _agree(Customer, (Customer.code, Customer.name))
    if not is_sqlite():     # the migration made pg_trgm's indexes, which the ids are read through
        made = {name for (name,) in db.execute_sql(
            "SELECT indexname FROM pg_indexes WHERE tablename IN ('master_data_customer', 'sales_order_order')")}
        assert {"master_data_customer_name_trgm", "sales_order_order_number_trgm"} <= made


def test_the_api_lists_search_through_the_index_too(app, named, monkeypatch):
    from core.api import tokens
    from core.models import User
    token = tokens.issue(User.get(User.login == "manager"), "tests")
    client = app.test_client()

    def found(path):
        answer = client.get("/api/v1" + path, headers={"Authorization": f"Bearer {token}", "X-Plant": "P1"})
        assert answer.status_code == 200, answer.get_data(as_text=True)
        return sorted(item["id"] for item in answer.get_json()["items"])
    asked = []
    seen = text_index.contains
    monkeypatch.setattr(text_index, "contains", lambda *a: asked.append(a[2]) or seen(*a))
    plain = _ids(Customer.select(Customer.id).where(_plain((Customer.code, Customer.name, Customer.phone), "fresh")))
    assert found("/customers?q=fresh") == plain and len(plain) == 2
    assert found("/orders?q=SO-T-000") == _ids(Order.select(Order.id).where(Order.number.contains("SO-T-000")))
    assert asked == ["fresh", "SO-T-000"]
