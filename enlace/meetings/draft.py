"""The structure of a meeting report, independent of the database.

The importer produces it from a document, the secretariat reviews it, services save it; the report generator
renders it back to .docx/.pdf. Its dict form is the JSON of `manage.py import_report --dry-run --format json`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field


@dataclass
class SubpointDraft:
    label: str  # "a", "b", ... as printed in the report
    text: str
    organizations: list[str] = field(default_factory=list)  # codes: ISO alpha-2, "STATES", "ST", "IOM", ...
    language: str = ""  # set by a generated report when the text is not in the report's language


@dataclass
class AgreementDraft:
    number: str  # "1", "2", ... as printed in the report
    text: str
    organizations: list[str] = field(default_factory=list)
    subpoints: list[SubpointDraft] = field(default_factory=list)
    language: str = ""  # as in SubpointDraft


@dataclass
class CommitmentDraft:
    agreement: str  # "2" or "2.a"
    text: str
    responsible: list[str] = field(default_factory=list)
    recipient: str | None = None
    due: dt.date | None = None
    deadline_phrase: str = ""


@dataclass
class ReportDraft:
    body: str = "NETWORK"  # NETWORK | GRCM | CRM | WORKSHOP | OTHER
    title: str = ""
    place: str = ""
    country: str = ""  # ISO alpha-2 of the host country, when the report names it ("Tegucigalpa, Honduras")
    virtual: bool = False  # held online: the report names no city
    date: dt.date | None = None
    end_date: dt.date | None = None
    language: str = "es"
    delegations: list[str] = field(default_factory=list)  # ISO alpha-2 codes of the states present
    participants: list[str] = field(default_factory=list)  # other organizations present (codes)
    opening: str = ""  # the paragraph that introduces the points
    agreements: list[AgreementDraft] = field(default_factory=list)
    commitments: list[CommitmentDraft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source_text: str = ""

    def to_dict(self, *, include_source: bool = False) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["end_date"] = self.end_date.isoformat() if self.end_date else None
        for commitment in data["commitments"]:
            commitment["due"] = commitment["due"].isoformat() if commitment["due"] else None
        data["warnings"] = [str(warning) for warning in self.warnings]  # the importer's are lazy translations
        if not include_source:
            data.pop("source_text")
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ReportDraft:
        def as_date(value):
            return dt.date.fromisoformat(value) if value else None

        agreements = [
            AgreementDraft(
                number=str(a["number"]),
                text=a.get("text", ""),
                organizations=list(a.get("organizations", [])),
                subpoints=[
                    SubpointDraft(
                        label=str(s["label"]),
                        text=s.get("text", ""),
                        organizations=list(s.get("organizations", [])),
                    )
                    for s in a.get("subpoints", [])
                ],
            )
            for a in data.get("agreements", [])
        ]
        commitments = [
            CommitmentDraft(
                agreement=str(c["agreement"]),
                text=c.get("text", ""),
                responsible=list(c.get("responsible", [])),
                recipient=c.get("recipient") or None,
                due=as_date(c.get("due")),
                deadline_phrase=c.get("deadline_phrase", ""),
            )
            for c in data.get("commitments", [])
        ]
        return cls(
            body=data.get("body", "NETWORK"),
            title=data.get("title", ""),
            place=data.get("place", ""),
            virtual=bool(data.get("virtual", False)),
            country=data.get("country", ""),
            date=as_date(data.get("date")),
            end_date=as_date(data.get("end_date")),
            language=data.get("language", "es"),
            delegations=list(data.get("delegations", [])),
            participants=list(data.get("participants", [])),
            opening=data.get("opening", ""),
            agreements=agreements,
            commitments=commitments,
            warnings=list(data.get("warnings", [])),
            source_text=data.get("source_text", ""),
        )
