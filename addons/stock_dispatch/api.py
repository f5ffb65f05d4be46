"""The exit record over /api/v1, read-only: what a regulator's system or a recall desk pulls."""
from addons.stock_dispatch.models.exit_record import ExitRecord
from core.api import Resource

EXIT_RECORDS = Resource("exit_records", ExitRecord, "stock_dispatch.exit_record",
                        search=(ExitRecord.lot_number, ExitRecord.note_number, ExitRecord.customer_name))
