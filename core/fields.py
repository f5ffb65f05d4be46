"""Exact decimals stored as integers, so that sums are exact on SQLite and PostgreSQL alike.

SQLite stores NUMERIC as floating point; summing money there loses fen. An integer column scaled by
10**places keeps every digit, and peewee converts SUM() results back through `python_value`.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from peewee import BigIntegerField


class FixedDecimalField(BigIntegerField):
    def __init__(self, places: int = 2, *args, **kwargs):
        self.places = places
        super().__init__(*args, **kwargs)

    def db_value(self, value):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            if isinstance(value, float):
                raise TypeError(f"{self.name}: pass Decimal or str, not float, to keep it exact")
            try:
                value = Decimal(value)
            except InvalidOperation as exc:
                raise ValueError(f"{self.name}: {value!r} is not a number") from exc
        scaled = value.scaleb(self.places)
        integral = int(scaled)
        if integral != scaled:
            raise ValueError(f"{self.name}: {value} has more than {self.places} decimals")
        return integral

    def python_value(self, value):
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places)


def summed(value, places: int) -> Decimal:
    """A SUM() of a FixedDecimalField read straight from the driver (an int on SQLite, a numeric on
    PostgreSQL, None over no rows) as the exact Decimal it stands for."""
    return Decimal(int(value or 0)).scaleb(-places)
