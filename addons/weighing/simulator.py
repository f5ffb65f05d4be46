"""A simulated scale for the demo and the tests: a realistic stream (load placed, settling, stable,
removed) in any protocol, served on a TCP port (read by a station at `socket://`) or a pseudo-terminal."""
from __future__ import annotations

import os
import random
import socket
import threading
import time
from decimal import Decimal

from addons.weighing.drivers.base import xor_hex

TARGETS = [Decimal(x) for x in ("12.35", "25.60", "48.20", "90.45", "7.85", "33.10")]


def _digits(value: Decimal, places: int) -> tuple[bytes, bytes]:
    scaled = int(abs(value).scaleb(places).to_integral_value())
    return (b"-" if value < 0 else b"+"), f"{scaled:06d}"[-6:].encode()


def encode(protocol: str, weight: Decimal, stable: bool, net=False, tare=Decimal("0"), address=b"A") -> bytes:
    """One frame (or answer) saying `weight` kg in `protocol`."""
    w = weight.quantize(Decimal("0.01"))
    if protocol == "mt_sics":
        return f"S {'S' if stable else 'D'} {w:>10} kg\r\n".encode()
    if protocol == "st_gs":
        return f"{'ST' if stable else 'US'},{'NT' if net else 'GS'},{w:+08.2f}kg\r\n".encode()
    if protocol == "toledo_continuous":
        swb = 0x30 | (0x01 if net else 0) | (0x02 if w < 0 else 0) | (0 if stable else 0x08)
        body = b"\x02" + bytes([0x2C, swb, 0x20]) + _digits(w, 2)[1] + _digits(tare, 2)[1] + b"\r"
        return body + bytes([(-sum(body)) % 128])
    if protocol == "toledo_8217":
        return b"\x02" + (f"{w:08.2f}".encode() + (b"N" if net else b"") if stable else b"?A") + b"\r"
    if protocol == "xk3190_tf0":
        sign, digits = _digits(w, 2)
        body = sign + digits + b"2"
        return b"\x02" + body + xor_hex(body) + b"\x03"
    if protocol == "xk3190_tf1":
        sign, digits = _digits(w, 2)
        body = address + (b"D" if net else b"B") + sign + digits + b"2"
        return b"\x02" + body + xor_hex(body) + b"\x03"
    if protocol in ("xk3190_eq", "xk3190_eq_reversed"):
        text = f"{abs(w):08.3f}"[:8]
        text = ("-" + text[1:]) if w < 0 else text
        return b"=" + (text[::-1] if protocol == "xk3190_eq_reversed" else text).encode()
    if protocol == "xk3190_a12":
        body = b"W" + (b"N" if net else b"G") + f"{w:07.2f}".encode()[:7] + b"kg"
        return body + xor_hex(body[:11]) + b"\r\n"
    raise KeyError(protocol)


REQUEST_PROTOCOLS = {"mt_sics", "toledo_8217", "xk3190_tf1"}


class Simulator:
    """The load a scale carries over time. `hold(weight)` pins it (tests); otherwise it cycles."""

    def __init__(self, protocol: str, seed=None, period=0.1):
        self.protocol, self.period = protocol, period
        self.rng = random.Random(seed)
        self.fixed: tuple[Decimal, bool] | None = None
        self.started = time.monotonic()
        self.target = TARGETS[0]
        self.paused = threading.Event()

    def hold(self, weight, stable=True):
        self.fixed = (Decimal(str(weight)), stable)

    def release(self):
        self.fixed = None

    def current(self) -> tuple[Decimal, bool]:
        if self.fixed is not None:
            return self.fixed
        phase = (time.monotonic() - self.started) % 10
        cycle = int((time.monotonic() - self.started) // 10)
        self.target = TARGETS[cycle % len(TARGETS)]
        if phase < 2:
            return Decimal("0.00"), True                      # empty
        if phase < 3.5:                                       # load placed, settling
            swing = Decimal(self.rng.randint(-300, 300)) / 100 * Decimal(3.5 - phase).quantize(Decimal("0.1"))
            return (self.target + swing).quantize(Decimal("0.01")), False
        if phase < 8.5:
            return self.target, True                          # stable
        return (self.target * Decimal(10 - phase) / 2).quantize(Decimal("0.01")), False   # lifted off

    def frame(self) -> bytes:
        weight, stable = self.current()
        return encode(self.protocol, weight, stable)

    def answer(self, request: bytes) -> bytes | None:
        """The reply of a request/response scale to what the host sent (None: no reply)."""
        if self.protocol == "mt_sics" and (b"S" in request):
            return self.frame()
        if self.protocol == "toledo_8217" and b"W" in request:
            return self.frame()
        if self.protocol == "xk3190_tf1" and request.startswith(b"\x02") and len(request) >= 6:
            weight, stable = self.current()
            return encode(self.protocol, weight, stable, address=request[1:2])
        return None

    # -- transports -------------------------------------------------------------------------------

    def serve_connection(self, send, receive, stop):
        """Stream frames, or answer requests, until `stop` is set or the peer goes away."""
        while not stop.is_set():
            if self.paused.is_set():          # a scale that stops mid-stream
                time.sleep(self.period)
                continue
            if self.protocol in REQUEST_PROTOCOLS:
                request = receive()
                if request:
                    reply = self.answer(request)
                    if reply:
                        send(reply)
                continue
            send(self.frame())
            time.sleep(self.period)

    def serve_tcp(self, host="127.0.0.1", port=0, stop=None) -> tuple[socket.socket, threading.Event]:
        """Listen on host:port (0: any free port) in a background thread; returns the socket and a stop flag."""
        stop = stop or threading.Event()
        server = socket.create_server((host, port))
        server.settimeout(0.2)

        def accept():
            while not stop.is_set():
                try:
                    conn, _addr = server.accept()
                except (TimeoutError, socket.timeout, OSError):
                    continue
                threading.Thread(target=self._client, args=(conn, stop), daemon=True).start()
            server.close()
        threading.Thread(target=accept, daemon=True).start()
        return server, stop

    def _client(self, conn, stop):
        conn.settimeout(self.period)

        def receive():
            try:
                data = conn.recv(256)
            except (TimeoutError, socket.timeout):
                return b""
            if not data:
                raise ConnectionError("closed")
            return data
        try:
            self.serve_connection(conn.sendall, receive, stop)
        except OSError:
            pass
        finally:
            conn.close()

    def serve_pty(self, stop=None) -> tuple[str, threading.Event]:
        """A pseudo-terminal: returns the device path a station opens as its port."""
        stop = stop or threading.Event()
        master, slave = os.openpty()
        path = os.ttyname(slave)
        os.set_blocking(master, False)

        def send(data):
            try:
                os.write(master, data)
            except BlockingIOError:
                pass

        def receive():
            time.sleep(0.01)
            try:
                return os.read(master, 256)
            except (BlockingIOError, OSError):
                return b""

        def run():
            try:
                self.serve_connection(send, receive, stop)
            finally:
                os.close(master)
                os.close(slave)
        threading.Thread(target=run, daemon=True).start()
        return path, stop
