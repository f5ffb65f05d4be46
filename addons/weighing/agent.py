"""The station agent: reads one scale, keeps its latest reading in the database, survives anything.

One thread per station, started by `run.py serve` (all active stations) or alone with
`run.py scale-agent --station CODE`. It reconnects with back-off when the port fails or the peer
closes, polls request/response scales, and marks the station offline when no valid frame has come
for the station's `offline_after_ms` — an old weight is never shown as live.
"""
from __future__ import annotations

import logging
import socket
import threading
import time

import serial

from addons.weighing.drivers import create
from addons.weighing.models.live import LiveReading
from addons.weighing.models.station import Station
from core import clock
from core.db import bulk_upsert, db, transaction

log = logging.getLogger("erp.weighing")
NO_FRAMES, INACTIVE = "no_frames", "inactive"     # codes the screens translate; other messages are the port's own
PUBLISH_EVERY = 0.1          # seconds: the newest reading reaches the database at most this late
BACKOFF = (0.5, 1, 2, 4, 8)


def open_port(station) -> serial.SerialBase:
    port = serial.serial_for_url(station.port_url, do_not_open=True)
    if not station.port_url.startswith(("socket://", "loop://")):
        port.baudrate, port.bytesize = station.baudrate, station.bytesize
        port.parity, port.stopbits = station.parity, float(station.stopbits) if station.stopbits != "1" else 1
    port.timeout = 0.05
    port.open()
    return port


def driver_for(station):
    return create(station.protocol, stable_count=station.stable_count, stable_window=station.stable_window_ms / 1000,
                  unit=station.unit, address=station.address or "A")


def publish(station_id, reading=None, online=True, message="", agent=""):
    """Write the station's latest state; without a reading only its online flag and message change."""
    changed = {"online": online, "message": message[:300], "agent": agent[:120]}
    if reading is not None:
        changed.update(weight=reading.weight, unit=reading.unit, stable=reading.stable, net=reading.net,
                       tare=reading.tare, status=reading.status, read_at=clock.utcnow())
    first = {"weight": 0, "unit": "kg", "stable": False, "net": False, "tare": None, "status": "ok", "read_at": None}
    with transaction():
        bulk_upsert(LiveReading, [{"station": station_id, **first, **changed}], conflict=["station"],
                    update=list(changed))


class StationAgent(threading.Thread):
    def __init__(self, app, station_id, stop: threading.Event | None = None):
        super().__init__(name=f"scale-agent-{station_id}", daemon=True)
        self.app, self.station_id = app, station_id
        self.stop = stop or threading.Event()
        self.name_tag = f"{socket.gethostname()}:{threading.get_ident()}"

    def run(self):
        with self.app.app_context():
            failures = 0
            while not self.stop.is_set():
                try:
                    station = Station.get_by_id(self.station_id)
                    if not station.active:
                        publish(self.station_id, online=False, message=INACTIVE, agent=self.name_tag)
                        return
                    self._read(station)
                    failures = 0
                except (serial.SerialException, OSError, ValueError) as exc:
                    failures += 1
                    log.warning("station %s: %s", self.station_id, exc)
                    self._offline(str(exc))
                    self.stop.wait(BACKOFF[min(failures - 1, len(BACKOFF) - 1)])
                except Exception as exc:   # the agent keeps running whatever a driver or the database does
                    failures += 1
                    log.exception("station %s", self.station_id)
                    self._offline(f"{type(exc).__name__}: {exc}")
                    self.stop.wait(BACKOFF[-1])
                finally:
                    db.close()

    def _offline(self, message):
        try:
            publish(self.station_id, online=False, message=message, agent=self.name_tag)
        except Exception:     # the database itself may be what failed; try again next round
            log.exception("station %s: cannot record offline", self.station_id)

    def _read(self, station):
        driver = driver_for(station)
        port = open_port(station)
        try:
            last_valid = time.monotonic()
            last_poll = last_publish = 0.0
            pending = None
            online = False
            while not self.stop.is_set():
                now = time.monotonic()
                if driver.request and now - last_poll >= station.poll_ms / 1000:
                    port.write(driver.request)
                    last_poll = now
                data = port.read(max(port.in_waiting, 1))
                readings = driver.feed(data) if data else []
                if readings:
                    pending, last_valid = readings[-1], now
                    if not online or now - last_publish >= PUBLISH_EVERY or pending.stable:
                        publish(station.id, pending, True, agent=self.name_tag)
                        last_publish, pending, online = now, None, True
                elif pending is not None and now - last_publish >= PUBLISH_EVERY:
                    publish(station.id, pending, True, agent=self.name_tag)
                    last_publish, pending = now, None
                if online and now - last_valid > station.offline_after_ms / 1000:
                    publish(station.id, online=False, message=NO_FRAMES, agent=self.name_tag)
                    online = False
                elif not online and now - last_valid > station.offline_after_ms / 1000 and now - last_publish > 1:
                    publish(station.id, online=False, message=NO_FRAMES, agent=self.name_tag)
                    last_publish = now
        finally:
            port.close()


def run_all(app, stop: threading.Event):
    """The `serve` service: an agent per active station, new stations picked up every ten seconds."""
    agents: dict[int, StationAgent] = {}
    while not stop.is_set():
        try:
            with app.app_context():
                ids = [s for (s,) in Station.select(Station.id).where(Station.active == True).tuples()]  # noqa: E712
                db.close()
            for station_id in ids:
                if station_id not in agents or not agents[station_id].is_alive():
                    agents[station_id] = StationAgent(app, station_id, stop)
                    agents[station_id].start()
        except Exception:
            log.exception("station agents")
        stop.wait(10)
