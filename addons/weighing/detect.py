"""Auto-detection: open a port, listen (and ask, for request/response protocols), name the protocol."""
from __future__ import annotations

import time

import serial

from addons.weighing.drivers import DRIVERS, create


def detect(url, baudrate=9600, seconds=1.5) -> str | None:
    """The driver that decodes the most readings from what the port says, or None."""
    port = serial.serial_for_url(url, baudrate=baudrate, timeout=0.1)
    try:
        heard = b""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            heard += port.read(max(port.in_waiting, 1))
        scores = {name: len(create(name).feed(heard)) for name in DRIVERS if not DRIVERS[name].request
                  and name != "xk3190_tf1"}
        if heard and max(scores.values(), default=0) > 0:
            return max(scores, key=lambda n: (scores[n], -len(n)))
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
                    return name
        return None
    finally:
        port.close()
