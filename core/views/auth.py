
from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from core import audit, clock
from core.db import transaction
from core.forms import ConfirmForm, LoginForm
from core.i18n import normalise
from core.models import Plant, User
from core.security import (current_user_or_none, is_locked, plant_ids_of, public, record_failed_login,
                           requires, verify_password)
from core.views import bp


def _safe_next(target):
    # Only same-site paths: an open redirect after login is a phishing aid.
    return target if target and target.startswith("/") and not target.startswith("//") else url_for("core.home")


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    form = LoginForm()
    if form.validate_on_submit():
        with transaction():
            user = User.get_or_none(User.login == form.login.data.strip())
            if user is not None and is_locked(user):
                minutes = int((user.locked_until - clock.utcnow()).total_seconds() // 60) + 1
                flash(_("Too many failed attempts. Try again in %(minutes)d minutes.", minutes=minutes), "danger")
                return render_template("core/login.html", form=form), 429
            if user is None or not user.active or not verify_password(user, form.password.data):
                if user is not None:
                    record_failed_login(user)
                    audit.log("login_failed", "core_user", user.id, user=user)
                flash(_("Wrong user name or password."), "danger")
                return render_template("core/login.html", form=form), 401
            user.failed_logins, user.locked_until = 0, None
            user.save(only=[User.failed_logins, User.locked_until])
            audit.log("login", "core_user", user.id, user=user)
        session.clear()  # a fresh session on login: no fixation
        login_user(user)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("core/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@requires()
def logout():
    if ConfirmForm().validate_on_submit():
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
