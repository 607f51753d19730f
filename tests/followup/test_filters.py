"""One FilterSet for the follow-up page, its exports and the commitments API: the three list the same rows for the
same query string, refuse the same bad values (a form error on the page, a 400 naming the field on the API), and
"mine" means the same thing to the filter, the "mine first" order and the permission to update."""

import csv
import io
import re

import pytest
from django.urls import reverse

from enlace import permissions
from enlace.followup.selectors import followup
from enlace.meetings.models import Commitment, Meeting
from tests.conftest import PERSONAS, client_for
from tests.factories.followup import commitment, days, meeting_with, network_meeting

PAGE = reverse("followup:page")
EXPORT = reverse("followup:export", args=["csv"])
API = "/api/v1/commitments/"
SIGNED_IN = [name for name in PERSONAS if name != "anonymous_visitor"]  # the page asks visitors to sign in
ROW_TEXT = re.compile(r'<tr class="[^"]*">.*?<a href="[^"]*">([^<]+)</a>', re.S)


@pytest.fixture
def meetings(organizations):
    network = network_meeting()
    other = meeting_with(
        commitment("1", "Compartir la guía de identificación de víctimas", ["CR", "MX"], due=days(20)),
        commitment("2", "Publicar el informe anual de la Red", ["ST"], due=days(-1)),
        title="Reunión virtual de seguimiento",
    )
    return network, other


def queries(meetings) -> list[str]:
    network, _ = meetings
    return [
        "",
        "status=active",
        "status=overdue",
        "status=due_soon",
        "status=done",
        "organization=IOM",
        "organization=STATES",
        "organization=CR",
        "organization=MX&status=overdue",
        "q=herramientas",
        f"due_from={days(0):%Y-%m-%d}&due_to={days(30):%Y-%m-%d}",
        f"meeting={network.pk}",
        "mine=true",
    ]


def page_texts(client, query) -> list[str]:
    response = client.get(f"{PAGE}?{query}")
    assert response.status_code == 200
    return ROW_TEXT.findall(response.content.decode())


