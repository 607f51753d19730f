"""The bench dataset, at the scale the Network will reach: 11 member states, 10 years of work.

Run as `python -m bench.dataset` with the bench environment (bench/run.py does it); prints one JSON line with
what was built. Each module adds its records with a builder:

    @builder("reporting")
    def build_reporting(ctx: Context) -> dict:
        ...  # create records through the module's services
        return {"submissions": 110}

A builder whose module is not importable yet is reported as skipped, the others still run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

YEARS = list(range(2016, 2026))  # ten years of the Network
MEETINGS_PER_YEAR = 2
AGREEMENTS_PER_MEETING = 10
COMMITMENTS_TOTAL = 5_000  # what the follow-up page shows to the secretariat
PEOPLE_PER_ORGANIZATION = 5
BENCH_PASSWORD = "bench-password-2026"
# Who the bench signs in as: key -> (user name, organization code, role).
BENCH_USERS = {
    "staff": ("bench.staff", "ST", "secretariat"),
    "officer": ("bench.officer", "CR", "liaison_officer"),
}


@dataclass
class Context:
    rng: random.Random
    admin: object = None  # the secretariat administrator who "does" every write
    organizations: dict = field(default_factory=dict)  # code -> Organization


BUILDERS: list[tuple[str, Callable[[Context], dict]]] = []


def builder(name: str):
    def register(function):
        BUILDERS.append((name, function))
        return function

    return register


# --- directory ------------------------------------------------------------------------------------------------


@builder("directory")
def build_directory(ctx: Context) -> dict:
    from enlace.accounts.forms import ROLE_ORGANIZATION_KINDS
    from enlace.accounts.models import Role, User
    from enlace.accounts.services import user_invite
    from enlace.directory.reference import MEMBER_STATE_CODES, load_reference_organizations
    from enlace.directory.services import presidency_set

    ctx.admin = User.objects.create_user(
        username="bench.admin",
        email="bench.admin@example.org",
        password=BENCH_PASSWORD,
        role=Role.SECRETARIAT_ADMIN,
    )
    ctx.organizations = {org.code: org for org in load_reference_organizations(actor=ctx.admin)}
    ctx.admin.organization = ctx.organizations["ST"]
    ctx.admin.save(update_fields=["organization"])
    for username, code, role in BENCH_USERS.values():
        User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=BENCH_PASSWORD,
            first_name="Bench",
            last_name=username.split(".")[1].title(),
            organization=ctx.organizations[code],
            role=role,
        )
    for code, org in ctx.organizations.items():
        role = next(role for role, kinds in ROLE_ORGANIZATION_KINDS.items() if org.kind in kinds)
        for n in range(1, PEOPLE_PER_ORGANIZATION + 1):
            user_invite(
                actor=ctx.admin,
                email=f"{code.lower()}.person{n}@example.org",
                first_name=ctx.rng.choice(FIRST_NAMES),
                last_name=f"{ctx.rng.choice(LAST_NAMES)} {n}",
                organization=org,
                role=role,
                language=ctx.rng.choice(["es", "es", "en"]),
                send=False,
            )
    for year in YEARS:
        presidency_set(year=year, state=ctx.organizations[MEMBER_STATE_CODES[year % 11]], actor=ctx.admin)
    return {
        "organizations": len(ctx.organizations),
        "people": User.objects.count(),
        "presidencies": len(YEARS),
    }


FIRST_NAMES = ["Ana", "Luis", "María", "José", "Carmen", "Jorge", "Lucía", "Pedro", "Sofía", "Daniel"]
LAST_NAMES = ["Rodríguez", "Hernández", "López", "Martínez", "Smith", "Pérez", "Gómez", "Castro", "Brown"]


# --- meetings, agreements and commitments ---------------------------------------------------------------------

POINTS = [
    "Agradecer a las delegaciones por sus reportes relativos a los nuevos esfuerzos y buenas prácticas en el "
    "combate a la trata de personas y el tráfico ilícito de migrantes.",
    "Agradecer a las delegaciones por sus aportes sobre la implementación del Protocolo de Palermo utilizando "
    "los indicadores elaborados por la OIM.",
    "Agradecer a las delegaciones por la actualización de las matrices comparativas de legislación sobre trata "
    "de personas y tráfico ilícito de migrantes.",
    "Tomar nota de la propuesta de la Secretaría Técnica sobre los términos de cooperación en materia migratoria "
    "para los Países Miembros.",
    "Agradecer a la Coalición Regional por el informe presentado sobre la atención a víctimas de trata.",
    "Agradecer a la RROCM por el diálogo, las observaciones y las propuestas sobre el intercambio de "
    "experiencias y la cooperación.",
]
COMMITMENTS = [
    ("La OIM realizará un análisis de los nudos críticos que obstaculizan el combate al tráfico ilícito de "
     "migrantes y lo enviará a la Secretaría Técnica.", ["IOM"], 60),
    ("Los Países Miembros enviarán a la Secretaría Técnica la información actualizada de sus matrices de "
     "legislación.", ["STATES"], 90),
    ("La Secretaría Técnica circulará entre los Países Miembros la propuesta de plan de trabajo.", ["ST"], 30),
    ("Costa Rica compartirá su protocolo de atención a víctimas de trata con las demás delegaciones.", ["CR"], 45),
    ("México y Guatemala presentarán los avances de su mecanismo binacional de intercambio de información.",
     ["MX", "GT"], 120),
    ("UNODC brindará asistencia técnica a los países interesados en el uso de la herramienta en línea.",
     ["UNODC"], 180),
]  # fmt: skip
PLACES = [("Tegucigalpa", "HN"), ("San José", "CR"), ("Ciudad de Guatemala", "GT"), ("Panamá", "PA"),
          ("San Salvador", "SV"), ("Ciudad de México", "MX"), ("Santo Domingo", "DO"), ("Managua", "NI")]  # fmt: skip


def meeting_draft(rng: random.Random, date: dt.date, states: list[str]):
    """A seed-like report: ten points, some with sub-points, and the commitments they contain."""
    from enlace.meetings.draft import AgreementDraft, CommitmentDraft, ReportDraft, SubpointDraft

    place, country = rng.choice(PLACES)
    agreements, commitments = [], []
    for number in range(1, AGREEMENTS_PER_MEETING + 1):
        subpoints = []
        if number % 3 == 2:
            for label in "ab":
                text, responsible, days = rng.choice(COMMITMENTS)
                subpoints.append(SubpointDraft(label=label, text=text, organizations=responsible))
                commitments.append(
                    CommitmentDraft(
                        agreement=f"{number}.{label}",
                        text=text,
                        responsible=responsible,
                        due=date + dt.timedelta(days=days),
                        deadline_phrase=f"en un plazo de {days} días",
                    )
                )
        agreements.append(AgreementDraft(number=str(number), text=rng.choice(POINTS), subpoints=subpoints))
    return ReportDraft(
        title="Reunión de la Red de Funcionarios de Enlace",
        place=place,
        country=country,
        date=date,
        language="es",
        delegations=rng.sample(states, k=rng.randint(7, len(states))),
        participants=["ST", "IOM"],
        agreements=agreements,
        commitments=commitments,
    )


@builder("meetings")
def build_meetings(ctx: Context) -> dict:
    from simple_history.utils import bulk_create_with_history

    from enlace.core.models import Visibility
    from enlace.directory.reference import MEMBER_STATE_CODES
    from enlace.meetings.models import Agreement, Commitment, CommitmentStatus
    from enlace.meetings.services import meeting_create_from_draft

    meetings = []
    for year in YEARS:
        for month in (3, 9)[:MEETINGS_PER_YEAR]:
            date = dt.date(year, month, ctx.rng.randint(1, 28))
            visibility = ctx.rng.choice([Visibility.NETWORK] * 3 + [Visibility.PUBLIC, Visibility.RESTRICTED])
            draft = meeting_draft(ctx.rng, date, MEMBER_STATE_CODES)
            meetings.append(meeting_create_from_draft(draft=draft, actor=ctx.admin, visibility=visibility))

    # The rest of the 5,000 commitments in bulk (with their history rows), spread over every agreement.
    agreements = list(Agreement.objects.select_related("meeting"))
    existing = Commitment.objects.count()
    statuses = [CommitmentStatus.OPEN] * 3 + [CommitmentStatus.IN_PROGRESS] * 3 + [CommitmentStatus.DONE] * 3
    statuses.append(CommitmentStatus.DROPPED)
    extra = []
    for i in range(COMMITMENTS_TOTAL - existing):
        agreement = agreements[i % len(agreements)]
        text, responsible, days = COMMITMENTS[i % len(COMMITMENTS)]
        due = agreement.meeting.start_date + dt.timedelta(days=days + ctx.rng.randint(0, 400))
        extra.append(
            Commitment(
                meeting=agreement.meeting,
                agreement=agreement,
                text=f"{text} ({i + 1})",
                all_member_states="STATES" in responsible,
                due_date=due if i % 7 else None,
                deadline_phrase="" if i % 7 else "a la brevedad",
                status=ctx.rng.choice(statuses),
                position=100 + i,
            )
        )
    created = bulk_create_with_history(extra, Commitment, batch_size=500, default_user=ctx.admin)
    through = Commitment.responsible.through
    links = []
    for commitment in created:
        _text, responsible, _days = COMMITMENTS[(commitment.position - 100) % len(COMMITMENTS)]
        for code in responsible:
            if code in ctx.organizations:
                links.append(through(commitment_id=commitment.pk, organization_id=ctx.organizations[code].pk))
    through.objects.bulk_create(links, batch_size=1000)
    return {
        "meetings": len(meetings),
        "agreements": len(agreements),
        "commitments": Commitment.objects.count(),
    }


@builder("imports")
def build_pending_import(ctx: Context) -> dict:
    """A 100-page report uploaded and waiting for review: the heaviest page of the import (ReportImport 1)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bench.documents import HEADER, OPENING, report_points
    from enlace.imports.importing import report_import_create, report_import_read

    points = "\n\n".join(
        f"{n}. {text}\n\na. {sub_a}\nb. {sub_b}" for n, text, (sub_a, sub_b) in report_points()
    )
    text = "\n".join(HEADER) + f"\n\n{OPENING}\n\n{points}\n"
    upload = SimpleUploadedFile("informe-100-paginas.txt", text.encode("utf-8"))
    pending = report_import_create(uploaded_file=upload, actor=ctx.admin)
    report_import_read(report_import_id=pending.pk, attempt=pending.attempt)  # what the worker would do
    pending.refresh_from_db()
    return {"pending import points": len(pending.draft["agreements"])}


