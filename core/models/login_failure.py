from peewee import CharField, DateTimeField

from core import clock
from core.db import BaseModel


class LoginFailure(BaseModel):
    """A failed login: which name was tried, from where, when. Throttling counts these (core.login_guard)."""
    login = CharField(max_length=80)
    address = CharField(max_length=64)
    at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "core_login_failure"
        indexes = ((("address", "at"), False), (("login", "at"), False))
