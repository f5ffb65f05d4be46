"""The demo's weighing station reads the simulated scale `make run` starts on 127.0.0.1:8070."""
import os

from addons.weighing.models.station import Station

DEMO_PORT = os.environ.get("ERP_DEMO_SCALE", "socket://127.0.0.1:8070")


def load(plants):
    for plant in plants:
        if plant.code == "P1":
            Station.create(plant=plant, code="S1", name="1号台秤 Desk scale 1", port_url=DEMO_PORT, protocol="st_gs",
                           desk="发货台 1 Desk 1")
