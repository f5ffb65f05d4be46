from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from peewee import prefetch

from core.params import one_page, page_arg
from core.forms import UserForm, choices
from core.models import Plant, Role, User, UserPlant, UserRole
from core.listing import form_page
from core.records import get_or_404
from core.security import requires
from core.users import save_user
from core.views import bp

PAGE = 50


@bp.route("/admin/users")
@requires("core.admin.users")
def user_list():
    q = (request.args.get("q") or "").strip()
    page = page_arg()
    query = User.select().order_by(User.login)
    if q:
        query = query.where(User.login.contains(q) | User.name.contains(q))
    # One query per table, not per user: roles and plants are fetched for the whole page at once.
    users = list(prefetch(one_page(query, page, PAGE), UserRole.select(UserRole, Role).join(Role),
                          UserPlant.select(UserPlant, Plant).join(Plant)))
    return render_template("core/user_list.html", users=users[:PAGE], q=q, page=page, more=len(users) > PAGE)


def _fill_choices(form):
    form.roles.choices = choices((r.id, r.label) for r in Role.select().order_by(Role.code))
    form.plants.choices = choices((p.id, str(p)) for p in Plant.select().order_by(Plant.code))


@bp.route("/admin/users/new", methods=["GET", "POST"])
@bp.route("/admin/users/<int:user_id>", methods=["GET", "POST"])
@requires("core.admin.users")
def user_form(user_id=None):
    user = get_or_404(User, user_id) if user_id else None
    form = UserForm(obj=user, new=user is None)
    _fill_choices(form)
    if request.method == "GET" and user is not None:
        form.roles.data = [r.role_id for r in user.role_rows]
        form.plants.data = [p.plant_id for p in user.plant_rows]
        form.password.data = ""
    if form.validate_on_submit():
        target = _save(form, user)
        if target is None:
            form.login.errors.append(_("Another user already has this name."))
        else:
            flash(_("User %(login)s saved.", login=target.login), "success")
            return redirect(url_for("core.user_list"))
    return form_page(form, _("Edit user %(login)s", login=user.login) if user else _("New user"))


def _save(form, user):
    values = {name: getattr(form, name).data for name in ("login", "name", "lang", "active", "is_superuser")}
    values["email"] = form.email.data or None
    return save_user(user, values, form.roles.data, form.plants.data, password=form.password.data or None)
