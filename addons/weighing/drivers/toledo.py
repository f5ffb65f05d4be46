"""Toledo continuous output (STX, three status words, weight and tare digits, CR, optional checksum)
and the Toledo 8217 request/response protocol. Both mask the parity bit (7E1)."""
from __future__ import annotations

from decimal import Decimal

from addons.weighing.drivers.base import Driver, ParseError, Reading, number, register

STX, CR = 0x02, 0x0D
# SWA bits 0-2, decimal places. Codes 0 and 1 (`XXXX00`, `XXXXX0`) describe a display whose last one or two
# digits are dummy zeros; the indicator sends the digits as displayed, dummy zeros included (a truck scale
# counting by 20 kg sends `004560` for 4,560 kg), so the digits are the weight as they stand.
DECIMALS = {0: 0, 1: 0, 2: 0, 3: 1, 4: 2, 5: 3, 6: 4, 7: 5}
UNITS = {1: "g", 2: "t", 3: "oz"}


def _digits(raw: bytes) -> int:
    text = raw.replace(b" ", b"0")
    if len(text) != 6 or not text.isdigit():
        raise ParseError("weight digits expected")
    return int(text)


def _scaled(value: int, places: int) -> Decimal:
    return Decimal(value).scaleb(-places)


@register("toledo_continuous")
class ToledoContinuous(Driver):
    def feed(self, data: bytes) -> list[Reading]:
        return super().feed(bytes(b & 0x7F for b in data))

    def next_frame(self):
        while True:
            start = self.buffer.find(bytes([STX]))
            if start < 0:
                self.dropped += bool(self.buffer)
                self.buffer = b""
                return None
            self.buffer = self.buffer[start:]
            end = self.buffer.find(bytes([CR]))
            if end < 0:
                if len(self.buffer) > 64:        # no CR where a frame would end: garbage
                    self.buffer = self.buffer[1:]
                    continue
                return None
            if end not in (10, 16):              # short frame (no tare) or full frame
                self.buffer = self.buffer[1:]
                self.dropped += 1
                continue
            if len(self.buffer) == end + 1:
                return None                      # the checksum byte (if any) has not arrived yet
            frame_end = end + 1
            follower = self.buffer[end + 1]
            if follower != STX:                  # a checksum byte: the 7-bit sum of the frame is zero
                frame_end += 1
                if sum(self.buffer[:frame_end]) % 128:
                    self.buffer = self.buffer[1:]
                    self.dropped += 1
                    continue
            frame, self.buffer = self.buffer[:frame_end], self.buffer[frame_end:]
            return frame

    def parse(self, frame: bytes) -> Reading:
        if len(frame) not in (11, 12, 17, 18) or frame[0] != STX or CR not in frame[10:]:
            raise ParseError("not a continuous-output frame")
        swa, swb, swc = frame[1], frame[2], frame[3]
        if not (swa & 0x20 and swb & 0x20 and swc & 0x20):
            raise ParseError("status words must have bit 5 set")
        places = DECIMALS[swa & 0x07]
        weight = _scaled(_digits(frame[4:10]), places)
        tare = _scaled(_digits(frame[10:16]), places) if frame[10] != CR and len(frame) >= 17 else None
        unit = UNITS.get(swc & 0x07) or ("kg" if swb & 0x10 else "lb")
        if swc & 0x10:                           # expanded x10 display: one more decimal
            weight, tare = weight / 10, (tare / 10 if tare is not None else None)
        if swb & 0x02:
            weight = -weight
        status = ("underload" if swb & 0x02 else "overload") if swb & 0x04 else "ok"   # out of range, by sign
        return Reading(weight=self.kg(weight, unit), unit=unit, stable=not swb & 0x08 and status == "ok",
                       net=bool(swb & 0x01), tare=self.kg(tare, unit) if tare is not None else None, status=status)


@register("toledo_8217")
class Toledo8217(Driver):
    request = b"W"

    def __init__(self, unit="kg", **options):
        super().__init__(**options)
        self.unit = unit

    def feed(self, data: bytes) -> list[Reading]:
        return super().feed(bytes(b & 0x7F for b in data))

    def next_frame(self):
        end = self.buffer.find(bytes([CR]))
        if end < 0:
            if len(self.buffer) > 32:                # keep only what could still become an answer
                self.buffer = self.buffer[-32:]
            return None
        start = self.buffer.rfind(bytes([STX]), 0, end)   # the answer is the last STX before the CR
        frame, self.buffer = self.buffer[max(start, 0):end + 1], self.buffer[end + 1:]
        if start < 0:
            self.dropped += 1
            return self.next_frame()
        return frame

    def parse(self, frame: bytes) -> Reading:
        if len(frame) < 3 or frame[0] != STX or frame[-1] != CR:
            raise ParseError("STX ... CR expected")
        body = frame[1:-1]
        if body.startswith(b"?"):
            if len(body) != 2 or not body[1] & 0x40:
                raise ParseError("bad status answer")
            status = body[1]
            state = "overload" if status & 0x02 else "underload" if status & 0x04 else "ok"
            return Reading(weight=Decimal("0"), unit=self.unit, stable=False, net=bool(status & 0x20), status=state)
        net = body.endswith(b"N")
        body = body[:-1] if net else body
        if not body or not all(c in b"0123456789. -" for c in body) or body.count(b".") > 1:
            raise ParseError("not a weight")
        return Reading(weight=self.kg(number(body), self.unit), unit=self.unit, stable=True, net=net)
