from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from core import audit
from core.db import transaction
from core.forms import PasswordForm
from core.models import User
from core.security import current_user_or_none, hash_password, requires, verify_password
from core.views import bp


@bp.route("/account", methods=["GET", "POST"])
@requires()
def account():
    user = current_user_or_none()
    form = PasswordForm()
    if form.validate_on_submit():
        if not verify_password(user, form.current.data):
            form.current.errors.append(_("This is not your current password."))
        else:
            with transaction():
                user.password_hash = hash_password(form.new.data)
                user.save(only=[User.password_hash])
                audit.log("password", "core_user", user.id, new={"password": "changed"})
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("core.account"))
    return render_template("core/account.html", form=form, user=user)