REPORTING_INDICATORS = 150  # the reference framework's 67 and synthetic figures up to 150
REPORTING_CYCLES = 10


@builder("reporting")
def build_reporting(ctx: Context) -> dict:
    """A 150-indicator framework, ten cycles of validated reports from the 11 member states (16,500 answers, bulk
    inserted: the bench measures reading them), and Costa Rica's draft in an eleventh, open cycle."""
    from enlace.directory.models import OrganizationKind
    from enlace.reporting.models import Answer, Submission, SubmissionStatus
    from enlace.reporting.services.cycles import cycle_open
    from enlace.reporting.services.frameworks import _reference_data, framework_create
    from enlace.reporting.services.submissions import submission_start

    indicators, rules_ = _reference_data()
    extra = [
        dict(
            indicators[7],
            code=f"TIP-PR-X{n:03d}",
            text_es=f"Cifra {n}",
            text_en=f"Figure {n}",
            unodc_figure="",
        )
        for n in range(REPORTING_INDICATORS - len(indicators))
    ]
    framework = framework_create(
        actor=None,
        fields={"code": "bench", "version": 1, "title_es": "Marco del banco", "title_en": "Bench framework"},
        indicators=indicators + extra,
        rules_=rules_,
    )
    indicator_rows = list(framework.indicators.all())
    states = [org for org in ctx.organizations.values() if org.kind == OrganizationKind.MEMBER_STATE]
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    answers = 0
    for year in YEARS[:REPORTING_CYCLES]:
        cycle = cycle_open(
            actor=ctx.admin, framework=framework, title=f"Cycle {year}", period_start=dt.date(year - 1, 1, 1),
            period_end=dt.date(year - 1, 12, 31), opens_on=dt.date(year, 3, 1), due_on=dt.date(year, 6, 30),
            expected=states,
        )  # fmt: skip
        reports = Submission.objects.bulk_create(
            Submission(cycle=cycle, owner=state, status=SubmissionStatus.VALIDATED, visibility="network",
                       first_submitted_at=now, submitted_at=now, validated_at=now)
            for state in states
        )  # fmt: skip
        rows = [
            Answer(submission=report, indicator=indicator, revision=1, **_bench_answer(ctx.rng, indicator))
            for report in reports
            for indicator in indicator_rows
        ]
        Answer.objects.bulk_create(rows, batch_size=2000)
        answers += len(rows)
    open_cycle = cycle_open(
        actor=ctx.admin, framework=framework, title="Open cycle", period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31), opens_on=dt.date(2026, 1, 1), due_on=dt.date(2027, 6, 30), expected=states,
    )  # fmt: skip
    officer = _bench_user("officer")
    draft = submission_start(actor=officer, cycle=open_cycle, country_id=officer.organization_id)
    return {
        "reporting cycles": REPORTING_CYCLES + 1,
        "reporting answers": answers,
        "reporting draft": draft.pk,
    }


