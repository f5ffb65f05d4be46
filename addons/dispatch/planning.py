"""Delivery planning (排车): approved order lines waiting to go, trips, and delivery notes.

A line may be split over several notes and trips; several orders of one customer share the note of
a trip. What is still to plan is the order line's quantity minus what live notes already plan.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import format_decimal
from flask_babel import gettext as _
from peewee import JOIN, fn

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import OPEN, DeliveryNote
from addons.dispatch.models.trip import Trip
from addons.dispatch.models.vehicle import Vehicle
from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.master_data.models.region import Region
from addons.sales_order.lines import units_by_id
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core import audit, clock, context, numbering
from core.db import (db, get_row, insert_rows, instances, joined_instances, lock, lock_get, model_rows,
                     run_composed, run_composed_ids, transaction)
from core.errors import UserError
from core.numbers import NotANumber, read_decimal
from core.security import may

GRAM = Decimal("0.001")


class OverloadWarning(UserError):
    status = 409


def planned_quantities(order_line_ids) -> dict[int, Decimal]:
    """What notes not yet shipped plan of each order line. What shipped notes took is the order line's
    delivered quantity (shipping adds to it in the same transaction as the move), so an order line has
    quantity - delivered - planned left to plan, and a short shipment's remainder comes back."""
    rows = run_composed_ids("dispatch.planned", lambda ids: (
        DeliveryLine.select(DeliveryLine.order_line, fn.SUM(DeliveryLine.quantity)).join(DeliveryNote)
        .where(DeliveryLine.order_line.in_(ids) & DeliveryNote.state.in_(OPEN))
        .group_by(DeliveryLine.order_line)), order_line_ids).fetchall()
    return {ol: DeliveryLine.quantity.python_value(q) for ol, q in rows}


def _open_plans(plant_id):
    """planned_quantities of the plant's order lines as a table to join (order_line_id, planned): the
    notes not yet shipped are a day or two of work, however long the plant has shipped."""
    return (DeliveryLine.select(DeliveryLine.order_line, fn.SUM(DeliveryLine.quantity).alias("planned"))
            .join(DeliveryNote).where((DeliveryNote.plant == plant_id) & DeliveryNote.state.in_(OPEN))
            .group_by(DeliveryLine.order_line).alias("open_plans"))


def _due(plant_id, day):
    """The plant's approved orders for delivery on or before `day`."""
    return (Order.plant == plant_id) & (Order.state == "approved") & (Order.delivery_date <= day)


def _left(plans):
    """What is left to plan of an order line joined to `_open_plans` (as stored, thousandths)."""
    return OrderLine.quantity - OrderLine.delivered_quantity - fn.COALESCE(plans.c.planned, 0)


def _has_left(plans):
    return (OrderLine.delivered_quantity < OrderLine.quantity) & (_left(plans) > 0)


def _region_name(province, city) -> str:
    return (province + " " + city) if province is not None else ""


def waiting_customers(plant, day: datetime.date) -> list[tuple[str, int, int]]:
    """(region, customer id, lines waiting) of every customer with a line waiting, in the planning's order: a
    row a customer, counted in the database, so that a page of them can be chosen before any line is read.

    The orders due are read first on their own (a materialized CTE: joined in one plan, PostgreSQL prices a
    parallel scan of every order below the few hundred index reads it takes), their lines are counted by
    customer, and only the customers counted are read."""
    def query(plant_id, when):
        due = Order.select(Order.id, Order.customer).where(_due(plant_id, when)).cte("due", materialized=True)
        plans = _open_plans(plant_id)
        counted = (OrderLine.select(due.c.customer_id, fn.COUNT(OrderLine.id).alias("lines"))
                   .join(due, on=(OrderLine.order == due.c.id))
                   .join(plans, JOIN.LEFT_OUTER, on=(plans.c.order_line_id == OrderLine.id))
                   .where(_has_left(plans)).group_by(due.c.customer_id).alias("counted"))
        return (Customer.select(Region.province, Region.city, Customer.id, counted.c.lines)
                .join(counted, on=(counted.c.customer_id == Customer.id))
                .switch(Customer).join(Region, JOIN.LEFT_OUTER)
                .order_by(Region.code, Customer.code, Customer.id).with_cte(due))
    rows = run_composed("dispatch.waiting_customers", query, plant.id, day).fetchall()
    return [(_region_name(province, city), customer_id, n) for province, city, customer_id, n in rows]


LINES_A_PAGE = 100     # a page holds whole customers up to this many lines (one customer, however many)


@dataclass(slots=True)
class WaitingLine:
    """An order line waiting, with its order, customer and region, what is left of it and that part's weight:
    attributes, which the template reads at once (a dict's keys Jinja finds only after a failed attribute)."""
    line: OrderLine
    order: Order
    customer: Customer
    region: Region | None
    left: Decimal
    weight: Decimal


