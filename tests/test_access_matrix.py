"""Routes × roles × plants, generated from the URL map: every GET page with an id, opened by every demo
role working in plant P1 (and the portal customer) with the ids of another plant's records and of other
customers' records. Nothing of theirs may show, and nothing may answer 500."""
import re

import pytest

from addons.master_data.models.customer import Customer, CustomerLogin
from addons.returns.models.return_order import ReturnOrder
from addons.sales_order.models.order import Order
from core.db import BaseModel
from core.models import Plant, User

ROLES = ["sales", "scheduler", "shipper", "finance", "manager", "leader", "customer"]


@pytest.fixture
def full_demo(ctx):
    from core.demo import load_demo
    load_demo(ctx.extensions["erp"].registry)
    User.update(lang="en").execute()


def _foreign_ids(registry):
    """Ids of P2's records in every plant-scoped table (a few of each): none may open from P1."""
    p2 = Plant.get(Plant.code == "P2")
    ids = set()
    for model in registry.all_models():
        if issubclass(model, BaseModel) and "plant" in model._meta.fields:
            ids |= {r.id for r in model.select(model.id).where(model.plant == p2.id).limit(2)}
    return sorted(ids)


def _marks_of_p2():
    """What only P2's records print: their customers' codes and names, their documents' numbers."""
    p2 = Plant.get(Plant.code == "P2")
    others = Customer.select().where(Customer.plant != p2.id)
    shared = {c.code for c in others} | {c.name for c in others}
    marks = {c.code for c in Customer.select().where(Customer.plant == p2.id)}
    marks |= {c.name for c in Customer.select().where(Customer.plant == p2.id)}
    marks |= {o.number for o in Order.select().where(Order.plant == p2.id)}
    return marks - shared


def _routes(app):
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and rule.arguments and not rule.rule.startswith(("/api/", "/static")) \
                and all(f"<int:{a}>" in rule.rule for a in rule.arguments):
            yield rule.rule


def _text_of(response) -> str:
    """What a reader sees of an answer: a PDF's text, else the page."""
    if response.mimetype == "application/pdf":
        from tests.pdf_text import pdf_text
        return pdf_text(response.data)
    return response.get_data(as_text=True)


def test_no_role_sees_another_plants_records(app, full_demo, browser):
    ids = _foreign_ids(app.extensions["erp"].registry)[:12]
    marks = _marks_of_p2()
    assert ids and marks
    leaks, errors = [], []
    for login in ROLES:
        user = browser(login)
        for rule in _routes(app):
            for record_id in ids:
                url = re.sub(r"<int:[^>]+>", str(record_id), rule)
                response = user.get(url)
                if response.status_code >= 500:
                    errors.append((login, url, response.status_code))
                elif response.status_code == 200:
                    body = _text_of(response)
                    seen = [m for m in marks if m and m in body]
                    if seen:
                        leaks.append((login, url, seen[:3]))
    assert errors == [] and leaks == []


def test_the_portal_customer_sees_only_its_own(app, full_demo, browser):
    own = CustomerLogin.get(CustomerLogin.user == User.get(User.login == "customer")).customer
    others = Customer.select().where((Customer.id != own.id) & (Customer.plant == own.plant_id))
    their_orders = [o.id for o in Order.select().where(Order.customer.in_(others)).limit(10)]
    their_returns = [r.id for r in ReturnOrder.select().where(ReturnOrder.customer.in_(others)).limit(5)]
    names = [c.name for c in others]
    portal = browser("customer")
    for url in ([f"/portal/orders/{i}" for i in their_orders] + [f"/portal/returns/{i}" for i in their_returns]
                + [f"/sales/orders/{i}" for i in their_orders] + [f"/ledger/customers/{c.id}" for c in others]):
        response = portal.get(url)
        assert response.status_code in (302, 403, 404), url
    for url in ("/portal/", "/portal/orders/new", "/portal/prices", "/portal/statement", "/portal/returns/"):
        response = portal.get(url)
        assert response.status_code < 500, url
        body = response.get_data(as_text=True)
        assert not [n for n in names if n in body], url
