"""Auto-detection: open a port, listen (and ask, for request/response protocols), name the protocol.

Some variants decode the very same bytes (the two `=` orders of the XK3190: `=0045.200` is 45.2 one way
and 2.54 the other). Such a tie is never broken by a rule of thumb: the values are weighed for plausibility
across frames (a real load moves smoothly and stays within the scale's capacity; read in the wrong order,
the least significant digit becomes the most significant and the values jump), and where they still
cannot be told apart, detection says "ambiguous" and names the candidates for a person to choose.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from decimal import Decimal

import serial

from addons.weighing.drivers import DRIVERS, create

JUMP = Decimal("0.2")      # a change of more than a fifth of the weight from one frame to the next


@dataclass
class Detection:
    protocol: str | None                 # the one protocol that fits, else None
    candidates: list[str] = field(default_factory=list)   # several that fit equally: a person chooses

    @property
    def ambiguous(self) -> bool:
        return self.protocol is None and len(self.candidates) > 1


def _implausible(weights: list[Decimal], capacity: Decimal | None) -> int:
    """How many frames a real load would not give: beyond the capacity, or a jump from the frame before."""
    count = 0
    if capacity:
        count += sum(1 for w in weights if abs(w) > capacity * Decimal("1.1"))
    for before, now in zip(weights, weights[1:]):
        larger = max(abs(before), abs(now))
        if larger and abs(now - before) > larger * JUMP:
            count += 1
    return count


def classify(heard: bytes, capacity: Decimal | None = None) -> Detection:
    """The stream protocol `heard` is in: the drivers decoding the most frames, then the most plausible."""
    decoded = {name: create(name).feed(heard) for name in DRIVERS
               if not DRIVERS[name].request and name != "xk3190_tf1"}
    most = max((len(r) for r in decoded.values()), default=0)
    if most == 0:
        return Detection(None)
    best = [name for name, readings in decoded.items() if len(readings) == most]
    if len(best) == 1:
        return Detection(best[0], best)
    doubt = {name: _implausible([r.weight for r in decoded[name]], capacity) for name in best}
    least = min(doubt.values())
    plausible = sorted(name for name in best if doubt[name] == least)
    return Detection(plausible[0] if len(plausible) == 1 else None, plausible)


def detect(url, baudrate=9600, seconds=1.5, capacity=None) -> Detection:
    """Listen to the port; if it is silent, ask it in each request/response protocol."""
    port = serial.serial_for_url(url, baudrate=baudrate, timeout=0.1)
    try:
        heard = b""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            heard += port.read(max(port.in_waiting, 1))
        found = classify(heard, capacity) if heard else Detection(None)
        if found.protocol or found.ambiguous:
            return found
        for name in sorted(DRIVERS):                     # silent: a scale that answers when asked
            driver = create(name)
            if not driver.request:
                continue
            port.reset_input_buffer()
            port.write(driver.request)
            answer = b""
            until = time.monotonic() + 0.5
            while time.monotonic() < until:
                answer += port.read(max(port.in_waiting, 1))
                if driver.feed(answer):
                    return Detection(name, [name])
        return Detection(None)
    finally:
        port.close()
