"""Meetings for tests, built through the services from a ReportDraft."""

import datetime as dt

from enlace.core.models import Visibility
from enlace.meetings.draft import AgreementDraft, CommitmentDraft, ReportDraft, SubpointDraft
from enlace.meetings.services import meeting_create_from_draft


def seed_like_draft(**overrides) -> ReportDraft:
    draft = ReportDraft(
        body="NETWORK",
        title="Reunión de la Red de Funcionarios de Enlace",
        place="Tegucigalpa",
        country="HN",
        date=dt.date(2016, 6, 8),
        language="es",
        delegations=["CA", "CR", "SV", "US", "GT", "HN", "MX", "PA", "DO"],
        agreements=[
            AgreementDraft(number="1", text="Agradecer a las delegaciones por sus reportes."),
            AgreementDraft(
                number="2",
                text="Agradecer a las delegaciones por sus aportes sobre el Protocolo de Palermo.",
                organizations=["IOM"],
                subpoints=[
                    SubpointDraft(
                        label="a",
                        text="Los países enviarán el documento a la Secretaría Técnica.",
                        organizations=["STATES", "ST"],
                    ),
                    SubpointDraft(
                        label="b",
                        text="Se insta a los países a utilizar las herramientas de UNODC.",
                        organizations=["STATES", "UNODC"],
                    ),
                ],
            ),
            AgreementDraft(
                number="3",
                text="Agradecer los aportes sobre las matrices comparativas de legislación.",
                subpoints=[
                    SubpointDraft(
                        label="a", text="La OIM realizará un análisis de nudos claves.", organizations=["IOM"]
                    )
                ],
            ),
        ],
        commitments=[
            CommitmentDraft(
                agreement="2.a",
                text="Enviar el documento de indicadores a la ST.",
                responsible=["STATES"],
                recipient="ST",
                due=dt.date(2016, 8, 8),
                deadline_phrase="en un plazo no mayor a dos meses",
            ),
            CommitmentDraft(
                agreement="3.a",
                text="Analizar los nudos claves del tráfico ilícito de migrantes.",
                responsible=["IOM"],
            ),
            CommitmentDraft(
                agreement="2.b", text="Usar las herramientas en línea de UNODC.", responsible=["CR"]
            ),
        ],
    )
    for key, value in overrides.items():
        setattr(draft, key, value)
    return draft


def make_meeting(*, visibility=Visibility.NETWORK, created_by=None, **overrides):
    return meeting_create_from_draft(
        draft=seed_like_draft(**overrides), actor=created_by, visibility=visibility
    )
