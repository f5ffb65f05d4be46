"""Languages, the user's locale, the plant's time zone, and Babel formatting for templates."""
from __future__ import annotations

import datetime
import os

from flask import has_request_context, request, session
from flask.globals import _cv_app
from flask_babel import Babel, Domain, format_date, format_datetime, format_decimal
from flask_babel import gettext as _flask_gettext
from flask_babel.speaklater import LazyString

from core.context import chosen_locale, current_locale
from core.messages import shown_memo
from core.currency import money, price
from core.money_format import decimal_formatter, locale_key

from core.addons import ADDONS_DIR

LANGUAGES = {"zh_Hans_CN": "中文", "en": "English"}
DEFAULT_LOCALE = "zh_Hans_CN"
ROOT_I18N = os.path.join(os.path.dirname(ADDONS_DIR), "i18n")

babel = Babel()


class RequestDomain(Domain):
    """flask-babel's message domain, with the catalog of the language in use kept on the app context.

    A page translates a few hundred strings (menu, labels, lazy strings of forms and columns). flask-babel finds
    the catalog anew for each: the context, the locale, its name, then its cache, through Flask's proxies.
    Here the catalog is looked up once per app context and language (a language forced for an e-mail is a key
    of its own), straight from Flask's context variable."""

    def get_translations(self):
        locale = chosen_locale()
        if locale is None:      # the first string of the request: flask-babel chooses the language
            return super().get_translations()
        catalogs = _cv_app.get().g.__dict__.setdefault("_erp_catalogs", {})
        found = catalogs.get(locale)
        if found is None:
            found = catalogs[locale] = super().get_translations()
        return found


def translated(text) -> str:
    """A lazy string (a column's choice, a state) in the language in use, through the request's catalog."""
    if isinstance(text, LazyString) and text._func is _flask_gettext and not text._kwargs and len(text._args) == 1:
        return babel.domain_instance.get_translations().ugettext(text._args[0])
    return str(text)


_DATES: dict = {}


def date_text(value, fmt="medium"):
    """A date for the reader, as Babel writes it; a list shows the same days many times, so each (day, format,
    language) is written once (a bounded memo)."""
    if value is None:
        return ""
    if type(value) is not datetime.date:     # an instant is shown in the reader's zone: not memoised
        return format_date(value, fmt)
    key = (value, fmt, locale_key(current_locale()))
    found = _DATES.get(key)
    if found is None:
        if len(_DATES) > 20000:
            _DATES.clear()
        found = _DATES[key] = format_date(value, fmt)
    return found


def normalise(lang: str | None) -> str | None:
    if not lang:
        return None
    if lang in LANGUAGES:
        return lang
    low = lang.replace("-", "_").lower()
    if low.startswith("zh"):
        return "zh_Hans_CN"
    if low.startswith("en"):
        return "en"
    return None


def select_locale():
    """The user's language; outside a request (CLI, jobs) ERP_LANG or LANG from the environment."""
    if not has_request_context():
        env = os.environ.get("ERP_LANG") or os.environ.get("LANG", "").split(".")[0]
        return normalise(env) or DEFAULT_LOCALE
    from core.security import current_user_or_none
    user = current_user_or_none()
    if user is not None and normalise(user.lang):
        return normalise(user.lang)
    if normalise(session.get("lang")):
        return normalise(session["lang"])
    best = request.accept_languages.best_match(["zh-CN", "zh", "en"])
    return normalise(best) or DEFAULT_LOCALE


def select_timezone():
    if not has_request_context():
        from core.context import current
        plant = current().plant
        return plant.timezone if plant is not None else None
    from core.security import current_plant
    plant = current_plant()
    return plant.timezone if plant is not None else None


def translation_dirs(registry) -> str:
    """The shipped catalogs, then any third-party addon's own `i18n/` folder."""
    dirs = [ROOT_I18N]
    for name in registry.order:
        spec = registry.specs[name]
        own = os.path.join(spec.path, "i18n")
        if spec.source == "entry point" and os.path.isdir(own):
            dirs.append(own)
    return ";".join(dirs)


def datetime_text(value, fmt="medium"):
    return "" if value is None else format_datetime(value, fmt)


def number_text(value, fmt=None):
    """A number for the reader: Babel's format, through a formatter made once per language (core.money_format)."""
    if value is None:
        return ""
    if fmt is not None:
        return format_decimal(value, fmt)
    return decimal_formatter(current_locale())(value)


def init_app(app, registry):
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LOCALE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Asia/Shanghai")
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = translation_dirs(registry)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    domain = babel.__dict__.get("domain_instance")
    if not isinstance(domain, RequestDomain):
        domain = babel.__dict__["domain_instance"] = RequestDomain(domain=app.config.get("BABEL_DOMAIN", "messages"))
    catalog = domain.get_translations
    app.jinja_env.install_gettext_callables(   # the templates' _() straight to the domain, as flask-babel's own do
        gettext=lambda s: catalog().ugettext(s), ngettext=lambda s, p, n: catalog().ungettext(s, p, n),
        pgettext=lambda c, s: catalog().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalog().unpgettext(c, s, p, n), newstyle=True)
    app.jinja_env.filters.update(
        money=money,
        number=number_text,
        price=price,
        memo=shown_memo,
        date=date_text,
        datetime=datetime_text,
    )
