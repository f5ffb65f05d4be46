"""Form fields that choose a customer or a product by typing (core.picker), suggested by master_data.pick."""
from flask_babel import lazy_gettext as _l

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from core.picker import PickField


def CustomerField(label=_l("Customer"), validators=None, own_unless=None, **kwargs):  # noqa: N802 (a field)
    """`own_unless`: the permission that sees every customer; without it only the user's own are offered."""
    return PickField(label, validators, model=Customer, endpoint="master_data.pick_customers",
                     params={"own_unless": own_unless} if own_unless else None, **kwargs)


def ProductField(label=_l("Product"), validators=None, **kwargs):  # noqa: N802 (a field)
    return PickField(label, validators, model=Product, endpoint="master_data.pick_products", **kwargs)
