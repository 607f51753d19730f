"""Meetings with the commitments a follow-up test needs, and the dates those commitments fall due."""

import datetime as dt

from django.utils import timezone

from enlace.core.models import Visibility
from enlace.meetings.draft import AgreementDraft, CommitmentDraft
from enlace.meetings.models import Agreement, Commitment, Meeting
from tests.factories.meetings import (
    AgreementDraftFactory,
    CommitmentDraftFactory,
    MeetingFactory,
    ReportDraftFactory,
    SubpointDraftFactory,
)


def today() -> dt.date:
    return timezone.localdate()


def days(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


def commitment(ref, text, responsible=(), *, due=None, phrase="", recipient=None) -> CommitmentDraft:
    return CommitmentDraftFactory.build(
        agreement=ref,
        text=text,
        responsible=list(responsible),
        recipient=recipient,
        due=due,
        deadline_phrase=phrase,
    )


def meeting_with(
    *commitments: CommitmentDraft,
    title="Reunión de la Red de Funcionarios de Enlace",
    date=dt.date(2026, 6, 8),
    visibility=Visibility.NETWORK,
    owner=None,
    created_by=None,
) -> Meeting:
    """A meeting whose points and sub-points are those the commitments refer to ("2", "2.a", ...)."""
    points: dict[str, AgreementDraft] = {}
    for proposal in commitments or [commitment("1", "—")]:
        number, _, letter = proposal.agreement.partition(".")
        point = points.setdefault(number, AgreementDraftFactory.build(number=number))
        if letter and all(sub.label != letter for sub in point.subpoints):
            point.subpoints.append(
                SubpointDraftFactory.build(label=letter, text=f"Texto del inciso {number}.{letter}.")
            )
    draft = ReportDraftFactory.build(
        title=title,
        date=date,
        delegations=["CR", "MX", "HN"],
        agreements=list(points.values()),
        commitments=list(commitments),
    )
    return MeetingFactory(draft=draft, visibility=visibility, actor=created_by, owner=owner)


def network_meeting() -> Meeting:
    """A network meeting like the seed report: commitments of the states, IOM, Costa Rica, Mexico, the Coalition."""
    return meeting_with(
        commitment(
            "2.a",
            "Enviar a la ST el documento sobre los indicadores de Palermo",
            ["STATES"],
            due=days(40),
            phrase="en un plazo no mayor a dos meses",
            recipient="ST",
        ),
        commitment(
            "3.a", "Analizar los nudos claves en el combate al tráfico ilícito", ["IOM"], due=days(-10)
        ),
        commitment("3.a", "Ofrecer capacidad técnica para actualizar las matrices", ["IOM"], due=days(12)),
        commitment("4.a", "Presentar el interés en programas de migración laboral", ["CR"], due=days(5)),
        commitment("2.b", "Usar las herramientas en línea de UNODC", ["MX"], due=days(-3)),
        commitment("5", "Informar sobre la Estrategia Regional de atención a víctimas", ["COALITION"]),
    )


def by_text(fragment: str) -> Commitment:
    return Commitment.objects.get(text__icontains=fragment)


def bulk_commitments(meeting: Meeting, n: int, organization, *, due=None) -> None:
    """n commitments under the meeting's first agreement, created in two queries (rows, then responsible): the
    volume a query-count or benchmark test needs, faster than the service would make them."""
    agreement = Agreement.objects.filter(meeting=meeting).order_by("position").first()
    start = Commitment.objects.filter(meeting=meeting).count()
    created = Commitment.objects.bulk_create(
        Commitment(
            meeting=meeting,
            agreement=agreement,
            text=f"Compromiso número {start + i}",
            due_date=(due or days(20)) + dt.timedelta(days=i % 60),
            position=start + i,
        )
        for i in range(n)
    )
    if not all(c.pk for c in created):  # databases that do not return ids from bulk inserts
        created = list(Commitment.objects.filter(meeting=meeting).order_by("-pk")[:n])
    through = Commitment.responsible.through
    through.objects.bulk_create(through(commitment_id=c.pk, organization_id=organization.pk) for c in created)
