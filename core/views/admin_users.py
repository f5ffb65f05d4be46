from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from peewee import IntegrityError, prefetch

from core import audit, login_guard
from core.params import page_arg
from core.db import transaction
from core.forms import UserForm, choices
from core.models import Plant, Role, User, UserPlant, UserRole
from core.listing import form_page
from core.records import get_or_404
from core.security import hash_password, requires
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
    users = list(prefetch(query.paginate(page, PAGE + 1), UserRole.select(UserRole, Role).join(Role),
                          UserPlant.select(UserPlant, Plant).join(Plant)))
    return render_template("core/user_list.html", users=users[:PAGE], q=q, page=page, more=len(users) > PAGE)


def _fill_choices(form):
    form.roles.choices = choices((r.id, r.name) for r in Role.select().order_by(Role.code))
    form.plants.choices = choices((p.id, str(p)) for p in Plant.select().order_by(Plant.code))


def _snapshot(user):
    return {"login": user.login, "name": user.name, "email": user.email, "lang": user.lang, "active": user.active,
            "is_superuser": user.is_superuser,
            "roles": sorted(r.role_id for r in user.role_rows), "plants": sorted(p.plant_id for p in user.plant_rows)}


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
    """One transaction; None when the login is taken (checked here and, for a race, by the unique index)."""
    try:
        with transaction():
            if User.select().where((User.login == form.login.data) & (User.id != (user.id if user else 0))).exists():
                return None
            before = _snapshot(user) if user else {}
            target = user or User(password_hash="")
            for name in ("login", "name", "lang", "active", "is_superuser"):
                setattr(target, name, getattr(form, name).data)
            target.email = form.email.data or None
            if form.password.data:
                target.password_hash = hash_password(form.password.data)
            target.save()
            if user is not None and (form.password.data or not target.active):
                login_guard.end_sessions(target)    # a new password or a deactivation ends every session
            UserRole.delete().where(UserRole.user == target).execute()
            UserPlant.delete().where(UserPlant.user == target).execute()
            for role_id in form.roles.data:
                UserRole.create(user=target, role=role_id)
            for plant_id in form.plants.data:
                UserPlant.create(user=target, plant=plant_id)
            old, new = audit.changes(before, _snapshot(target))
            if form.password.data:
                new["password"] = "changed"
            audit.log("create" if user is None else "write", "core_user", target.id, old=old, new=new)
        return target
    except IntegrityError:
        return None
