"""The fast formatters write what Babel writes (core/money_format.py): money, unit prices and plain numbers, in
both languages, over many values a page shows (negative, zero, negative zero, halves to round, large sums). One
difference is meant: a number that rounds to nothing is "0", where Babel writes "-0" for a tiny negative."""
import random
from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import format_currency, format_decimal

from core.money_format import decimal_formatter, formatter, locale_key

LOCALES = ("zh_Hans_CN", "en", "de_DE", "fr_FR")


def _values(seed):
    pick = random.Random(seed)
    fixed = ["0", "-0", "-0.00", "0.005", "-0.005", "0.015", "2.675", "-2.675", "999999.995", "1000000000000.25",
             "-98765432.1", "0.0004", "0.00049", "12.3456", "-12.34565"]
    out = [Decimal(v) for v in fixed]
    for _n in range(600):
        digits = pick.randint(0, 13)
        places = pick.randint(0, 6)
        whole = pick.randint(0, 10 ** digits)
        out.append(Decimal(f"{'-' if pick.random() < 0.4 else ''}{whole}").scaleb(-places))
    return out + [7, -7, 0, 1234]


@pytest.mark.parametrize("name", LOCALES)
def test_money_and_prices_as_babel_writes_them(name):
    locale = Locale.parse(name)
    money, price = formatter(locale, "CNY"), formatter(locale, "CNY", "¤#,##0.00##", 4, False)
    for value in _values(name):
        assert money(value) == format_currency(value, "CNY", locale=locale), value
        assert price(value) == format_currency(value, "CNY", "¤#,##0.00##", locale=locale, currency_digits=False), value


@pytest.mark.parametrize("name", LOCALES)
def test_numbers_as_babel_writes_them(name):
    locale = Locale.parse(name)
    number = decimal_formatter(locale)
    for value in _values(name + "n"):
        if Decimal(value).quantize(Decimal("0.001")) == 0:     # where Babel writes "-0", a reader sees "0"
            assert number(value) == "0", value
        else:
            assert number(value) == format_decimal(value, locale=locale), value


def test_a_locale_is_known_by_its_own_identifier_whichever_object_carries_it():
    seen = []
    for _n in range(50):
        for name in ("zh_Hans_CN", "en"):
            locale = Locale.parse(name)
            seen.append(locale)      # kept alive, as a request keeps its locale: each object its own id
            assert locale_key(locale) == str(locale)
    assert formatter(seen[0], "CNY")(Decimal("-1.5")) != formatter(seen[1], "CNY")(Decimal("-1.5"))
