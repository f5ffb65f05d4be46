"""Money and prices formatted fast: Babel's result, computed once per language, currency and pattern.

Babel formats a number by parsing and applying its locale's pattern on every call (about 50 µs); a report of a
hundred customers has seven hundred figures. The locale's pattern only decides the prefix and suffix around
the digits, the grouping and the two symbols, so those are read off Babel once (by formatting a sample and
finding the digits in it) and the digits come from Python's own formatting. Each formatter proves itself
against Babel on sample values when it is made; a locale whose layout it cannot reproduce keeps Babel."""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from babel.numbers import format_currency, get_decimal_symbol, get_group_symbol

_FORMATTERS: dict = {}
_LOCALE_KEYS: dict = {}
SAMPLES = ("0", "0.5", "-0.5", "7", "12.34", "-12.34", "1234.5", "-1234.5", "1234567.891", "-98765432.1",
           "0.0001", "23.4567", "-0.005", "1000000000000.25")


def locale_key(locale) -> str:
    """`str(locale)`, remembered for that locale object: Babel composes the identifier anew on every call, and a
    page asks once per figure it formats. The object is held with its key, so its id cannot pass to another."""
    found = _LOCALE_KEYS.get(id(locale))
    if found is None or found[0] is not locale:
        if len(_LOCALE_KEYS) > 1000:     # a request's locale is a new object: keep the memo small
            _LOCALE_KEYS.clear()
        found = _LOCALE_KEYS[id(locale)] = (locale, str(locale))
    return found[1]


def formatter(locale, currency: str, pattern: str | None = None, digits: int = 2, currency_digits: bool = True):
    """A function value -> text equal to babel's format_currency(value, currency, pattern, locale=locale,
    currency_digits=currency_digits) for the values this project formats (Decimal, int, float)."""
    key = (locale_key(locale), currency, pattern, digits, currency_digits)
    found = _FORMATTERS.get(key)
    if found is None:
        found = _FORMATTERS[key] = _build(locale, currency, pattern, digits, currency_digits)
    return found


def _build(locale, currency, pattern, digits, currency_digits):
    def babel(value):
        return format_currency(value, currency, pattern, locale=locale, currency_digits=currency_digits)
    try:
        fast = _fast(locale, currency, pattern, digits, currency_digits, babel)
        if all(fast(Decimal(s)) == babel(Decimal(s)) for s in SAMPLES):
            return fast
    except (ValueError, ArithmeticError):
        pass
    return babel


def _fast(locale, currency, pattern, digits, currency_digits, babel):
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    plain = f"{Decimal('1234567.89'):,.2f}".replace(",", "\0").replace(".", decimal).replace("\0", group)
    positive, negative = babel(Decimal("1234567.89")), babel(Decimal("-1234567.89"))
    if pattern is not None or not currency_digits:   # "¤#,##0.00##": two to `digits` decimals
        minimum, maximum = 2, digits
    else:
        minimum = maximum = 2
    if plain not in positive or plain not in negative:
        raise ValueError("a layout this formatter does not reproduce")
    pos = positive.split(plain)
    neg = negative.split(plain)
    if len(pos) != 2 or len(neg) != 2:
        raise ValueError("a layout this formatter does not reproduce")
    step = Decimal(1).scaleb(-maximum)
    swap = (group, decimal) != (",", ".")     # Chinese and English write Python's own symbols

    def fast(value):
        number = (value if isinstance(value, Decimal) else Decimal(str(value))).quantize(step, ROUND_HALF_EVEN)
        text = f"{abs(number):,.{maximum}f}"
        if maximum > minimum:   # drop the optional trailing zeros
            whole, _dot, fraction = text.partition(".")
            fraction = fraction.rstrip("0").ljust(minimum, "0")
            text = f"{whole}.{fraction}"
        if swap:
            text = text.replace(",", "\0").replace(".", decimal).replace("\0", group)
        before, after = neg if number.is_signed() else pos     # below zero, or a negative zero
        return f"{before}{text}{after}"
    return fast


_DECIMALS: dict = {}
DECIMAL_SAMPLES = ("0", "7", "-7", "0.5", "12.345", "12.3456", "-1234.5", "1234567.8915", "0.0004", "0.0005",
                   "1000000000", "-0.25")


def decimal_formatter(locale):
    """A function value -> text equal to babel's format_decimal(value, locale=locale): the locale's grouping and
    symbols around at most three decimals, trailing zeros dropped; proven on samples, else Babel itself. A figure
    that rounds to nothing is "0" (Babel writes "-0" for -0.0001)."""
    key = locale_key(locale)
    found = _DECIMALS.get(key)
    if found is None:
        found = _DECIMALS[key] = _build_decimal(locale)
    return found


def _build_decimal(locale):
    from babel.numbers import format_decimal

    def babel(value):
        return format_decimal(value, locale=locale)
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    minus = babel(Decimal("-1")).replace("1", "")
    step = Decimal("0.001")
    swap = (group, decimal) != (",", ".")

    def fast(value):
        number = (value if isinstance(value, Decimal) else Decimal(str(value))).quantize(step, ROUND_HALF_EVEN)
        text = f"{abs(number):,.3f}".rstrip("0").rstrip(".")
        if swap:
            text = text.replace(",", "\0").replace(".", decimal).replace("\0", group)
        return f"{minus}{text}" if number < 0 else text     # a figure that rounds to nothing is "0", not Babel's "-0"
    try:
        if all(fast(Decimal(s)) == babel(Decimal(s)) for s in DECIMAL_SAMPLES):
            return fast
    except (ValueError, ArithmeticError):
        pass
    return babel
