"""A supplier's contacts, kept on the supplier's page, and a link to what the plant owes it."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _

from addons.master_data.customer_parts import ContactForm
from addons.purchase.models.supplier import Supplier, SupplierContact
from addons.purchase.views import bp
from core import audit
from core.db import transaction
from core.forms import ConfirmForm
from core.records import get_for_plant
from core.security import requires


def context(supplier) -> dict:
    return {"contacts": list(supplier.contacts.order_by(SupplierContact.id)), "contact_form": ContactForm(prefix="contact"),
            "confirm": ConfirmForm()}


def _back(supplier):
    return redirect(url_for("purchase.supplier_edit", pk=supplier.id))


@bp.route("/suppliers/<int:pk>/contacts", methods=["POST"])
@requires("purchase.supplier.write")
def add_supplier_contact(pk):
    supplier = get_for_plant(Supplier, pk)
    form = ContactForm(prefix="contact")
    if not form.validate_on_submit():
        for messages in form.errors.values():
            for message in messages:
                flash(str(message), "danger")
        return _back(supplier)
    with transaction():
        contact = SupplierContact.create(supplier=supplier.id, name=form.name.data.strip(),
                                         title=(form.title.data or "").strip(), phone=(form.phone.data or "").strip())
        audit.log("create", SupplierContact._meta.table_name, contact.id, plant=supplier.plant_id,
                  new={"supplier": supplier.code, "name": contact.name, "phone": contact.phone})
    flash(_("Saved."), "success")
    return _back(supplier)


@bp.route("/suppliers/<int:pk>/contacts/<int:part_id>/delete", methods=["POST"])
@requires("purchase.supplier.write")
def delete_supplier_contact(pk, part_id):
    supplier = get_for_plant(Supplier, pk)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    contact = SupplierContact.get_or_none((SupplierContact.id == part_id) & (SupplierContact.supplier == supplier.id))
    if contact is None:
        abort(404)
    with transaction():
        audit.log("delete", SupplierContact._meta.table_name, contact.id, plant=supplier.plant_id,
                  old={"supplier": supplier.code, "name": contact.name, "phone": contact.phone})
        contact.delete_instance()
    return _back(supplier)