@dataclass
class WaitingPage:
    groups: dict        # region name -> customer -> the customer's waiting lines (waiting_lines' rows)
    regions: dict       # region name -> lines waiting there, every region
    total: int          # lines waiting in all
    more: bool          # another page follows


def _pages(customers) -> list[list]:
    """(region, customer, lines) rows cut into pages of whole customers of at most LINES_A_PAGE lines: pages of
    about the same length whether customers buy one product or twenty."""
    pages, current, lines = [], [], 0
    for row in customers:
        if current and lines + row[2] > LINES_A_PAGE:
            pages.append(current)
            current, lines = [], 0
        current.append(row)
        lines += row[2]
    return pages + [current] if current else pages


def waiting_page(plant, day: datetime.date, region="", page=1) -> WaitingPage:
    """What waits on the planning screen: a plant group's day is hundreds of customers, shown a page at a time
    (a customer's lines stay together), of one region when one is chosen. The customers and their lines are
    counted in the database first, and only the lines of the page's customers are read."""
    waiting = waiting_customers(plant, day)
    regions: dict[str, int] = {}
    for name, _customer, lines in waiting:
        regions[name] = regions.get(name, 0) + lines
    pages = _pages([w for w in waiting if w[0] == region] if region in regions else waiting)
    chosen = pages[page - 1] if page <= len(pages) else []
    groups = by_region(waiting_lines(plant, day, [customer for _r, customer, _n in chosen]))
    return WaitingPage(groups, regions, sum(regions.values()), len(pages) > page)


def waiting_lines(plant, day: datetime.date, customer_ids=None) -> list[WaitingLine]:
    """Approved lines for delivery on or before `day` with something left to plan, by region and customer (of
    `customer_ids` only, when given)."""
    # Only the columns planning shows are read, and each order, customer, product and region is made once and
    # shared by its lines (peewee's per-row conversion of five whole models was most of the page).
    columns = {OrderLine: ("id", "seq", "product", "quantity", "expected_weight", "order"),
               Order: ("id", "number", "delivery_date", "self_pickup", "customer"),
               Customer: ("id", "code", "name", "region"), Product: ("id", "code", "name", "selling_unit"),
               Region: ("id", "code", "province", "city")}
    selected = [getattr(model, name) for model, names in columns.items() for name in names]

    def query(plant_id, when, ids=None):
        plans = _open_plans(plant_id)
        found = (OrderLine.select(*selected, _left(plans))      # last: what is left to plan
                 .join(Order).join(plans, JOIN.LEFT_OUTER, on=(plans.c.order_line_id == OrderLine.id))
                 .switch(Order).join(Customer).join(Region, JOIN.LEFT_OUTER)
                 .switch(OrderLine).join(Product)
                 .where(_due(plant_id, when) & _has_left(plans))
                 .order_by(Region.code, Customer.code, Customer.id, Order.number, OrderLine.seq))
        return found if ids is None else found.where(Order.customer.in_(ids))
    if customer_ids is None:
        rows = db.execute(query(plant.id, day)).fetchall()
    elif not customer_ids:
        return []
    else:       # the planning page's: its SQL composed once per number of customers (most of a page's work else)
        ids = list(customer_ids)
        rows = run_composed(("dispatch.waiting_lines", len(ids)), lambda p, d, *i: query(p, d, list(i)),
                            plant.id, day, *ids).fetchall()
    makers = [(model_rows(model, [model._meta.fields[n] for n in names]), len(names), {})
              for model, names in columns.items()]
    out = []
    for values in rows:
        built, at = [], 0
        for make, width, made in makers:
            part = values[at:at + width]
            at += width
            found = None
            if part[0] is not None:      # None: a customer without a region
                found = made.get(part[0])
                if found is None:
                    found = made[part[0]] = make(part)
            built.append(found)
        line, order, customer, product, region = built
        customer.region = region
        order.customer, line.order, line.product = customer, order, product
        left = OrderLine.quantity.python_value(values[-1])     # above zero: the WHERE
        out.append(WaitingLine(line, order, customer, region, left, _share(line.expected_weight, left, line.quantity)))
    return out


def _share(weight, part, whole) -> Decimal:
    return (weight * part / whole).quantize(GRAM, rounding=ROUND_HALF_UP) if whole else Decimal("0")


def _loads(trips):
    """(trip_id, load): what the notes not cancelled of the trips matching `trips` (a condition) weigh."""
    return (DeliveryLine.select(DeliveryNote.trip, fn.SUM(DeliveryLine.weight).alias("load")).join(DeliveryNote)
            .where(trips & (DeliveryNote.state != "cancelled")).group_by(DeliveryNote.trip))


def trip_load(trip_ids) -> dict[int, Decimal]:
    rows = _loads(DeliveryNote.trip.in_(list(trip_ids))).tuples()
    return {t: DeliveryLine.weight.python_value(w) for t, w in rows}


