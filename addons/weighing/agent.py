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
from decimal import ROUND_HALF_UP, Decimal

import serial

from addons.weighing.drivers import create
from addons.weighing.models.live import LiveReading
from addons.weighing.models.station import Station
from core import clock
from core.db import bulk_upsert, db, transaction

log = logging.getLogger("erp.weighing")
# what the station's message says, as codes the screens translate; the system's own words go to the log
NO_FRAMES, INACTIVE, PORT_ERROR, AGENT_ERROR = "no_frames", "inactive", "port_error", "agent_error"
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


MICRO = Decimal("0.000001")    # the live row keeps weights to the milligram; a lb or tola conversion has more


def driver_for(station):
    return create(station.protocol, stable_count=station.stable_count, stable_window=station.stable_window_ms / 1000,
                  unit=station.unit, address=station.address or "A", division=station.division,
                  units=station.unit_letters)


def _kept(value):
    return None if value is None else value.quantize(MICRO, rounding=ROUND_HALF_UP)


def publish(station_id, reading=None, online=True, message="", agent="", seen=None, station=None):
    """Write the station's latest state; without a reading only its online flag and message change.
    `seen`: the lowest and highest weight read since the last publish, so that a load taken off and put back
    between two publishes still counts as a new load (see `rearm`)."""
    changed = {"online": online, "message": message[:300], "agent": agent[:120]}
    if reading is not None:
        changed.update(weight=_kept(reading.weight), unit=reading.unit[:4], stable=reading.stable, net=reading.net,
                       tare=_kept(reading.tare), status=reading.status, read_at=clock.utcnow())
    first = {"weight": 0, "unit": "kg", "stable": False, "net": False, "tare": None, "status": "ok", "read_at": None,
             "armed": True, "captured_weight": None}
    with transaction():
        bulk_upsert(LiveReading, [{"station": station_id, **first, **changed}], conflict=["station"],
                    update=list(changed))
        if seen is not None and station is not None:
            rearm(station, *seen)


def rearm(station, low, high) -> None:
    """One load, one capture: a station a capture disarmed is armed again by a new load, i.e. a reading below
    the minimum weight or one further than `reload_change` from the weight captured. In one UPDATE, so a
    capture committing meanwhile is never undone by an older reading."""
    low, high = _kept(low), _kept(high)
    captured = LiveReading.captured_weight
    which = (LiveReading.station == station.id) & (LiveReading.armed == False)  # noqa: E712
    if low >= station.min_weight:       # below the minimum, the platform was emptied: a new load whatever follows
        which &= (captured.is_null() | (captured > low + station.reload_change)
                  | (captured < high - station.reload_change))
    LiveReading.update(armed=True).where(which).execute()


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
                self.had_reading = False
                try:
                    station = Station.get_by_id(self.station_id)
                    if not station.active:
                        publish(self.station_id, online=False, message=INACTIVE, agent=self.name_tag)
                        return
                    self._read(station)
                    failures = 0
                except (serial.SerialException, OSError, ValueError) as exc:
                    # the back-off starts again after a good read: a short outage after an hour of readings
                    # is back in half a second, not after the longest wait
                    failures = 1 if self.had_reading else failures + 1
                    log.warning("station %s: %s", self.station_id, exc)
                    self._offline(PORT_ERROR)
                    self.stop.wait(BACKOFF[min(failures - 1, len(BACKOFF) - 1)])
                except Exception:   # the agent keeps running whatever a driver or the database does
                    failures += 1
                    log.exception("station %s", self.station_id)
                    self._offline(AGENT_ERROR)
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
            pending = seen = None
            online = False
            while not self.stop.is_set():
                now = time.monotonic()
                if driver.request and now - last_poll >= station.poll_ms / 1000:
                    port.write(driver.request)
                    last_poll = now
                data = port.read(max(port.in_waiting, 1))
                readings = driver.feed(data) if data else []
                if readings:
                    self.had_reading = True
                    pending, last_valid = readings[-1], now
                    weights = [r.weight for r in readings if r.status == "ok"]
                    if weights:
                        seen = (min([seen[0], *weights]), max([seen[1], *weights])) if seen else (min(weights),
                                                                                                 max(weights))
                    if not online or now - last_publish >= PUBLISH_EVERY or pending.stable:
                        publish(station.id, pending, True, agent=self.name_tag, seen=seen, station=station)
                        last_publish, pending, online, seen = now, None, True, None
                elif pending is not None and now - last_publish >= PUBLISH_EVERY:
                    publish(station.id, pending, True, agent=self.name_tag, seen=seen, station=station)
                    last_publish, pending, seen = now, None, None
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
