from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from peewee import fn

from core.forms import RoleForm, choices
from core.models import Role, RolePermission
from core.listing import form_page
from core.records import get_or_404
from core.security import requires
from core.users import save_role
from core.views import bp


def permission_choices():
    """Every permission the addons declare, and read/write/create/delete on every model."""
    from core.conformance import known_permissions
    registry = current_app.extensions["erp"].registry
    return sorted((name, f"{name} — {registry.permissions[name].label}" if name in registry.permissions else name)
                  for name in known_permissions(registry)
                  # the kernel's own tables are guarded by its named permissions, not model rights
                  if name in registry.permissions or not name.startswith("core."))


@bp.route("/admin/roles")
@requires("core.admin.roles")
def role_list():
    roles = list(Role.select().order_by(Role.code))
    counts = dict(RolePermission.select(RolePermission.role, fn.COUNT(RolePermission.id))
                  .group_by(RolePermission.role).tuples())
    return render_template("core/role_list.html", roles=roles, counts=counts)


@bp.route("/admin/roles/new", methods=["GET", "POST"])
@bp.route("/admin/roles/<int:role_id>", methods=["GET", "POST"])
@requires("core.admin.roles")
def role_form(role_id=None):
    role = get_or_404(Role, role_id) if role_id else None
    form = RoleForm(obj=role)
    form.permissions.choices = choices(permission_choices())
    if request.method == "GET" and role is not None:
        form.permissions.data = [p.permission for p in role.permission_rows]
    if form.validate_on_submit():
        if Role.select().where((Role.code == form.code.data) & (Role.id != (role.id if role else 0))).exists():
            form.code.errors.append(_("Another role already has this code."))
        else:
            target = save_role(role, form.code.data, form.name.data, form.permissions.data)
            flash(_("Role %(name)s saved.", name=target.name), "success")
            return redirect(url_for("core.role_list"))
    return form_page(form, _("Edit role %(name)s", name=role.name) if role else _("New role"))
