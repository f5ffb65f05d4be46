from flask_babel import lazy_gettext as _l


def register(reg):
    from addons.master_data import views
    from addons.master_data.models.customer import Customer
    from addons.master_data.models.product import Product
    reg.models(Customer, Product)
    reg.blueprint(views.bp, url_prefix="/master")
    reg.menu("master", _l("Customers"), "master_data.customer_list", "master_data.customer.read", 10)
    reg.menu("master", _l("Products"), "master_data.product_list", "master_data.product.read", 20)
