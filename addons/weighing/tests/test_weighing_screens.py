"""Weighing on the screens: the desk panel, live JSON, capture and manual weight through the desk,
weighings and voiding, weighbridge tickets, the station form; and the scale command line."""
import datetime
import json
import os
import subprocess
import sys
from decimal import Decimal as D

import pytest

from addons.dispatch.models.line import DeliveryLine
from addons.weighing.agent import publish
from addons.weighing.drivers.base import Reading
from addons.weighing.models.live import LiveReading
from addons.weighing.models.station import Station
from addons.weighing.models.weighing import WeighbridgeTicket, Weighing
from core.models import User
from tests.dispatch_helpers import as_user, crate, planned_note

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


@pytest.fixture(autouse=True)
def english(demo):
    User.update(lang="en").execute()


@pytest.fixture
def desk_note(ctx, demo):
    p1 = demo["P1"]
    note = planned_note(p1)
    station = Station.create(plant=p1, code="S1", name="Desk scale", port_url="socket://127.0.0.1:9", protocol="st_gs")
    return note, DeliveryLine.get(DeliveryLine.note == note.id), station


def test_desk_panel_live_json_and_capture(browser, ctx, demo, desk_note):
    note, dline, station = desk_note
    box = crate(demo["P1"])
    shipper = browser("shipper")
    page = shipper.get(f"/dispatch/desk/{note.id}").get_data(as_text=True)
    assert 'id="live-weight"' in page and f"/weighing/stations/{station.id}/live.json" in page
    assert "batch-form" not in page                      # a scale serves the desk: no typed weights
    shipper.post(f"/dispatch/desk/{note.id}/lines/{dline.id}/batch", {f"b{dline.id}-quantity": "4",
                                                                       f"b{dline.id}-gross": "50"})
    assert DeliveryLine.get_by_id(dline.id).shipped_quantity == D("0")
    assert shipper.get(f"/weighing/stations/{station.id}/live.json").get_json()["online"] is False
    publish(station.id, Reading(weight=D("52.35"), stable=True), online=True)
    live = shipper.get(f"/weighing/stations/{station.id}/live.json").get_json()
    assert (live["online"], live["stable"], live["weight"], live["label"]) == (True, True, "52.350", "Stable")
    # the browser sends no weight; a "gross" field is ignored unless a manual weight is asked for
    done = shipper.post(f"/weighing/desk/{note.id}/capture", {"station": station.id, "line": dline.id, "quantity": "4",
                                                            "container": box.id, "container_count": "2",
                                                            "gross": "1.000"})
    assert done.status_code == 302
    batch = DeliveryLine.get_by_id(dline.id)
    assert batch.shipped_weight == D("48.750") and Weighing.get().gross == D("52.350")   # 52.35 − 2 × 1.8
    publish(station.id, Reading(weight=D("52.35"), stable=False), online=True)
    refused = shipper.post(f"/weighing/desk/{note.id}/capture", {"station": station.id, "line": dline.id,
                                                               "quantity": "4", "container": "0", "container_count": "0"})
    assert refused.status_code == 302 and Weighing.select().count() == 1
    LiveReading.update(read_at=datetime.datetime.utcnow() - datetime.timedelta(seconds=30), stable=True).execute()
    shipper.post(f"/weighing/desk/{note.id}/capture", {"station": station.id, "line": dline.id, "quantity": "4",
                                                     "container": "0", "container_count": "0"})
    assert Weighing.select().count() == 1                # stale: refused
    assert shipper.post(f"/weighing/desk/{note.id}/capture", {"station": station.id, "line": dline.id, "quantity": "1",
                                                            "gross": "12", "reason": "scale down", "by_hand": "1",
                                                            "container": "0", "container_count": "0"}).status_code == 302
    assert Weighing.select().count() == 1                # the shipper may not weigh by hand
    manager = browser("manager")
    manager.post(f"/weighing/desk/{note.id}/capture", {"station": station.id, "line": dline.id, "quantity": "1",
                                                     "gross": "12", "reason": "scale down", "by_hand": "1",
                                                     "container": "0", "container_count": "0"})
    manual = Weighing.get(Weighing.manual == True)  # noqa: E712
    assert manual.reason == "scale down"
    listing = manager.get("/weighing/weighings").get_data(as_text=True)
    assert "52.35" in listing and "Yes" in listing
    assert manager.post(f"/weighing/weighings/{manual.id}", {"reason": ""}).status_code == 302
    assert not Weighing.get_by_id(manual.id).voided
    manager.post(f"/weighing/weighings/{manual.id}", {"reason": "typed wrong"})
    assert Weighing.get_by_id(manual.id).voided and DeliveryLine.get_by_id(dline.id).shipped_quantity == D("4")
    assert shipper.post(f"/weighing/weighings/{manual.id}", {"reason": "x"}).status_code == 302
    assert Weighing.get_by_id(manual.id).void_reason == "typed wrong"


