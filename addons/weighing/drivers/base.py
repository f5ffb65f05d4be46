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
          "oz": Decimal("0.028349523125"), "tola": Decimal("0.0116638038")}
# Unit names a station may give to a letter its scale sends ("t" is tonnes on one brand, tola on another)
UNIT_NAMES = ("kg", "g", "t", "lb", "oz", "tola")
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
    status: str = "ok"         # ok, overload, underload, error
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


def to_kg(value: Decimal, unit: str, letters: dict | None = None) -> Decimal:
    """`letters`: what the station says a unit letter means where brands differ ({"t": "tola"})."""
    unit = unit.lower()
    unit = (letters or {}).get(unit, unit)
    if unit not in KG_PER:
        raise ParseError(f"unknown unit {unit!r}")
    return value * KG_PER[unit]


def unit_letters(text: str | None) -> dict:
    """"t=tola, lb=lb" as {"t": "tola", "lb": "lb"}; unknown unit names are refused by the station form."""
    pairs = {}
    for part in (text or "").replace(";", ",").split(","):
        if "=" in part:
            letter, name = (x.strip().lower() for x in part.split("=", 1))
            if letter and name in KG_PER:
                pairs[letter] = name
    return pairs


def has_control(data: bytes, allowed: bytes = b"") -> bool:
    """Line noise: a control byte inside a frame means the frame is torn, whatever else it holds."""
    return any(c < 0x20 and c not in allowed for c in data)

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

    def __init__(self, stable_count=3, stable_window=1.0, division="0", units="", clock=time.monotonic, **_ignored):
        self.clock = clock            # when a reading came (tests pass their own)
        self.buffer = b""
        self.dropped = 0
        self.letters = unit_letters(units) if isinstance(units, str) else dict(units or {})
        self.stability = Stability(stable_count, stable_window, division)

    def reset(self) -> None:
        """A new connection is a new stream: nothing of the old one may join a frame of the new."""
        self.buffer = b""
        self.stability.forget()

    def kg(self, value: Decimal, unit: str) -> Decimal:
        return to_kg(value, unit, self.letters)

    def feed(self, data: bytes) -> list[Reading]:
        self.buffer += data
        readings = []
        while True:
            frame = self.next_frame()
            if frame is None:
                break
            try:
                reading = self.parse(frame)
                reading.at = self.clock()
                readings.append(self.finish(reading))
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
    """Stable where the protocol cannot say (the OIML idea of a stable equilibrium): every reading of the
    last `seconds` within ±1 division `e` of this one, and at least `frames` readings in that time.

    "N equal readings in a short window" is not enough: a load settling slowly at 16 frames a second shows
    a few equal readings in a row long before it rests. Here the readings must cover the whole time: the
    oldest one kept is at least `seconds` old, so a burst of frames read at once is not yet stable."""

    def __init__(self, frames=3, seconds=1.0, division="0"):
        self.frames, self.seconds = max(int(frames), 1), float(seconds)
        self.division = abs(Decimal(str(division or "0")))
        self.seen: list[tuple[Decimal, float]] = []

    def forget(self) -> None:
        self.seen = []

    def judge(self, reading: Reading) -> Reading:
        if reading.status != "ok":
            self.seen, reading.stable = [], False
            return reading
        self.seen.append((reading.weight, reading.at))
        cutoff = reading.at - self.seconds
        while len(self.seen) >= 2 and self.seen[1][1] <= cutoff:   # keep one reading at or before the cut-off
            self.seen.pop(0)
        covered = self.seen[0][1] <= cutoff
        near = all(abs(w - reading.weight) <= self.division for w, _t in self.seen)
        reading.stable = covered and near and len(self.seen) >= self.frames
        return reading
