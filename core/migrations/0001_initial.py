"""core: initial."""
# Generated from a schema diff on 2026-11-23 01:37.
from peewee import *
import datetime

def up(migrator, db):
    class User(Model):
        login = CharField(unique=True, max_length=80)
        name = CharField(max_length=120)
        password_hash = CharField()
        lang = CharField(max_length=16, default='zh_Hans_CN')
        email = CharField(null=True, max_length=200)
        active = BooleanField(default=True)
        is_superuser = BooleanField(default=False)
        failed_logins = IntegerField(default=0)
        locked_until = DateTimeField(null=True)
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'core_user'
    db.create_tables([User])

    class ApiToken(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        name = CharField(max_length=80)
        prefix = CharField(max_length=12)
        token_hash = CharField(unique=True, max_length=64)
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        last_used_at = DateTimeField(null=True)
        revoked_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'core_api_token'
    db.create_tables([ApiToken])

    class Company(Model):
        name = CharField(max_length=200)
        currency = CharField(max_length=3, default='CNY')
        class Meta:
            database = db
            table_name = 'core_company'
    db.create_tables([Company])

    class Plant(Model):
        company = ForeignKeyField(Company, on_delete='RESTRICT')
        code = CharField(unique=True, max_length=20)
        name = CharField(max_length=200)
        timezone = CharField(max_length=64, default='Asia/Shanghai')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'core_plant'
    db.create_tables([Plant])

    class AuditLog(Model):
        at = DateTimeField(index=True, default=datetime.datetime.utcnow)
        user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        plant = ForeignKeyField(Plant, null=True, on_delete='SET NULL')
        remote_addr = CharField(null=True, max_length=64)
        action = CharField(max_length=40)
        model = CharField(index=True, max_length=80)
        record_id = IntegerField(index=True, null=True)
        old = TextField(null=True)
        new = TextField(null=True)
        comment = TextField(null=True)
        class Meta:
            database = db
            table_name = 'core_audit_log'
    db.create_tables([AuditLog])

    class ImportJob(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        plant = ForeignKeyField(Plant, on_delete='CASCADE')
        spec = CharField(max_length=40)
        filename = CharField()
        path = CharField(max_length=500)
        state = CharField(max_length=12, default='checking')
        total = IntegerField(default=0)
        created = IntegerField(default=0)
        updated = IntegerField(default=0)
        ok = BooleanField(default=False)
        problems = TextField(default='[]')
        problem_count = IntegerField(default=0)
        error = TextField(default='')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'core_import_job'
    db.create_tables([ImportJob])

    class InstalledAddon(Model):
        name = CharField(unique=True, max_length=64)
        version = CharField(max_length=32)
        installed_at = DateTimeField(default=datetime.datetime.utcnow)
        updated_at = DateTimeField(default=datetime.datetime.utcnow)
        class Meta:
            database = db
            table_name = 'core_installed_addon'
    db.create_tables([InstalledAddon])

    class JobLock(Model):
        job_id = CharField(primary_key=True, max_length=120)
        owner = CharField(null=True, max_length=120)
        claimed_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'core_job_lock'
    db.create_tables([JobLock])

    class JobRun(Model):
        job_id = CharField(index=True, max_length=120)
        plant = ForeignKeyField(Plant, null=True, on_delete='CASCADE')
        started_at = DateTimeField(default=datetime.datetime.utcnow)
        duration_s = FloatField(null=True)
        ok = BooleanField(default=False)
        result = TextField(null=True)
        error = TextField(null=True)
        class Meta:
            database = db
            table_name = 'core_job_run'
    db.create_tables([JobRun])

    class Notification(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        plant = ForeignKeyField(Plant, null=True, on_delete='CASCADE')
        subject = CharField(max_length=200)
        body = TextField(default='')
        params = TextField(default='{}')
        link = CharField(max_length=300, default='')
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        read_at = DateTimeField(null=True)
        email = BooleanField(default=False)
        emailed_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'core_notification'
            indexes = ((('user', 'read_at'), False), (('email', 'emailed_at'), False))
    db.create_tables([Notification])

    class PlantAddon(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE')
        addon = CharField(max_length=64)
        class Meta:
            database = db
            table_name = 'core_plant_addon'
            indexes = ((('plant', 'addon'), True),)
    db.create_tables([PlantAddon])

    class Role(Model):
        code = CharField(unique=True, max_length=40)
        name = CharField(max_length=100)
        class Meta:
            database = db
            table_name = 'core_role'
    db.create_tables([Role])

    class RolePermission(Model):
        role = ForeignKeyField(Role, on_delete='CASCADE')
        permission = CharField(max_length=120)
        class Meta:
            database = db
            table_name = 'core_role_permission'
            indexes = ((('role', 'permission'), True),)
    db.create_tables([RolePermission])

    class Sequence(Model):
        plant = ForeignKeyField(Plant, on_delete='CASCADE')
        doc_type = CharField(max_length=20)
        year = IntegerField()
        last = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'core_sequence'
            indexes = ((('plant', 'doc_type', 'year'), True),)
    db.create_tables([Sequence])

    class UserPlant(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        plant = ForeignKeyField(Plant, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'core_user_plant'
            indexes = ((('user', 'plant'), True),)
    db.create_tables([UserPlant])

    class UserRole(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        role = ForeignKeyField(Role, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'core_user_role'
            indexes = ((('user', 'role'), True),)
    db.create_tables([UserRole])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('core_user_role'))
    migrator.migrate(migrator.drop_table('core_user_plant'))
    migrator.migrate(migrator.drop_table('core_sequence'))
    migrator.migrate(migrator.drop_table('core_role_permission'))
    migrator.migrate(migrator.drop_table('core_role'))
    migrator.migrate(migrator.drop_table('core_plant_addon'))
    migrator.migrate(migrator.drop_table('core_notification'))
    migrator.migrate(migrator.drop_table('core_job_run'))
    migrator.migrate(migrator.drop_table('core_job_lock'))
    migrator.migrate(migrator.drop_table('core_installed_addon'))
    migrator.migrate(migrator.drop_table('core_import_job'))
    migrator.migrate(migrator.drop_table('core_audit_log'))
    migrator.migrate(migrator.drop_table('core_plant'))
    migrator.migrate(migrator.drop_table('core_company'))
    migrator.migrate(migrator.drop_table('core_api_token'))
    migrator.migrate(migrator.drop_table('core_user'))
