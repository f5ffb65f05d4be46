"""Creating users outside the admin screen (CLI, demo, tests) with the same checks."""
from __future__ import annotations

from flask_babel import gettext as _

from core import audit
from core.db import transaction
from core.errors import NotFound, UserError
from core.models import Plant, Role, User, UserPlant, UserRole
from core.security import hash_password

MIN_PASSWORD = 8


def _by_codes(model, codes, missing_message):
    found = {row.code: row for row in model.select().where(model.code.in_(list(codes)))} if codes else {}
    for code in codes:
        if code not in found:
            raise NotFound(missing_message % {"code": code})
    return [found[code] for code in codes]


def create_user(login, name, password, roles=(), plants=(), superuser=False, lang="zh_Hans_CN") -> User:
    login = (login or "").strip()
    if not login:
        raise UserError(_("A user name is required."), field="login")
    if len(password or "") < MIN_PASSWORD:
        raise UserError(_("The password must have at least %(n)d characters.", n=MIN_PASSWORD), field="password")
    with transaction():
        if User.select().where(User.login == login).exists():
            raise UserError(_("Another user already has this name."), field="login")
        role_rows = _by_codes(Role, roles, _("There is no role with code %(code)s."))
        plant_rows = _by_codes(Plant, plants, _("There is no plant with code %(code)s."))
        user = User.create(login=login, name=name, password_hash=hash_password(password),
                           is_superuser=superuser, lang=lang)
        for role in role_rows:
            UserRole.create(user=user, role=role)
        for plant in plant_rows:
            UserPlant.create(user=user, plant=plant)
        audit.log("create", "core_user", user.id, new={"login": login, "roles": list(roles), "plants": list(plants)})
    return user


def change_password(user: User, new_password: str) -> None:
    """The user's own new password; their other sessions (browsers with the old one) end, this one stays."""
    from core import login_guard
    with transaction():
        user.password_hash = hash_password(new_password)
        user.save(only=[User.password_hash])
        login_guard.end_sessions(user, keep_this=True)
        audit.log("password", User._meta.table_name, user.id, new={"password": "changed"})
