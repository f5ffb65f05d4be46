"""Mettler Toledo MT-SICS: `SI\\r\\n` asks for the weight now; `S S     2.50 kg` answers."""
from __future__ import annotations

import re

from addons.weighing.drivers.base import Driver, ParseError, Reading, number, register

WEIGHT = re.compile(rb"(?:S|SI|SIR)[ ]+([SD])[ ]+([+-]?[0-9]+(?:\.[0-9]+)?)[ ]+([a-zA-Z]{1,4})[ ]*\r?\n$")
LIMIT = re.compile(rb"(?:S|SI|SIR)[ ]+([-+I])[ ]*\r?\n$")      # over, under, cannot weigh now
ERROR = re.compile(rb"(?:^|[^A-Z])(ES|ET|EL)[ ]*\r?\n$")          # syntax, transmission, logical error


@register("mt_sics")
class MtSics(Driver):
    request = b"SI\r\n"      # immediate: motion readings show the load settling

    def next_frame(self):
        return self.split_lines(b"\n")

    def parse(self, frame: bytes) -> Reading:
        found = WEIGHT.search(frame)
        if found is not None:
            status, value, unit = found.groups()
            unit = unit.decode("ascii")
            return Reading(weight=self.kg(number(value), unit), unit=unit, stable=status == b"S")
        found = LIMIT.search(frame)
        if found is not None:
            status = {b"+": "overload", b"-": "underload"}.get(found.group(1), "error")
            return Reading(weight=number("0"), status=status)
        if ERROR.search(frame) is not None:
            return Reading(weight=number("0"), status="error")
        raise ParseError("not a weight answer")
