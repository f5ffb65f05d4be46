"""Yaohua XK3190 and clones: continuous tF=0, command mode tF=1, the `=` formats and A12."""
from __future__ import annotations

import re
from decimal import Decimal

from addons.weighing.drivers.base import Driver, ParseError, Reading, has_control, number, register, xor_hex

STX, ETX = b"\x02", b"\x03"


def _signed_digits(sign: bytes, digits: bytes, decimals: bytes) -> Decimal:
    if sign not in (b"+", b"-") or not digits.isdigit() or len(digits) != 6 or not decimals.isdigit():
        raise ParseError("sign, six digits and the decimals digit expected")
    value = Decimal(int(digits)).scaleb(-int(decimals))
    return -value if sign == b"-" else value


class _Framed(Driver):
    """Frames from STX to ETX of a fixed length."""
    length = 12

    def next_frame(self):
        while True:
            start = self.buffer.find(STX)
            if start < 0:
                self.buffer = b""
                return None
            self.buffer = self.buffer[start:]
            if len(self.buffer) < self.length:
                return None
            if self.buffer[self.length - 1:self.length] != ETX:
                self.buffer = self.buffer[1:]
                self.dropped += 1
                continue
            frame, self.buffer = self.buffer[:self.length], self.buffer[self.length:]
            return frame


@register("xk3190_tf0")
class Xk3190Continuous(_Framed):
    """12 bytes: STX sign digits×6 decimals XORh XORl ETX. No stability flag: inferred."""

    def parse(self, frame: bytes) -> Reading:
        body, check = frame[1:9], frame[9:11]
        if xor_hex(body) != check:
            raise ParseError("checksum")
        return Reading(weight=_signed_digits(body[:1], body[1:7], body[7:8]))

    def finish(self, reading):
        return self.stability.judge(reading)


@register("xk3190_tf1")
class Xk3190Command(_Framed):
    """Command mode: ask STX addr cmd XOR ETX; answer 14 bytes STX addr cmd sign digits×6 decimals XOR ETX."""
    length = 14

    def __init__(self, address="A", command="B", **options):
        super().__init__(**options)
        self.address, self.command = address.encode()[:1], command.encode()[:1]
        body = self.address + self.command
        self.request = STX + body + xor_hex(body) + ETX

    def parse(self, frame: bytes) -> Reading:
        body, check = frame[1:11], frame[11:13]
        if xor_hex(body) != check:
            raise ParseError("checksum")
        if not body[:1].isalpha() or body[1:2] not in (b"B", b"C", b"D"):
            raise ParseError("address and command expected")
        return Reading(weight=_signed_digits(body[2:3], body[3:9], body[9:10]), net=body[1:2] == b"D")

    def finish(self, reading):
        return self.stability.judge(reading)


class _Equals(Driver):
    """`=` then eight characters with a decimal point; split on `=`."""
    reverse = False

    def next_frame(self):
        start = self.buffer.find(b"=")
        if start < 0:
            self.buffer = b""
            return None
        end = self.buffer.find(b"=", start + 1)
        if end < 0:
            if len(self.buffer) - start > 9:     # eight characters came and no next `=`: take them
                frame, self.buffer = self.buffer[start:start + 9], self.buffer[start + 9:]
                return frame
            self.buffer = self.buffer[start:]
            return None
        frame, self.buffer = self.buffer[start:end], self.buffer[end:]
        return frame

    def parse(self, frame: bytes) -> Reading:
        text = frame[1:9]      # bytes after the eighth are line noise before the next `=`
        if len(text) != 8 or has_control(text):
            raise ParseError("eight characters expected")
        if self.reverse:
            text = text[::-1]
        negative = text.startswith(b"-") or text.endswith(b"-")
        digits = text.strip(b"-")
        if digits.count(b".") > 1 or not digits.replace(b".", b"").isdigit():
            raise ParseError("digits and a point expected")
        value = number(digits)
        return Reading(weight=-value if negative else value)

    def finish(self, reading):
        return self.stability.judge(reading)


@register("xk3190_eq_reversed")
class Xk3190EqualsReversed(_Equals):
    reverse = True


@register("xk3190_eq")
class Xk3190Equals(_Equals):
    reverse = False


# W, then G gross or N net (clones: lower case, `ww` for gross), the value (seven characters on the A12, five
# to nine on clones) or OL / LO right-aligned, the unit, the XOR of everything before it in hex, CR LF.
HEADER = re.compile(rb"[Ww][GgNnWw]")
A12 = re.compile(rb"^([Ww])([GgNnWw])([ 0-9.\-]{5,9}|[ ]*(?:OL|LO|ol|lo))([kK][gG]|[lL][bB]|[gGtT])"
                 rb"([0-9A-Fa-f]{2})?\r\n$")


@register("xk3190_a12")
class Xk3190A12(Driver):
    """15 bytes: W, G or N, seven characters of value, kg, XOR of the first 11 bytes in hex, CR LF. Clones send
    lower case, other lengths, lb; upper case frames must carry their checksum."""

    def next_frame(self):
        return self.split_lines(b"\r\n")

    def parse(self, frame: bytes) -> Reading:
        # the last W from which the rest of the line is a whole frame (`ww` clones: the first of the two)
        for start in reversed([m.start() for m in HEADER.finditer(frame)]):
            found = A12.match(frame[start:])
            if found is not None:
                return self._reading(frame[start:], found)
        raise ParseError("not an A12 frame")

    def _reading(self, frame: bytes, found) -> Reading:
        head, kind, value, unit, check = found.groups()
        if check is not None and xor_hex(frame[:found.start(5)]) != check.upper():
            raise ParseError("checksum")
        if check is None and head == b"W":
            raise ParseError("checksum missing")
        net = kind in (b"N", b"n")
        raw = value.strip()
        if raw.upper() in (b"OL", b"LO"):
            return Reading(weight=Decimal("0"), net=net, status="overload" if raw.upper() == b"OL" else "underload")
        if raw.count(b"-") > 1 or (b"-" in raw and not raw.startswith(b"-")) or b" " in raw:
            raise ParseError("sign")
        unit = unit.decode("ascii").lower()
        return Reading(weight=self.kg(number(raw), unit), unit=unit, net=net)

    def finish(self, reading):
        return self.stability.judge(reading)
