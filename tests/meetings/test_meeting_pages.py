import io

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from enlace.core.models import Visibility
from enlace.meetings.models import Agreement, Commitment, Meeting
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_meeting(organizations):
    return make_meeting(visibility=Visibility.RESTRICTED, title="Reunión reservada")


@pytest.fixture
def network_meeting(organizations):
    return make_meeting(visibility=Visibility.NETWORK, title="Reunión de la Red")


@pytest.fixture
def public_meeting(organizations):
    return make_meeting(visibility=Visibility.PUBLIC, title="Reunión publicada")


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("costa_rica_officer", {"Reunión de la Red", "Reunión publicada"}),
        ("iom_analyst", {"Reunión de la Red", "Reunión publicada"}),
        ("rrocm_member", {"Reunión de la Red", "Reunión publicada"}),
        ("secretariat_staff", {"Reunión reservada", "Reunión de la Red", "Reunión publicada"}),
        ("anonymous_visitor", {"Reunión publicada"}),
    ],
    indirect=["persona"],
)
def test_meeting_list_shows_what_each_persona_may_see(
    persona, sees, restricted_meeting, network_meeting, public_meeting
):
    response = client_for(persona).get("/meetings/")
    assert response.status_code == 200
    shown = {m.title for m in response.context["page"].object_list}
    assert shown == sees
    for meeting in (restricted_meeting, network_meeting, public_meeting):
        detail = client_for(persona).get(f"/meetings/{meeting.pk}/")
        assert detail.status_code == (200 if meeting.title in sees else 404)


def test_detail_shows_points_subpoints_commitments_and_absent_states(network_meeting, costa_rica_officer):
    response = client_for(costa_rica_officer).get(f"/meetings/{network_meeting.pk}/")
    html = response.content.decode()
    assert "Los países enviarán el documento a la Secretaría Técnica." in html
    assert "Enviar el documento de indicadores a la ST." in html
    absent = [org.code for org in response.context["absent"]]
    assert absent == ["BZ", "NI"]
    assert len(response.context["delegations"]) == 9


def test_manual_recording_by_the_secretariat(organizations, secretariat_staff, costa_rica_officer):
    data = {
        "body": "NETWORK",
        "title": "Taller sobre indicadores",
        "place": "San José",
        "country": "CR",
        "date": "2017-03-01",
        "end_date": "",
        "language": "es",
        "delegations": ["CR", "PA"],
        "opening": "",
        "visibility": "network",
        "agreements-TOTAL_FORMS": "3",
        "agreements-INITIAL_FORMS": "0",
        "agreements-0-reference": "1",
        "agreements-0-text": "Agradecer a la OIM.",
        "agreements-0-organizations": ["IOM"],
        "agreements-1-reference": "1.a",
        "agreements-1-text": "La OIM enviará la guía.",
        "agreements-2-reference": "",
        "agreements-2-text": "",
        "commitments-TOTAL_FORMS": "1",
        "commitments-INITIAL_FORMS": "0",
        "commitments-0-agreement": "1.a",
        "commitments-0-text": "Enviar la guía",
        "commitments-0-responsible": ["IOM"],
        "commitments-0-recipient": "ST",
        "commitments-0-due": "2017-04-01",
        "commitments-0-deadline_phrase": "",
    }
    assert client_for(costa_rica_officer).post("/meetings/new/", data).status_code == 404
    response = client_for(secretariat_staff).post("/meetings/new/", data)
    assert response.status_code == 302, response.context["forms"].errors if response.context else ""
    meeting = Meeting.objects.get(title="Taller sobre indicadores")
    assert [a.reference for a in meeting.agreements.select_related("parent").order_by("position")] == [
        "1",
        "1.a",
    ]
    commitment = Commitment.objects.get(meeting=meeting)
    assert commitment.recipient.code == "ST" and str(commitment.due_date) == "2017-04-01"


def test_manual_recording_refuses_inconsistent_rows_and_saves_nothing(organizations, secretariat_staff):
    data = {
        "body": "NETWORK",
        "title": "X",
        "place": "San José",
        "country": "",
        "date": "2017-03-01",
        "end_date": "2017-02-01",
        "language": "es",
        "visibility": "network",
        "agreements-TOTAL_FORMS": "2",
        "agreements-INITIAL_FORMS": "0",
        "agreements-0-reference": "2.a",
        "agreements-0-text": "Sin punto 2",
        "agreements-1-reference": "2.a",
        "agreements-1-text": "Repetido",
        "commitments-TOTAL_FORMS": "1",
        "commitments-INITIAL_FORMS": "0",
        "commitments-0-agreement": "7",
        "commitments-0-text": "Algo",
        "commitments-0-responsible": ["IOM"],
    }
    response = client_for(secretariat_staff).post("/meetings/new/", data)
    assert response.status_code == 200
    errors = " ".join(response.context["forms"].errors)
    assert "2.a" in errors and "7" in errors
    assert response.context["forms"].header.errors["end_date"]
    assert Meeting.objects.count() == 0


def test_edit_translation_and_history(network_meeting, secretariat_staff, costa_rica_officer):
    point = Agreement.objects.get(meeting=network_meeting, label="1", parent=None)
    url = f"/meetings/{network_meeting.pk}/edit/"
    assert client_for(costa_rica_officer).get(url).status_code == 404
    client = client_for(secretariat_staff)
    form = client.get(url).context["form"]
    data = {key: value for key, value in form.initial.items() if value is not None}
    for name, field in form.fields.items():
        if name.startswith("text_"):
            data[name] = field.initial
    data.update(
        {
            "date": "2016-06-08",
            "end_date": "",
            f"translation_{point.pk}": "Thank the delegations.",
            f"text_{point.pk}": "Agradecer a todas las delegaciones.",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.translation == "Thank the delegations."
    assert point.text == "Agradecer a todas las delegaciones."
    unchanged = Agreement.objects.get(meeting=network_meeting, parent=None, label="2")
    assert unchanged.history.count() == 1  # a point that was not edited gets no new version
    history = client.get(f"/history/agreement/{point.pk}/")
    assert "Thank the delegations." in history.content.decode()


@pytest.mark.parametrize("language", ["es", "en"])
def test_report_downloads_read_back(network_meeting, costa_rica_officer, language):
    client = client_for(costa_rica_officer)
    docx = client.get(f"/meetings/{network_meeting.pk}/report.docx?lang={language}")
    assert docx.status_code == 200 and "attachment" in docx["Content-Disposition"]
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(docx.content)).paragraphs)
    assert "La OIM realizará un análisis de nudos claves." in text
    pdf = client.get(f"/meetings/{network_meeting.pk}/report.pdf?lang={language}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "nudos claves" in " ".join(pdf_text.split())
    assert client.get(f"/meetings/{network_meeting.pk}/report.odt").status_code == 404


def test_restricted_report_is_not_downloadable_by_others(restricted_meeting, mexico_officer):
    assert client_for(mexico_officer).get(f"/meetings/{restricted_meeting.pk}/report.docx").status_code == 404
