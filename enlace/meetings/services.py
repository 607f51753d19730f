"""Writes on meetings, agreements and commitments (the records). Every write keeps its author in the history; a
commitment's status and notes are written by enlace.followup.services."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from enlace import permissions
from enlace.core.inputs import model_max_length, validate_date_in_range
from enlace.core.models import Document, Visibility
from enlace.directory.models import MEMBER_STATES, Organization
from enlace.meetings.draft import ReportDraft
from enlace.meetings.models import Agreement, Commitment, Meeting
from enlace.meetings.selectors import same_meetings
from enlace.meetings.signals import meeting_documents

DEFAULT_TITLES = {
    "NETWORK": {
        "es": "Reunión de la Red de Funcionarios de Enlace",
        "en": "Meeting of the Liaison Officer Network",
    },
    "GRCM": {
        "es": "Reunión del Grupo Regional de Consulta sobre Migración",
        "en": "Meeting of the Regional Consultation Group on Migration",
    },
    "CRM": {"es": "Reunión Viceministerial de la CRM", "en": "Vice-ministerial Meeting of the RCM"},
    "WORKSHOP": {"es": "Taller", "en": "Workshop"},
    "OTHER": {"es": "Reunión", "en": "Meeting"},
}


def _organizations(codes, by_code) -> list[Organization]:
    return [by_code[code] for code in dict.fromkeys(codes) if code in by_code]


def _save(instance, user):
    instance._history_user = user
    instance.save()
    return instance


def _check_draft_limits(draft: ReportDraft) -> None:
    """What the review form checks, checked again for drafts that come another way (the import command):
    dates in the sane range, point numbers and letters that fit their column."""
    dates = [draft.date, draft.end_date, *(c.due for c in draft.commitments)]
    try:
        for date in dates:
            validate_date_in_range(date)
    except ValidationError as error:
        raise ValidationError(error.messages) from None
    longest = model_max_length(Agreement, "label")
    labels = [p.number for p in draft.agreements] + [s.label for p in draft.agreements for s in p.subpoints]
    if any(len(label) > longest for label in labels):
        raise ValidationError(
            _("A point number or letter has at most %(max)d characters.") % {"max": longest}
        )


@transaction.atomic
def meeting_create_from_draft(
    *,
    draft: ReportDraft,
    actor=None,
    visibility: str = Visibility.NETWORK,
) -> Meeting:
    """Creates the meeting with its points, sub-points and commitments from a reviewed draft, all or nothing."""
    if draft.date is None:
        raise ValidationError(_("The meeting date is missing."))
    if not draft.agreements:
        raise ValidationError(_("The report has no agreements."))
    _check_draft_limits(draft)
    by_code = {org.code: org for org in Organization.objects.all()}
    secretariat = by_code.get("ST")
    if secretariat is None:
        raise ValidationError(_("The Technical Secretariat is not in the directory yet."))
    language = draft.language if draft.language in ("es", "en") else "es"
    meeting = _save(
        Meeting(
            owner=secretariat,
            visibility=visibility,
            body=draft.body if draft.body in DEFAULT_TITLES else "OTHER",
            title=(draft.title or DEFAULT_TITLES.get(draft.body, DEFAULT_TITLES["OTHER"])[language])[
                : model_max_length(Meeting, "title")
            ],
            place=draft.place[: model_max_length(Meeting, "place")],
            virtual=draft.virtual,
            country=by_code.get(draft.country) if draft.country else None,
            start_date=draft.date,
            end_date=draft.end_date if draft.end_date and draft.end_date >= draft.date else None,
            language=language,
            opening=draft.opening,
            created_by=actor,
        ),
        actor,
    )
    meeting.delegations.set(_organizations(draft.delegations, by_code))
    meeting.participants.set(_organizations(draft.participants, by_code))

    references: dict[str, Agreement] = {}
    position = 0
    for point in draft.agreements:
        position += 1
        agreement = _save(
            Agreement(meeting=meeting, label=point.number, position=position, text=point.text), actor
        )
        agreement.organizations.set(_organizations(point.organizations, by_code))
        references[point.number] = agreement
        for sub in point.subpoints:
            position += 1
            child = _save(
                Agreement(
                    meeting=meeting, parent=agreement, label=sub.label, position=position, text=sub.text
                ),
                actor,
            )
            child.organizations.set(_organizations(sub.organizations, by_code))
            references[f"{point.number}.{sub.label}"] = child

    for index, proposal in enumerate(draft.commitments, start=1):
        agreement = references.get(proposal.agreement)
        if agreement is None:
            raise ValidationError(
                _("Commitment %(n)s refers to point %(ref)s, which is not in the report.")
                % {"n": index, "ref": proposal.agreement}
            )
        commitment = _save(
            Commitment(
                meeting=meeting,
                agreement=agreement,
                text=proposal.text,
                # "The Network" decides as its member states do.
                all_member_states=bool({MEMBER_STATES, "NETWORK"} & set(proposal.responsible)),
                recipient=by_code.get(proposal.recipient) if proposal.recipient else None,
                due_date=proposal.due,
                deadline_phrase=proposal.deadline_phrase[: model_max_length(Commitment, "deadline_phrase")],
                position=index,
            ),
            actor,
        )
        commitment.responsible.set(
            _organizations([c for c in proposal.responsible if c not in (MEMBER_STATES, "NETWORK")], by_code)
        )
    return meeting


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, actor, data: dict, delegations=None, participants=None, point_texts=None
) -> Meeting:
    """The header, who took part, and the text and translation of each point (point_texts: id -> (text,
    translation)); only what changed is saved, so the history shows real changes."""
    permissions.require(
        actor, permissions.can_manage_meetings, _("Only the secretariat can change a meeting.")
    )
    if data.get("visibility") == Visibility.PUBLIC and meeting.visibility != Visibility.PUBLIC:
        permissions.require(
            actor,
            lambda person: permissions.can_publish(person, meeting),
            _("Only the secretariat can publish."),
        )
    for key, value in data.items():
        setattr(meeting, key, value)
    if meeting.end_date and meeting.end_date < meeting.start_date:
        raise ValidationError(_("The last day cannot be before the first day."))
    _save(meeting, actor)
    if delegations is not None:
        meeting.delegations.set(delegations)
    if participants is not None:
        meeting.participants.set(participants)
    point_texts = point_texts or {}
    for agreement in meeting.agreements.filter(pk__in=list(point_texts)):
        text, translation = point_texts[agreement.pk]
        if (agreement.text, agreement.translation) != (text or agreement.text, translation):
            agreement.text, agreement.translation = text or agreement.text, translation
            _save(agreement, actor)
    return meeting


@transaction.atomic
def meeting_delete(*, meeting: Meeting, actor) -> None:
    """Removes a meeting recorded by mistake, with its points, commitments, notes, evidence and documents (their
    files too, once the deletion is committed). The history keeps every deleted row and who deleted it."""
    permissions.require(
        actor, permissions.can_manage_meetings, _("Only the secretariat can delete a meeting.")
    )
    # Documents other apps attached under the meeting (the follow-up's evidence) go with it.
    attached = Q(meetings=meeting)
    for _receiver, document_ids in meeting_documents.send(sender=Meeting, meeting=meeting):
        attached |= Q(pk__in=document_ids)
    documents = list(Document.objects.filter(attached).distinct())
    meeting._history_user = actor
    meeting.delete()
    for document in documents:
        name, storage = document.file.name, document.file.storage
        document._history_user = actor
        document.delete()
        if name:
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))


# --- commitments ---------------------------------------------------------------------------------------------


def deadline_error(due_date, meeting_date) -> str | None:
    """A deadline before the meeting that agreed it is a typo (2061 for 2016, or a swapped day and month)."""
    if due_date and meeting_date and due_date < meeting_date:
        return _("The deadline (%(due)s) is before the meeting (%(date)s).") % {
            "due": due_date.isoformat(),
            "date": meeting_date.isoformat(),
        }
    return None


def check_deadline(due_date, meeting_date) -> None:
    if message := deadline_error(due_date, meeting_date):
        raise ValidationError(message)


@transaction.atomic
def commitment_update(*, commitment: Commitment, actor, data: dict, responsible=None) -> Commitment:
    """The secretariat corrects what was agreed: text, responsible, recipient, deadline."""
    permissions.require(
        actor, permissions.can_manage_meetings, _("Only the secretariat can change what was agreed.")
    )
    for key, value in data.items():
        setattr(commitment, key, value)
    check_deadline(commitment.due_date, commitment.meeting.start_date)
    _save(commitment, actor)
    if responsible is not None:
        commitment.responsible.set(responsible)
    return commitment


@transaction.atomic
def commitment_create(
    *,
    agreement: Agreement,
    actor,
    text: str,
    responsible=(),
    all_member_states=False,
    recipient=None,
    due_date=None,
    deadline_phrase="",
) -> Commitment:
    permissions.require(
        actor, permissions.can_manage_meetings, _("Only the secretariat can record commitments.")
    )
    check_deadline(due_date, agreement.meeting.start_date)
    commitment = _save(
        Commitment(
            meeting=agreement.meeting,
            agreement=agreement,
            text=text,
            all_member_states=all_member_states,
            recipient=recipient,
            due_date=due_date,
            deadline_phrase=deadline_phrase,
            position=agreement.commitments.count() + 1,
        ),
        actor,
    )
    commitment.responsible.set(responsible)
    return commitment


class DuplicateMeeting(ValidationError):
    """The meeting seems recorded already; `meetings` are the ones it matches."""

    def __init__(self, meetings):
        self.meetings = list(meetings)
        super().__init__(
            _(
                "This meeting seems recorded already (same body, date and place, or the same file). Open the "
                "existing meeting, or tick “Record it anyway” if this is another meeting."
            ),
            code="duplicate",
        )


def refuse_duplicates(draft: ReportDraft, *, allow_duplicate: bool, also=()) -> None:
    """Raises DuplicateMeeting when the draft's meeting (or `also`, e.g. the meetings of the same file) is
    recorded already, unless the secretariat chose to record it anyway."""
    if allow_duplicate:
        return
    found = {m.pk: m for m in same_meetings(body=draft.body, date=draft.date, place=draft.place)}
    found.update({m.pk: m for m in also})
    if found:
        raise DuplicateMeeting(sorted(found.values(), key=lambda m: m.pk))


def meeting_create_manually(
    *, draft: ReportDraft, actor, visibility: str, allow_duplicate: bool = False
) -> Meeting:
    permissions.require(
        actor, permissions.can_manage_meetings, _("Only the secretariat can record meetings.")
    )
    refuse_duplicates(draft, allow_duplicate=allow_duplicate)
    return meeting_create_from_draft(draft=draft, actor=actor, visibility=visibility)
