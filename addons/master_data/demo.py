"""Demo master data: units, regions, dictionaries, and a small pork plant's customers, products, prices."""
import datetime
from decimal import Decimal

from addons.master_data.models.category import Category
from addons.master_data.models.customer import Customer, CustomerLogin
from addons.master_data.models.dictionary import DictionaryEntry
from addons.master_data.models.price import PriceList
from addons.master_data.models.price_row import PriceRow
from addons.master_data.models.product import Product
from addons.master_data.models.region import Region
from addons.master_data.models.unit import Unit
from core.demo import PASSWORD
from core.models import Role, User
from core.users import create_user

UNITS = [("kg", "千克 kg", "weight", "1"), ("t", "吨 t", "weight", "1000"), ("jin", "斤 jin", "weight", "0.5"),
         ("head", "头 head", "count", "0"), ("piece", "件 piece", "count", "0"), ("box", "箱 box", "count", "0")]
REGIONS = [("310100", "上海", "上海市"), ("320100", "江苏", "南京市"), ("320500", "江苏", "苏州市"),
           ("330100", "浙江", "杭州市"), ("110100", "北京", "北京市"), ("120100", "天津", "天津市")]
DICTIONARY = [("customer_nature", "wholesale", "批发 wholesale"), ("customer_nature", "retail", "零售 retail"),
              ("customer_nature", "catering", "餐饮 catering"), ("customer_type", "market", "农贸市场 market"),
              ("customer_type", "supermarket", "商超 supermarket"), ("customer_type", "factory", "食品厂 factory"),
              ("customer_source", "visit", "拜访 visit"), ("customer_source", "referral", "介绍 referral"),
              ("followup_method", "phone", "电话 phone"), ("followup_method", "visit", "上门 visit")]
# code, name, category, selling unit, pricing unit, nominal kg per unit, catch weight, price per pricing unit
PRODUCTS = [("P001", "白条猪 Pork carcass", "carcass", "head", "kg", "90", True, "23.50"),
            ("P002", "猪后腿 Hind leg", "cuts", "piece", "kg", "12.5", True, "26.80"),
            ("P003", "五花肉 Pork belly", "cuts", "box", "kg", "20", True, "32.00"),
            ("P004", "猪排骨 Spare ribs", "cuts", "box", "kg", "15", True, "38.50"),
            ("P005", "猪蹄 Trotters (box)", "offal", "box", "box", "10", False, "210.00")]


PEOPLE = [
    # login, name, roles, plants; each with the demo password (README.md)
    ("sales", "王销售 Wang (sales)", ["sales"], ["P1"]),
    ("manager", "李经理 Li (manager)", ["manager"], ["P1", "P2"]),
    ("scheduler", "张调度 Zhang (scheduler)", ["scheduler"], ["P1"]),
    ("shipper", "赵发货 Zhao (shipping desk)", ["shipper"], ["P1"]),
    ("finance", "钱财务 Qian (finance)", ["finance"], ["P1", "P2"]),
    ("leader", "孙总 Sun (business leader)", ["leader"], ["P1", "P2"]),
    ("customer", "周记肉铺 Zhou's butcher (customer)", ["customer"], ["P1"]),
    ("sales2", "刘销售 Liu (sales, north plant)", ["sales"], ["P2"]),
]


def _people():
    """One person per role of a sales organisation; a role no installed addon brings is left out."""
    roles = {code for (code,) in Role.select(Role.code).tuples()}
    for login, name, wanted, plant_codes in PEOPLE:
        if set(wanted) <= roles:
            create_user(login, name, PASSWORD, roles=wanted, plants=plant_codes,
                        lang="zh_Hans_CN" if login != "sales2" else "en")


def load(plants):
    _people()
    units = {code: Unit.get_or_create(code=code, defaults={"name": name, "kind": kind, "kg_factor": Decimal(f)})[0]
             for code, name, kind, f in UNITS}
    regions = {code: Region.get_or_create(code=code, defaults={"province": p, "city": c})[0] for code, p, c in REGIONS}
    dictionary = {(k, c): DictionaryEntry.get_or_create(kind=k, code=c, defaults={"name": n})[0]
                  for k, c, n in DICTIONARY}
    for plant in plants:
        _plant_data(plant, units, regions, dictionary)


def _plant_data(plant, units, regions, dictionary):
    east = plant.code == "P1"
    cats = {code: Category.create(plant=plant, code=code, name=name) for code, name in
            [("carcass", "白条 Carcass"), ("cuts", "分割肉 Cuts"), ("offal", "副产品 Offal")]}
    standard = PriceList.create(plant=plant, code="STD", name="标准价 Standard", is_default=True)
    wholesale = PriceList.create(plant=plant, code="WHS", name="批发价 Wholesale")
    sales = User.get_or_none(User.login == ("sales" if east else "sales2"))
    region_codes = ["310100", "320100", "320500", "330100"] if east else ["110100", "120100"]
    customers = []
    for n in range(1, 9):
        customers.append(Customer.create(
            plant=plant, code=f"{plant.code}C{n:03d}", name=f"{'周记肉铺' if n == 1 else '客户'}{n} Customer {n}",
            kind="channel" if n % 3 == 0 else "end", nature=dictionary[("customer_nature", "wholesale" if n % 2 else "retail")],
            customer_type=dictionary[("customer_type", "market")], region=regions[region_codes[n % len(region_codes)]],
            salesperson=sales, credit_limit=Decimal(50000 * n), payment_days=30 if n % 2 else 15,
            rating="A" if n < 3 else "B", price_list=wholesale if n % 3 == 0 else None,
            phone=f"1380000{n:04d}", address=f"示例路 {n} 号"))
    start = datetime.date(2026, 1, 1)
    for code, name, cat, sell, price_unit, kg, catch, price in PRODUCTS:
        product = Product.create(plant=plant, code=code, name=name, category=cats[cat], selling_unit=units[sell],
                                 pricing_unit=units[price_unit], nominal_weight=Decimal(kg), catch_weight=catch,
                                 loss_tolerance_pct=Decimal("0.5"))
        price = Decimal(price)
        PriceRow.create(plant=plant, price_list=standard, product=product, price=price,
                        floor_price=(price * Decimal("0.95")).quantize(Decimal("0.01")), valid_from=start)
        PriceRow.create(plant=plant, price_list=wholesale, product=product, price=price - Decimal("1"),
                        floor_price=(price * Decimal("0.92")).quantize(Decimal("0.01")), valid_from=start)
    PriceRow.create(plant=plant, customer=customers[0], product=Product.get(plant=plant, code="P001"),
                    price=Decimal("23.20"), floor_price=Decimal("22.00"), valid_from=start)
    portal = User.get_or_none(User.login == "customer")
    if east and portal is not None:  # the demo portal user acts for 周记肉铺
        CustomerLogin.create(customer=customers[0], user=portal)
