"""The pages of country reporting through the test client: each persona's answer on each page, the autosave of
the form, the Excel round trip, the exports, and query counts that do not grow with the indicators."""

import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from enlace.reporting.models import Answer
from enlace.reporting.services import submissions as services
from tests.factories.reporting import (
    COMPLETE,
    SMALL_INDICATORS,
    fill,
    make_cycle,
    make_framework,
    submitted_report,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(secretariat_staff, organizations):
    return make_cycle(
        secretariat_staff, make_framework(), expected=[organizations["CR"], organizations["MX"]]
    )


@pytest.fixture
def draft(costa_rica_officer, cycle):
    return services.submission_start(
        actor=costa_rica_officer, cycle=cycle, country_id=costa_rica_officer.organization_id
    )


def as_user(client, user):
    client.force_login(user)
    return client


def test_pages_of_a_draft_per_persona(
    client, draft, costa_rica_officer, mexico_officer, secretariat_staff, iom_analyst, rrocm_member
):
    page = reverse("reporting:submission", args=[draft.pk])
    expected = {
        costa_rica_officer: 200,
        secretariat_staff: 200,
        mexico_officer: 404,
        iom_analyst: 404,
        rrocm_member: 404,
    }
    for person, status in expected.items():
        client.force_login(person)
        assert client.get(page).status_code == status, person.username
        assert client.get(reverse("reporting:form_xlsx", args=[draft.pk])).status_code == status
    client.logout()
    assert client.get(page).status_code == 404


def test_writes_are_refused_to_everyone_but_the_countrys_officers(
    client, draft, mexico_officer, secretariat_staff, iom_analyst
):
    for person in (mexico_officer, secretariat_staff, iom_analyst):
        client.force_login(person)
        response = client.post(
            reverse("reporting:submission_save", args=[draft.pk]), {"r-TIP-PV-01": "0", "v-TIP-PV-01": "yes"}
        )
        assert response.status_code == 404
        assert client.post(reverse("reporting:submission_submit", args=[draft.pk])).status_code == 404
    assert not Answer.objects.exists()


def test_only_the_secretariat_opens_cycles_and_reviews(
    client, costa_rica_officer, iom_analyst, secretariat_staff, cycle
):
    submission = submitted_report(costa_rica_officer, cycle)
    for person in (costa_rica_officer, iom_analyst):
        client.force_login(person)
        assert client.get(reverse("reporting:cycle_create")).status_code == 404
        assert (
            client.post(
                reverse("reporting:submission_review", args=[submission.pk]), {"action": "validate"}
            ).status_code
            == 404
        )
        assert client.post(reverse("reporting:cycle_publish", args=[cycle.pk])).status_code == 404
    client.force_login(secretariat_staff)
    response = client.post(
        reverse("reporting:submission_review", args=[submission.pk]),
        {"action": "return", "c-TIP-PR-09": "Source?"},
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "returned"


def test_autosave_answers_with_new_revisions_and_the_checks(client, draft, costa_rica_officer):
    as_user(client, costa_rica_officer)
    url = reverse("reporting:submission_save", args=[draft.pk])
    data = {"r-TIP-PR-08": "0", "b-TIP-PR-08": "", "v-TIP-PR-08": "5", "p-TIP-PR-08-sex:female": "1", "p-TIP-PR-08-sex:male": "1",
            "r-TIP-PR-09": "0", "v-TIP-PR-09": "9"}  # fmt: skip
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="r-TIP-PR-08" value="1" hx-swap-oob="true"' in body
    assert "Condenadas no pueden superar a procesadas." in body  # the check, live, in the user's language
    assert "El desglose por sexo debe sumar el total." in body
    stale = client.post(url, {**data, "v-TIP-PR-09": "4", "b-TIP-PR-09": "x"}, HTTP_HX_REQUEST="true")
    assert (
        "someone else changed" in stale.content.decode().lower() or "otra persona" in stale.content.decode()
    )
    assert Answer.objects.get(indicator__code="TIP-PR-09").value == 9


def test_a_refused_save_without_javascript_keeps_what_was_typed(client, draft, costa_rica_officer):
    as_user(client, costa_rica_officer)
    response = client.post(
        reverse("reporting:submission_save", args=[draft.pk]),
        {"r-TIP-PR-08": "0", "v-TIP-PR-08": "diez", "r-TIP-PV-01": "0", "v-TIP-PV-01": "yes"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="diez"' in body and "no es un número" in body
    assert not Answer.objects.exists()


def _download(client, submission):
    response = client.get(reverse("reporting:form_xlsx", args=[submission.pk]))
    assert response.status_code == 200
    return openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )


def _upload(client, submission, book, name="form.xlsx"):
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = name
    return client.post(reverse("reporting:form_upload", args=[submission.pk]), {"file": buffer})


def _row_of(sheet, code, part=""):
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value == code and (sheet.cell(row, 11).value or "") == part:
            return row
    raise AssertionError(code)


def test_excel_round_trip(client, draft, costa_rica_officer):
    as_user(client, costa_rica_officer)
    book = _download(client, draft)
    assert book.sheetnames == [
        "Instrucciones",
        "_enlace",
        "Prevención",
        "Protección",
        "Persecución",
        "Cooperación y coordinación",
    ]
    prosecution = book["Persecución"]
    row = _row_of(prosecution, "TIP-PR-08")
    prosecution.cell(row, 4).value = 10
    prosecution.cell(row, 6).value = "Código Penal, art. 172"
    prosecution.cell(_row_of(prosecution, "TIP-PR-08", "sex:female"), 4).value = 4
    prosecution.cell(_row_of(prosecution, "TIP-PR-08", "sex:male"), 4).value = 6
    book["Prevención"].cell(_row_of(book["Prevención"], "TIP-PV-01"), 4).value = "Sí"
    response = _upload(client, draft, book)
    assert response.status_code == 302
    answer = Answer.objects.get(indicator__code="TIP-PR-08")
    assert (answer.value, answer.parts, answer.article) == (
        10,
        {"sex:female": 4, "sex:male": 6},
        "Código Penal, art. 172",
    )
    assert Answer.objects.get(indicator__code="TIP-PV-01").value == "yes"


def test_one_bad_cell_is_named_by_sheet_and_cell_and_nothing_is_saved(client, draft, costa_rica_officer):
    as_user(client, costa_rica_officer)
    book = _download(client, draft)
    prosecution = book["Persecución"]
    prosecution.cell(_row_of(prosecution, "TIP-PR-08"), 4).value = 10
    row = _row_of(prosecution, "TIP-PR-09")
    prosecution.cell(row, 4).value = "tres"
    book["Prevención"].cell(_row_of(book["Prevención"], "TIP-PV-01"), 4).value = "=1+1"
    response = _upload(client, draft, book)
    body = response.content.decode()
    assert response.status_code == 400
    assert f"Hoja “Persecución”, celda D{row}: “tres” no es un número." in body
    assert "Hoja “Prevención”, celda D2: No se aceptan fórmulas" in body
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    "damage", ["extra_sheet", "missing_sheet", "other_country", "moved_row", "not_xlsx", "huge"]
)
def test_damaged_forms_are_refused_whole(client, draft, costa_rica_officer, damage):
    as_user(client, costa_rica_officer)
    book = _download(client, draft)
    if damage == "extra_sheet":
        book.create_sheet("Mis notas")
    elif damage == "missing_sheet":
        del book["Protección"]
    elif damage == "other_country":
        book["_enlace"]["B3"] = "MX"
    elif damage == "moved_row":
        book["Persecución"].insert_rows(3)
    if damage == "not_xlsx":
        response = client.post(
            reverse("reporting:form_upload", args=[draft.pk]), {"file": io.BytesIO(b"PK\x03\x04 no")}
        )
    elif damage == "huge":
        payload = io.BytesIO(b"PK" + b"0" * (3 * 1024 * 1024))
        payload.name = "big.xlsx"
        response = client.post(reverse("reporting:form_upload", args=[draft.pk]), {"file": payload})
    else:
        response = _upload(client, draft, book)
    assert response.status_code == 400, damage
    body = response.content.decode()
    expected = {
        "extra_sheet": "Hojas que no pertenecen al formulario: Mis notas",
        "missing_sheet": "Faltan hojas: Protección",
        "other_country": "Este formulario es de otro país (MX)",
        "moved_row": "celda A3: Se esperaba TIP-PR-08 aquí",
        "not_xlsx": "no es un archivo Excel",
        "huge": "pesa más de 2 MB",
    }[damage]
    assert expected in body
    assert not Answer.objects.exists()


def test_another_framework_versions_form_is_refused(client, draft, costa_rica_officer):
    as_user(client, costa_rica_officer)
    book = _download(client, draft)
    book["_enlace"]["B5"] = "7"
    assert "versión 7" in _upload(client, draft, book).content.decode()


def test_regional_table_shows_other_countries_only_once_validated(
    client, cycle, costa_rica_officer, mexico_officer, secretariat_staff
):
    submission = submitted_report(
        costa_rica_officer, cycle, {**COMPLETE, "TIP-PR-08": (777, {"sex:female": 700, "sex:male": 77})}
    )
    table = reverse("reporting:table", args=[cycle.pk])
    as_user(client, mexico_officer)
    assert "777" not in client.get(table).content.decode()
    assert "777" not in client.get(reverse("reporting:table_export", args=[cycle.pk, "csv"])).content.decode()
    services.submission_validate(actor=secretariat_staff, submission=submission)
    assert "777" in client.get(table).content.decode()
    csv = client.get(reverse("reporting:table_export", args=[cycle.pk, "csv"])).content.decode()
    assert "777" in csv


def test_unodc_export_has_figures_articles_and_sources(client, cycle, costa_rica_officer, secretariat_staff):
    from enlace.reporting.models import Population

    submission = services.submission_start(
        actor=costa_rica_officer, cycle=cycle, country_id=costa_rica_officer.organization_id
    )
    by_code = {i.code: i for i in cycle.framework.indicators.all()}
    from enlace.reporting.answers import Entry

    services.answers_save(
        actor=costa_rica_officer, submission=submission, indicators=by_code,
        entries={"TIP-PR-08": Entry(value=10, parts={"sex:female": 4, "sex:male": 6}, article="CP art. 172", data_source="Ministerio Público"),
                 "TIP-PR-09": Entry(value=3), "TIP-PV-01": Entry(value="yes"), "TIP-PT-11": Entry(value="50")},
    )  # fmt: skip
    submission = services.submission_submit(actor=costa_rica_officer, submission=submission)
    services.submission_validate(actor=secretariat_staff, submission=submission)
    Population.objects.create(
        country=costa_rica_officer.organization, year=2015, total=5_000_000, source="INEC"
    )
    as_user(client, secretariat_staff)
    with translation.override("en"):
        response = client.get(reverse("reporting:unodc", args=[cycle.pk]))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert (
        "CR",
        2015,
        "Trata de personas",
        "Personas procesadas",
        "Mujeres",
        4,
        "CP art. 172",
        "Ministerio Público",
    ) in rows or (
        "CR",
        2015,
        "Trata de personas",
        "Personas procesadas",
        "Femenino",
        4,
        "CP art. 172",
        "Ministerio Público",
    ) in rows
    assert len([r for r in rows if r[3] == "Personas procesadas"]) == 3


def test_form_and_table_query_counts_do_not_grow_with_indicators(
    client, secretariat_staff, costa_rica_officer, organizations
):
    def counts(size):
        indicators = [dict(SMALL_INDICATORS[0], code=f"TIP-PR-{n:03d}") for n in range(size)]
        framework = make_framework(indicators=indicators, rules=[], code=f"f{size}")
        cycle = make_cycle(secretariat_staff, framework, expected=[organizations["CR"], organizations["MX"]])
        submission = services.submission_start(
            actor=costa_rica_officer, cycle=cycle, country_id=costa_rica_officer.organization_id
        )
        fill(
            costa_rica_officer,
            submission,
            {f"TIP-PR-{n:03d}": (n, {"sex:female": n, "sex:male": 0}) for n in range(size)},
        )
        client.force_login(costa_rica_officer)
        measured = []
        for url in (reverse("reporting:submission", args=[submission.pk]), reverse("reporting:table", args=[cycle.pk]),
                    reverse("reporting:cycle", args=[cycle.pk])):  # fmt: skip
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            measured.append(len(queries))
        return measured

    assert counts(3) == counts(30)


def test_evidence_is_checked_and_served_only_to_those_who_see_the_report(
    client, draft, costa_rica_officer, mexico_officer, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    as_user(client, costa_rica_officer)
    url = reverse("reporting:evidence_upload", args=[draft.pk])
    refused = client.post(
        url, {"title": "x", "file": SimpleUploadedFile("ley.pdf", b"MZ\x90\x00 not a pdf")}, follow=True
    )
    assert "no corresponde" in refused.content.decode() and not draft.evidence.exists()
    client.post(
        url,
        {"title": "Anuario estadístico", "file": SimpleUploadedFile("anuario.txt", b"Cifras 2015")},
    )
    item = draft.evidence.get()
    download = reverse("reporting:evidence", args=[draft.pk, item.pk])
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    client.force_login(mexico_officer)
    assert client.get(download).status_code == 404