def day_trips(plant, day: datetime.date) -> tuple[list[Trip], dict[int, Decimal]]:
    """The plant's trips of `day` not cancelled, by departure, each with its vehicle, and what its notes not
    cancelled weigh (trip id -> kg; a trip with nothing on it is not there). One statement, composed once: the
    planning page shows them beside every page of lines."""
    def query(plant_id, on):
        of_day = (Trip.plant == plant_id) & (Trip.day == on)
        loads = _loads(DeliveryNote.trip.in_(Trip.select(Trip.id).where(of_day))).alias("loads")
        return (Trip.select(Trip, Vehicle, loads.c.load).join(Vehicle)
                .switch(Trip).join(loads, JOIN.LEFT_OUTER, on=(loads.c.trip_id == Trip.id))
                .where(of_day & (Trip.state != "cancelled")).order_by(Trip.departure, Trip.id))
    trip_fields, vehicle_fields = Trip._meta.sorted_fields, Vehicle._meta.sorted_fields
    make_trip, make_vehicle = model_rows(Trip, trip_fields), model_rows(Vehicle, vehicle_fields)
    trips, loads = [], {}
    for values in run_composed("dispatch.day_trips", query, plant.id, day).fetchall():
        trip = make_trip(values[:len(trip_fields)])
        trip.__rel__["vehicle"] = make_vehicle(values[len(trip_fields):-1])
        trips.append(trip)
        if values[-1] is not None:
            loads[trip.id] = DeliveryLine.weight.python_value(values[-1])
    return trips, loads


def create_trip(plant, day, vehicle_id, driver="", departure=None) -> Trip:
    """`departure`: the planned departure as the scheduler wrote it, the plant's wall-clock time."""
    vehicle = Vehicle.get_or_none((Vehicle.id == vehicle_id) & (Vehicle.plant == plant.id) & (Vehicle.active == True))  # noqa: E712
    if vehicle is None:
        raise UserError(_("Choose an active vehicle of this plant."), field="vehicle")
    with transaction():
        trip = Trip.create(plant=plant.id, number=numbering.next_number(plant, "TR", day), day=day, vehicle=vehicle,
                           driver=driver or vehicle.driver,
                           departure=clock.from_plant(plant, departure) if departure else None)
        audit.log("create", Trip._meta.table_name, trip.id, plant=plant.id,
                  new={"number": trip.number, "vehicle": vehicle.plate, "day": day})
    return trip


def _quantity(raw, product, units) -> Decimal:
    try:
        qty = read_decimal(raw, 3)
    except NotANumber:
        raise UserError(_("Not a number: %(value)s", value=str(raw)[:40]), field="quantity") from None
    except ValueError:
        qty = Decimal("0")          # too many decimals or too large: the message below says what is wanted
    if qty <= 0:
        raise UserError(_("%(product)s: the quantity must be more than zero, with at most three decimals.",
                          product=product.name), field="quantity")
    if units[product.selling_unit_id].kind == "count" and qty != qty.to_integral_value():
        raise UserError(_("%(product)s is sold in whole %(unit)s.", product=product.name,
                          unit=units[product.selling_unit_id].name), field="quantity")
    return qty


def assign(plant, trip, items, day=None, allow_overload=False) -> list[DeliveryNote]:
    """Put order lines on a trip (or on self-pickup notes when `trip` is None). `items`: [(order line id,
    quantity)]. One transaction; a vehicle loaded past its capacity needs `allow_overload` and a manager."""
    if not items:
        raise UserError(_("Choose at least one order line."), field="lines")
    user = context.current().user
    with transaction():
        trip = _open_trip(plant, trip) if trip is not None else None
        notes, rows, added_weight = _plan_rows(plant, trip, items, day)
        insert_rows(DeliveryLine, rows)
        if trip is not None:
            _check_capacity(plant, trip, user, allow_overload)
        for note in notes.values():
            audit.log("plan", DeliveryNote._meta.table_name, note.id, plant=plant.id,
                      new={"number": note.number, "trip": trip.number if trip else None, "weight": added_weight})
    return list(notes.values())


def _open_trip(plant, trip) -> Trip:
    """The trip, locked: of this plant and still taking notes."""
    trip = lock_get(Trip, trip.id)
    if trip.plant_id != plant.id:
        raise UserError(_("This trip belongs to another plant."), field="trip")
    if trip.state not in ("planned", "loading"):
        raise UserError(_("Trip %(number)s has left planning; add a new trip.", number=trip.number), field="trip")
    return trip


