from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.master_data import customer_parts, demo, excel, pick, views
    from addons.master_data.models.category import Category
    from addons.master_data.models.customer import Customer, CustomerAddress, CustomerContact, CustomerLogin
    from addons.master_data.models.dictionary import DictionaryEntry
    from addons.master_data.models.price import PriceList
    from addons.master_data.models.price_row import PriceRow
    from addons.master_data.models.product import Product
    from addons.master_data.models.region import Region
    from addons.master_data.models.unit import Unit
    reg.models(Unit, Region, DictionaryEntry, Category, PriceList, Customer, CustomerAddress, CustomerContact,
               CustomerLogin, Product, PriceRow)
    # the roles of a sales organisation: every addon above this one grants its rights to them
    for code, label in [("sales", _l("Sales orderer")), ("manager", _l("Sales manager")),
                        ("scheduler", _l("Delivery scheduler")), ("shipper", _l("Delivery operator")),
                        ("finance", _l("Finance clerk")), ("leader", _l("Business leader"))]:
        reg.role(code, label)
    reg.section("master", _l("Master data"), 40)
    reg.blueprint(views.bp, url_prefix="/master")
    reg.routes(views.bp, customer_parts, pick)
    for spec in excel.SPECS:
        reg.importer(spec)
    for resource in (views.CUSTOMERS, views.PRODUCTS, views.PRICE_LISTS, views.PRICES, views.CATEGORIES,
                     views.UNITS, views.REGIONS, views.DICTIONARIES):
        reg.resource(resource)
    reg.demo(demo.load)
    reg.menu("master", _l("Customers"), "master_data.customer_list", "master_data.customer.read", 10)
    reg.menu("master", _l("Products"), "master_data.product_list", "master_data.product.read", 20)
    reg.menu("master", _l("Price lists"), "master_data.price_list_list", "master_data.price_list.read", 30)
    reg.menu("master", _l("Prices"), "master_data.price_row_list", "master_data.price_row.read", 31)
    reg.menu("master", _l("Product categories"), "master_data.category_list", "master_data.category.read", 40)
    reg.menu("master", _l("Units"), "master_data.unit_list", "master_data.unit.read", 50)
    reg.menu("master", _l("Regions"), "master_data.region_list", "master_data.region.read", 60)
    reg.menu("master", _l("Dictionaries"), "master_data.dictionary_list", "master_data.dictionary_entry.read", 70)
