"""One reading of a number for every door (forms, filters, the API, services): exact, bounded, named."""
from decimal import Decimal as D

import pytest
from flask_babel import force_locale

from addons.ledger.posting import LedgerError, money
from core.errors import UserError
from core.numbers import NotANumber, TooLarge, TooManyDecimals, decimal_input, read_decimal


@pytest.mark.parametrize("raw, places, error", [
    ("abc", 2, NotANumber), ("1e400", 3, TooLarge), ("NaN", 3, NotANumber), ("Infinity", 2, NotANumber),
    ("9" * 30, 3, TooLarge), ("1000000000000000", 3, TooLarge), ("0.0000001", 2, TooManyDecimals),
    ("1.2345", 3, TooManyDecimals)])
def test_what_no_column_can_hold_is_refused_by_its_kind(app, raw, places, error):
    with app.test_request_context(), pytest.raises(error):
        read_decimal(raw, places)


def test_what_fits_is_read_exactly(app):
    with app.test_request_context():
        assert read_decimal(" 12.50 ", 2) == D("12.50")
        assert read_decimal("999999999999999.999", 3) == D("999999999999999.999")     # the largest kg a column holds
        assert read_decimal("1,234.5", 2, thousands=True) == D("1234.5")
        assert read_decimal("-3", 3) == D("-3")


def test_every_door_names_its_field(app):
    with app.test_request_context(), force_locale("en"):
        with pytest.raises(UserError) as refused:
            decimal_input("9" * 30, field="gross", label="Gross weight", places=3)
        assert refused.value.field == "gross" and "Gross weight" in str(refused.value)
        with pytest.raises(LedgerError) as refused:
            money("9" * 30)
        assert refused.value.field == "amount" and "too large" in str(refused.value)
