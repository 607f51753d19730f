"""Report downloads of meetings that are not public are kept out of shared and browser caches."""

import pytest

from enlace.core.models import Visibility
from tests.conftest import client_for
from tests.factories.meetings import make_meeting


@pytest.mark.parametrize("visibility", [Visibility.NETWORK, Visibility.RESTRICTED])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_report_of_non_public_meeting_is_not_kept_by_proxies_or_shared_computers(
    organizations, secretariat_staff, visibility, fmt
):
    meeting = make_meeting(visibility=visibility)
    response = client_for(secretariat_staff).get(f"/meetings/{meeting.pk}/report.{fmt}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_report_of_public_meeting_may_be_cached(organizations, anonymous_visitor):
    meeting = make_meeting(visibility=Visibility.PUBLIC)
    response = client_for(anonymous_visitor).get(f"/meetings/{meeting.pk}/report.docx")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
