"""dispatch: business_dates."""
# Generated from a schema diff on 2026-12-04 22:53.
import datetime
from zoneinfo import ZoneInfo

from peewee import *


def _local_dates(db, table, pairs):
    """Fill the plant's dates of existing instants (each plant in its own time zone)."""
    zones = {pid: ZoneInfo(tz) for pid, tz in db.execute_sql("SELECT id, timezone FROM core_plant").fetchall()}
    for instant_col, date_col in pairs:
        rows = db.execute_sql(f"SELECT id, plant_id, {instant_col} FROM {table} WHERE {instant_col} IS NOT NULL").fetchall()
        for row_id, plant_id, instant in rows:
            if isinstance(instant, str):
                instant = datetime.datetime.fromisoformat(instant)
            local = instant.replace(tzinfo=datetime.timezone.utc).astimezone(zones[plant_id]).date()
            db.execute_sql(f"UPDATE {table} SET {date_col} = %s WHERE id = %s".replace("%s", db.param),
                           (local.isoformat(), row_id))

def _departures_to_utc(db):
    """Planned departures were kept as the plant's wall-clock time; every other instant is UTC."""
    rows = db.execute_sql("SELECT t.id, t.departure, p.timezone FROM dispatch_trip t JOIN core_plant p ON p.id = t.plant_id "
                          "WHERE t.departure IS NOT NULL").fetchall()
    for trip_id, local, tz in rows:
        if isinstance(local, str):
            local = datetime.datetime.fromisoformat(local)
        instant = local.replace(tzinfo=ZoneInfo(tz)).astimezone(datetime.timezone.utc).replace(tzinfo=None)
        db.execute_sql("UPDATE dispatch_trip SET departure = %s WHERE id = %s".replace("%s", db.param), (instant, trip_id))


def up(migrator, db):
    migrator.migrate(migrator.add_column('dispatch_delivery_note', 'shipped_on', DateField(null=True)))
    migrator.migrate(migrator.add_column('dispatch_delivery_note', 'received_on', DateField(null=True)))
    migrator.migrate(migrator.add_index('dispatch_delivery_note', ('plant_id', 'received_on')))
    migrator.migrate(migrator.add_index('dispatch_delivery_note', ('plant_id', 'shipped_on')))
    _local_dates(db, "dispatch_delivery_note", [("shipped_at", "shipped_on"), ("received_at", "received_on")])
    _departures_to_utc(db)


def down(migrator, db):
    migrator.migrate(migrator.drop_index('dispatch_delivery_note', 'dispatch_delivery_note_plant_id_shipped_on'))
    migrator.migrate(migrator.drop_index('dispatch_delivery_note', 'dispatch_delivery_note_plant_id_received_on'))
    migrator.migrate(migrator.drop_column('dispatch_delivery_note', 'received_on'))
    migrator.migrate(migrator.drop_column('dispatch_delivery_note', 'shipped_on'))
