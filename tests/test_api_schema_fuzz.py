"""A bounded schemathesis run against /api/v1/openapi.json: every operation, cases generated from the
document itself, as the token of a user who may do everything in plant P1. No answer may be a server
error, and every answer must be one the document describes (status, content type, body schema);
bodies that break the documented schema must be refused (negative cases)."""
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import (content_type_conformance, negative_data_rejection,
                                               response_schema_conformance, status_code_conformance)
from schemathesis.checks import not_a_server_error

from core.api import tokens
from core.models import User

EXAMPLES = 6          # per operation and mode: about 1,300 cases, a bounded run for every CI tier


@pytest.fixture
def full_demo(ctx):
    from core.demo import load_demo
    load_demo(ctx.extensions["erp"].registry)
    User.update(lang="en").execute()


def _without_credentials(document):
    """The document as the fuzzer sees it: the token and the plant are the test's own (their refusals are
    tested in test_api.py), so mutations go to what an operation itself takes: path, query and body."""
    document.pop("security", None)
    plant = {"$ref": "#/components/parameters/Plant"}
    for item in document["paths"].values():
        for operation in item.values():
            operation["parameters"] = [p for p in operation.get("parameters", []) if p != plant]
    return document


def _run(operation, mode, headers, failures, answers):
    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    if mode is GenerationMode.NEGATIVE:
        checks.append(negative_data_rejection)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    def run(case):
        response = case.call(headers=headers)
        answers[response.status_code // 100] += 1
        try:
            case.validate_response(response, checks=checks, headers=headers)
        except BaseException as exc:  # every failure of every operation, not just the first (a FailureGroup)
            failures.append(f"{mode.value} {operation.label}: {str(exc)[:600]}")
    try:
        run()
    except Unsatisfiable:
        assert mode is GenerationMode.NEGATIVE     # an operation that takes nothing: nothing to break


def test_the_api_keeps_to_its_own_document(app, full_demo):
    token = tokens.issue(User.get(User.login == "admin"), "fuzz")
    headers = {"Authorization": f"Bearer {token}", "X-Plant": "P1"}
    schema = schemathesis.openapi.from_dict(_without_credentials(app.test_client().get("/api/v1/openapi.json").get_json()))
    schema.app, schema.location = app, "/api/v1/openapi.json"
    failures, ran, answers = [], 0, Counter()
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _run(operation, mode, headers, failures, answers)
        ran += 1
    assert ran > 100 and answers[2] > 120 and answers[4] > 600, answers    # both kinds of answer were reached
    assert not failures, "\n".join(failures[:40])
