"""counter_stock: no tables of its own (it only answers the counter's hooks)."""


def up(migrator, db):
    pass


def down(migrator, db):
    pass
