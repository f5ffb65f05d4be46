"""purchase_weighing: no tables of its own (it answers purchase's hooks from weighing's tickets)."""


def up(migrator, db):
    pass


def down(migrator, db):
    pass
