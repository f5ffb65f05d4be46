from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from core.api import tokens
from core.forms import ConfirmForm, PasswordForm, TokenForm
from core.models import ApiToken
from core.security import current_user_or_none, requires, verify_password
from core.users import change_password
from core.views import bp


@bp.route("/account", methods=["GET", "POST"])
@requires()
def account():
    user = current_user_or_none()
    form = PasswordForm()
    if "current" in request.form and form.validate_on_submit():
        if not verify_password(user, form.current.data):
            form.current.errors.append(_("This is not your current password."))
        else:
            change_password(user, form.new.data)      # other browsers with the old password: out
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("core.account"))
    token_form = TokenForm(prefix="token")
    new_token = None
    if "token-name" in request.form and token_form.validate_on_submit():
        new_token = tokens.issue(user, token_form.name.data)
    listed = ApiToken.select().where(ApiToken.user == user).order_by(ApiToken.id.desc())
    return render_template("core/account.html", form=form, user=user, token_form=token_form, tokens=listed,
                           new_token=new_token, confirm=ConfirmForm())


@bp.route("/account/tokens/<int:token_id>/revoke", methods=["POST"])
@requires()
def revoke_token(token_id):
    if ConfirmForm().validate_on_submit() and tokens.revoke(current_user_or_none(), token_id):
        flash(_("The token is revoked; programs using it are refused from now on."), "success")
    return redirect(url_for("core.account"))
