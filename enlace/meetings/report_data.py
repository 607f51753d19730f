"""A recorded meeting as a ReportDraft in a given language, for the report generator."""

from enlace.directory.models import Organization
from enlace.meetings.draft import AgreementDraft, ReportDraft, SubpointDraft
from enlace.meetings.models import Meeting
from enlace.meetings.selectors import meeting_agreements


def organization_names(language: str) -> dict[str, str]:
    """Countries by name, organizations by acronym, in the report's language."""
    names = {}
    for org in Organization.objects.all():
        name = org.name_en if language == "en" else org.name_es
        acronym = (org.acronym_en if language == "en" else org.acronym_es) or org.code
        names[org.code] = name if org.is_member_state else acronym
    return names


def meeting_report_draft(meeting: Meeting, language: str) -> ReportDraft:
    """Texts in the requested language where a translation exists, else as written in the report."""

    def text(agreement):
        if language != meeting.language and agreement.translation:
            return agreement.translation
        return agreement.text

    def written_in(agreement) -> str:  # a point shown as written, in the other language, says so
        return meeting.language if language != meeting.language and not agreement.translation else ""

    points = meeting_agreements(meeting, with_commitments=False)
    translated_title = language == meeting.language
    return ReportDraft(
        body=meeting.body,
        title=meeting.title if translated_title else meeting.title_translation,
        place=meeting.place,
        virtual=meeting.virtual,
        country=meeting.country.code if meeting.country else "",
        date=meeting.start_date,
        end_date=meeting.end_date,
        language=language,
        delegations=[org.code for org in meeting.delegations.all()],
        participants=[org.code for org in meeting.participants.all()],
        opening=meeting.opening if language == meeting.language else "",
        agreements=[
            AgreementDraft(
                number=point.label,
                text=text(point),
                language=written_in(point),
                subpoints=[
                    SubpointDraft(label=sub.label, text=text(sub), language=written_in(sub))
                    for sub in point.children
                ],
            )
            for point in points
        ],
    )
