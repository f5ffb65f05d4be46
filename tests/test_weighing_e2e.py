"""End to end: simulated scales behind a pseudo-terminal and behind socket://, real station agents,
capture at the desk, a dead scale marked offline and refused, and recovery without restarting the agent."""
import socket
import time
from decimal import Decimal as D

import pytest

from addons.dispatch import planning
from addons.dispatch.models.batch import ShipmentBatch
from addons.dispatch.models.line import DeliveryLine
from addons.weighing.agent import StationAgent
from addons.weighing.capture import CaptureRefused, capture, manual, void
from addons.weighing.models.live import LiveReading
from addons.weighing.models.station import Station
from addons.weighing.models.weighing import Weighing
from addons.weighing.simulator import Simulator
from core.errors import PermissionDenied, UserError
from core.models import AuditLog
from addons.sales_order.models.line import OrderLine
from tests.dispatch_helpers import approved_order, as_user, line, vehicle


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
    p1 = demo["P1"]
    order = approved_order(p1, "P1C002", [line("P002", 10)])
    with as_user("scheduler", p1):
        (note,) = planning.assign(p1, planning.create_trip(p1, order.delivery_date, vehicle(p1).id),
                                  [(OrderLine.get(OrderLine.order == order.id).id, "10")])
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
    assert not live.online and "ttyNOPE42" in live.message and agent.is_alive()
