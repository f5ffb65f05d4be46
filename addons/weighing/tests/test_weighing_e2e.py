"""End to end: simulated scales behind a pseudo-terminal and behind socket://, real station agents,
capture at the desk, a dead scale marked offline and refused, and recovery without restarting the agent."""
import socket
import time
from decimal import Decimal as D

import pytest

from addons.dispatch.models.batch import ShipmentBatch
from addons.dispatch.models.line import DeliveryLine
from addons.weighing.agent import StationAgent
from addons.weighing.capture import CaptureRefused, capture, manual, void
from addons.weighing.models.live import LiveReading
from addons.weighing.models.station import Station
from addons.weighing.models.weighing import Weighing
from addons.weighing.simulator import Simulator
from addons.weighing.views import live_json
from flask_babel import force_locale
from core.errors import PermissionDenied, UserError
from core.models import AuditLog
from tests.dispatch_helpers import as_user, planned_note


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, seconds=8.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def _live(station):
    return LiveReading.get_or_none(LiveReading.station == station.id)


@pytest.fixture
def note_line(ctx, demo):
    note = planned_note(demo["P1"])
    return DeliveryLine.get(DeliveryLine.note == note.id)


@pytest.fixture
def agents():
    started = []

    def start(app, station):
        agent = StationAgent(app, station.id)
        agent.start()
        started.append(agent)
        return agent
    yield start
    for agent in started:
        agent.stop.set()
    for agent in started:
        agent.join(5)


def test_capture_offline_and_recovery(ctx, demo, note_line, agents):
    p1 = demo["P1"]
    pty_scale, tcp_scale = Simulator("xk3190_tf0", period=0.05), Simulator("st_gs", period=0.05)
    pty_scale.hold("31.25")
    tcp_scale.hold("25.60")
    pty_path, pty_stop = pty_scale.serve_pty()
    port = _free_port()
    _server, tcp_stop = tcp_scale.serve_tcp("127.0.0.1", port)
    by_pty = Station.create(plant=p1, code="PTY", name="Pty scale", port_url=pty_path, protocol="xk3190_tf0",
                            stable_count=3, stable_window_ms=1000, offline_after_ms=600)
    by_tcp = Station.create(plant=p1, code="TCP", name="Socket scale", port_url=f"socket://127.0.0.1:{port}",
                            protocol="st_gs", offline_after_ms=600)
    agents(ctx, by_pty)
    agents(ctx, by_tcp)
    assert _wait(lambda: (_live(by_pty) or LiveReading()).stable and (_live(by_tcp) or LiveReading()).stable)
    assert _live(by_pty).weight == D("31.25") and _live(by_tcp).weight == D("25.60")

    with as_user("shipper", p1):
        weighing, batch = capture(p1.id, by_tcp.id, note_line.id, "2")
    assert (weighing.gross, weighing.net, batch.source, batch.weighing_id) == (D("25.600"), D("25.600"), "scale", weighing.id)
    assert AuditLog.select().where(AuditLog.action == "capture").count() == 1

    tcp_scale.hold("26.10", stable=False)               # the load moves: refused, nothing recorded
    assert _wait(lambda: not _live(by_tcp).stable)
    with as_user("shipper", p1), pytest.raises(CaptureRefused, match="moving"):
        capture(p1.id, by_tcp.id, note_line.id, "2")
    tcp_scale.hold("0.01")                               # below the minimum of 0.020 kg
    assert _wait(lambda: _live(by_tcp).stable and _live(by_tcp).weight == D("0.01"))
    with as_user("shipper", p1), pytest.raises(CaptureRefused, match="minimum"):
        capture(p1.id, by_tcp.id, note_line.id, "2")

    tcp_stop.set()                                       # the scale dies: offline, capture refused
    assert _wait(lambda: not _live(by_tcp).online)
    with as_user("shipper", p1), pytest.raises(CaptureRefused, match="offline"):
        capture(p1.id, by_tcp.id, note_line.id, "2")
    assert ShipmentBatch.select().count() == 1 and Weighing.select().count() == 1

    tcp_scale.hold("24.80")                              # back on the same port: the same agent recovers
    _server2, tcp_stop2 = tcp_scale.serve_tcp("127.0.0.1", port)
    try:
        assert _wait(lambda: _live(by_tcp).online and _live(by_tcp).stable and _live(by_tcp).weight == D("24.80"), 15)
        with as_user("shipper", p1):
            capture(p1.id, by_tcp.id, note_line.id, "2")
    finally:
        tcp_stop2.set()

    pty_scale.paused.set()                               # a scale that stops mid-stream on a serial line
    assert _wait(lambda: not _live(by_pty).online)
    with as_user("shipper", p1), pytest.raises(CaptureRefused, match="offline"):
        capture(p1.id, by_pty.id, note_line.id, "1")
    pty_scale.paused.clear()
    assert _wait(lambda: _live(by_pty).online and _live(by_pty).stable)
    with as_user("shipper", p1):
        capture(p1.id, by_pty.id, note_line.id, "1")
    pty_stop.set()
    line_now = DeliveryLine.get_by_id(note_line.id)
    assert line_now.shipped_quantity == D("5") and line_now.shipped_weight == D("25.600") + D("24.800") + D("31.250")


