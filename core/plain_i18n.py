"""Translation without Flask, for messages raised before an app exists (addon loading at start-up).

The language comes from ERP_LANG, else LANG, as for the command line.
"""
from __future__ import annotations

import functools
import os

from babel.support import Translations

ROOT_I18N = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")


def locale_name() -> str:
    return _locale()


def _locale() -> str:
    env = (os.environ.get("ERP_LANG") or os.environ.get("LANG", "")).split(".")[0].replace("-", "_")
    if env.lower().startswith("en"):
        return "en"
    return "zh_Hans_CN" if env.lower().startswith("zh") or not env or env in ("C", "POSIX") else "en"


@functools.lru_cache(maxsize=4)
def _translations(locale: str) -> Translations:
    return Translations.load(ROOT_I18N, [locale])


def gettext(message: str, **variables) -> str:
    text = _translations(_locale()).gettext(message)
    return text % variables if variables else text
