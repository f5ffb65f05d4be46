"""Master data screens: generic lists and forms, plus Excel import and export through core.excel."""
from flask import Blueprint
from flask_babel import lazy_gettext as _l

from addons.master_data import forms
from addons.master_data.staff import plant_staff
from addons.master_data.models.category import Category
from addons.master_data.models.customer import GRADES, KINDS, Customer
from addons.master_data.models.dictionary import KINDS as DICTIONARY_KINDS
from addons.master_data.models.dictionary import DictionaryEntry
from addons.master_data.models.price import PriceList
from addons.master_data.models.price_row import PriceRow
from addons.master_data.models.product import Product
from addons.master_data.models.region import Region
from addons.master_data.models.unit import KINDS as UNIT_KINDS
from addons.master_data.models.unit import Unit
from core.crud import crud_routes
from core.forms import ref_choices
from core.listing import Column, Filter
from core.records import plant_scoped
from core.security import current_plant

bp = Blueprint("master_data", __name__, template_folder="templates")


def _active(model):
    return plant_scoped(model).where(model.active == True).order_by(model.code)  # noqa: E712


def _dictionary(kind):
    return DictionaryEntry.select().where((DictionaryEntry.kind == kind) & (DictionaryEntry.active == True)) \
        .order_by(DictionaryEntry.sequence, DictionaryEntry.code)  # noqa: E712


def _customer_choices(form):
    form.nature.choices = ref_choices(_dictionary("customer_nature"))
    form.customer_type.choices = ref_choices(_dictionary("customer_type"))
    form.source.choices = ref_choices(_dictionary("customer_source"))
    form.channel_type.choices = ref_choices(_dictionary("channel_type"))
    form.region.choices = ref_choices(_active(Region))
    form.price_list.choices = ref_choices(_active(PriceList))
    form.salesperson.choices = ref_choices(plant_staff(current_plant().id), label=lambda u: f"{u.login} {u.name}")


def _product_choices(form):
    form.category.choices = ref_choices(_active(Category))
    units = Unit.select().where(Unit.active == True).order_by(Unit.code)  # noqa: E712
    form.selling_unit.choices = ref_choices(units, blank=False)
    form.pricing_unit.choices = ref_choices(units, blank=False)


def _price_choices(form):
    form.price_list.choices = ref_choices(_active(PriceList))


def _customer_parts(customer):
    from addons.master_data.customer_parts import context  # it adds routes to bp, so it imports this module
    return context(customer)


ACTIVE = Column("active", _l("Active"), "bool")

CUSTOMERS = crud_routes(bp, Customer, forms.CustomerForm, [
    Column("code", _l("Code"), link=True, sortable=True), Column("name", _l("Name"), sortable=True),
    Column("kind", _l("Customer kind"), "choice", choices=KINDS), Column("region.province", _l("Province")),
    Column("region.city", _l("City")), Column("salesperson.name", _l("Salesperson")),
    Column("credit_limit", _l("Credit limit"), "money", sortable=True),
    Column("payment_days", _l("Payment days"), "number", sortable=True), Column("rating", _l("Rating")),
    Column("grade", _l("Grade"), sortable=True), ACTIVE,
], name="customer", title=_l("Customers"), permission="master_data.customer",
    search=(Customer.code, Customer.name, Customer.phone), order_by=[Customer.code], prepare=_customer_choices,
    import_spec="customers", edit_template="master_data/customer_form.html",
    edit_context=lambda customer: _customer_parts(customer),
    filters=[Filter("kind", _l("Customer kind"), Customer.kind, "choice", choices=KINDS),
             Filter("active", _l("Active"), Customer.active, "bool"),
             Filter("public_pool", _l("Public pool"), Customer.public_pool, "bool"),
             Filter("grade", _l("Grade"), Customer.grade, "choice", choices=GRADES)])