def _plan_rows(plant, trip, items, day):
    """The delivery lines to insert, on one note per customer (made as needed): ({customer: note}, rows, kg).
    Each order line is locked, approved, of this plant, and has that much left to plan."""
    units = units_by_id()
    ids = [int(i) for i, _q in items]
    lines = {}
    for line, order, product in joined_instances(run_composed_ids("dispatch.plan_lines", lambda chosen: lock(
            OrderLine.select(OrderLine, Order, Product).join(Order).switch(OrderLine).join(Product)
            .where(OrderLine.id.in_(chosen))), ids), OrderLine, Order, Product):
        line.order, line.product = order, product
        lines[line.id] = line
    already = planned_quantities(ids)
    notes: dict[int, DeliveryNote] = {}
    seqs: dict[int, int] = {}
    rows = []
    added_weight = Decimal("0")
    for line_id, raw in items:
        line = _plannable(plant, trip, lines.get(int(line_id)))
        qty = _quantity(raw, line.product, units)
        left = line.quantity - line.delivered_quantity - already.get(line.id, Decimal("0"))
        if qty > left:
            raise UserError(_("Order %(number)s, %(product)s: only %(left)s left to plan.", number=line.order.number,
                              product=line.product.name, left=format_decimal(left)), field="quantity")
        already[line.id] = already.get(line.id, Decimal("0")) + qty
        note = notes.get(line.order.customer_id)
        if note is None:
            note, new = _note_for(plant, trip, line.order, day or line.order.delivery_date)
            notes[line.order.customer_id] = note
            seqs[note.id] = 0 if new else run_composed("dispatch.lines_on_note", lambda n: DeliveryLine.select(
                fn.COUNT(DeliveryLine.id)).where(DeliveryLine.note == n), note.id).fetchone()[0]
        seqs[note.id] += 1
        weight = _share(line.expected_weight, qty, line.quantity)
        added_weight += weight
        rows.append({"note": note.id, "seq": seqs[note.id], "order_line": line.id, "product": line.product_id,
                     "quantity": qty, "weight": weight, "unit_price": line.unit_price})
    return notes, rows, added_weight


def _plannable(plant, trip, line) -> OrderLine:
    if line is None or line.order.plant_id != plant.id:
        raise UserError(_("An order line is not of this plant."), field="lines")
    if line.order.state != "approved":
        raise UserError(_("Order %(number)s is not approved.", number=line.order.number), field="lines")
    if trip is None and not line.order.self_pickup:
        raise UserError(_("Order %(number)s is delivered; put it on a trip.", number=line.order.number),
                        field="lines")
    return line


def _check_capacity(plant, trip, user, allow_overload) -> None:
    """A vehicle loaded past its capacity: refused, unless a manager allows it (audited)."""
    trip.vehicle = get_row(Vehicle, trip.vehicle_id)
    if trip.vehicle.capacity_kg <= 0:
        return
    load = trip_load([trip.id]).get(trip.id, Decimal("0"))
    if load <= trip.vehicle.capacity_kg:
        return
    if not allow_overload or not may(user, "dispatch.overload", plant.id):
        raise OverloadWarning(_("Vehicle %(plate)s would carry %(load)s kg, over its %(capacity)s kg.",
                                plate=trip.vehicle.plate, load=format_decimal(load),
                                capacity=format_decimal(trip.vehicle.capacity_kg)), field="trip")
    audit.log("overload", Trip._meta.table_name, trip.id, plant=plant.id,
              new={"load": load, "capacity": trip.vehicle.capacity_kg})


def _note_for(plant, trip, order, day) -> tuple[DeliveryNote, bool]:
    """The customer's planned note on the trip, or a new one as the trip's next stop; and whether it is new."""
    if trip is not None:
        found = instances(DeliveryNote, run_composed(
            "dispatch.customer_note_on_trip", lambda t, c: DeliveryNote.select().where(
                (DeliveryNote.trip == t) & (DeliveryNote.customer == c) & (DeliveryNote.state == "planned"))
            .order_by(DeliveryNote.id).limit(1), trip.id, order.customer_id))
        if found:
            return found[0], False
        (stops,) = run_composed("dispatch.stops_on_trip", lambda t: DeliveryNote.select(fn.COUNT(DeliveryNote.id)).where(
            (DeliveryNote.trip == t) & (DeliveryNote.state != "cancelled")), trip.id).fetchone()
        return DeliveryNote.create(plant=plant.id, number=numbering.next_number(plant, "DN", trip.day), kind="delivery",
                                   customer=order.customer_id, trip=trip, stop_seq=stops + 1, day=trip.day,
                                   address=order.delivery_address), True
    return DeliveryNote.create(plant=plant.id, number=numbering.next_number(plant, "DN", day), kind="pickup",
                               customer=order.customer_id, trip=None, day=day, address=""), True


def by_region(rows):
    groups = defaultdict(lambda: defaultdict(list))
    for row in rows:
        region = row.region
        groups[_region_name(region.province, region.city) if region else ""][row.customer].append(row)
    return groups
