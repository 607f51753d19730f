"""The back office (/back-office/, django.contrib.admin): a verified secretariat administrator alone gets in, every
change lands in the record's history with the administrator as its author, and no page of it answers 500."""

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from enlace.accounts.models import ApiToken, User
from enlace.core.back_office import back_office
from enlace.core.models import Document
from enlace.directory.models import Organization, OrganizationKind, ProTemporePresidency
from enlace.directory.services import organization_upsert, presidency_set
from enlace.followup.evidence import commitment_add_evidence
from enlace.followup.models import Evidence, ProgressNote
from enlace.followup.services import calendar_feed_reset, commitment_add_note
from enlace.imports.models import ReportImport
from enlace.meetings.models import Commitment, Meeting
from enlace.reporting.models import Population
from enlace.reporting.services.submissions import evidence_add, indicator_comment_add, submission_start
from tests.conftest import client_for
from tests.factories.directory import PASSWORD
from tests.factories.meetings import make_meeting
from tests.factories.reporting import make_cycle, make_framework, submitted_report

pytestmark = pytest.mark.django_db

INDEX = "/back-office/"
REFUSED_PERSONAS = [
    "costa_rica_officer",
    "mexico_officer",
    "secretariat_staff",
    "iom_analyst",
    "rrocm_member",
]


