"""`ST,GS,+0025.60kg` lines (A&D, CAS and many Chinese indicators).

Real indicators and clones vary: `STGS+0025.60kg` with no commas, `ST,GS,+0025.60,kg` with one before the
unit, spaces anywhere between the fields, an ID field and a lamp byte with the high bit set (some CAS
formats) between the headers and the value, `lb` or a letter whose meaning the station sets. The line is
read from its header to its end and must be whole: a control byte inside it is line noise, so the line
was torn (a reconnect, a burst of noise) and is dropped rather than read as a weight.
"""
from __future__ import annotations

import re

from addons.weighing.drivers.base import Driver, ParseError, Reading, has_control, number, register

HEADER = re.compile(rb"ST|US|OL|LO")
# header, kind, then (some CAS formats) an ID and a lamp byte with the high bit set, then the value and unit.
# The lamp byte comes only after an ID: a high-bit byte anywhere else is line noise, and the line is torn.
LINE = re.compile(rb"(ST|US|OL|LO)[, ]?(GS|NT|TR|G|N|T)?((?:,[0-9]{1,3}(?:,?[\x80-\xff])?)?)[, ]*"
                  rb"(?:([+-]?[ ]*[0-9]*\.?[0-9]+)[ ,]*([a-zA-Z]{1,4})?)?[ ]*\r?\n", re.S)
STATUS = {b"OL": "overload", b"LO": "underload"}


@register("st_gs")
class StGs(Driver):
    """An indicator sends its weight lines in one layout. A weight line of another length, or with its point
    elsewhere, than the two before it lost or gained bytes on the way (a UART overrun, noise that looks like
    text): it is dropped, and a new layout is taken once two lines in a row agree on it."""

    def __init__(self, **options):
        super().__init__(**options)
        self.layout = self.candidate = None

    def reset(self):
        super().reset()
        self.layout = self.candidate = None

    def next_frame(self):
        return self.split_lines(b"\n")

    def parse(self, frame: bytes) -> Reading:
        # the last header from which the rest of the line is one whole, valid line
        for start in reversed([m.start() for m in HEADER.finditer(frame)]):
            found = LINE.fullmatch(frame, start)
            if found is not None and not has_control(frame[start:], b"\r\n"):
                reading = self._reading(*found.groups())
                if reading.status == "ok":
                    self._same_layout(frame[start:])
                return reading
        raise ParseError("not an ST,GS line")

    def _same_layout(self, line: bytes) -> None:
        layout = (len(line.rstrip(b"\r\n")), line.find(b"."))
        if self.layout is None or layout == self.layout or layout == self.candidate:
            self.layout, self.candidate = layout, None     # the first line, the same layout, or a new one twice
            return
        self.candidate = layout
        raise ParseError("a line of another layout than the one before it")

    def _reading(self, header, kind, _extra, value, unit) -> Reading:
        status = STATUS.get(header, "ok")
        if value is None:
            if status == "ok":
                raise ParseError("no weight")
            return Reading(weight=number("0"), status=status)
        unit = (unit or b"kg").decode("ascii").lower()
        weight = self.kg(number(value.replace(b" ", b"")), unit)
        return Reading(weight=weight, unit=unit, stable=header == b"ST", net=kind in (b"NT", b"N"), status=status)
