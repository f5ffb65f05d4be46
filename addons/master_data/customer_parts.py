"""A customer's delivery addresses and contacts, edited on the customer's page."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length, Optional

from addons.master_data.models.customer import Customer, CustomerAddress, CustomerContact, CustomerLogin
from addons.master_data import customer_records
from addons.master_data.views import bp
from core.forms import ConfirmForm, Form, RefField, ref_choices
from core.models import Role, User, UserPlant, UserRole
from core.records import get_for_plant
from core.security import requires


class AddressForm(Form):
    label = StringField(_l("Label"), validators=[Optional(), Length(max=60)])
    address = StringField(_l("Address"), validators=[DataRequired(), Length(max=300)])
    contact = StringField(_l("Contact"), validators=[Optional(), Length(max=60)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    is_default = BooleanField(_l("Default delivery address"))


class ContactForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=60)])
    title = StringField(_l("Position"), validators=[Optional(), Length(max=60)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])


class LoginForm(Form):
    user = RefField(_l("User"), validators=[DataRequired()])


def _login_choices(customer, form):
    """Active customer-role users of this plant who act for no customer yet."""
    taken = CustomerLogin.select(CustomerLogin.user)
    users = (User.select().join(UserRole, on=(UserRole.user == User.id)).join(Role)
             .switch(User).join(UserPlant, on=(UserPlant.user == User.id))
             .where((Role.code == "customer") & (UserPlant.plant == customer.plant_id) & (User.active == True)  # noqa: E712
                    & User.id.not_in(taken)).order_by(User.login).distinct())
    form.user.choices = ref_choices(users, label=lambda u: f"{u.login} {u.name}", blank=False)


def context(customer) -> dict:
    login_form = LoginForm(prefix="login")
    _login_choices(customer, login_form)
    return {"logins": list(CustomerLogin.select(CustomerLogin, User).join(User)
                           .where(CustomerLogin.customer == customer.id)), "login_form": login_form,
            "addresses": list(customer.addresses.order_by(CustomerAddress.id)),
            "contacts": list(customer.contacts.order_by(CustomerContact.id)),
            "address_form": AddressForm(prefix="address"), "contact_form": ContactForm(prefix="contact"),
            "confirm": ConfirmForm()}


def _back(customer):
    return redirect(url_for("master_data.customer_edit", pk=customer.id))


def _refused(form):
    for errors in form.errors.values():
        for message in errors:
            flash(str(message), "danger")


@bp.route("/customers/<int:pk>/addresses", methods=["POST"])
@requires("master_data.customer_address.create")
def add_address(pk):
    customer = get_for_plant(Customer, pk)
    form = AddressForm(prefix="address")
    if not form.validate_on_submit():
        _refused(form)
        return _back(customer)
    customer_records.add_address(customer, form.address.data, label=form.label.data or "",
                                 contact=form.contact.data or "", phone=form.phone.data or "",
                                 is_default=bool(form.is_default.data))
    flash(_("Saved."), "success")
    return _back(customer)


@bp.route("/customers/<int:pk>/contacts", methods=["POST"])
@requires("master_data.customer_contact.create")
def add_contact(pk):
    customer = get_for_plant(Customer, pk)
    form = ContactForm(prefix="contact")
    if not form.validate_on_submit():
        _refused(form)
        return _back(customer)
    customer_records.add_contact(customer, form.name.data, title=form.title.data or "", phone=form.phone.data or "")
    flash(_("Saved."), "success")
    return _back(customer)


def _delete(model, pk, part_id):
    customer = get_for_plant(Customer, pk)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    customer_records.remove(model, customer, part_id)
    return _back(customer)


@bp.route("/customers/<int:pk>/logins", methods=["POST"])
@requires("master_data.customer.write")
def add_login(pk):
    customer = get_for_plant(Customer, pk)
    form = LoginForm(prefix="login")
    _login_choices(customer, form)
    if not form.validate_on_submit():
        _refused(form)
        return _back(customer)
    customer_records.add_login(customer, form.user.data)
    flash(_("Saved."), "success")
    return _back(customer)


@bp.route("/customers/<int:pk>/logins/<int:part_id>/delete", methods=["POST"])
@requires("master_data.customer.write")
def delete_login(pk, part_id):
    return _delete(CustomerLogin, pk, part_id)


@bp.route("/customers/<int:pk>/addresses/<int:part_id>/delete", methods=["POST"])
@requires("master_data.customer_address.delete")
def delete_address(pk, part_id):
    return _delete(CustomerAddress, pk, part_id)


@bp.route("/customers/<int:pk>/contacts/<int:part_id>/delete", methods=["POST"])
@requires("master_data.customer_contact.delete")
def delete_contact(pk, part_id):
    return _delete(CustomerContact, pk, part_id)
