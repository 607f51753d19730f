import pytest

from enlace.directory.models import Organization
from tests.conftest import client_for
from tests.factories.directory import NEW_ORGANIZATION as NEW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]  # messages compared in English


def test_secretariat_adds_and_corrects_an_organization(secretariat_staff):
    client = client_for(secretariat_staff)
    response = client.post("/directory/organizations/new/", NEW)
    assert response["Location"] == "/directory/ACNUR/"
    organization = Organization.objects.get(code="ACNUR")
    edit = dict(NEW, code="ACNUR", name_en="Office of the UN High Commissioner for Refugees")
    client.post("/directory/ACNUR/edit/", edit)
    organization.refresh_from_db()
    assert organization.name_en == "Office of the UN High Commissioner for Refugees"
    assert organization.history.first().history_user == secretariat_staff


def test_bad_codes_and_duplicates_are_refused(secretariat_staff):
    client = client_for(secretariat_staff)
    for code, message in [("CR", "already exists"), ("STATES", "STATES"), ("a b", "letters and digits")]:
        secretariat_staff.language = "en"
        secretariat_staff.save()
        response = client.post("/directory/organizations/new/", dict(NEW, code=code))
        assert response.status_code == 200
        assert message in " ".join(response.context["form"].errors["code"])
    assert not Organization.objects.filter(name_es=NEW["name_es"]).exists()


@pytest.mark.parametrize("persona", ["costa_rica_officer", "iom_analyst", "rrocm_member"], indirect=True)
def test_only_the_secretariat_edits_the_directory(persona):
    client = client_for(persona)
    assert client.get("/directory/organizations/new/").status_code == 404
    assert client.post("/directory/CR/edit/", dict(NEW, code="CR")).status_code == 404
    assert Organization.objects.get(code="CR").name_es == "Costa Rica"


def test_deactivated_organizations_stay_listed_for_the_secretariat_only(
    secretariat_staff, costa_rica_officer
):
    Organization.objects.filter(code="SICA").update(is_active=False)
    staff_list = client_for(secretariat_staff).get("/directory/").context["organizations"]
    officer_list = client_for(costa_rica_officer).get("/directory/").context["organizations"]
    assert "SICA" in [org.code for org in staff_list]
    assert "SICA" not in [org.code for org in officer_list]
