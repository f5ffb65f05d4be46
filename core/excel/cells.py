"""Turning one spreadsheet cell into a clean Python value, or a translated reason why not.

Real files are messy: full-width digits and commas (`１２３`, `，`), trailing spaces, numbers stored as
text and text stored as numbers, dates as Excel serials or as text in several writings.
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from flask_babel import gettext as _

EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial 1 = 1900-01-01, counting Excel's phantom 29 Feb 1900
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日", "%d/%m/%Y")
TRUE = {"1", "y", "yes", "true", "是", "有", "√", "✓", "x"}
FALSE = {"0", "n", "no", "false", "否", "无", ""}


class CellError(ValueError):
    """The cell's value cannot be used; the message is already translated."""


def clean_text(value) -> str:
    """A cell as text: full-width forms folded to ASCII (NFKC), outer spaces removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 123.0 from a numeric cell is the code "123"
    if isinstance(value, (datetime.date, datetime.datetime)):
        value = value.isoformat()
    text = str(value)
    # Only text with non-ASCII characters can hold full-width forms; ASCII skips the normalisation.
    return text.strip() if text.isascii() else unicodedata.normalize("NFKC", text).strip()


def is_blank(value) -> bool:
    if value is None or value == "":
        return True
    return isinstance(value, str) and clean_text(value) == ""


class Text:
    def __init__(self, max_length=200):
        self.max_length = max_length

    def parse(self, value):
        text = clean_text(value)
        if len(text) > self.max_length:
            raise CellError(_("At most %(n)d characters.", n=self.max_length))
        return text

    def export(self, value):
        return value if value is not None else ""


class Code(Text):
    """An identifier: never a number, so `00123` stays `00123`."""

    def __init__(self, max_length=40):
        super().__init__(max_length)

    def parse(self, value):
        text = super().parse(value)
        if re.search(r"\s", text):
            raise CellError(_("A code may not contain spaces."))
        return text


class Number:
    def __init__(self, places=2, minimum=None, maximum=None):
        self.places, self.minimum, self.maximum = places, minimum, maximum
        self._step = Decimal(1).scaleb(-places)

    def parse(self, value):
        if isinstance(value, bool):
            raise CellError(_("Not a number."))
        if isinstance(value, (int, float)):
            number = Decimal(repr(value))  # the shortest text that is this float: 0.1, not 0.1000000000000000055
        else:
            text = clean_text(value).replace(",", "").replace("¥", "").replace("￥", "").replace(" ", "")
            try:
                number = Decimal(text)
            except InvalidOperation:
                raise CellError(_("Not a number.")) from None
        if not number.is_finite():
            raise CellError(_("Not a number."))
        if self.minimum is not None and number < self.minimum:
            raise CellError(_("Must be at least %(n)s.", n=self.minimum))
        if self.maximum is not None and number > self.maximum:
            raise CellError(_("Must be at most %(n)s.", n=self.maximum))
        rounded = number.quantize(self._step)
        if rounded != number:
            raise CellError(_("At most %(n)d decimals.", n=self.places))
        return rounded

    def export(self, value):
        return value if value is not None else None


class Integer(Number):
    def __init__(self, minimum=None, maximum=None):
        super().__init__(0, minimum, maximum)

    def parse(self, value):
        try:
            return int(super().parse(value))
        except CellError:
            if self._fraction(value):
                raise CellError(_("Must be a whole number.")) from None
            raise

    def _fraction(self, value) -> bool:
        try:
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(clean_text(value))
        except InvalidOperation:
            return False
        return number.is_finite() and number != number.to_integral_value()


class Boolean:
    def parse(self, value):
        if isinstance(value, bool):
            return value
        text = clean_text(value).lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise CellError(_("Write yes or no (是 or 否)."))

    def export(self, value):
        return 1 if value else 0


class Date:
    def parse(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not 1 <= value < 2958466:
                raise CellError(_("Not a date."))
            return EXCEL_EPOCH + datetime.timedelta(days=int(value))
        text = clean_text(value)
        for fmt in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise CellError(_("Not a date; write it as 2026-01-31."))

    def export(self, value):
        return value


class Choice:
    """One of fixed codes; the code, or its label in Chinese or English, is accepted."""

    def __init__(self, choices: dict):
        self.choices = choices  # code -> lazy label
        self._by_text = None

    def _lookup(self) -> dict:
        if self._by_text is None:  # built once: labels in both languages, lower-cased
            from flask_babel import force_locale
            table = {}
            for locale in ("zh_Hans_CN", "en"):
                with force_locale(locale):
                    table.update({str(label).lower(): code for code, label in self.choices.items()})
            table.update({code.lower(): code for code in self.choices})
            self._by_text = table
        return self._by_text

    def parse(self, value):
        text = clean_text(value)
        code = self._lookup().get(text.lower())
        if code is not None:
            return code
        raise CellError(_("Unknown value %(value)s; use one of: %(choices)s.", value=text,
                          choices=", ".join(f"{code} ({label})" for code, label in self.choices.items())))

    def export(self, value):
        return value


class Ref:
    """The code of another record; resolved to its id in bulk by the importer (one query per column)."""

    def __init__(self, model, key="code", plant_scoped=True, extra_filter=None):
        self.model, self.key, self.plant_scoped, self.extra_filter = model, key, plant_scoped, extra_filter

    def parse(self, value):
        return clean_text(value)

    def lookup(self, plant_id, codes) -> dict:
        model, key = self.model, getattr(self.model, self.key)
        found = {}
        codes = list(codes)
        for start in range(0, len(codes), 500):
            query = model.select(model._meta.primary_key, key).where(key.in_(codes[start:start + 500]))
            if self.plant_scoped:
                query = query.where(model.plant == plant_id)
            if self.extra_filter is not None:
                query = query.where(self.extra_filter)
            found.update({code: pk for pk, code in query.tuples()})
        return found

    def export_map(self, plant_id) -> dict:
        model, key = self.model, getattr(self.model, self.key)
        query = model.select(model._meta.primary_key, key)
        if self.plant_scoped:
            query = query.where(model.plant == plant_id)
        return dict(query.tuples())
