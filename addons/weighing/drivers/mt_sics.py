"""Mettler Toledo MT-SICS: `SI\\r\\n` asks for the weight now; `S S     2.50 kg` answers."""
from __future__ import annotations

import re

from addons.weighing.drivers.base import Driver, ParseError, Reading, number, register, to_kg

WEIGHT = re.compile(rb"(?:S|SI|SIR)[ ]+([SD])[ ]+([+-]?[0-9]+(?:\.[0-9]+)?)[ ]+([a-zA-Z]{1,2})\s*$")
LIMIT = re.compile(rb"(?:S|SI|SIR)[ ]+([+-])\s*$")


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
            return Reading(weight=to_kg(number(value), unit), unit=unit, stable=status == b"S")
        found = LIMIT.search(frame)
        if found is not None:
            return Reading(weight=number("0"), status="overload" if found.group(1) == b"+" else "underload")
        raise ParseError("not a weight answer")
