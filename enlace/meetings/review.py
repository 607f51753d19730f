"""The review of a draft report: from a ReportDraft to forms, and from the corrected forms back to a draft."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from enlace.directory.models import MEMBER_STATES
from enlace.meetings.draft import AgreementDraft, CommitmentDraft, ReportDraft, SubpointDraft
from enlace.meetings.forms import (
    AgreementFormSet,
    CommitmentFormSet,
    MeetingHeaderForm,
    organization_choices,
)
from enlace.meetings.services import deadline_error


@dataclass
class ReviewForms:
    header: MeetingHeaderForm
    agreements: AgreementFormSet
    commitments: CommitmentFormSet
    errors: list[str]

    def is_valid(self) -> bool:
        header_valid = self.header.is_valid()
        rows_valid = self.agreements.is_valid() & self.commitments.is_valid()
        # Check the rows against each other even when the header has errors, so every problem shows at once.
        return rows_valid and not self._cross_check() and header_valid

    def _cross_check(self) -> list[str]:
        """Rows must form a report: unique references, sub-points under an existing point, commitments on a
        point that exists."""
        references = []
        for form in self.agreements.forms:
            if form.cleaned_data and not form.cleaned_data.get("DELETE"):
                references.append(form.cleaned_data["reference"])
        points = {ref for ref in references if "." not in ref}
        seen = set()
        for ref in references:
            if ref in seen:
                self.errors.append(_("Point %(ref)s appears twice.") % {"ref": ref})
            seen.add(ref)
            if "." in ref and ref.split(".")[0] not in points:
                self.errors.append(
                    _("Sub-point %(ref)s has no point %(point)s above it.")
                    % {"ref": ref, "point": ref.split(".")[0]}
                )
        if not references:
            self.errors.append(_("The report needs at least one point."))
        header = getattr(self.header, "cleaned_data", {}) or {}
        for form in self.commitments.forms:
            data = form.cleaned_data
            reference = data.get("agreement") if data and not data.get("DELETE") else None
            if reference is not None and (message := deadline_error(data.get("due"), header.get("date"))):
                self.errors.append(
                    _("Commitment under point %(ref)s: %(message)s") % {"ref": reference, "message": message}
                )
                form.add_error("due", message)
            if reference is not None and reference not in seen:
                self.errors.append(
                    _("A commitment refers to point %(ref)s, which is not in the report.")
                    % {"ref": reference}
                )
                form.add_error(
                    "agreement", _("There is no point %(ref)s in the report.") % {"ref": reference}
                )
        return self.errors

    def to_draft(self, source: ReportDraft | None = None) -> ReportDraft:
        header = self.header.cleaned_data
        draft = ReportDraft(
            body=header["body"],
            title=header["title"],
            place=header["place"],
            virtual=header["virtual"],
            country=header["country"],
            date=header["date"],
            end_date=header["end_date"],
            language=header["language"],
            delegations=list(header["delegations"]),
            participants=list(header["participants"]),
            opening=header["opening"],
            warnings=list(source.warnings) if source else [],
            source_text=source.source_text if source else "",
        )
        rows = [
            f.cleaned_data
            for f in self.agreements.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        points: dict[str, AgreementDraft] = {}
        for data in rows:
            if "." not in data["reference"]:
                points[data["reference"]] = AgreementDraft(
                    number=data["reference"], text=data["text"], organizations=list(data["organizations"])
                )
                draft.agreements.append(points[data["reference"]])
        # Sub-points after every point: a sub-point typed above its point still goes under it.
        for data in rows:
            if "." in data["reference"]:
                number, label = data["reference"].split(".")
                points[number].subpoints.append(
                    SubpointDraft(label=label, text=data["text"], organizations=list(data["organizations"]))
                )
        for form in self.commitments.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            draft.commitments.append(
                CommitmentDraft(
                    agreement=data["agreement"],
                    text=data["text"],
                    responsible=list(data["responsible"]),
                    recipient=data["recipient"] or None,
                    due=data["due"],
                    deadline_phrase=data["deadline_phrase"],
                )
            )
        return draft


def _header_initial(draft: ReportDraft, visibility: str) -> dict:
    return {
        "body": draft.body,
        "title": draft.title,
        "virtual": draft.virtual,
        "place": draft.place,
        "country": draft.country,
        "date": draft.date,
        "end_date": draft.end_date,
        "language": draft.language,
        "delegations": draft.delegations,
        "participants": draft.participants,
        "opening": draft.opening,
        "visibility": visibility,
    }


def _as_choices(codes: list[str]) -> list[str]:
    """ "The Network" acts as its member states do; the review offers them as one choice."""
    return list(dict.fromkeys(MEMBER_STATES if code == "NETWORK" else code for code in codes))


def _agreement_rows(draft: ReportDraft) -> list[dict]:
    rows = []
    for point in draft.agreements:
        rows.append(
            {"reference": point.number, "text": point.text, "organizations": _as_choices(point.organizations)}
        )
        for sub in point.subpoints:
            rows.append(
                {
                    "reference": f"{point.number}.{sub.label}",
                    "text": sub.text,
                    "organizations": _as_choices(sub.organizations),
                }
            )
    return rows


def _commitment_rows(draft: ReportDraft) -> list[dict]:
    return [
        {
            "agreement": c.agreement,
            "text": c.text,
            # "The Network" answers as its member states do; the review offers them as one choice.
            "responsible": list(
                dict.fromkeys(MEMBER_STATES if code == "NETWORK" else code for code in c.responsible)
            ),
            "recipient": c.recipient or "",
            "due": c.due,
            "deadline_phrase": c.deadline_phrase,
        }
        for c in draft.commitments
    ]


def review_forms(draft: ReportDraft | None = None, data=None, *, visibility: str = "network") -> ReviewForms:
    """Bound to POST data when given, else filled from the draft."""
    choices = organization_choices(with_states=True)
    draft = draft or ReportDraft()
    if data is not None:
        return ReviewForms(
            header=MeetingHeaderForm(data),
            agreements=AgreementFormSet(data, prefix="agreements", org_choices=choices),
            commitments=CommitmentFormSet(data, prefix="commitments", org_choices=choices),
            errors=[],
        )
    return ReviewForms(
        header=MeetingHeaderForm(initial=_header_initial(draft, visibility)),
        agreements=AgreementFormSet(initial=_agreement_rows(draft), prefix="agreements", org_choices=choices),
        commitments=CommitmentFormSet(
            initial=_commitment_rows(draft), prefix="commitments", org_choices=choices
        ),
        errors=[],
    )
