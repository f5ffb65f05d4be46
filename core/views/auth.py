
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from core import audit, login_guard
from core.db import transaction
from core.forms import ConfirmForm, LoginForm
from core.i18n import normalise
from core.models import Plant, User
from core.security import current_user_or_none, hash_password, plant_ids_of, public, requires
from core.views import bp


def _safe_next(target):
    """Only a path of this site: an open redirect after login is a phishing aid. Browsers drop tabs and line
    breaks and read a backslash as a slash, so `/\t/evil.example` or `/\\evil.example` lead off site."""
    if not target or any(c in target for c in "\t\r\n\\") or any(ord(c) < 0x20 for c in target):
        return url_for("core.home")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("core.home")
    return target


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    form = LoginForm()
    if form.validate_on_submit():
        name, address = form.login.data.strip(), request.remote_addr or "-"
        with transaction():
            wait = login_guard.wait_minutes(name, address)
            if wait is not None:
                flash(_("Too many failed attempts. Try again in %(minutes)d minutes.", minutes=wait), "danger")
                return render_template("core/login.html", form=form), 429
            user = User.get_or_none(User.login == name)
            if not login_guard.check_password(user, form.password.data, hash_password) or not user.active:
                login_guard.record_failure(name, address)
                if user is not None:
                    audit.log("login_failed", "core_user", user.id, user=user)
                flash(_("Wrong user name or password."), "danger")
                return render_template("core/login.html", form=form), 401
            login_guard.clear_failures(name, address)
            audit.log("login", "core_user", user.id, user=user)
        session.clear()  # a fresh session on login: no fixation
        login_user(user)
        login_guard.open_session(user)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("core/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@requires()
def logout():
    if ConfirmForm().validate_on_submit():
        with transaction():
            login_guard.end_sessions(current_user_or_none())    # this browser's and every other one's
        logout_user()
        session.clear()
    return redirect(url_for("core.login"))


@bp.route("/lang", methods=["POST"])
@public
def set_lang():
    form = ConfirmForm()
    lang = normalise(request.form.get("lang"))
    if form.validate_on_submit() and lang:
        session["lang"] = lang
        user = current_user_or_none()
        if user is not None:
            with transaction():
                user.lang = lang
                user.save(only=[User.lang])
    return redirect(_safe_next(request.form.get("next")))


@bp.route("/plant", methods=["POST"])
@requires()
def switch_plant():
    form = ConfirmForm()
    try:
        plant_id = int(request.form.get("plant_id", ""))
    except ValueError:
        plant_id = None
    user = current_user_or_none()
    if not form.validate_on_submit() or plant_id not in plant_ids_of(user):
        flash(_("You are not a member of that plant."), "danger")
    else:
        session["plant_id"] = plant_id
        flash(_("Now working in %(plant)s.", plant=str(Plant.get_by_id(plant_id))), "success")
    return redirect(url_for("core.home"))
