"""Settings from the environment, with defaults that run on one machine with no setup."""
from __future__ import annotations

import os
import secrets

PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INSTANCE_DIR = os.environ.get("ERP_INSTANCE_DIR", os.path.join(PROJECT_DIR, "instance"))


def _secret_key() -> str:
    if os.environ.get("ERP_SECRET_KEY"):
        return os.environ["ERP_SECRET_KEY"]
    # A key generated once per instance keeps sessions valid across restarts without a setup step.
    os.makedirs(INSTANCE_DIR, exist_ok=True)
    path = os.path.join(INSTANCE_DIR, "secret_key")
    if not os.path.exists(path):
        with open(path, "w") as fh:
            fh.write(secrets.token_hex(32))
        os.chmod(path, 0o600)
    with open(path) as fh:
        return fh.read().strip()


def defaults() -> dict:
    return {
        "ERP_DATABASE_URL": os.environ.get(
            "ERP_DATABASE_URL", "sqlite:///" + os.path.join(INSTANCE_DIR, "erp.sqlite3")),
        "SECRET_KEY": _secret_key(),
        "SESSION_COOKIE_HTTPONLY": True,
        # behind HTTPS (ERP_SECURE_COOKIES=1) the session cookie is never sent over plain HTTP
        "SESSION_COOKIE_SECURE": os.environ.get("ERP_SECURE_COOKIES", "") == "1",
        "REMEMBER_COOKIE_SECURE": os.environ.get("ERP_SECURE_COOKIES", "") == "1",
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "BOOTSTRAP_SERVE_LOCAL": True,
        "WTF_CSRF_TIME_LIMIT": None,  # a shipping desk stays open all shift; the token lives as long as the session
        "ERP_ADDONS_DIR": None,
        "ERP_ADDONS_PACKAGE": "addons",
        "ERP_ENTRY_POINTS": True,
        "ERP_PORT": int(os.environ.get("ERP_PORT", "8069")),
    }
