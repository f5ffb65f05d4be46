"""States and moves as data, enforced strictly.

A model lists `STATES` (code -> label) and `TRANSITIONS` (a set of (from, to) pairs) and has a
`state` field. A method decorated with `@transition("approved", permission=...)` runs in one
transaction: it re-reads and locks the row, refuses a move the table does not allow or the user may
not make (Tryton silently skips such moves; a silent no-op hides bugs), runs the method body, writes
the state, writes the audit entry and calls the `state_changed` hook, all or nothing.
"""
from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass

from flask_babel import gettext as _

from core import audit, context
from core.db import lock_get
from core.kernel import current_kernel
from core.security import may
from core.transactions import held, hold, joined_transaction
from core.errors import PermissionDenied, UserError, WorkflowError


@dataclass(frozen=True)
class TransitionSpec:
    name: str                 # the method name, also the API verb
    target: str
    permission: str | None
    label: object
    sources: tuple | None     # narrower than TRANSITIONS, e.g. "reject" only from "submitted"
    needs_comment: bool
    style: str
    when: object = None       # record -> bool: offer the move only where it makes sense (a button filter)
    # False for a move that needs more than a comment (a refund's amount): only its own door runs it,
    # never the generic "move" of a screen or the API
    direct: bool = True
    # a step a service takes as part of its work (shipping moves the note to "shipped"): never a button
    # or an API move, audited and hooked like every other
    internal: bool = False

    @property
    def offered(self) -> bool:
        """Whether a screen's or the API's generic move may run it by name."""
        return self.direct and not self.internal


@dataclass(frozen=True)
class Goto:
    """Returned by a transition's body to land in another allowed state, e.g. credit hold on approval."""
    state: str


def transition(target, permission=None, label=None, sources=None, needs_comment=False, style="primary", when=None,
               internal=False):
    def decorate(method):
        wanted = [p for p in list(inspect.signature(method).parameters.values())[1:]
                  if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        spec = TransitionSpec(method.__name__, target, permission, label or method.__name__,
                              tuple(sources) if sources else None, needs_comment, style, when, not wanted, internal)

        @functools.wraps(method)
        def wrapper(self, *args, comment=None, **kwargs):
            return _run(self, method, spec, args, kwargs, comment)

        wrapper.transition_spec = spec
        return wrapper
    return decorate


def transitions_of(model) -> list[TransitionSpec]:
    specs = []
    for name in dir(model):
        spec = getattr(getattr(model, name, None), "transition_spec", None)
        if spec is not None:
            specs.append(spec)
    return specs


def find(model, name) -> TransitionSpec | None:
    """The move called `name` (a URL or API verb), or None: never getattr on a name a user typed.
    A move that needs more than a comment is not found here: its own screen or API operation runs it."""
    return next((s for s in transitions_of(model) if s.name == name and s.offered), None)


def move(record, name, comment=None):
    """Run the move `name` on `record`, as a screen's or the API's POST asks; 404 for an unknown name."""
    if find(type(record), name) is None:
        from core.errors import NotFound
        raise NotFound(_("There is no such action."))
    return getattr(record, name)(comment=comment)


def state_label(model, state) -> str:
    return str(model.STATES.get(state, state))


def _allowed(model, spec, state) -> bool:
    return (state, spec.target) in model.TRANSITIONS and (spec.sources is None or state in spec.sources)


def _may(user, spec, record) -> bool:
    if user is None:  # the system itself (a scheduled job or the CLI acting without a user)
        return True
    return may(user, spec.permission, getattr(record, "plant_id", None))


def available(record, user=None) -> list[TransitionSpec]:
    """The moves `user` may make on `record` now: screens and the API draw buttons from this."""
    user = user if user is not None else context.current().user
    return [s for s in transitions_of(type(record)) if s.offered and _allowed(type(record), s, record.state)
            and _may(user, s, record) and (s.when is None or s.when(record))]


def move_all(records, name, comment=None) -> None:
    """The same move on several records in one transaction (a trip's notes cancelled with it): each one
    checked, written, audited and hooked as a single move is."""
    with joined_transaction():
        for record in records:
            getattr(record, name)(comment=comment)


def _run(record, method, spec, args, kwargs, comment):
    # Inside a caller's transaction the move joins it rather than opening a savepoint: nothing catches a move's
    # refusal and carries on in the same transaction (a refusal ends the caller's transaction with it).
    with joined_transaction():
        fresh = held(record) or lock_get(type(record), record.id)
        before = dict(fresh.__data__) if fresh is record else None
        try:
            return _move(record, fresh, method, spec, args, kwargs, comment)
        except BaseException:
            if before is not None:          # the caller's instance is as it was, as when a copy was moved
                record.__data__, record._dirty = before, set()
            raise


def _move(record, fresh, method, spec, args, kwargs, comment):
    """The move itself, on `fresh` (the locked row, or `record` when it is that already), in the open transaction."""
    model = type(record)
    user = context.current().user
    old = fresh.state
    if not _allowed(model, spec, old):
        raise WorkflowError(_("This document is %(state)s; it cannot be moved to %(target)s.",
                              state=state_label(model, old), target=state_label(model, spec.target)))
    if not _may(user, spec, fresh):
        raise PermissionDenied(_("You are not allowed to do this: %(action)s.", action=str(spec.label)))
    if spec.needs_comment and not (comment or "").strip():
        raise UserError(_("Please give a reason."), field="comment")
    result = method(fresh, *args, **kwargs)
    target = spec.target
    if isinstance(result, Goto):
        if (old, result.state) not in model.TRANSITIONS:
            raise WorkflowError(_("This document is %(state)s; it cannot be moved to %(target)s.",
                                  state=state_label(model, old), target=state_label(model, result.state)))
        target = result.state
    fresh.state = target
    fresh.save()
    plant_id = getattr(fresh, "plant_id", None)
    audit.log("transition", model._meta.table_name, fresh.id, plant=plant_id,
              old={"state": old}, new={"state": target}, comment=comment)
    current_kernel().hooks.call("state_changed", plant_id, record=fresh, old=old, new=target,
                                comment=comment)
    if fresh is not record:
        record.__data__.update(fresh.__data__)
        hold(record, instead_of=fresh)
    record._dirty.clear()
    return result


def reason(record) -> str:
    """The comment of the move that brought `record` to its present state (a refusal's reason), or ""."""
    from core.models import AuditLog
    last = (AuditLog.select(AuditLog.comment).where(
        (AuditLog.model == type(record)._meta.table_name) & (AuditLog.record_id == record.id)
        & (AuditLog.action == "transition")).order_by(AuditLog.id.desc()).first())
    return (last.comment or "") if last is not None else ""
