"""Issuing, checking and revoking API tokens."""
from __future__ import annotations

import datetime
import hashlib
import secrets

from core import audit, clock
from core.db import joined_instances, run_composed, transaction
from core.models import ApiToken, User

PREFIX = "erp_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(user, name: str) -> str:
    """A new token for `user`; the plain token is returned once and never stored."""
    token = PREFIX + secrets.token_urlsafe(32)
    with transaction():
        row = ApiToken.create(user=user, name=name.strip()[:80], prefix=token[:12], token_hash=_digest(token))
        audit.log("create", "core_api_token", row.id, user=user, new={"name": row.name, "prefix": row.prefix})
    return token


def revoke(user, token_id: int) -> bool:
    with transaction():
        changed = (ApiToken.update(revoked_at=clock.utcnow())
                   .where((ApiToken.id == token_id) & (ApiToken.user == user) & ApiToken.revoked_at.is_null())
                   .execute())
        if changed:
            audit.log("revoke", "core_api_token", token_id, user=user)
    return bool(changed)


def user_for(token: str):
    """The active user a live token belongs to, or None. Marks the token as used."""
    if not token or not token.startswith(PREFIX):
        return None
    found = joined_instances(run_composed("core.token_user", lambda h: ApiToken.select(ApiToken, User).join(User).where(
        (ApiToken.token_hash == h) & ApiToken.revoked_at.is_null() & (User.active == True)).limit(1),  # noqa: E712
        _digest(token)), ApiToken, User)
    if not found:
        return None
    row, user = found[0]
    now = clock.utcnow()
    if row.last_used_at is None or now - row.last_used_at > datetime.timedelta(minutes=5):
        with transaction():  # at most one write per token every few minutes, not one per request
            ApiToken.update(last_used_at=now).where(ApiToken.id == row.id).execute()
    return user
