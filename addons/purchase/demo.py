"""Demo purchasing at the East plant: a buyer, hog farms and a packaging supplier, the live hog product; a
live-hog contract approved and this morning's weighbridge receipt into the cold store, a packaging receipt,
and a payment waiting for finance."""
import datetime
from decimal import Decimal

from addons.master_data.models.category import Category
from addons.master_data.models.product import Product
from addons.master_data.models.unit import Unit
from addons.purchase.contracts import ContractLineInput, ask_payment, save_contract
from addons.purchase.models.supplier import Supplier
from addons.purchase.receiving import LineInput, Ticket, save_receipt
from addons.stock.models.warehouse import Warehouse
from core import clock
from core.context import acting_as
from core.demo import PASSWORD
from core.models import User
from core.users import create_user

SUPPLIERS = [("S001", "东台生猪养殖场 Dongtai hog farm", "live_hogs", "王场长 Wang", "0515-8500 1001", 7),
             ("S002", "大丰生猪合作社 Dafeng hog co-op", "live_hogs", "陈主任 Chen", "0515-8300 2002", 15),
             ("S003", "盐城包装材料厂 Yancheng packaging", "packaging", "刘经理 Liu", "0515-8800 3003", 30)]


def load(plants):
    plant = next((p for p in plants if p.code == "P1"), None)
    manager = User.get_or_none(User.login == "manager")
    if plant is None or manager is None:
        return
    buyer = create_user("buyer", "周采购 Zhou (buyer)", PASSWORD, roles=["buyer"], plants=["P1"])
    farms = [Supplier.create(plant=plant, code=code, name=name, category=category, contact=contact, phone=phone,
                             payment_days=days, bank_name="中国农业银行", bank_account=f"1040 0000 {code[1:]}")
             for code, name, category, contact, phone, days in SUPPLIERS]
    kg, head, box = (Unit.get(Unit.code == code) for code in ("kg", "head", "box"))
    category = Category.select().where(Category.plant == plant.id).first()
    hog = Product.create(plant=plant, code="LH01", name="生猪 Live hog", category=category, selling_unit=head,
                         pricing_unit=kg, nominal_weight=Decimal("115"), catch_weight=True)
    cartons = Product.create(plant=plant, code="PK01", name="包装箱 Carton", selling_unit=box, pricing_unit=box,
                             nominal_weight=Decimal("0.4"))
    store = Warehouse.get((Warehouse.plant == plant.id) & (Warehouse.code == "CS"))
    today = clock.plant_today(plant)
    with acting_as(buyer, plant):
        contract = save_contract(plant, farms[0].id, today - datetime.timedelta(days=10),
                                 [ContractLineInput(hog.id, "60000", "15.80")],
                                 delivery_from=today - datetime.timedelta(days=7), delivery_to=today + datetime.timedelta(days=60))
        contract.submit()
    with acting_as(manager, plant):
        contract.approve()
    with acting_as(buyer, plant):
        hogs = save_receipt(plant, farms[0].id, store.id, today, contract_id=contract.id, lot_number=f"LH-{today:%m%d}",
                            ticket=Ticket(hog.id, heads="42", gross_kg="6125.5", tare_kg="1280.0", deduct_kg="25.5",
                                          price_per_kg="15.80", deduct_amount="120"),
                            quarantine_cert="3200120099", vehicle="苏J·66789")
        hogs.receive()
        boxes = save_receipt(plant, farms[2].id, store.id, today - datetime.timedelta(days=20),
                             lines=[LineInput(cartons.id, "2000", "800", "2.35")])
        boxes.receive()
        payment = ask_payment(plant, farms[2].id, "3000", today, reference="BANK-PK-01")
        payment.submit()
