"""returns: return_date."""
# Generated from a schema diff on 2026-12-04 22:53.
import datetime
from zoneinfo import ZoneInfo

from peewee import *

def up(migrator, db):
    migrator.migrate(migrator.add_column('returns_order', 'date', DateField(null=True)))
    migrator.migrate(migrator.add_index('returns_order', ('plant_id', 'date')))
    zones = {pid: ZoneInfo(tz) for pid, tz in db.execute_sql("SELECT id, timezone FROM core_plant").fetchall()}
    for row_id, plant_id, created in db.execute_sql("SELECT id, plant_id, created_at FROM returns_order").fetchall():
        if isinstance(created, str):
            created = datetime.datetime.fromisoformat(created)
        local = created.replace(tzinfo=datetime.timezone.utc).astimezone(zones[plant_id]).date()
        db.execute_sql("UPDATE returns_order SET date = %s WHERE id = %s".replace("%s", db.param),
                       (local.isoformat(), row_id))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('returns_order', 'returns_order_plant_id_date'))
    migrator.migrate(migrator.drop_column('returns_order', 'date'))