def export_texts(client, query) -> list[str]:
    response = client.get(f"{EXPORT}?{query}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    return [row[3] for row in table[1:]]


def api_texts(client, query) -> list[str]:
    response = client.get(f"{API}?{query}")
    assert response.status_code == 200, response.content
    return [row["text"] for row in response.json()["results"]]


@pytest.mark.parametrize("persona", SIGNED_IN, indirect=True)
def test_page_export_and_api_list_the_same_rows_in_the_same_order(persona, meetings):
    client = client_for(persona)
    seen_any = False
    for query in queries(meetings):
        on_page = page_texts(client, query)
        assert export_texts(client, query) == on_page, query
        assert api_texts(client, query) == on_page, query
        seen_any = seen_any or bool(on_page)
    assert seen_any  # every persona sees the network meeting's commitments


def test_the_filters_narrow_as_their_names_say(iom_analyst, meetings):
    client = client_for(iom_analyst)
    assert set(page_texts(client, "organization=IOM")) == {
        "Analizar los nudos claves en el combate al tráfico ilícito",
        "Ofrecer capacidad técnica para actualizar las matrices",
    }
    assert page_texts(client, "organization=MX&status=overdue") == ["Usar las herramientas en línea de UNODC"]
    assert page_texts(client, "mine=true") == page_texts(client, "organization=IOM")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=sometime", "status"),
        ("organization=ATLANTIS", "organization"),
        ("meeting=abc", "meeting"),
        ("meeting=999999", "meeting"),
        ("due_from=yesterday", "due_from"),
        ("due_from=1200-01-01", "due_from"),
        (f"due_from={days(5):%Y-%m-%d}&due_to={days(1):%Y-%m-%d}", "due_to"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_field_on_the_api_and_a_form_error_on_the_page(
    costa_rica_officer, meetings, query, field
):
    client = client_for(costa_rica_officer)  # a Spanish speaker
    answer = client.get(f"{API}?{query}")
    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/json"
    assert list(answer.json()) == [field]
    page = client.get(f"{PAGE}?{query}")
    assert page.status_code == 200
    assert field in page.context["form"].errors
    html = page.content.decode()
    assert 'class="errorlist' in html or "aria-invalid" in html
    # The message speaks the user's language.
    message = " ".join(page.context["form"].errors[field])
    assert not re.search(r"\b(Enter|Select|valid|before its start)\b", message), message
    # A bad filter never widens what is listed: the valid filters still apply, the bad one drops.
    export = client.get(f"{EXPORT}?{query}")
    assert export.status_code == 200


def test_a_bad_value_beside_a_good_one_keeps_the_good_one_on_the_page(costa_rica_officer, meetings):
    client = client_for(costa_rica_officer)
    assert page_texts(client, "organization=IOM&status=sometime") == page_texts(client, "organization=IOM")


def test_a_meeting_the_user_may_not_see_is_refused_not_listed(
    organizations, mexico_officer, costa_rica_officer
):
    from enlace.core.models import Visibility

    restricted = meeting_with(
        commitment("1", "Compromiso reservado de Costa Rica", ["CR"], due=days(9)),
        title="Reunión bilateral reservada",
        visibility=Visibility.RESTRICTED,
        owner=organizations["CR"],
    )
    outsider = client_for(mexico_officer)
    assert outsider.get(f"{API}?meeting={restricted.pk}").status_code == 400
    assert "Compromiso reservado" not in outsider.get(f"{PAGE}?meeting={restricted.pk}").content.decode()
    insider = client_for(costa_rica_officer)
    assert api_texts(insider, f"meeting={restricted.pk}") == ["Compromiso reservado de Costa Rica"]


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_mine_filter_mine_first_order_and_permission_agree(persona, meetings, rf):
    """The one answer (permissions.answers_for_q / answers_for) read three ways must give the same commitments."""
    rows = list(followup(persona))
    assert bool(rows) == persona.is_authenticated  # network meetings: every signed-in person, no visitor
    by_order = {c.pk for c in rows if c.is_mine}
    by_filter = {c.pk for c in Commitment.objects.filter(permissions.answers_for_q(persona))}
    by_record = {c.pk for c in rows if permissions.answers_for(persona, c)}
    assert by_order == by_filter & {c.pk for c in rows} == by_record
    for row in rows:
        assert permissions.can_update_commitment(persona, row) == (
            permissions.is_secretariat(persona) or row.pk in by_record
        )
    request = rf.get(PAGE, {"mine": "true"})
    request.user = persona
    from enlace.followup.filters import filtered_commitments

    _, mine = filtered_commitments(request)
    if "mine" in _.filters:
        assert {c.pk for c in mine} == by_order
    else:  # no organization to answer for: nobody's commitments are "mine"
        assert by_order == set()
    # Open commitments come first, then the person's own.
    keys = [(not c.is_active, not c.is_mine) for c in rows]
    assert keys == sorted(keys)


def test_who_answers_for_what_in_the_seed_like_meeting(
    meetings, costa_rica_officer, iom_analyst, rrocm_member
):
    texts = {
        name: {c.text for c in followup(user) if c.is_mine}
        for name, user in [("cr", costa_rica_officer), ("iom", iom_analyst), ("rrocm", rrocm_member)]
    }
    assert texts["cr"] == {
        "Enviar a la ST el documento sobre los indicadores de Palermo",  # "the member states"
        "Presentar el interés en programas de migración laboral",
        "Compartir la guía de identificación de víctimas",
    }
    assert texts["iom"] == {
        "Analizar los nudos claves en el combate al tráfico ilícito",
        "Ofrecer capacidad técnica para actualizar las matrices",
    }
    assert texts["rrocm"] == set()  # the Coalition's commitment is not the RROCM's
    assert Meeting.objects.count() == 2
