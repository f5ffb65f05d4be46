from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from addons.master_data.initials import Initialled
from addons.master_data.models.dictionary import DictionaryEntry
from addons.master_data.models.price import PriceList
from addons.master_data.models.region import Region
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User

KINDS = {"channel": _l("Channel customer"), "end": _l("End customer")}
RATINGS = {"A": "A", "B": "B", "C": "C", "D": "D"}
# The relationship grade (渠道等级 / 客户星级): A best; a new customer starts at E and the CRM upgrades it.
GRADES = {"A": "A", "B": "B", "C": "C", "D": "D", "E": "E"}


class Customer(Initialled, BaseModel):
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    code = CharField(max_length=40)
    name = CharField(max_length=200)
    kind = CharField(max_length=20, default="end")             # channel customer/agent or end customer
    nature = ForeignKeyField(DictionaryEntry, null=True, on_delete="SET NULL", backref="+")
    customer_type = ForeignKeyField(DictionaryEntry, null=True, on_delete="SET NULL", backref="+")
    source = ForeignKeyField(DictionaryEntry, null=True, on_delete="SET NULL", backref="+")
    region = ForeignKeyField(Region, null=True, on_delete="SET NULL")
    salesperson = ForeignKeyField(User, null=True, on_delete="SET NULL")
    credit_limit = FixedDecimalField(places=2, default=Decimal("0"))
    payment_days = IntegerField(default=0)
    rating = CharField(max_length=2, default="B")
    price_list = ForeignKeyField(PriceList, null=True, on_delete="SET NULL")
    phone = CharField(max_length=40, default="")
    address = CharField(max_length=300, default="")            # default delivery address
    public_pool = BooleanField(default=False)                  # 公海: unassigned, any salesperson may take it
    active = BooleanField(default=True)
    initials = CharField(max_length=100, default="")   # pinyin initials of the name, kept by save()
    grade = CharField(max_length=1, default="E")
    channel_type = ForeignKeyField(DictionaryEntry, null=True, on_delete="SET NULL", backref="+")
    referred_by = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="referred")  # the channel
    assigned_on = DateField(null=True)          # the plant day its present salesperson got it (churn counts from it)
    created_at = DateTimeField(null=True, default=clock.utcnow)

    class Meta:
        table_name = "master_data_customer"
        text_search = ("code", "name", "phone", "initials")   # searched inside: a trigram index (core/text_index.py)
        indexes = ((("plant", "code"), True), (("plant", "name"), False), (("plant", "initials"), False),
                   # the lists' sorts
                   (("plant", "grade"), False), (("plant", "assigned_on"), False), (("plant", "payment_days"), False),
                   (("plant", "credit_limit"), False))

    def __str__(self):
        return f"{self.code} {self.name}"


class CustomerAddress(BaseModel):
    customer = ForeignKeyField(Customer, backref="addresses", on_delete="CASCADE")
    label = CharField(max_length=60, default="")
    address = CharField(max_length=300)
    contact = CharField(max_length=60, default="")
    phone = CharField(max_length=40, default="")
    is_default = BooleanField(default=False)

    class Meta:
        table_name = "master_data_customer_address"


class CustomerContact(BaseModel):
    customer = ForeignKeyField(Customer, backref="contacts", on_delete="CASCADE")
    name = CharField(max_length=60)
    title = CharField(max_length=60, default="")
    phone = CharField(max_length=40, default="")

    class Meta:
        table_name = "master_data_customer_contact"


class CustomerLogin(BaseModel):
    """A user who acts for a customer (the order portal); one user belongs to at most one customer."""
    customer = ForeignKeyField(Customer, backref="logins", on_delete="CASCADE")
    user = ForeignKeyField(User, unique=True, on_delete="CASCADE")

    class Meta:
        table_name = "master_data_customer_login"
