"""A client generated from the published schema (openapi-python-client) drives the app as a national system would:
it logs in with the token endpoint, lists meetings and commitments, sets a status, adds a progress note and an
evidence link, and is refused (parsed as the schema says) where the permission module refuses.

The client talks to the real WSGI application in-process (httpx.WSGITransport, no network), so every middleware
and the URL configuration answer as in production, against the test database."""

import importlib
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client as DjangoClient

from config.wsgi import application
from enlace.accounts.models import User
from enlace.followup.models import Evidence, ProgressNote
from enlace.meetings.models import Commitment, CommitmentStatus
from tests.factories.directory import PASSWORD
from tests.factories.meetings import make_meeting

PACKAGE = "enlace_api_client"
GENERATOR = Path(sys.executable).with_name("openapi-python-client")
# No post hooks: the generated code is imported, not kept, so it need not be reformatted by ruff.
GENERATOR_CONFIG = f"package_name_override: {PACKAGE}\npost_hooks: []\n"
FIGURES: dict[str, float] = {}


@pytest.fixture(scope="module")
def api_client_package(tmp_path_factory, django_db_blocker):
    """The client package generated from /api/v1/schema/, imported; the generator's warnings fail the test."""
    started = time.perf_counter()
    with django_db_blocker.unblock():
        schema = DjangoClient().get("/api/v1/schema/")
    assert schema.status_code == 200
    workdir = tmp_path_factory.mktemp("generated_client")
    (workdir / "schema.yaml").write_bytes(schema.content)
    (workdir / "config.yaml").write_text(GENERATOR_CONFIG)
    result = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            str(workdir / "schema.yaml"),
            "--output-path",
            str(workdir / PACKAGE),
            "--meta",
            "none",
            "--config",
            str(workdir / "config.yaml"),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    FIGURES["generate_seconds"] = round(time.perf_counter() - started, 2)
    FIGURES["generated_modules"] = len(list((workdir / PACKAGE).rglob("*.py")))
    sys.path.insert(0, str(workdir))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(workdir))
        for name in [name for name in sys.modules if name == PACKAGE or name.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


@pytest.fixture
def wsgi_transport(db):
    """The WSGI application in this thread, on the test's own database connection (kept open between requests
    as Django's test client keeps it)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield httpx.WSGITransport(app=application)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def module(package, dotted: str):
    return importlib.import_module(f"{package.__name__}.{dotted}")


def anonymous(package, transport, **headers):
    return package.Client(base_url="http://testserver", headers=headers, httpx_args={"transport": transport})


def log_in(package, transport, username: str, name: str = "national system"):
    """The generated token call, then a client that sends `Authorization: Token <token>`."""
    token_request = module(package, "models.token_request").TokenRequest
    create_token = module(package, "api.auth.auth_token_create")
    answer = create_token.sync_detailed(
        client=anonymous(package, transport),
        body=token_request(username=username, password=PASSWORD, name=name),
    )
    assert answer.status_code == 200, answer.content
    return package.AuthenticatedClient(
        base_url="http://testserver",
        token=answer.parsed.token,
        prefix="Token",
        httpx_args={"transport": transport},
        raise_on_unexpected_status=True,
    ), answer.parsed


def test_national_system_logs_in_lists_and_reports_progress_through_the_generated_client(
    api_client_package, wsgi_transport, organizations, costa_rica_officer
):
    package, started = api_client_package, time.perf_counter()
    make_meeting()
    client, token = log_in(package, wsgi_transport, costa_rica_officer.username)
    assert token.expiry is not None

    meetings = module(package, "api.meetings.meetings_list").sync(client=client)
    assert [m.title for m in meetings.results] == ["Reunión de la Red de Funcionarios de Enlace"]
    assert meetings.results[0].country == "HN"
    detail = module(package, "api.meetings.meetings_retrieve").sync(meetings.results[0].id, client=client)
    assert [a.label for a in detail.agreements] == ["1", "2", "3"]

    commitments = module(package, "api.meetings.commitments_list").sync(client=client)
    assert commitments.count == 3
    mine = module(package, "api.meetings.commitments_list").sync(client=client, organization="CR")
    assert sorted(c.agreement for c in mine.results) == ["2.a", "2.b"]  # CR's own, and "the member states"
    ours = next(c for c in mine.results if c.agreement == "2.b")
    assert ours.recipient is None and ours.due_date is None  # nullable fields parse as None

    status_change = module(package, "models.status_change").StatusChange
    status_enum = module(package, "models.status_enum").StatusEnum
    changed = module(package, "api.meetings.commitments_status_create").sync(
        ours.id, client=client, body=status_change(status=status_enum("in_progress"), note="Borrador enviado")
    )
    assert changed.status == "in_progress"

    note_body = module(package, "models.progress_note_request").ProgressNoteRequest
    note = module(package, "api.meetings.commitments_notes_create").sync(
        ours.id, client=client, body=note_body(text="Capacitación de 40 funcionarios en junio.")
    )
    assert note.text == "Capacitación de 40 funcionarios en junio." and note.organization == "CR"

    link_body = module(package, "models.evidence_link_request").EvidenceLinkRequest
    evidence = module(package, "api.meetings.commitments_evidence_create").sync(
        ours.id,
        client=client,
        body=link_body(title="Informe de la capacitación", url="https://example.org/i"),
    )
    assert evidence.url == "https://example.org/i" and evidence.title == "Informe de la capacitación"

    done = module(package, "api.meetings.commitments_status_create").sync(
        ours.id, client=client, body=status_change(status=status_enum("done"))
    )
    assert done.status == "done"  # the evidence link allows closing it

    stored = Commitment.objects.get(pk=ours.id)
    assert stored.status == CommitmentStatus.DONE
    assert ProgressNote.objects.filter(commitment=stored, author=costa_rica_officer).count() == 3
    assert Evidence.objects.filter(commitment=stored, added_by=costa_rica_officer).count() == 1
    FIGURES["journey_seconds"] = round(time.perf_counter() - started, 2)
    print(f"\ngenerated client figures: {FIGURES}")


def test_officer_cannot_write_to_another_organizations_commitment_through_the_generated_client(
    api_client_package, wsgi_transport, organizations, costa_rica_officer
):
    package = api_client_package
    make_meeting()
    client, _token = log_in(package, wsgi_transport, costa_rica_officer.username)
    iom_commitment = Commitment.objects.get(responsible__code="IOM")
    status_change = module(package, "models.status_change").StatusChange
    status_enum = module(package, "models.status_enum").StatusEnum
    refused = module(package, "api.meetings.commitments_status_create").sync_detailed(
        iom_commitment.pk, client=client, body=status_change(status=status_enum("in_progress"))
    )
    assert refused.status_code == 404 and refused.parsed.detail
    note_body = module(package, "models.progress_note_request").ProgressNoteRequest
    refused_note = module(package, "api.meetings.commitments_notes_create").sync_detailed(
        iom_commitment.pk, client=client, body=note_body(text="No es nuestro")
    )
    assert refused_note.status_code == 404 and refused_note.parsed.detail
    link_body = module(package, "models.evidence_link_request").EvidenceLinkRequest
    refused_link = module(package, "api.meetings.commitments_evidence_create").sync_detailed(
        iom_commitment.pk, client=client, body=link_body(title="Falso", url="https://example.org/x")
    )
    assert refused_link.status_code == 404 and refused_link.parsed.detail
    iom_commitment.refresh_from_db()
    assert iom_commitment.status == CommitmentStatus.OPEN
    assert not iom_commitment.notes.exists() and not iom_commitment.evidence.exists()


def test_civil_society_member_reads_but_cannot_write_through_the_generated_client(
    api_client_package, wsgi_transport, organizations, rrocm_member
):
    package = api_client_package
    make_meeting()
    client, _token = log_in(package, wsgi_transport, rrocm_member.username)
    rows = module(package, "api.meetings.commitments_list").sync(client=client).results
    assert len(rows) == 3
    status_change = module(package, "models.status_change").StatusChange
    status_enum = module(package, "models.status_enum").StatusEnum
    for row in rows:
        refused = module(package, "api.meetings.commitments_status_create").sync_detailed(
            row.id, client=client, body=status_change(status=status_enum("in_progress"))
        )
        assert refused.status_code == 404 and refused.parsed.detail
    assert not Commitment.objects.exclude(status=CommitmentStatus.OPEN).exists()


def test_account_without_a_role_gets_403_from_the_directory_through_the_generated_client(
    api_client_package, wsgi_transport, organizations
):
    package = api_client_package
    User.objects.create_user(username="no.role", email="no.role@example.org", password=PASSWORD)
    client, _token = log_in(package, wsgi_transport, "no.role")
    refused = module(package, "api.directory.people_list").sync_detailed(client=client)
    assert refused.status_code == 403 and refused.parsed.detail


def test_missing_or_wrong_credentials_parse_as_documented_errors(
    api_client_package, wsgi_transport, organizations
):
    package = api_client_package
    create_token = module(package, "api.auth.auth_token_create")
    token_request = module(package, "models.token_request").TokenRequest
    wrong = create_token.sync_detailed(
        client=anonymous(package, wsgi_transport),
        body=token_request(username="nobody", password="wrong", name="script"),
    )
    assert wrong.status_code == 400 and wrong.parsed.non_field_errors
    people = module(package, "api.directory.people_list")
    missing = people.sync_detailed(client=anonymous(package, wsgi_transport))
    assert missing.status_code == 401 and missing.parsed.detail
    assert missing.headers["WWW-Authenticate"] == "Token"
    bad_token = people.sync_detailed(
        client=anonymous(package, wsgi_transport, Authorization="Token not-a-token")
    )
    assert bad_token.status_code == 401 and bad_token.parsed.detail
    unknown = module(package, "api.meetings.meetings_retrieve").sync_detailed(
        999999, client=anonymous(package, wsgi_transport)
    )
    assert unknown.status_code == 404 and unknown.parsed.detail


def test_national_system_writes_its_country_report_through_the_generated_client(
    api_client_package, wsgi_transport, organizations, costa_rica_officer, mexico_officer, secretariat_staff
):
    from enlace.reporting.models import Answer
    from enlace.reporting.services.submissions import submission_start
    from tests.factories.reporting import make_cycle, make_framework

    package = api_client_package
    cycle = make_cycle(
        secretariat_staff, make_framework(), expected=[organizations["CR"], organizations["MX"]]
    )
    report = submission_start(
        actor=costa_rica_officer, cycle=cycle, country_id=costa_rica_officer.organization_id
    )
    client, _token = log_in(package, wsgi_transport, costa_rica_officer.username)
    frameworks = module(package, "api.reporting.frameworks_list").sync(client=client)
    assert [i.code for i in frameworks.results[0].indicators][:2] == ["TIP-PR-08", "TIP-PR-09"]
    write = module(package, "api.reporting.reports_answers_create")
    body = module(package, "models.answers_write").AnswersWrite
    item = module(package, "models.answer_write").AnswerWrite
    parts = module(package, "models.answer_write_parts").AnswerWriteParts
    female_male = parts.from_dict({"sex:female": 4, "sex:male": 6})
    saved = write.sync(
        report.pk, client=client,
        body=body(answers=[item(indicator="TIP-PR-08", value=10, parts=female_male, revision=0,
                                article="CP art. 172", data_source="Ministerio Público")]),
    )  # fmt: skip
    [answer] = saved.answers
    assert (answer.indicator, answer.value, answer.revision) == ("TIP-PR-08", 10, 1)
    stale = write.sync_detailed(
        report.pk, client=client, body=body(answers=[item(indicator="TIP-PR-08", value=11, revision=0)])
    )
    assert stale.status_code == 409 and stale.parsed.newer[0].value == 10
    bad = write.sync_detailed(
        report.pk, client=client, body=body(answers=[item(indicator="TIP-PR-09", value="three")])
    )
    assert bad.status_code == 400
    assert Answer.objects.get().value == 10  # nothing else was saved
    other, _token = log_in(package, wsgi_transport, mexico_officer.username)
    refused = write.sync_detailed(
        report.pk, client=other, body=body(answers=[item(indicator="TIP-PR-08", value=1)])
    )
    assert refused.status_code == 404
    listed = module(package, "api.reporting.reports_list").sync(client=other)
    assert listed.count == 0  # another country's draft is not listed
