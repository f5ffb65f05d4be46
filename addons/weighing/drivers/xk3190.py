"""Yaohua XK3190 and clones: continuous tF=0, command mode tF=1, the `=` formats and A12."""
from __future__ import annotations

import re
from decimal import Decimal

from addons.weighing.drivers.base import Driver, ParseError, Reading, number, register, to_kg, xor_hex

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
        if len(text) != 8:
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


A12 = re.compile(rb"^([Ww])([GgNn])([ 0-9.\-]{7}|[ ]*(?:OL|LO))(kg)([0-9A-F]{2})?\r\n$")


@register("xk3190_a12")
class Xk3190A12(Driver):
    """15 bytes: W, G or N, seven characters of value, kg, XOR of the first 11 bytes in hex, CR LF."""

    def next_frame(self):
        while True:
            line = self.split_lines(b"\r\n")
            if line is None:
                return None
            start = max(line.rfind(b"W"), line.rfind(b"w"))
            if start < 0:
                self.dropped += 1
                continue
            return line[start:]

    def parse(self, frame: bytes) -> Reading:
        found = A12.match(frame)
        if found is None:
            raise ParseError("not an A12 frame")
        head, kind, value, _unit, check = found.groups()
        if check is not None and xor_hex(frame[:11]) != check:
            raise ParseError("checksum")
        if check is None and head == b"W":
            raise ParseError("checksum missing")
        net = kind in (b"N", b"n")
        raw = value.strip()
        if raw in (b"OL", b"LO"):
            return Reading(weight=Decimal("0"), net=net, status="overload" if raw == b"OL" else "underload")
        if raw.count(b"-") > 1 or (b"-" in raw and not raw.startswith(b"-")):
            raise ParseError("sign")
        return Reading(weight=to_kg(number(raw), "kg"), net=net)

    def finish(self, reading):
        return self.stability.judge(reading)
