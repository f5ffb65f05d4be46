"""Reading a number a user typed: exact Decimal, a bounded number of decimals, a clear refusal naming the field."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask_babel import gettext as _

from core.errors import UserError


class NotANumber(ValueError):
    pass


class TooManyDecimals(ValueError):
    pass


class TooLarge(ValueError):
    pass


def read_decimal(raw, places: int, thousands=False) -> Decimal:
    """The one reading of a typed or sent number: exact, finite, at most `places` decimals, and within what a
    column scaled by them holds (core.fields.FixedDecimalField: 18 digits in all). Raises NotANumber,
    TooManyDecimals or TooLarge, each carrying a translated message; callers name the field."""
    text = str(raw).strip()
    if thousands:
        text = text.replace(",", "")      # 1,234.50 as a spreadsheet or a clerk writes it
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        raise NotANumber(_("Not a number.")) from None
    if not value.is_finite():
        raise NotANumber(_("Not a number."))
    if abs(value) >= Decimal(10) ** (18 - places):
        raise TooLarge(_("The number is too large."))
    if value != value.quantize(Decimal(1).scaleb(-places)):
        raise TooManyDecimals(_("At most %(n)d decimals.", n=places))
    return value


def decimal_input(raw, *, field: str, label, places: int, allow_zero=True, allow_negative=False) -> Decimal:
    """`raw` as a Decimal with at most `places` decimals, or a UserError on `field` saying what is wrong."""
    try:
        value = read_decimal(raw, places)
    except NotANumber:
        raise UserError(_("%(field)s: not a number.", field=label), field=field) from None
    except TooManyDecimals:
        raise UserError(_("%(field)s: at most %(n)d decimals.", field=label, n=places), field=field) from None
    except TooLarge as exc:
        raise UserError(f"{label}: {exc}", field=field) from None
    if (value < 0 and not allow_negative) or (value == 0 and not allow_zero):
        raise UserError(_("%(field)s must be more than zero.", field=label) if not allow_zero
                        else _("%(field)s cannot be negative.", field=label), field=field)
    return value
