"""Reading a number a user typed: exact Decimal, a bounded number of decimals, a clear refusal naming the field."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask_babel import gettext as _

from core.errors import UserError


def decimal_input(raw, *, field: str, label, places: int, allow_zero=True, allow_negative=False) -> Decimal:
    """`raw` as a Decimal with at most `places` decimals, or a UserError on `field` saying what is wrong."""
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise UserError(_("%(field)s: not a number.", field=label), field=field) from None
    if not value.is_finite():
        raise UserError(_("%(field)s: not a number.", field=label), field=field)
    if value != value.quantize(Decimal(1).scaleb(-places)):
        raise UserError(_("%(field)s: at most %(n)d decimals.", field=label, n=places), field=field)
    if (value < 0 and not allow_negative) or (value == 0 and not allow_zero):
        raise UserError(_("%(field)s must be more than zero.", field=label) if not allow_zero
                        else _("%(field)s cannot be negative.", field=label), field=field)
    return value