def _url(model, view, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _with_every_django_flag(user):
    """Django's own admin would let these in: they must not matter here."""
    user.is_staff = user.is_superuser = True
    user.save()
    return user


# --- who gets in -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", REFUSED_PERSONAS, indirect=True)
def test_a_member_with_superuser_flags_but_not_the_administrator_role_is_refused_every_back_office_page(
    persona, organizations
):
    client = client_for(_with_every_django_flag(persona))
    client.raise_request_exception = False
    reference = organizations["ST"]
    for path in (
        INDEX,
        "/back-office/directory/",
        _url(Organization, "changelist"),
        _url(Organization, "change", reference.pk),
        _url(Organization, "history", reference.pk),
        _url(User, "changelist"),
        "/back-office/login/",
        "/back-office/jsi18n/",
    ):
        assert client.get(path).status_code == 403, path
    response = client.post(_url(Organization, "change", reference.pk), {"name_es": "Tomada"})
    assert response.status_code == 403
    reference.refresh_from_db()
    assert reference.name_es == "Secretaría Técnica de la CRM"


def test_a_visitor_is_sent_to_enlaces_own_log_in_and_back(db):
    client = Client()
    first = client.get(_url(Organization, "changelist"))
    assert first.status_code == 302
    assert first["Location"].startswith("/back-office/login/?next=")
    second = client.get(first["Location"])
    assert second.status_code == 302
    assert second["Location"] == "/accounts/login/?next=/back-office/directory/organization/"


def test_the_back_office_log_in_takes_no_password_so_the_second_factor_and_log_in_limits_cannot_be_skipped(
    secretariat_admin,
):
    client = Client()
    response = client.post("/back-office/login/", {"username": "st.admin", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_the_log_in_redirect_does_not_leave_enlace(db):
    response = Client().get("/back-office/login/", {"next": "https://evil.example/"})
    assert response["Location"] == "/accounts/login/?next=/back-office/"


def test_the_administrator_signed_in_with_the_password_only_is_sent_to_the_code_prompt(secretariat_admin):
    TOTPDevice.objects.create(user=secretariat_admin, name="phone", confirmed=True)
    client = Client()
    client.post("/accounts/login/", {"username": "st.admin", "password": PASSWORD})
    response = client.get(_url(Organization, "changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/verify/?next=")


def test_the_site_itself_refuses_an_unverified_administrator_even_without_the_middleware(secretariat_admin):
    """Defence in depth: should RequireSecondFactorMiddleware ever be left out, the back office still asks."""
    request = RequestFactory().get(INDEX)
    request.user = secretariat_admin
    request.user.is_verified = lambda: False
    request.session = {}
    assert back_office.has_permission(request) is False
    response = back_office.admin_view(lambda request: HttpResponse("inside"))(request)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/verify/?next=")

    request.user.is_verified = lambda: True
    assert back_office.has_permission(request) is True
    request.user.is_active = False
    assert back_office.has_permission(request) is False
    request.user = AnonymousUser()
    assert back_office.has_permission(request) is False


def test_only_the_administrator_sees_the_back_office_in_the_navigation(secretariat_admin, secretariat_staff):
    link = 'data-testid="back-office-link"'
    assert link in client_for(secretariat_admin).get("/home/").content.decode()
    assert link not in client_for(_with_every_django_flag(secretariat_staff)).get("/home/").content.decode()
    assert link not in Client().get("/").content.decode()


# --- changes and their history ------------------------------------------------------------------------------------


def test_the_administrator_lists_and_changes_a_record_and_the_history_names_them(
    secretariat_admin, organizations
):
    client = client_for(secretariat_admin)
    listing = client.get(_url(Organization, "changelist"))
    assert listing.status_code == 200
    assert "Secretaría Técnica de la CRM" in listing.content.decode()

    iom = organizations["IOM"]
    form = client.get(_url(Organization, "change", iom.pk)).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(name_en="International Organization for Migration (IOM)", is_active="on")
    response = client.post(_url(Organization, "change", iom.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    iom.refresh_from_db()
    assert iom.name_en == "International Organization for Migration (IOM)"
    latest = iom.history.latest("history_date")
    assert latest.history_type == "~"
    assert latest.history_user == secretariat_admin
    page = client.get(_url(Organization, "history", iom.pk)).content.decode()
    assert "International Organization for Migration (IOM)" in page
    assert str(secretariat_admin) in page  # the author of the change
    assert "Historial de" in page  # Enlace's own history page: simple-history has no Spanish
    assert "2 versiones" in page


def test_a_reference_organization_keeps_its_code_and_kind_and_cannot_be_deleted(
    secretariat_admin, organizations
):
    client = client_for(secretariat_admin)
    st = organizations["ST"]
    client.post(
        _url(Organization, "change", st.pk),
        {
            "code": "XX",
            "kind": OrganizationKind.CIVIL_SOCIETY,
            "name_es": st.name_es,
            "name_en": st.name_en,
            "is_active": "on",
        },
    )
    st.refresh_from_db()
    assert (st.code, st.kind) == ("ST", OrganizationKind.SECRETARIAT)
    assert client.get(_url(Organization, "delete", st.pk)).status_code == 403
    assert client.post(_url(Organization, "delete", st.pk), {"post": "yes"}).status_code == 403
    assert Organization.objects.filter(code="ST").exists()


def test_no_bulk_delete_slips_past_the_refusals_of_each_record(secretariat_admin, organizations):
    client = client_for(secretariat_admin)
    response = client.post(
        _url(Organization, "changelist"),
        {"action": "delete_selected", "_selected_action": [organizations["ST"].pk], "post": "yes"},
    )
    assert response.status_code in (200, 302)
    assert Organization.objects.filter(code="ST").exists()


def test_the_role_and_activation_of_a_person_stay_on_the_directory_page_where_their_rules_are(
    secretariat_admin, costa_rica_officer
):
    """The last administrator must stay one; a deactivated person's sessions and tokens must end: rules the
    back office would skip, so it does not change these fields."""
    client = client_for(secretariat_admin)
    response = client.post(
        _url(User, "change", secretariat_admin.pk),
        {
            "username": "st.admin",
            "email": "st.admin@example.org",
            "language": "es",
            "role": "liaison_officer",
            "is_active": "",
            "is_superuser": "on",
        },
    )
    assert response.status_code == 302
    secretariat_admin.refresh_from_db()
    assert secretariat_admin.role == "secretariat_admin"
    assert secretariat_admin.is_active
    assert not secretariat_admin.is_superuser
    assert client.get(_url(User, "add")).status_code == 403


def test_no_secret_is_shown_or_editable(secretariat_admin, costa_rica_officer):
    client = client_for(secretariat_admin)
    assert ApiToken not in back_office._registry
    assert TOTPDevice not in back_office._registry
    page = client.get(_url(User, "change", costa_rica_officer.pk)).content.decode()
    assert costa_rica_officer.password not in page
    assert 'name="password"' not in page
    device = TOTPDevice.objects.get(user=secretariat_admin)
    assert device.key not in client.get(_url(User, "change", secretariat_admin.pk)).content.decode()


def test_a_past_version_can_be_read_but_not_posted_back(secretariat_admin, organizations):
    client = client_for(secretariat_admin)
    iom = organizations["IOM"]
    version = iom.history.earliest("history_date")
    path = _url(Organization, "simple_history", iom.pk, version.history_id)
    page = client.get(path)
    assert page.status_code == 200
    assert "Versión de" in page.content.decode()
    response = client.post(path, {"code": "IOM", "kind": iom.kind, "name_es": "Vieja", "name_en": "Old"})
    assert response.status_code == 405
    iom.refresh_from_db()
    assert iom.name_es == "Organización Internacional para las Migraciones"


def test_every_domain_model_with_a_history_is_in_the_back_office():
    """A new module's model shows up there as soon as it keeps a history, through its app's admin.py."""
    with_history = {
        model
        for model in apps.get_models()
        if model.__module__.startswith("enlace.") and hasattr(model, "history") and not model._meta.abstract
    }
    with_history = {model for model in with_history if not model.__name__.startswith("Historical")}
    assert with_history
    assert with_history <= set(back_office._registry)


# --- every page answers ---------------------------------------------------------------------------------------


def services_start(officer, cycle):
    """A second cycle's draft: the first cycle's report is submitted, and evidence goes on an open one."""
    other = make_cycle(
        cycle.created_by, make_framework(code="other"), expected=[officer.organization], title="Other"
    )
    return submission_start(actor=officer, cycle=other, country_id=officer.organization_id)


@pytest.fixture
def one_of_each(secretariat_staff, costa_rica_officer, organizations):
    meeting = make_meeting(created_by=secretariat_staff)
    commitment = Commitment.objects.filter(meeting=meeting, responsible__code="CR").first()
    commitment_add_note(commitment=commitment, actor=costa_rica_officer, text="Avanzamos.")
    commitment_add_evidence(
        commitment=commitment, actor=costa_rica_officer, title="Informe", url="https://example.org/informe"
    )
    presidency_set(year=2026, state=organizations["CR"], actor=secretariat_staff)
    organization_upsert(code="NEW", kind=OrganizationKind.CIVIL_SOCIETY, name_es="Nueva", name_en="New")
    ReportImport.objects.create(
        original_name="informe.docx", size=10, draft={}, uploaded_by=secretariat_staff
    )
    calendar_feed_reset(actor=costa_rica_officer)
    states = Commitment.objects.filter(meeting=meeting, all_member_states=True).first()
    assert states.shares.exists()  # a commitment of the member states has its shares
    # Country reporting: a framework, a cycle, a report with answers, a comment, a population figure.
    cycle = make_cycle(secretariat_staff, make_framework(), expected=[organizations["CR"]])
    report = submitted_report(costa_rica_officer, cycle)
    evidence_add(actor=costa_rica_officer, submission=services_start(costa_rica_officer, cycle), title="Ley",
                 url="https://example.org/ley")  # fmt: skip
    indicator_comment_add(
        actor=secretariat_staff, submission=report, indicator=report.answers.first().indicator, text="Ok"
    )
    Population.objects.create(country=organizations["CR"], year=2015, total=5_000_000, source="INEC")
    return meeting


def test_every_back_office_page_of_every_model_answers_the_administrator_without_an_error(
    secretariat_admin, one_of_each
):
    client = client_for(secretariat_admin)
    client.raise_request_exception = False
    assert client.get(INDEX).status_code == 200
    expected = {
        Document,
        Organization,
        ProTemporePresidency,
        User,
        Meeting,
        Commitment,
        Evidence,
        ProgressNote,
        ReportImport,
    }
    assert expected <= set(back_office._registry)
    answers = {}
    for model, model_admin in back_office._registry.items():
        answers[f"/back-office/{model._meta.app_label}/"] = client.get(
            f"/back-office/{model._meta.app_label}/"
        )
        answers[_url(model, "changelist")] = client.get(_url(model, "changelist"))
        answers[_url(model, "changelist") + "?q=a"] = client.get(_url(model, "changelist"), {"q": "a"})
        add = client.get(_url(model, "add"))
        assert add.status_code == (200 if model_admin.allow_add else 403), model
        records = list(model._default_manager.all()[:3])
        assert records, model
        for record in records:
            for view in ("change", "history"):
                answers[_url(model, view, record.pk)] = client.get(_url(model, view, record.pk))
            if hasattr(model, "history"):
                version = record.history.first()
                path = _url(model, "simple_history", record.pk, version.history_id)
                answers[path] = client.get(path)
    errors = {path: response.status_code for path, response in answers.items() if response.status_code != 200}
    assert errors == {}
    assert len(answers) > 60, len(answers)


@pytest.mark.parametrize("year", ["99999999999999999999", "²²²²", "-1"])
def test_a_date_drilldown_the_admin_cannot_read_is_refused_not_a_500(secretariat_admin, year):
    response = client_for(secretariat_admin).get(_url(Meeting, "changelist"), {"start_date__year": year})
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
    assert client_for(secretariat_admin).get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "start_date__year=99999999999999999999999",
        "start_date__year=2016&start_date__month=13",
        "start_date__year=2016&start_date__month=2&start_date__day=30",
        "start_date__year=²⁰¹⁶",
    ],
)
def test_an_impossible_date_in_the_meetings_drill_down_is_a_bad_parameter_not_a_server_error(
    query, secretariat_admin, organizations
):
    client = client_for(secretariat_admin)
    client.raise_request_exception = False
    response = client.get(f"/back-office/meetings/meeting/?{query}")
    assert response.status_code == 302 and response["Location"] == "/back-office/meetings/meeting/?e=1"
    make_meeting()
    assert client.get("/back-office/meetings/meeting/?start_date__year=2016").status_code == 200
