"""Returnable crates: out with a shipped note, the customer's balance, the empties back on the screen, the
deposit charged and refunded on the customer's account to the fen; more back than held is refused."""
from decimal import Decimal as D

from addons.dispatch import desk, shipping
from addons.dispatch.models.line import DeliveryLine
from addons.ledger.ageing import balance
from addons.stock_dispatch import containers
from addons.stock_dispatch.models.container import ContainerMove, ContainerRule
from core.models import User
from tests.dispatch_helpers import as_user, crate, planned_note
from tests.sales_helpers import customer


def test_crates_out_with_the_goods_and_back_empty(browser, ctx, demo):
    p1 = demo["P1"]
    crates = crate(p1)
    User.update(lang="en").execute()
    manager = browser("manager")
    manager.post("/stock/containers/rules", {f"returnable-{crates.id}": "y", f"deposit-{crates.id}": "20"})
    rule = ContainerRule.get(ContainerRule.container == crates.id)
    assert rule.returnable and rule.deposit == D("20.00")
    buyer = customer("P1C002")
    before = balance(buyer.id)
    note = planned_note(p1, "P1C002", "P002", 6)
    (line,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    with as_user("shipper", p1):
        desk.add_batch(line.id, "6", "80.4", crates.id, 3)           # 3 crates of 1.8 kg: 75 kg net
        shipping.ship(note.id)
    assert containers.balance_of(buyer.id) == {crates.id: 3}
    assert balance(buyer.id) - before == D("75.000") * D("26.80") + D("60.00")
    page = manager.get("/stock/containers").get_data(as_text=True)
    assert '<td class="num" data-field="count">3</td>' in page
    refused = manager.post("/stock/containers", {"customer": buyer.id, f"count-{crates.id}": "4"}, follow_redirects=True)
    assert "holds 3 Crate; 4 cannot come back" in refused.get_data(as_text=True)
    assert manager.post("/stock/containers", {"customer": buyer.id, f"count-{crates.id}": "2",
                                              "reference": "gate"}).status_code == 302
    assert containers.balance_of(buyer.id) == {crates.id: 1}
    assert balance(buyer.id) - before == D("75.000") * D("26.80") + D("20.00")
    assert [m.kind for m in ContainerMove.select().order_by(ContainerMove.id)] == ["out", "back"]
