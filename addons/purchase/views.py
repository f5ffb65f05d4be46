"""Purchase screens: suppliers (list, form, Excel), contracts, receipts, payments, payables."""
from flask import Blueprint
from flask_babel import lazy_gettext as _l

from addons.purchase.forms import SupplierForm
from addons.purchase.models.supplier import CATEGORIES, Supplier
from core.crud import crud_routes
from core.listing import Column, Filter

bp = Blueprint("purchase", __name__, template_folder="templates")

SUPPLIERS = crud_routes(bp, Supplier, SupplierForm, [
    Column("code", _l("Code"), link=True, sortable=True), Column("name", _l("Name"), sortable=True),
    Column("category", _l("Category"), "choice", choices=CATEGORIES), Column("contact", _l("Contact")),
    Column("phone", _l("Phone")), Column("payment_days", _l("Payment days"), "number"),
    Column("active", _l("Active"), "bool"),
], name="supplier", title=_l("Suppliers"), permission="purchase.supplier",
    search=(Supplier.code, Supplier.name, Supplier.contact), order_by=[Supplier.code],
    filters=[Filter("category", _l("Category"), Supplier.category, "choice", CATEGORIES)], import_spec="suppliers",
    edit_template="purchase/supplier_form.html", edit_context=lambda supplier: _parts(supplier))


def _parts(supplier):
    from addons.purchase.supplier_parts import context      # it adds routes to bp, so it imports this module
    return context(supplier)