def test_manual_weight_needs_the_right_and_a_reason_and_void_takes_it_back(ctx, demo, note_line):
    p1 = demo["P1"]
    with as_user("shipper", p1), pytest.raises(PermissionDenied):
        manual(p1.id, note_line.id, "2", "25.1", "scale broken")
    with as_user("manager", p1):
        with pytest.raises(UserError, match="reason"):
            manual(p1.id, note_line.id, "2", "25.1", " ")
        weighing, batch = manual(p1.id, note_line.id, "2", "25.1", "scale broken")
        assert weighing.manual and batch.source == "manual" and DeliveryLine.get_by_id(note_line.id).shipped_weight == D("25.100")
        void(p1.id, weighing.id, "wrong crate")
    assert Weighing.get_by_id(weighing.id).voided and ShipmentBatch.get_by_id(batch.id).voided
    assert DeliveryLine.get_by_id(note_line.id).shipped_quantity == D("0")


def test_a_port_that_does_not_exist_keeps_the_agent_running_and_offline(ctx, demo, agents):
    station = Station.create(plant=demo["P1"], code="GONE", name="Gone", port_url="/dev/ttyNOPE42", protocol="st_gs")
    agent = agents(ctx, station)
    assert _wait(lambda: _live(station) is not None)
    live = _live(station)
    assert not live.online and live.message == "port_error" and agent.is_alive()
    with as_user("shipper", demo["P1"]), force_locale("zh_Hans_CN"):
        shown = live_json(live, station)["message"]
    assert "/dev/ttyNOPE42" in shown and "无法" in shown        # the port named, in the reader's language


def test_one_load_one_capture(ctx, demo, note_line):
    from addons.weighing.agent import publish
    from addons.weighing.drivers.base import Reading
    p1 = demo["P1"]
    station = Station.create(plant=p1, code="DESK", name="Desk scale", port_url="loop://", protocol="st_gs",
                             min_weight=D("0.020"), reload_change=D("0.500"))

    def scale_shows(*weights):              # what the agent read since its last publish; the last one stable
        for w in weights:
            publish(station.id, Reading(weight=D(w), stable=True), seen=(D(w), D(w)), station=station)

    def take():
        with as_user("shipper", p1):
            return capture(p1.id, station.id, note_line.id, "1")

    scale_shows("25.60")
    take()
    with pytest.raises(CaptureRefused, match="captured already"):     # the same resting load, again
        take()
    scale_shows("25.90")                                                # a hand on the crate: not a new load
    with pytest.raises(CaptureRefused, match="captured already"):
        take()
    scale_shows("0.00", "24.00")                                        # emptied, next crate on
    take()
    scale_shows("30.50")                                                # a crate added on top: a new load
    weighing, _batch = take()
    assert weighing.gross == D("30.500") and Weighing.select().count() == 3
    # a load taken off and put back between two publishes still counts: the agent reports the lowest it saw
    publish(station.id, Reading(weight=D("30.50"), stable=True), seen=(D("0.00"), D("30.50")), station=station)
    take()


def test_the_back_off_starts_again_after_good_readings(ctx, demo, agents, monkeypatch):
    from addons.weighing import agent as agent_module
    monkeypatch.setattr(agent_module, "BACKOFF", (0.2, 0.4, 0.8, 6))
    p1 = demo["P1"]
    port = _free_port()
    station = Station.create(plant=p1, code="NET", name="Net scale", port_url=f"socket://127.0.0.1:{port}",
                             protocol="st_gs", offline_after_ms=500)
    agents(ctx, station)
    time.sleep(1.6)                                     # the scale is not there yet: three failed tries and more
    scale = Simulator("st_gs", period=0.05)
    scale.hold("12.00")
    _server, stop = scale.serve_tcp("127.0.0.1", port)
    assert _wait(lambda: (_live(station) or LiveReading()).online and _live(station).weight == D("12.00"), 10)
    time.sleep(0.5)                                     # good readings for a while
    stop.set()                                          # a short outage ...
    assert _wait(lambda: not _live(station).online, 5)
    scale.hold("13.00")
    _server2, stop2 = scale.serve_tcp("127.0.0.1", port)
    started = time.monotonic()
    try:                                                # ... is over in well under the longest wait (6 s)
        assert _wait(lambda: _live(station).online and _live(station).weight == D("13.00"), 10)
        assert time.monotonic() - started < 3
    finally:
        stop2.set()
