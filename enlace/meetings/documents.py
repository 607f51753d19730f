"""Documents of a meeting (agenda, presentations, the signed report): files checked like evidence, or links."""

from django.utils.translation import gettext as _

from enlace import permissions
from enlace.core.models import Document
from enlace.core.uploads import document_create
from enlace.meetings.models import Meeting


def meeting_add_document(*, meeting: Meeting, actor, title: str, file=None, url: str = "") -> Document:
    permissions.require(
        actor, permissions.can_manage_meetings, _("Only the secretariat can add documents to a meeting.")
    )
    return document_create(
        owner_id=meeting.owner_id,
        visibility=meeting.visibility,
        title=title,
        user=actor,
        file=file,
        url=url,
        attach=meeting.documents.add,
    )
