"""`ST,GS,+0025.60kg` lines (A&D, CAS and many Chinese indicators). Bytes with the high bit set (lamp
bytes of some CAS formats) are not text and are skipped."""
from __future__ import annotations

import re

from addons.weighing.drivers.base import Driver, ParseError, Reading, number, register, to_kg

LINE = re.compile(rb"(ST|US|OL|LO)(?:,(GS|NT|TR))?,(?:[^,\r\n]*,)*?[ ]*([+-]?[ 0-9]*\.?[0-9]+)[ ]*([a-zA-Z]{1,2})?\s*$")


@register("st_gs")
class StGs(Driver):
    def next_frame(self):
        return self.split_lines(b"\n")

    def parse(self, frame: bytes) -> Reading:
        text = bytes(b for b in frame if b < 0x80)
        start = max(text.rfind(b"ST,"), text.rfind(b"US,"), text.rfind(b"OL"), text.rfind(b"LO"))
        if start < 0:
            raise ParseError("no header")
        text = text[start:]
        if text.startswith((b"OL", b"LO")) and not re.search(rb"[0-9]", text[2:]):
            return Reading(weight=number("0"), status="overload" if text.startswith(b"OL") else "underload")
        found = LINE.match(text)
        if found is None:
            raise ParseError("not an ST,GS line")
        header, kind, value, unit = found.groups()
        unit = (unit or b"kg").decode("ascii").lower()
        status = {b"OL": "overload", b"LO": "underload"}.get(header, "ok")
        weight = to_kg(number(value.replace(b" ", b"")), unit)
        return Reading(weight=weight, unit=unit, stable=header == b"ST", net=kind == b"NT", status=status)
