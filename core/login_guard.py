"""Login throttling and sessions that end.

Failed logins are counted per client address and per account from that address, so a stranger typing
five wrong passwords slows down himself, not the administrator at her desk; a much higher count per
account from anywhere slows a spread-out guessing run. An unknown user name costs the same password
check as a known one, so timing does not tell which names exist.
"""
from __future__ import annotations

import datetime

from flask import session
from werkzeug.security import check_password_hash

from core import clock
from core.models import LoginFailure, User

WINDOW = datetime.timedelta(minutes=15)
PER_ADDRESS = 20              # failures from one address, any account
PER_ACCOUNT_HERE = 5          # failures for one account from one address
PER_ACCOUNT = 100             # failures for one account from anywhere
SESSION_KEY = "_erp_sv"
_dummy = {}


def wait_minutes(login: str, address: str) -> int | None:
    """Minutes until this address may try this login again, or None."""
    since = clock.utcnow() - WINDOW
    recent = LoginFailure.select().where(LoginFailure.at > since)
    for query, limit in ((recent.where(LoginFailure.address == address), PER_ADDRESS),
                         (recent.where((LoginFailure.address == address) & (LoginFailure.login == login)),
                          PER_ACCOUNT_HERE),
                         (recent.where(LoginFailure.login == login), PER_ACCOUNT)):
        rows = list(query.order_by(LoginFailure.at.desc()).limit(limit))
        if len(rows) >= limit:
            oldest = rows[-1].at
            return int((oldest + WINDOW - clock.utcnow()).total_seconds() // 60) + 1
    return None


def record_failure(login: str, address: str) -> None:
    LoginFailure.create(login=login[:80], address=address[:64])
    LoginFailure.delete().where(LoginFailure.at < clock.utcnow() - WINDOW * 4).execute()   # keep the table small


def clear_failures(login: str, address: str) -> None:
    LoginFailure.delete().where((LoginFailure.login == login) & (LoginFailure.address == address)).execute()


def check_password(user: User | None, password: str, method_hash) -> bool:
    """The password check, made for unknown users too against a hash of the same method."""
    if user is None:
        check_password_hash(_dummy_hash(method_hash), password)
        return False
    return check_password_hash(user.password_hash, password)


def _dummy_hash(method_hash) -> str:
    if "hash" not in _dummy:
        _dummy["hash"] = method_hash("not a password anybody has")
    return _dummy["hash"]


def open_session(user: User) -> None:
    session[SESSION_KEY] = user.session_version


def session_current(user: User) -> bool:
    return session.get(SESSION_KEY) == user.session_version


def end_sessions(user: User, keep_this=False) -> None:
    """End every session of `user`; with `keep_this`, the session of this request stays open."""
    User.update(session_version=User.session_version + 1).where(User.id == user.id).execute()
    user.session_version = User.select(User.session_version).where(User.id == user.id).scalar()
    if keep_this:
        open_session(user)
