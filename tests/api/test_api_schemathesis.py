"""A bounded schemathesis run over the whole API: generated requests to every operation of the OpenAPI schema,
positive and negative, signed in and anonymous, none answering 5xx, every documented answer matching the schema.

Runs in-process against the Django WSGI app on the test database (SQLite or PostgreSQL, whichever the suite
uses), authenticated by a real session cookie with its CSRF pair.
"""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from enlace.meetings.models import Commitment
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 12  # x 10 operations x 2 modes x 2 callers, plus real ids: well under a minute
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
CSRF_SECRET = "a" * 32  # an unmasked CSRF secret, the same in the cookie and the header


def session_of(user) -> dict:
    client = client_for(user)
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF_SECRET}


def run_operation(operation, mode, cookies, path_parameters, tally):
    strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters or None)

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def check(case):
        response = case.call(cookies=cookies, headers={"X-CSRFToken": CSRF_SECRET})
        tally["cases"] += 1
        tally.setdefault(response.status_code, 0)
        tally[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)

    try:
        check()
    except Unsatisfiable:
        # Nothing to make invalid (an organization's code is any text): no negative case exists.
        if mode != GenerationMode.NEGATIVE:
            raise
        tally["operations without a negative case"] += 1


def test_the_whole_api_answers_no_5xx_and_matches_its_schema(
    api_schema,
    organizations,
    secretariat_staff,
    capsys,
):
    meeting = make_meeting()
    commitment = Commitment.objects.filter(meeting=meeting).first()
    real_ids = {
        "/api/v1/commitments/{id}/": {"id": commitment.pk},
        "/api/v1/commitments/{id}/status/": {"id": commitment.pk},
        "/api/v1/meetings/{id}/": {"id": meeting.pk},
        "/api/v1/people/{id}/": {"id": secretariat_staff.pk},
        "/api/v1/organizations/{code}/": {"code": "CR"},
    }
    callers = {"secretariat": session_of(secretariat_staff), "visitor": {}}
    tally = {"cases": 0, "operations without a negative case": 0}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    started = time.monotonic()
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for cookies in callers.values():
                run_operation(operation, mode, cookies, None, tally)
                if operation.path in real_ids and mode == GenerationMode.POSITIVE:
                    run_operation(operation, mode, cookies, real_ids[operation.path], tally)
    elapsed = time.monotonic() - started
    with capsys.disabled():
        statuses = {k: v for k, v in sorted(tally.items(), key=str) if isinstance(k, int)}
        print(
            f"\nschemathesis: {tally['cases']} cases over {len(operations)} operations in {elapsed:.1f} s, "
            f"answers {statuses}, {tally['operations without a negative case']} runs without a negative case"
        )
    assert not any(isinstance(status, int) and status >= 500 for status in tally)
