"""Refusals a user sees. Messages are translated where they are raised (gettext / lazy_gettext)."""


class UserError(Exception):
    """A business rule said no. Shown to the user as is; nothing was written."""

    status = 400

    def __init__(self, message, field=None, details=None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.details = details or {}

    def __str__(self):
        return str(self.message)


class PermissionDenied(UserError):
    status = 403


class NotFound(UserError):
    status = 404


class WorkflowError(UserError):
    status = 409


# The `code` of an API error answer, by status: the few words the OpenAPI document lists.
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 422: "invalid"}
