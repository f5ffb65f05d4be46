
from peewee import CharField, DateTimeField, ForeignKeyField

from core import clock
from core.db import BaseModel
from core.models.user import User


class ApiToken(BaseModel):
    """A bearer token for the JSON API. Only its SHA-256 is stored; the token is shown once."""
    user = ForeignKeyField(User, backref="api_tokens", on_delete="CASCADE")
    name = CharField(max_length=80)
    prefix = CharField(max_length=12)                 # the first characters, to tell tokens apart
    token_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=clock.utcnow)
    last_used_at = DateTimeField(null=True)
    revoked_at = DateTimeField(null=True)

    class Meta:
        table_name = "core_api_token"
