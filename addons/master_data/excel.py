"""Customers, products and prices in and out of Excel, with the headers users' files have."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.master_data.dictionary_ref import DictionaryRef
from addons.master_data.initials import initials
from addons.master_data.models.category import Category
from addons.master_data.models.customer import GRADES, KINDS, RATINGS, Customer
from addons.master_data.models.dictionary import KINDS as DICTIONARY_KINDS
from addons.master_data.models.dictionary import DictionaryEntry
from addons.master_data.models.price import PriceList
from addons.master_data.models.price_row import PriceRow
from addons.master_data.models.product import Product
from addons.master_data.models.region import Region
from addons.master_data.models.unit import Unit
from core.excel.cells import Boolean, Choice, Code, Date, Integer, Number, Ref, Text
from addons.master_data.staff import StaffRef
from core.excel.spec import Column, ImportSpec

MAX_MONEY = 10**12


def _with_initials(values):
    values["initials"] = initials(values.get("name"))


def _dictionary(kind):
    return DictionaryRef(kind)


CUSTOMERS = ImportSpec(
    name="customers", model=Customer, key=("code",), title=_l("Customers"), permission="master_data.customer",
    derive=_with_initials,
    columns=[
        Column("code", "Customer code", "客户编码", Code(), required=True, aliases=("Code", "编码")),
        Column("name", "Customer name", "客户名称", Text(200), required=True, aliases=("Name", "名称")),
        Column("kind", "Customer kind", "客户类别", Choice(KINDS)),
        Column("nature", "Nature", "客户性质", _dictionary("customer_nature")),
        Column("customer_type", "Type", "客户类型", _dictionary("customer_type")),
        Column("source", "Source", "客户来源", _dictionary("customer_source")),
        Column("channel_type", "Channel type", "渠道类型", _dictionary("channel_type")),
        Column("grade", "Grade", "等级", Choice(GRADES)),
        Column("referred_by", "Referred by", "推荐渠道", Ref(Customer)),
        Column("region", "Region code", "地区编码", Ref(Region, plant_scoped=False)),
        Column("salesperson", "Salesperson", "业务员", StaffRef()),
        Column("credit_limit", "Credit limit", "信用额度", Number(2, 0, MAX_MONEY)),
        Column("payment_days", "Payment days", "账期天数", Integer(0, 3650)),
        Column("rating", "Rating", "信用等级", Choice(RATINGS)),
        Column("price_list", "Price list", "价格表", Ref(PriceList)),
        Column("phone", "Phone", "电话", Text(40)),
        Column("address", "Delivery address", "送货地址", Text(300)),
        Column("public_pool", "In public pool", "公海客户", Boolean()),
        Column("active", "Active", "启用", Boolean()),
    ],
)

PRODUCTS = ImportSpec(
    name="products", model=Product, key=("code",), title=_l("Products"), permission="master_data.product",
    derive=_with_initials,
    columns=[
        Column("code", "Product code", "产品编码", Code(), required=True, aliases=("Code", "编码")),
        Column("name", "Product name", "产品名称", Text(200), required=True, aliases=("Name", "名称")),
        Column("barcode", "Barcode", "条码", Text(40)),
        Column("category", "Category code", "类别编码", Ref(Category)),
        Column("selling_unit", "Selling unit", "销售单位", Ref(Unit, plant_scoped=False), required=True),
        Column("pricing_unit", "Pricing unit", "计价单位", Ref(Unit, plant_scoped=False), required=True),
        Column("nominal_weight", "Nominal weight (kg)", "标准重量(千克)", Number(6, 0, 10**6)),
        Column("catch_weight", "Catch weight", "按重计价", Boolean()),
        Column("loss_tolerance_pct", "Normal loss %", "合理损耗%", Number(2, 0, 100)),
        Column("tax_rate_pct", "Tax rate %", "税率%", Number(2, 0, 100)),
        Column("active", "Active", "启用", Boolean()),
    ],
)


def _price_rules(values):
    problems = []
    if bool(values.get("price_list")) == bool(values.get("customer")):
        problems.append(("price_list", _("Give either a price list or a customer, not both.")))
    price, floor = values.get("price"), values.get("floor_price")
    if price is not None and floor is not None and floor > price:
        problems.append(("floor_price", _("The floor price is above the price.")))
    start, end = values.get("valid_from"), values.get("valid_to")
    if start and end and end < start:
        problems.append(("valid_to", _("Ends before it starts.")))
    return problems


def _price_scope(values):
    values["scope_key"] = PriceRow.key_for(values.get("price_list"), values.get("customer"))


PRICES = ImportSpec(
    name="prices", model=PriceRow, key=("price_list", "customer", "product", "valid_from"),
    conflict=("scope_key", "product", "valid_from"), title=_l("Prices"), permission="master_data.price_row",
    check_row=_price_rules, derive=_price_scope,
    columns=[
        Column("price_list", "Price list", "价格表", Ref(PriceList)),
        Column("customer", "Customer code", "客户编码", Ref(Customer)),
        Column("product", "Product code", "产品编码", Ref(Product), required=True),
        Column("price", "Price", "单价", Number(4, 0, MAX_MONEY), required=True),
        Column("floor_price", "Floor price", "最低价", Number(4, 0, MAX_MONEY)),
        Column("valid_from", "Valid from", "生效日期", Date(), required=True),
        Column("valid_to", "Valid to", "失效日期", Date()),
    ],
)

CATEGORIES = ImportSpec(
    name="categories", model=Category, key=("code",), title=_l("Product categories"),
    permission="master_data.category",
    columns=[
        Column("code", "Category code", "类别编码", Code(), required=True, aliases=("Code", "编码")),
        Column("name", "Category name", "类别名称", Text(100), required=True, aliases=("Name", "名称")),
        Column("active", "Active", "启用", Boolean()),
    ],
)

REGIONS = ImportSpec(
    name="regions", model=Region, key=("code",), title=_l("Regions"), permission="master_data.region",
    plant_scoped=False,
    columns=[
        Column("code", "Region code", "地区编码", Code(20), required=True, aliases=("Code", "编码")),
        Column("province", "Province", "省份", Text(60), required=True),
        Column("city", "City", "城市", Text(60)),
        Column("active", "Active", "启用", Boolean()),
    ],
)

DICTIONARIES = ImportSpec(
    name="dictionaries", model=DictionaryEntry, key=("kind", "code"), title=_l("Dictionaries"),
    permission="master_data.dictionary_entry", plant_scoped=False,
    columns=[
        Column("kind", "List", "字典", Choice(DICTIONARY_KINDS), required=True),
        Column("code", "Code", "编码", Code(), required=True),
        Column("name", "Name", "名称", Text(100), required=True),
        Column("sequence", "Sequence", "排序", Integer(0, 1_000_000)),
        Column("active", "Active", "启用", Boolean()),
    ],
)

SPECS = (CUSTOMERS, PRODUCTS, PRICES, CATEGORIES, REGIONS, DICTIONARIES)
