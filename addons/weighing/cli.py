"""`run.py scale ...` diagnostics and the simulated scale; `run.py scale-agent` for one station."""
from __future__ import annotations

import json
import sys
import threading
import time

import click

from core.plain_i18n import gettext as _cli   # the CLI's language is the process's (ERP_LANG)

from core.plain_i18n import gettext as _


@click.group(help=_cli("Scale diagnostics: protocols, decoding raw bytes, listening to a port, a simulated scale."))
def scale():
    pass


@scale.command(help=_cli("List the driver names (one per protocol and variant)."))
def protocols():
    from addons.weighing.drivers import DRIVERS
    for name in sorted(DRIVERS):
        kind = "request/response" if DRIVERS[name].request or name == "xk3190_tf1" else "stream"
        click.echo(f"{name}\t{kind}")


@scale.command(help=_cli("Read raw bytes on stdin and print one JSON object per reading."))
@click.option("--protocol", required=True)
def decode(protocol):
    from addons.weighing.drivers import DRIVERS, create
    if protocol not in DRIVERS:
        raise click.BadParameter(_("unknown protocol %(name)s; see `scale protocols`", name=protocol),
                                 param_hint="--protocol")
    driver = create(protocol)
    stream = sys.stdin.buffer
    while True:
        chunk = stream.read1(4096) if hasattr(stream, "read1") else stream.read(4096)
        if not chunk:
            break
        for reading in driver.feed(chunk):
            click.echo(json.dumps(reading.as_dict()))
    if driver.dropped:
        click.echo(_("%(n)d frames dropped", n=driver.dropped), err=True)


@scale.command(help=_cli("Show live readings from a port (any pyserial URL); --protocol auto tries them all."))
@click.option("--port", "url", required=True)
@click.option("--protocol", default="auto", show_default=True)
@click.option("--baudrate", default=9600, show_default=True)
@click.option("--seconds", default=0.0, help=_cli("Stop after this long (0: until interrupted)."))
def listen(url, protocol, baudrate, seconds):
    import serial

    from addons.weighing.detect import detect
    from addons.weighing.drivers import DRIVERS, create
    if protocol == "auto":
        found = detect(url, baudrate=baudrate)
        if found.ambiguous:
            click.echo(_("the frames fit %(names)s equally well: listen again with --protocol NAME",
                         names=", ".join(found.candidates)), err=True)
            sys.exit(2)
        if found.protocol is None:
            click.echo(_("no known protocol recognised on %(url)s", url=url), err=True)
            sys.exit(1)
        click.echo(_("protocol: %(name)s", name=found.protocol), err=True)
        protocol = found.protocol
    if protocol not in DRIVERS:
        raise click.BadParameter(_("unknown protocol %(name)s; see `scale protocols`", name=protocol),
                                 param_hint="--protocol")
    driver = create(protocol)
    try:
        port = serial.serial_for_url(url, baudrate=baudrate, timeout=0.1)
    except (serial.SerialException, OSError, ValueError) as exc:
        click.echo(_("cannot open %(url)s: %(error)s", url=url, error=exc), err=True)
        sys.exit(1)
    end = time.monotonic() + seconds if seconds else None
    last_poll = 0.0
    with port:
        while end is None or time.monotonic() < end:
            if driver.request and time.monotonic() - last_poll > driver.poll_seconds:
                port.write(driver.request)
                last_poll = time.monotonic()
            for reading in driver.feed(port.read(max(port.in_waiting, 1))):
                click.echo(json.dumps(reading.as_dict()))


@scale.command(help=_cli("Serve a simulated scale on host:port (a station reads it at socket://host:port)."))
@click.option("--protocol", required=True)
@click.option("--listen", "address", default="127.0.0.1:8070", show_default=True)
def simulate(protocol, address):
    from addons.weighing.drivers import DRIVERS
    from addons.weighing.simulator import Simulator
    if protocol not in DRIVERS:
        raise click.BadParameter(_("unknown protocol %(name)s; see `scale protocols`", name=protocol),
                                 param_hint="--protocol")
    host, _sep, port = address.rpartition(":")
    stop = threading.Event()
    Simulator(protocol).serve_tcp(host or "127.0.0.1", int(port), stop)
    click.echo(_("simulated %(protocol)s scale on %(address)s", protocol=protocol, address=f"{host}:{port}"), err=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        stop.set()


@click.command("scale-agent", help=_cli("Run the agent of one weighing station (for running agents on other machines)."))
@click.option("--station", "code", required=True, help=_cli("Station code."))
def scale_agent(code):
    from addons.weighing.agent import StationAgent
    from addons.weighing.models.station import Station
    from core.cli import make_app
    from core.db import db
    app = make_app()
    with app.app_context():
        stations = list(Station.select().where(Station.code == code))
        db.close()
    if len(stations) != 1:
        click.echo(_("no single station with code %(code)s", code=code), err=True)
        sys.exit(1)
    agent = StationAgent(app, stations[0].id)
    click.echo(_("reading %(port)s (%(protocol)s)", port=stations[0].port_url, protocol=stations[0].protocol), err=True)
    agent.start()
    try:
        while agent.is_alive():
            agent.join(1)
    except KeyboardInterrupt:
        agent.stop.set()
