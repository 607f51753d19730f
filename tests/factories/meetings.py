"""Meetings, built through the service that records them from a report draft (meeting_create_from_draft)."""

import datetime as dt

import factory

from enlace.core.models import Visibility
from enlace.meetings.draft import AgreementDraft, CommitmentDraft, ReportDraft, SubpointDraft
from enlace.meetings.models import Meeting
from enlace.meetings.services import meeting_create_from_draft


class SubpointDraftFactory(factory.Factory):
    class Meta:
        model = SubpointDraft

    label = "a"
    text = factory.LazyAttribute(lambda sub: f"Texto del inciso {sub.label}.")
    organizations = factory.List([])


class AgreementDraftFactory(factory.Factory):
    class Meta:
        model = AgreementDraft

    number = factory.Sequence(lambda n: str(n + 1))
    text = factory.LazyAttribute(lambda point: f"Texto del punto {point.number}.")
    organizations = factory.List([])
    subpoints = factory.List([])


class CommitmentDraftFactory(factory.Factory):
    class Meta:
        model = CommitmentDraft

    agreement = "1"
    text = factory.Sequence(lambda n: f"Compromiso número {n}")
    responsible = factory.List([])
    recipient = None
    due = None
    deadline_phrase = ""


def _seed_agreements() -> list[AgreementDraft]:
    """Points 1-3 of the seed report, shortened: a plain point, one with two sub-points, one with one."""
    return [
        AgreementDraftFactory.build(number="1", text="Agradecer a las delegaciones por sus reportes."),
        AgreementDraftFactory.build(
            number="2",
            text="Agradecer a las delegaciones por sus aportes sobre el Protocolo de Palermo.",
            organizations=["IOM"],
            subpoints=[
                SubpointDraftFactory.build(
                    label="a",
                    text="Los países enviarán el documento a la Secretaría Técnica.",
                    organizations=["STATES", "ST"],
                ),
                SubpointDraftFactory.build(
                    label="b",
                    text="Se insta a los países a utilizar las herramientas de UNODC.",
                    organizations=["STATES", "UNODC"],
                ),
            ],
        ),
        AgreementDraftFactory.build(
            number="3",
            text="Agradecer los aportes sobre las matrices comparativas de legislación.",
            subpoints=[
                SubpointDraftFactory.build(
                    label="a", text="La OIM realizará un análisis de nudos claves.", organizations=["IOM"]
                )
            ],
        ),
    ]


def _seed_commitments() -> list[CommitmentDraft]:
    return [
        CommitmentDraftFactory.build(
            agreement="2.a",
            text="Enviar el documento de indicadores a la ST.",
            responsible=["STATES"],
            recipient="ST",
            due=dt.date(2016, 8, 8),
            deadline_phrase="en un plazo no mayor a dos meses",
        ),
        CommitmentDraftFactory.build(
            agreement="3.a",
            text="Analizar los nudos claves del tráfico ilícito de migrantes.",
            responsible=["IOM"],
        ),
        CommitmentDraftFactory.build(
            agreement="2.b", text="Usar las herramientas en línea de UNODC.", responsible=["CR"]
        ),
    ]


class ReportDraftFactory(factory.Factory):
    """A draft like the seed report (Tegucigalpa, 2016): its delegations, points 1-3 and three commitments."""

    class Meta:
        model = ReportDraft

    body = "NETWORK"
    title = "Reunión de la Red de Funcionarios de Enlace"
    place = "Tegucigalpa"
    country = "HN"
    date = dt.date(2016, 6, 8)
    language = "es"
    delegations = factory.LazyFunction(lambda: ["CA", "CR", "SV", "US", "GT", "HN", "MX", "PA", "DO"])
    agreements = factory.LazyFunction(_seed_agreements)
    commitments = factory.LazyFunction(_seed_commitments)


class MeetingFactory(factory.Factory):
    """MeetingFactory(draft__title=..., visibility=..., actor=..., owner=...): recorded by the service; an owner
    other than the recording person is set afterwards, as the secretariat would hand the meeting over."""

    class Meta:
        model = Meeting

    draft = factory.SubFactory(ReportDraftFactory)
    visibility = Visibility.NETWORK
    actor = None
    owner = None

    @classmethod
    def _create(cls, model_class, *, draft, visibility, actor, owner):
        meeting = meeting_create_from_draft(draft=draft, actor=actor, visibility=visibility)
        if owner is not None:
            model_class.objects.filter(pk=meeting.pk).update(owner=owner)
            meeting.refresh_from_db()
        return meeting

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise TypeError("A meeting is only made through its service: use MeetingFactory(), not .build().")


def seed_like_draft(**overrides) -> ReportDraft:
    return ReportDraftFactory.build(**overrides)


def make_meeting(*, visibility=Visibility.NETWORK, created_by=None, **draft_fields) -> Meeting:
    """A seed-like meeting; keyword arguments other than visibility and created_by change its draft."""
    return MeetingFactory(draft=seed_like_draft(**draft_fields), visibility=visibility, actor=created_by)
