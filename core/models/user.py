import functools

from flask_login import UserMixin
from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField

from core import clock
from core.db import BaseModel
from core.models.plant import Plant


class Role(BaseModel):
    code = CharField(max_length=40, unique=True)
    name = CharField(max_length=100)

    class Meta:
        table_name = "core_role"

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language: a standard role (an addon's reg.role) still named as it was
        installed, in either language, reads as its label; a name an administrator gave stays as given."""
        from flask import current_app, has_app_context
        standard = current_app.extensions["erp"].registry.roles.get(self.code) if has_app_context() else None
        if standard is None:
            return self.name
        return str(standard) if self.name in _installed_names(getattr(standard, "_args", [str(standard)])[0]) \
            else self.name


@functools.lru_cache(maxsize=256)
def _installed_names(msgid: str) -> frozenset:
    """A standard role's name as it may have been installed: its message id and its translations (fixed while
    the process runs, so read once)."""
    from flask_babel import force_locale
    from flask_babel import gettext as _
    names = {msgid}
    for locale in ("zh_Hans_CN", "en"):
        with force_locale(locale):
            names.add(_(msgid))
    return frozenset(names)


class User(UserMixin, BaseModel):
    login = CharField(max_length=80, unique=True)
    name = CharField(max_length=120)
    password_hash = CharField(max_length=255)
    lang = CharField(max_length=16, default="zh_Hans_CN")
    email = CharField(max_length=200, null=True)
    active = BooleanField(default=True)
    # Superusers pass every permission check; plant membership still applies to them.
    is_superuser = BooleanField(default=False)
    # Every session carries the version it was opened with; logging out, a new password or deactivation
    # bumps it, and every session of the user, on every worker and browser, ends at its next request.
    session_version = IntegerField(default=0)
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "core_user"

    def __str__(self):
        return self.name

    @property
    def is_active(self):
        return self.active


class UserRole(BaseModel):
    user = ForeignKeyField(User, backref="role_rows", on_delete="CASCADE")
    role = ForeignKeyField(Role, backref="user_rows", on_delete="CASCADE")

    class Meta:
        table_name = "core_user_role"
        indexes = ((("user", "role"), True),)


class RolePermission(BaseModel):
    role = ForeignKeyField(Role, backref="permission_rows", on_delete="CASCADE")
    permission = CharField(max_length=120)

    class Meta:
        table_name = "core_role_permission"
        indexes = ((("role", "permission"), True),)


class UserPlant(BaseModel):
    """Plant membership: a user works only in the plants listed here."""
    user = ForeignKeyField(User, backref="plant_rows", on_delete="CASCADE")
    plant = ForeignKeyField(Plant, backref="member_rows", on_delete="CASCADE")

    class Meta:
        table_name = "core_user_plant"
        indexes = ((("user", "plant"), True),)
