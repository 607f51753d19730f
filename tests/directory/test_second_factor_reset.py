import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_administrator_resets_a_lost_authenticator(secretariat_admin, secretariat_staff, costa_rica_officer):
    TOTPDevice.objects.create(user=secretariat_staff, name="phone", confirmed=True)
    url = f"/directory/people/{secretariat_staff.pk}/second-factor/"
    assert client_for(costa_rica_officer).post(url).status_code == 404
    assert TOTPDevice.objects.filter(user=secretariat_staff).exists()
    assert client_for(secretariat_admin).post(url).status_code == 302
    assert not TOTPDevice.objects.filter(user=secretariat_staff).exists()
    latest = secretariat_staff.history.first()
    assert latest.history_user == secretariat_admin
    assert latest.history_change_reason == "Two-step verification reset"