def test_weighbridge_ticket_from_two_weighings(browser, ctx, demo):
    p1 = demo["P1"]
    bridge = Station.create(plant=p1, code="WB", name="Weighbridge", port_url="socket://127.0.0.1:9",
                            protocol="xk3190_tf0", is_weighbridge=True, min_weight=D("100"))
    shipper = browser("shipper")
    shipper.post("/weighing/tickets", {"plate": "沪A·12345", "direction": "out"})
    ticket = WeighbridgeTicket.get()
    publish(bridge.id, Reading(weight=D("8450"), stable=True))
    shipper.post(f"/weighing/tickets/{ticket.id}", {"station": bridge.id})
    publish(bridge.id, Reading(weight=D("14320"), stable=True))
    shipper.post(f"/weighing/tickets/{ticket.id}", {"station": bridge.id})
    ticket = WeighbridgeTicket.get_by_id(ticket.id)
    assert (ticket.first_kg, ticket.second_kg, ticket.net, ticket.state) == (D("8450"), D("14320"), D("5870"), "closed")
    assert "5,870" in shipper.get(f"/weighing/tickets/{ticket.id}").get_data(as_text=True)


def test_station_form_lists_the_drivers(browser, ctx, demo):
    admin = browser("admin")
    page = admin.get("/weighing/stations/new").get_data(as_text=True)
    assert 'value="xk3190_eq_reversed"' in page and 'value="toledo_8217"' in page
    saved = admin.post("/weighing/stations/new", {"code": "S9", "name": "Nine", "port_url": "/dev/ttyUSB0",
                                                   "protocol": "xk3190_a12", "baudrate": "1200", "bytesize": "8",
                                                   "parity": "N", "stopbits": "1", "unit": "kg", "address": "A",
                                                   "stable_count": "4", "stable_window_ms": "800", "poll_ms": "200",
                                                   "offline_after_ms": "3000", "min_weight": "0.05", "desk": "D2",
                                                   "capacity": "60", "division": "0.02", "reload_change": "0.5",
                                                   "unit_letters": "t=tola", "active": "y"})
    assert saved.status_code == 302
    nine = Station.get(Station.code == "S9")
    assert (nine.baudrate, nine.division, nine.unit_letters) == (1200, D("0.02"), "t=tola")
    refused = admin.post(f"/weighing/stations/{nine.id}", {
        "code": "S9", "name": "Nine", "port_url": "/dev/ttyUSB0", "protocol": "xk3190_a12", "baudrate": "1200",
        "bytesize": "8", "parity": "N", "stopbits": "1", "unit": "kg", "address": "A", "stable_count": "4",
        "stable_window_ms": "800", "poll_ms": "200", "offline_after_ms": "3000", "min_weight": "0.05",
        "capacity": "60", "division": "0.02", "reload_change": "0.5", "unit_letters": "t=stone"})
    assert refused.status_code in (200, 422) and "t=tola" in refused.get_data(as_text=True)


def _run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "run.py", *args], cwd=PROJECT, input=stdin, capture_output=True,
                          timeout=60, env={**__import__("os").environ, "ERP_LANG": "en"})


def test_scale_command_line_protocols_and_decode():
    listed = _run_cli("scale", "protocols")
    assert listed.returncode == 0 and "xk3190_tf0\tstream" in listed.stdout.decode()
    assert "xk3190_tf1" in listed.stdout.decode() and "mt_sics\trequest/response" in listed.stdout.decode()
    decoded = _run_cli("scale", "decode", "--protocol", "xk3190_a12", stdin=b"junk" + b"WN012.500kg3D\r\nWG-00.350kg29\r\n")
    lines = [json.loads(x) for x in decoded.stdout.decode().splitlines()]
    assert [x["weight"] for x in lines] == ["12.500", "-0.350"] and lines[0]["net"] is True
    assert _run_cli("scale", "decode", "--protocol", "nope", stdin=b"").returncode != 0


def test_scale_simulate_and_listen_with_auto_detect():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sim = subprocess.Popen([sys.executable, "run.py", "scale", "simulate", "--protocol", "toledo_continuous",
                            "--listen", f"127.0.0.1:{port}"], cwd=PROJECT, stderr=subprocess.PIPE)
    try:
        import time
        time.sleep(1.5)
        heard = _run_cli("scale", "listen", "--port", f"socket://127.0.0.1:{port}", "--protocol", "auto", "--seconds", "1.5")
        assert heard.returncode == 0, heard.stderr
        assert "protocol: toledo_continuous" in heard.stderr.decode()
        assert all("weight" in json.loads(x) for x in heard.stdout.decode().splitlines()) and heard.stdout
        missing = _run_cli("scale", "listen", "--port", "/dev/ttyNOPE7", "--protocol", "st_gs", "--seconds", "1")
        assert missing.returncode == 1 and "cannot open" in missing.stderr.decode()
    finally:
        sim.terminate()
        sim.wait(10)


def test_the_live_weight_is_sent_again_only_when_it_changes(browser, ctx, demo, desk_note):
    """Several desks poll a station many times a second: an unchanged reading is answered 304 by its tag."""
    _note, _dline, station = desk_note
    shipper = browser("shipper")
    url = f"/weighing/stations/{station.id}/live.json"
    publish(station.id, Reading(weight=D("52.35"), stable=True), online=True)
    first = shipper.get(url)
    tag = first.headers["ETag"]
    assert first.status_code == 200 and first.get_json()["weight"] == "52.350"
    again = shipper.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == tag
    publish(station.id, Reading(weight=D("52.40"), stable=True), online=True)
    moved = shipper.get(url, headers={"If-None-Match": tag})
    assert moved.status_code == 200 and moved.get_json()["weight"] == "52.400" and moved.headers["ETag"] != tag