def _bench_user(key: str):
    from enlace.accounts.models import User

    return User.objects.get(username=BENCH_USERS[key][0])


def _bench_answer(rng: random.Random, indicator) -> dict:
    from enlace.reporting.models import AnswerType

    if indicator.answer_type == AnswerType.INTEGER:
        total = rng.randint(0, 500)
        female = rng.randint(0, total)
        parts = (
            {"sex:female": female, "sex:male": total - female} if "sex" in indicator.disaggregations else {}
        )
        return {"value": total, "parts": parts}
    if indicator.answer_type in (AnswerType.YES_NO_PARTLY,):
        return {"value": rng.choice(["yes", "no", "partly"])}
    if indicator.answer_type == AnswerType.CHOICE:
        return {"value": indicator.choices[0]["code"]}
    if indicator.answer_type == AnswerType.MULTIPLE:
        return {"value": [indicator.choices[0]["code"]]}
    if indicator.answer_type == AnswerType.DATE:
        return {"value": "2015-06-01"}
    return {"value": str(rng.randint(1, 99))}


def main() -> int:
    import django

    django.setup()
    ctx = Context(rng=random.Random(2016))
    summary: dict = {"skipped": {}}
    started = time.perf_counter()
    for name, build in BUILDERS:
        try:
            counts = build(ctx)
        except ImportError as exc:  # a module not built yet
            summary["skipped"][name] = str(exc)
            continue
        summary.update(counts)
    summary["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