PRODUCTS = crud_routes(bp, Product, forms.ProductForm, [
    Column("code", _l("Code"), link=True, sortable=True), Column("name", _l("Name"), sortable=True),
    Column("category.name", _l("Category")), Column("selling_unit.name", _l("Selling unit")),
    Column("pricing_unit.name", _l("Pricing unit")),
    Column("nominal_weight", _l("Nominal weight per unit (kg)"), "number"),
    Column("catch_weight", _l("Catch weight"), "bool"), Column("loss_tolerance_pct", _l("Normal loss %"), "number"),
    ACTIVE,
], name="product", title=_l("Products"), permission="master_data.product",
    search=(Product.code, Product.name), order_by=[Product.code], prepare=_product_choices, import_spec="products",
    filters=[Filter("catch_weight", _l("Catch weight"), Product.catch_weight, "bool"),
             Filter("active", _l("Active"), Product.active, "bool")])

PRICE_LISTS = crud_routes(bp, PriceList, forms.PriceListForm, [
    Column("code", _l("Code"), link=True, sortable=True), Column("name", _l("Name"), sortable=True),
    Column("is_default", _l("Default"), "bool"), ACTIVE,
], name="price_list", title=_l("Price lists"), permission="master_data.price_list",
    search=(PriceList.code, PriceList.name), order_by=[PriceList.code])

PRICES = crud_routes(bp, PriceRow, forms.PriceRowForm, [
    Column("product.code", _l("Product code"), link=True), Column("product.name", _l("Product")),
    Column("price_list.name", _l("Price list")), Column("customer.name", _l("Customer")),
    Column("price", _l("Price"), "price", sortable=True), Column("floor_price", _l("Floor price"), "price"),
    Column("valid_from", _l("Valid from"), "date", sortable=True), Column("valid_to", _l("Valid to"), "date"),
], name="price_row", title=_l("Prices"), permission="master_data.price_row", unique=(), prepare=_price_choices,
    search=(Product.code, Product.name), order_by=[PriceRow.id.desc()], import_spec="prices",
    query=lambda: PriceRow.select(PriceRow, Product).join(Product))

CATEGORIES = crud_routes(bp, Category, forms.CategoryForm, [
    Column("code", _l("Code"), link=True, sortable=True), Column("name", _l("Name"), sortable=True), ACTIVE,
], name="category", title=_l("Product categories"), permission="master_data.category",
    search=(Category.code, Category.name), order_by=[Category.code], import_spec="categories")

UNITS = crud_routes(bp, Unit, forms.UnitForm, [
    Column("code", _l("Code"), link=True, sortable=True), Column("name", _l("Name")),
    Column("kind", _l("Kind"), "choice", choices=UNIT_KINDS), Column("kg_factor", _l("Kilograms per unit"), "number"),
    ACTIVE,
], name="unit", title=_l("Units"), permission="master_data.unit",
    search=(Unit.code, Unit.name), order_by=[Unit.code])

REGIONS = crud_routes(bp, Region, forms.RegionForm, [
    Column("code", _l("Code"), link=True, sortable=True), Column("province", _l("Province"), sortable=True),
    Column("city", _l("City"), sortable=True), ACTIVE,
], name="region", title=_l("Regions"), permission="master_data.region",
    search=(Region.code, Region.province, Region.city), order_by=[Region.code], import_spec="regions")

DICTIONARIES = crud_routes(bp, DictionaryEntry, forms.DictionaryForm, [
    Column("kind", _l("List"), "choice", sortable=True, choices=DICTIONARY_KINDS),
    Column("code", _l("Code"), link=True, sortable=True),
    Column("name", _l("Name")), Column("sequence", _l("Sequence"), "number"), ACTIVE,
], name="dictionary", title=_l("Dictionaries"), permission="master_data.dictionary_entry",
    search=(DictionaryEntry.code, DictionaryEntry.name), unique=(),
    order_by=[DictionaryEntry.kind, DictionaryEntry.sequence, DictionaryEntry.code],
    filters=[Filter("kind", _l("List"), DictionaryEntry.kind, "choice", choices=DICTIONARY_KINDS)],
    import_spec="dictionaries")
