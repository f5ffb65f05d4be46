"""A counter sale as the cashier waits for it (`counter.sale_ms`): the server time of the whole flow, from the
first key to the printed receipt: the product found by code, weighed on the counter's scale, a second found by
barcode, the sale paid two ways and posted (lines, payments, the walk-in's account), the receipt page. Timed
through the WSGI app, median of 30 sales after 300 earlier ones. SQLite, and PostgreSQL when reachable."""
import re
import statistics
import tempfile
import time
from decimal import Decimal

SALES, WARM = 30, 300


def _fill(app):
    from addons.counter.models.counter import CounterSettings
    from addons.master_data.models.customer import Customer
    from addons.master_data.models.price import PriceList
    from addons.master_data.models.price_row import PriceRow
    from addons.master_data.models.product import Product
    from addons.master_data.models.unit import Unit
    from addons.weighing.models.station import Station
    from bench.bench_stock import PASSWORD
    from core import clock, plants
    from core.models import Company, Plant
    from core.users import create_user
    with app.app_context():
        plant = Plant.create(company=Company.create(name="Bench"), code="B", name="Bench")
        plants.enable(app.extensions["erp"].registry, plant, "counter")
        create_user("bench-manager", "Bench manager", PASSWORD, roles=["manager"], plants=["B"], lang="en")
        kg = Unit.create(code="kg", name="kg", kind="weight", kg_factor=1)
        box = Unit.create(code="box", name="box", kind="count", kg_factor=0)
        Product.insert_many([{"plant": plant.id, "code": f"P{n:04d}", "name": f"Product {n}", "selling_unit": kg.id,
                              "pricing_unit": kg.id if n % 2 else box.id, "barcode": f"69{n:011d}",
                              "nominal_weight": Decimal("10")} for n in range(1000)]).execute()
        for start in range(0, 5000, 1000):        # PostgreSQL takes at most 65,535 parameters a statement
            Customer.insert_many([{"plant": plant.id, "code": f"C{n:05d}", "name": f"Customer {n}"}
                                  for n in range(start, start + 1000)]).execute()
        std = PriceList.create(plant=plant, code="STD", name="Standard", is_default=True)
        day = clock.plant_today(plant)
        PriceRow.insert_many([{"plant": plant.id, "price_list": std.id, "scope_key": f"L{std.id}", "product": p.id,
                               "price": Decimal("25.5"), "floor_price": Decimal("1"), "valid_from": day}
                              for p in Product.select()]).execute()
        station = Station.create(plant=plant, code="CTR", name="Counter", port_url="socket://127.0.0.1:9")
        CounterSettings.create(plant=plant, station=station, price_list=std)
        return plant.id, station.id


def _scale(app, station_id, kg):
    from addons.weighing.agent import publish
    from addons.weighing.drivers.base import Reading
    from addons.weighing.models.station import Station
    with app.app_context():
        station = Station.get_by_id(station_id)
        publish(station_id, Reading(weight=Decimal(kg), stable=True), seen=(Decimal("0"), Decimal(kg)), station=station)


def _flow(app, client, station_id, n, token) -> float:
    """One sale; returns the server's time in ms (the scale's reading is the agent's work: not counted)."""
    _scale(app, station_id, f"{1 + n % 7}.{n % 100:02d}")
    spent = 0.0

    def timed(call):
        nonlocal spent
        start = time.perf_counter()
        answer = call()
        spent += time.perf_counter() - start
        assert answer.status_code in (200, 302), answer.status_code
        return answer
    weighed_code = f"P{(2 * n + 1) % 1000:04d}"            # odd: sold by weight
    found = timed(lambda: client.get(f"/counter/find?q={weighed_code}")).get_json()
    weighing = timed(lambda: client.post("/counter/weigh", headers={"X-CSRFToken": token})).get_json()
    boxed = timed(lambda: client.get(f"/counter/find?q=69{(2 * n) % 1000:011d}")).get_json()
    amount = (Decimal(weighing["net"]) * Decimal(found[0]["price"])).quantize(Decimal("0.01")) + Decimal(boxed[0]["price"])
    cash = Decimal("20.00")
    form = {"csrf_token": token, "line-0-product": found[0]["id"], "line-0-quantity": "1",
            "line-0-weighing": weighing["weighing"], "line-1-product": boxed[0]["id"], "line-1-quantity": "1",
            "pay-cash": str(cash), "pay-wechat": str(amount - cash), "ref-wechat": f"WX{n}"}
    sold = timed(lambda: client.post("/counter/sales", data=form))
    timed(lambda: client.get(sold.headers["Location"]))
    return spent * 1000


def _measure(url, suffix):
    from bench.bench_masterdata import _app
    from bench.bench_stock import _login
    app = _app(url)
    _plant_id, station_id = _fill(app)
    client = app.test_client()
    _login(client)
    page = client.get("/counter/").get_data(as_text=True)
    token = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', page).group(1)
    client.post("/counter/", data={"csrf_token": token, "opening_cash": "500"})
    for n in range(WARM):
        _flow(app, client, station_id, n, token)
    times = [_flow(app, client, station_id, WARM + n, token) for n in range(SALES)]
    print(f"bench: counter.sale_ms{suffix}: {statistics.median(times):.1f} ms (median of {SALES} sales after {WARM}; "
          f"best {min(times):.1f}, worst {max(times):.1f}; find, weigh, find by barcode, pay, receipt)", flush=True)
    with app.app_context():
        app.extensions["erp"].database.close()


def main():
    from bench.bench_masterdata import _pg_reachable, scratch_pg
    folder = tempfile.mkdtemp(prefix="erp-bench-counter-")
    _measure(f"sqlite:///{folder}/counter.sqlite3", "")
    if _pg_reachable():
        with scratch_pg("erp_bench_counter") as url:
            _measure(url, "_pg")
    else:
        print("bench: counter.sale_ms_pg: skipped (no PostgreSQL reachable)", flush=True)


if __name__ == "__main__":
    main()
