"""Documents of a meeting (agenda, presentations, the signed report): files checked like evidence, or links."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from enlace import permissions
from enlace.core.models import Document
from enlace.meetings.evidence import validate_evidence_file, validate_evidence_url
from enlace.meetings.models import Meeting


def meeting_add_document(*, meeting: Meeting, user, title: str, file=None, url: str = "") -> Document:
    if not permissions.can_manage_meetings(user):
        raise ValidationError(_("Only the secretariat can add documents to a meeting."))
    url = (url or "").strip()
    if bool(file) == bool(url):
        raise ValidationError(_("Add either a file or a link (not both)."))
    if file:
        name, content_type = validate_evidence_file(file)
        size = file.size
    else:
        validate_evidence_url(url)
        name, content_type, size = "", "", 0
    document = Document(
        owner=meeting.owner,
        visibility=meeting.visibility,
        title=(title or name or url).strip()[:300],
        url=url,
        content_type=content_type,
        size=size,
        uploaded_by=user,
    )
    document._history_user = user
    stored = ""
    try:
        with transaction.atomic():
            if file:
                document.file.save(name, file, save=False)
                stored = document.file.name
            document.save()
            meeting.documents.add(document)
    except Exception:
        if stored:
            document.file.storage.delete(stored)
        raise
    return document
