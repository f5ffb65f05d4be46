import datetime

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from core import clock
from core.db import BaseModel
from core.models import Plant, User

KINDS = {"slaughter": _l("Slaughter batch"), "production": _l("Production batch"), "received": _l("Received")}
# the papers a Chinese meat plant must keep with every batch it sells
CERTIFICATES = {"quarantine_cert": _l("Animal quarantine certificate"),
                "quality_cert": _l("Meat quality inspection certificate"),
                "asf_report": _l("ASF test report")}


class Lot(BaseModel):
    """A slaughter or production batch (批次): its day, heads, origin, shelf life and certificate numbers.
    Its products and quantities are in the stock moves that name it."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=40)
    kind = CharField(max_length=12, default="slaughter")
    day = DateField()                                   # slaughtered or produced, the plant's date
    heads = IntegerField(default=0)
    origin = CharField(max_length=200, default="")      # the farm or supplier
    shelf_life_days = IntegerField(default=0)
    expires_on = DateField(null=True)
    quarantine_cert = CharField(max_length=60, default="")
    quality_cert = CharField(max_length=60, default="")
    asf_report = CharField(max_length=60, default="")
    remarks = TextField(default="")
    created_at = DateTimeField(default=clock.utcnow)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        table_name = "stock_lot"
        indexes = ((("plant", "number"), True), (("plant", "expires_on"), False),
                   (("plant", "day"), False))

    def __str__(self):
        return self.number

    @property
    def missing_certificates(self) -> list[str]:
        return [str(label) for name, label in CERTIFICATES.items() if not getattr(self, name).strip()]

    def save(self, force_insert=False, only=None):
        # the expiry first-expiring-first picks by: the day plus the shelf life, unless a date is given
        if not self.expires_on and self.shelf_life_days and self.day:
            self.expires_on = self.day + datetime.timedelta(days=self.shelf_life_days)
        return super().save(force_insert=force_insert, only=only)
