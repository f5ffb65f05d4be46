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


def _snapshot(user) -> dict:
    return {"login": user.login, "name": user.name, "email": user.email, "lang": user.lang, "active": user.active,
            "is_superuser": user.is_superuser,
            "roles": sorted(r.role_id for r in user.role_rows), "plants": sorted(p.plant_id for p in user.plant_rows)}


def save_user(user, values: dict, roles, plants, password=None):
    """An administrator's new or changed user (`values`: login, name, email, lang, active, is_superuser), with
    their roles and plants. One transaction; None when the login is taken (checked here and, for a race, by
    the unique index). A new password or a deactivation ends every session of theirs."""
    from peewee import IntegrityError

    from core import login_guard
    try:
        with transaction():
            if User.select().where((User.login == values["login"]) & (User.id != (user.id if user else 0))).exists():
                return None
            before = _snapshot(user) if user else {}
            target = user or User(password_hash="")
            for name, value in values.items():
                setattr(target, name, value)
            if password:
                target.password_hash = hash_password(password)
            target.save()
            if user is not None and (password or not target.active):
                login_guard.end_sessions(target)
            UserRole.delete().where(UserRole.user == target).execute()
            UserPlant.delete().where(UserPlant.user == target).execute()
            for role_id in roles:
                UserRole.create(user=target, role=role_id)
            for plant_id in plants:
                UserPlant.create(user=target, plant=plant_id)
            old, new = audit.changes(before, _snapshot(target))
            if password:
                new["password"] = "changed"
            audit.log("create" if user is None else "write", User._meta.table_name, target.id, old=old, new=new)
        return target
    except IntegrityError:
        return None


def save_role(role, code: str, name: str, permissions) -> Role:
    """An administrator's new or changed role with exactly these permissions, audited."""
    from core.models import RolePermission
    with transaction():
        before = sorted(p.permission for p in role.permission_rows) if role else []
        target = role or Role()
        target.code, target.name = code, name
        target.save()
        RolePermission.delete().where(RolePermission.role == target).execute()
        for permission in sorted(set(permissions)):
            RolePermission.create(role=target, permission=permission)
        audit.log("create" if role is None else "write", Role._meta.table_name, target.id,
                  old={"permissions": before}, new={"permissions": sorted(set(permissions))})
    return target
