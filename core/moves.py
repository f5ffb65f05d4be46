"""A workflow button posted from a record's page: the record of this plant, the form checked (CSRF),
then the move run with the comment typed. The view says what happened and where to go next."""
from __future__ import annotations

from flask import abort

from core import workflow
from core.records import get_for_plant


def posted_move(model, pk, move, form):
    record = get_for_plant(model, pk)
    if not form.validate_on_submit():
        abort(400)
    workflow.move(record, move, form.comment.data)   # an unknown move is refused; the move checks the rest
    return record
