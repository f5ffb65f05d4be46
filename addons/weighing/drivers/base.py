"""What every driver shares: the reading, the parse error, the registry, units and inferred stability.

A driver is fed bytes as they arrive (`feed`) and returns the readings completed by them. It keeps
partial frames between calls, skips garbage up to the next frame start, and drops a frame with a bad
checksum without losing the stream. `parse` checks one candidate frame and raises only ParseError.
Request/response drivers also say what to send (`request`) and how often (`poll_seconds`).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

KG_PER = {"kg": Decimal("1"), "g": Decimal("0.001"), "t": Decimal("1000"), "lb": Decimal("0.45359237"),
          "oz": Decimal("0.028349523125")}
DRIVERS: dict[str, type] = {}


class ParseError(ValueError):
    """A candidate frame is not a valid frame of this protocol."""


@dataclass
class Reading:
    weight: Decimal            # kg, every decimal the scale sent kept
    unit: str = "kg"           # the unit the scale sent
    stable: bool = False
    net: bool = False
    tare: Decimal | None = None
    status: str = "ok"         # ok, overload, underload
    at: float = field(default_factory=time.monotonic)

    def as_dict(self) -> dict:
        return {"weight": f"{self.weight:f}", "unit": self.unit, "stable": self.stable, "net": self.net,
                "tare": None if self.tare is None else f"{self.tare:f}", "status": self.status}


def register(name):
    def decorate(cls):
        cls.name = name
        DRIVERS[name] = cls
        return cls
    return decorate


def create(name, **options):
    if name not in DRIVERS:
        raise KeyError(name)
    return DRIVERS[name](**options)


def to_kg(value: Decimal, unit: str) -> Decimal:
    unit = unit.lower()
    if unit not in KG_PER:
        raise ParseError(f"unknown unit {unit!r}")
    return value * KG_PER[unit]


def number(text: bytes | str) -> Decimal:
    raw = text.decode("ascii") if isinstance(text, bytes) else text
    raw = raw.replace(" ", "")
    try:
        value = Decimal(raw)
    except (InvalidOperation, ValueError):
        raise ParseError(f"not a number: {raw!r}") from None
    if not value.is_finite():
        raise ParseError(f"not a number: {raw!r}")
    return value


def xor_hex(data: bytes) -> bytes:
    check = 0
    for byte in data:
        check ^= byte
    return f"{check:02X}".encode()


class Driver:
    name = "?"
    request: bytes | None = None    # sent every poll_seconds by request/response drivers
    poll_seconds = 0.2
    max_buffer = 4096

    def __init__(self, stable_count=3, stable_window=1.0, **_ignored):
        self.buffer = b""
        self.dropped = 0
        self.stability = Stability(stable_count, stable_window)

    def feed(self, data: bytes) -> list[Reading]:
        self.buffer += data
        readings = []
        while True:
            frame = self.next_frame()
            if frame is None:
                break
            try:
                readings.append(self.finish(self.parse(frame)))
            except ParseError:
                self.dropped += 1
        if len(self.buffer) > self.max_buffer:     # a stream with no frame end in sight: keep the tail only
            self.buffer = self.buffer[-self.max_buffer:]
        return readings

    def next_frame(self) -> bytes | None:   # pragma: no cover - every driver defines it
        raise NotImplementedError

    def parse(self, frame: bytes) -> Reading:   # pragma: no cover
        raise NotImplementedError

    def finish(self, reading: Reading) -> Reading:
        return reading

    def split_lines(self, terminator=b"\n") -> bytes | None:
        end = self.buffer.find(terminator)
        if end < 0:
            return None
        line, self.buffer = self.buffer[:end + len(terminator)], self.buffer[end + len(terminator):]
        return line


class Stability:
    """Stable where the protocol cannot say: `count` equal readings within `window` seconds."""

    def __init__(self, count=3, window=1.0):
        self.count, self.window = max(int(count), 1), float(window)
        self.seen: list[tuple[Decimal, float]] = []

    def judge(self, reading: Reading) -> Reading:
        self.seen = [(w, t) for w, t in self.seen if reading.at - t <= self.window and w == reading.weight]
        self.seen.append((reading.weight, reading.at))
        reading.stable = reading.status == "ok" and len(self.seen) >= self.count
        return reading
