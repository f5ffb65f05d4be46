"""crm: initial."""
# Generated from a schema diff on 2026-12-05 14:26.
from peewee import *
from core.fields import FixedDecimalField
import decimal

# The instants (created_at, at) take their default from the models: new tables, no rows to fill.

def up(migrator, db):
    class Customer(Model):
        class Meta:
            database = db
            table_name = 'master_data_customer'

    class DictionaryEntry(Model):
        class Meta:
            database = db
            table_name = 'master_data_dictionary_entry'

    class Order(Model):
        class Meta:
            database = db
            table_name = 'sales_order_order'

    class Plant(Model):
        class Meta:
            database = db
            table_name = 'core_plant'

    class User(Model):
        class Meta:
            database = db
            table_name = 'core_user'

    class CommissionApplication(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        order = ForeignKeyField(Order, on_delete='RESTRICT')
        customer = ForeignKeyField(Customer, on_delete='RESTRICT')
        salesperson = ForeignKeyField(User, null=True, on_delete='SET NULL')
        day = DateField()
        received = FixedDecimalField()
        rate = FixedDecimalField()
        amount = FixedDecimalField()
        paid = FixedDecimalField(default=decimal.Decimal('0'))
        state = CharField(index=True, max_length=12, default='submitted')
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'crm_commission_application'
            indexes = ((('plant', 'number'), True), (('plant', 'order'), False))
    db.create_tables([CommissionApplication])

    class CommissionPayment(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        application = ForeignKeyField(CommissionApplication, on_delete='RESTRICT')
        day = DateField()
        amount = FixedDecimalField()
        reference = CharField(max_length=80, default='')
        by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        at = DateTimeField()
        class Meta:
            database = db
            table_name = 'crm_commission_payment'
    db.create_tables([CommissionPayment])

    class CommissionRule(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        order_channel = CharField(max_length=12, default='')
        grade = CharField(max_length=1, default='')
        rate = FixedDecimalField()
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'crm_commission_rule'
            indexes = ((('plant', 'order_channel', 'grade'), True),)
    db.create_tables([CommissionRule])

    class CrmSettings(Model):
        plant = ForeignKeyField(Plant, unique=True, on_delete='CASCADE')
        remind_days = IntegerField(default=3)
        low_grades = CharField(max_length=5, default='DE')
        low_grade_days = IntegerField(default=30)
        high_grades = CharField(max_length=5, default='ABC')
        high_grade_days = IntegerField(default=90)
        upgrade_d = IntegerField(default=1)
        upgrade_c = IntegerField(default=3)
        upgrade_b = IntegerField(default=6)
        upgrade_a = IntegerField(default=10)
        class Meta:
            database = db
            table_name = 'crm_settings'
    db.create_tables([CrmSettings])

    class CustomerEvent(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, on_delete='CASCADE')
        kind = CharField(max_length=12)
        day = DateField()
        from_user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        to_user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        old_grade = CharField(max_length=1, default='')
        new_grade = CharField(max_length=1, default='')
        note = CharField(max_length=300, default='')
        rule = CharField(max_length=4, default='')
        count = IntegerField(default=0)
        by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        at = DateTimeField()
        class Meta:
            database = db
            table_name = 'crm_customer_event'
            indexes = ((('plant', 'kind', 'day'), False),)
    db.create_tables([CustomerEvent])

    class Evaluation(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, on_delete='CASCADE')
        user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        day = DateField()
        rating = IntegerField()
        note = CharField(max_length=300, default='')
        class Meta:
            database = db
            table_name = 'crm_evaluation'
            indexes = ((('plant', 'customer'), False),)
    db.create_tables([Evaluation])

    class FollowUp(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, on_delete='CASCADE')
        user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        day = DateField()
        method = ForeignKeyField(DictionaryEntry, null=True, on_delete='SET NULL')
        content = TextField(default='')
        next_day = DateField(null=True)
        next_step = CharField(max_length=300, default='')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'crm_follow_up'
            indexes = ((('plant', 'customer', 'day'), False),)
    db.create_tables([FollowUp])

    class Interaction(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, on_delete='CASCADE')
        user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        day = DateField()
        kind = CharField(max_length=12, default='call')
        content = TextField(default='')
        outcome = CharField(max_length=300, default='')
        class Meta:
            database = db
            table_name = 'crm_interaction'
            indexes = ((('plant', 'customer', 'day'), False),)
    db.create_tables([Interaction])

    class Lead(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        name = CharField(max_length=200)
        contact = CharField(max_length=60, default='')
        phone = CharField(max_length=40, default='')
        address = CharField(max_length=300, default='')
        source = ForeignKeyField(DictionaryEntry, null=True, on_delete='SET NULL')
        salesperson = ForeignKeyField(User, null=True, on_delete='SET NULL')
        notes = TextField(default='')
        state = CharField(index=True, max_length=12, default='new')
        customer = ForeignKeyField(Customer, null=True, on_delete='SET NULL')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'crm_lead'
            indexes = ((('plant', 'state'), False), (('plant', 'name'), True))
    db.create_tables([Lead])

    class PoolClaim(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        customer = ForeignKeyField(Customer, on_delete='CASCADE')
        salesperson = ForeignKeyField(User, on_delete='CASCADE')
        note = CharField(max_length=300, default='')
        state = CharField(index=True, max_length=12, default='submitted')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'crm_pool_claim'
            indexes = ((('plant', 'customer'), False),)
    db.create_tables([PoolClaim])

    class Reimbursement(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        number = CharField(max_length=32)
        salesperson = ForeignKeyField(User, on_delete='RESTRICT')
        customer = ForeignKeyField(Customer, null=True, on_delete='RESTRICT')
        expense_type = ForeignKeyField(DictionaryEntry, on_delete='RESTRICT')
        day = DateField()
        amount = FixedDecimalField()
        description = CharField(max_length=300, default='')
        state = CharField(index=True, max_length=12, default='submitted')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'crm_reimbursement'
            indexes = ((('plant', 'number'), True), (('plant', 'day'), False))
    db.create_tables([Reimbursement])

    class WorkPlan(Model):
        plant = ForeignKeyField(Plant, on_delete='RESTRICT', index=False)
        salesperson = ForeignKeyField(User, on_delete='CASCADE')
        week = DateField()
        title = CharField(max_length=200)
        content = TextField(default='')
        state = CharField(max_length=8, default='open')
        done_on = DateField(null=True)
        class Meta:
            database = db
            table_name = 'crm_work_plan'
            indexes = ((('plant', 'week', 'salesperson'), False),)
    db.create_tables([WorkPlan])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('crm_work_plan'))
    migrator.migrate(migrator.drop_table('crm_reimbursement'))
    migrator.migrate(migrator.drop_table('crm_pool_claim'))
    migrator.migrate(migrator.drop_table('crm_lead'))
    migrator.migrate(migrator.drop_table('crm_interaction'))
    migrator.migrate(migrator.drop_table('crm_follow_up'))
    migrator.migrate(migrator.drop_table('crm_evaluation'))
    migrator.migrate(migrator.drop_table('crm_customer_event'))
    migrator.migrate(migrator.drop_table('crm_settings'))
    migrator.migrate(migrator.drop_table('crm_commission_rule'))
    migrator.migrate(migrator.drop_table('crm_commission_payment'))
    migrator.migrate(migrator.drop_table('crm_commission_application'))
