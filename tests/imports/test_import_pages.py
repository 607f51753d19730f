"""The import pages: upload (answered at once), the reading's progress, review beside the source, confirm or
discard; nothing recorded before confirming. Here the worker runs each task as it is queued (the immediate
backend); tests/meetings/test_import_worker.py runs the real queue."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from enlace.imports.models import ReportImport
from enlace.meetings.models import Agreement, Commitment, Meeting
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]  # messages compared in English

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_d9e9c4457487cb69.txt"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = IMMEDIATE


def upload(client, name="informe.txt", data=None):
    data = SEED.read_bytes() if data is None else data
    return client.post("/meetings/import/", {"file": SimpleUploadedFile(name, data)})


def review_data(client, report_import) -> dict:
    """The review form as the page fills it in, ready to post back."""
    forms = client.get(f"/meetings/import/{report_import.pk}/").context["forms"]
    data = {}
    for form in (forms.header, *forms.agreements.forms, *forms.commitments.forms):
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if value is None:
                continue
            key = form.add_prefix(name)
            data[key] = [str(v) for v in value] if isinstance(value, list) else str(value)
    for formset in (forms.agreements, forms.commitments):
        management = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[management.add_prefix(name)] = str(management.initial[name])
    data["date"] = "2016-06-08"
    return data


def test_upload_shows_a_draft_and_records_nothing(organizations, secretariat_staff):
    client = client_for(secretariat_staff)
    response = upload(client)
    report_import = ReportImport.objects.get()
    assert response["Location"] == f"/meetings/import/{report_import.pk}/"
    assert Meeting.objects.count() == 0 and Agreement.objects.count() == 0
    page = client.get(response["Location"])
    assert "Tegucigalpa" in page.context["source"].source_text
    assert page.context["forms"].header.initial["delegations"] == [
        "CA",
        "CR",
        "SV",
        "US",
        "GT",
        "HN",
        "MX",
        "PA",
        "DO",
    ]


def test_confirm_records_the_meeting_with_the_corrections(organizations, secretariat_staff):
    client = client_for(secretariat_staff)
    upload(client)
    report_import = ReportImport.objects.get()
    data = review_data(client, report_import)
    index = next(i for i in range(40) if data.get(f"agreements-{i}-reference") == "1")
    data[f"agreements-{index}-text"] = "Texto corregido del punto 1."
    data["action"] = "confirm"
    response = client.post(f"/meetings/import/{report_import.pk}/", data)
    meeting = Meeting.objects.get()
    assert response["Location"] == f"/meetings/{meeting.pk}/"
    assert (
        Agreement.objects.get(meeting=meeting, parent=None, label="1").text == "Texto corregido del punto 1."
    )
    assert meeting.agreements.count() == 14 and Commitment.objects.filter(meeting=meeting).count() == 8
    assert meeting.documents.get().title == "informe.txt"
    report_import.refresh_from_db()
    assert report_import.status == ReportImport.Status.CONFIRMED
    again = client.post(f"/meetings/import/{report_import.pk}/", data)
    assert again["Location"] == f"/meetings/{meeting.pk}/" and Meeting.objects.count() == 1


def test_the_confirmed_import_keeps_the_link_to_its_meeting_and_the_meeting_none_back(
    organizations, secretariat_staff
):
    """The import points at the meeting it created (meetings know nothing of imports); deleting the meeting
    leaves the import, without a meeting, and its page no longer leads anywhere."""
    client = client_for(secretariat_staff)
    upload(client)
    report_import = ReportImport.objects.get()
    data = review_data(client, report_import)
    data["action"] = "confirm"
    client.post(f"/meetings/import/{report_import.pk}/", data)
    report_import.refresh_from_db()
    meeting = Meeting.objects.get()
    assert report_import.meeting == meeting and list(meeting.imports.all()) == [report_import]
    assert not any(field.name == "source_import" for field in Meeting._meta.get_fields())
    client.post(f"/meetings/{meeting.pk}/delete/")
    assert not Meeting.objects.exists()
    report_import.refresh_from_db()
    assert report_import.meeting is None
    assert client.get(f"/meetings/import/{report_import.pk}/").status_code == 404


def test_save_keeps_corrections_without_recording(organizations, secretariat_staff):
    client = client_for(secretariat_staff)
    upload(client)
    report_import = ReportImport.objects.get()
    data = review_data(client, report_import)
    data["place"] = "Tegucigalpa, M.D.C."
    data["action"] = "save"
    client.post(f"/meetings/import/{report_import.pk}/", data)
    report_import.refresh_from_db()
    assert report_import.draft["place"] == "Tegucigalpa, M.D.C." and Meeting.objects.count() == 0


def test_discard_leaves_nothing(organizations, secretariat_staff, tmp_path):
    client = client_for(secretariat_staff)
    upload(client)
    report_import = ReportImport.objects.get()
    client.post(f"/meetings/import/{report_import.pk}/", {"action": "discard"})
    report_import.refresh_from_db()
    assert report_import.status == ReportImport.Status.DISCARDED and Meeting.objects.count() == 0
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_an_empty_upload_is_refused_by_the_form(organizations, secretariat_staff):
    secretariat_staff.language = "en"  # messages come in the person's own language
    secretariat_staff.save()
    response = upload(client_for(secretariat_staff), "vacio.txt", b"")
    assert response.status_code == 200
    assert "The submitted file is empty." in " ".join(response.context["form"].errors["file"])
    assert ReportImport.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "carta.txt",
            "Estimada señora: le escribo para saludarla.".encode(),
            "does not look like a meeting report",
        ),
        ("informe.docx", b"not a zip at all", "not really a DOCX file"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100, "Unsupported file type"),
    ],
)
def test_bad_files_are_refused_with_a_message_and_record_nothing(
    organizations, secretariat_staff, name, data, message
):
    secretariat_staff.language = "en"
    secretariat_staff.save()
    client = client_for(secretariat_staff)
    response = upload(client, name, data)
    report_import = ReportImport.objects.get()
    assert response["Location"] == f"/meetings/import/{report_import.pk}/"
    assert report_import.status == ReportImport.Status.REFUSED and Meeting.objects.count() == 0
    page = client.get(response["Location"])
    assert page.status_code == 200 and message in page.content.decode()
    assert b'value="retry"' in page.content and b'value="discard"' in page.content


def test_a_report_over_a_limit_is_refused_naming_it_in_each_readers_language(
    settings, organizations, secretariat_staff, secretariat_admin
):
    settings.ENLACE_MAX_PARAGRAPHS = 10
    upload(client_for(secretariat_staff))  # the seed has some 60 lines
    report_import = ReportImport.objects.get()
    assert report_import.status == ReportImport.Status.REFUSED and report_import.refusal_code == "paragraphs"
    secretariat_admin.language = "en"
    secretariat_admin.save()
    spanish = client_for(secretariat_staff).get(f"/meetings/import/{report_import.pk}/").content.decode()
    english = client_for(secretariat_admin).get(f"/meetings/import/{report_import.pk}/").content.decode()
    assert "El archivo tiene más de 10 párrafos." in spanish
    assert "The file has more than 10 paragraphs." in english
    assert Meeting.objects.count() == 0


def test_a_refused_import_is_read_again_after_the_limit_is_raised(settings, organizations, secretariat_staff):
    settings.ENLACE_MAX_PARAGRAPHS = 10
    client = client_for(secretariat_staff)
    upload(client)
    report_import = ReportImport.objects.get()
    settings.ENLACE_MAX_PARAGRAPHS = 50_000
    response = client.post(f"/meetings/import/{report_import.pk}/", {"action": "retry"})
    assert response["Location"] == f"/meetings/import/{report_import.pk}/"
    report_import.refresh_from_db()
    assert report_import.status == ReportImport.Status.PENDING and report_import.attempt == 2
    assert "Tegucigalpa" in client.get(response["Location"]).context["source"].source_text


def test_a_refused_import_can_be_discarded_with_its_file(
    settings, organizations, secretariat_staff, tmp_path
):
    settings.ENLACE_MAX_PARAGRAPHS = 10
    client = client_for(secretariat_staff)
    upload(client)
    report_import = ReportImport.objects.get()
    client.post(f"/meetings/import/{report_import.pk}/", {"action": "discard"})
    report_import.refresh_from_db()
    assert report_import.status == ReportImport.Status.DISCARDED
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_a_huge_upload_is_refused_before_it_is_read(organizations, secretariat_staff):
    client = client_for(secretariat_staff)
    response = client.post(
        "/meetings/import/",
        data=b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(30 * 1024 * 1024),
    )
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert ReportImport.objects.count() == 0


@pytest.mark.parametrize("persona", ["costa_rica_officer", "iom_analyst", "rrocm_member"], indirect=True)
def test_only_the_secretariat_imports(persona, organizations, secretariat_staff):
    upload(client_for(secretariat_staff))
    report_import = ReportImport.objects.get()
    client = client_for(persona)
    assert client.get("/meetings/import/").status_code == 404
    assert upload(client).status_code == 404
    assert client.get(f"/meetings/import/{report_import.pk}/").status_code == 404
    assert client.post(f"/meetings/import/{report_import.pk}/", {"action": "discard"}).status_code == 404
    assert client.post(f"/meetings/import/{report_import.pk}/", {"action": "retry"}).status_code == 404
