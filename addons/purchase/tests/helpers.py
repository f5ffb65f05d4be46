"""Setting the stage for purchase tests: a buyer, a live hog product, a hog farm, the plant's stores."""
import datetime
from decimal import Decimal as D

import pytest

from addons.master_data.models.product import Product
from addons.master_data.models.unit import Unit
from addons.purchase.contracts import ContractLineInput, save_contract
from addons.purchase.models.supplier import Supplier
from core.users import create_user
from tests.sales_helpers import as_user
from tests.stock_helpers import stores

DAY = datetime.date(2026, 11, 2)


def make_stage(plant) -> dict:
    create_user("buyer", "采购 Buyer", "demo1234", roles=["buyer"], plants=["P1"])
    kg, head = Unit.get(Unit.code == "kg"), Unit.get(Unit.code == "head")
    hog = Product.create(plant=plant, code="LH", name="生猪 Live hog", selling_unit=head, pricing_unit=kg,
                         nominal_weight=D("110"))
    farm = Supplier.create(plant=plant, code="S001", name="东台养殖场 Dongtai farm", category="live_hogs",
                           payment_days=7)
    return {"plant": plant, "hog": hog, "farm": farm, "stores": stores(plant)}


def hog_contract(stage, day=DAY):
    """8,000 kg of live hogs at 15.60, submitted by the buyer and approved by the manager."""
    plant = stage["plant"]
    with as_user("buyer", plant):
        contract = save_contract(plant, stage["farm"].id, day, [ContractLineInput(stage["hog"].id, "8000", "15.60")])
        contract.submit()
    with as_user("manager", plant):
        contract.approve()
    return contract


@pytest.fixture
def stage(ctx, demo):
    """The purchase stage of plant P1 (conftest.py of each addon's tests imports this fixture)."""
    return make_stage(demo["P1"])
