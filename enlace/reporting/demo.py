"""Demo country reporting, built through the services: the reference framework; the 2016 cycle opened from
commitment 2.a of the seed (due 2016-08-08), in which six countries submitted on time, the Dominican Republic
late and Belize and Nicaragua not at all (as the seed and the follow-up meeting tell); and a 2017 cycle in
progress. Officers of states without a demo login report as the system. Idempotent."""

import datetime as dt
import random
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.utils import timezone

from enlace.directory.models import Organization
from enlace.followup.demo import dated as followup_dated
from enlace.meetings.models import Commitment, Meeting
from enlace.reporting.answers import Entry
from enlace.reporting.dimensions import DIMENSIONS
from enlace.reporting.models import (
    Answer,
    AnswerType,
    Cycle,
    IndicatorComment,
    Population,
    Submission,
    SubmissionEvent,
)
from enlace.reporting.services import submissions as services
from enlace.reporting.services.cycles import cycle_open, cycle_publish
from enlace.reporting.services.frameworks import framework_load_reference

User = get_user_model()
EXPECTED_2016 = ["BZ", "CR", "SV", "GT", "HN", "MX", "NI", "PA", "DO"]
ON_TIME_2016 = {"CR": 28, "MX": 4, "GT": 1, "HN": 5, "SV": 8, "PA": 2}  # day of July (CR) or August
VALIDATED_2016 = {"CR", "MX", "GT", "HN", "DO"}
# Demo figures, rounded, for SDG 16.2.2; not official statistics (the source says so).
POPULATION_2016 = {
    "BZ": 370_000, "CA": 36_100_000, "CR": 4_900_000, "SV": 6_300_000, "US": 323_000_000, "GT": 16_600_000,
    "HN": 9_100_000, "MX": 127_000_000, "NI": 6_200_000, "PA": 4_000_000, "DO": 10_400_000,
}  # fmt: skip
POPULATION_SOURCE = "Cifra de demostración redondeada (verificar con la oficina nacional de estadística)"


def _on(day: dt.date, hour: int = 11) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


@contextmanager
def dated(when: dt.datetime):
    """What the services write inside the block is dated `when`, so 2016 reads as it happened."""
    started = timezone.now()
    with followup_dated(when):  # the shares, notes and evidence the reports closed
        yield
    Submission.objects.filter(submitted_at__gte=started).update(submitted_at=when)
    Submission.objects.filter(first_submitted_at__gte=started).update(first_submitted_at=when)
    Submission.objects.filter(validated_at__gte=started).update(validated_at=when)
    SubmissionEvent.objects.filter(created_at__gte=started).update(created_at=when)
    IndicatorComment.objects.filter(created_at__gte=started).update(created_at=when)
    for model in (Submission, Answer, IndicatorComment):
        model.history.filter(history_date__gte=started).update(history_date=when)


def _split(rng, total: int, count: int) -> list[int]:
    cuts = sorted(rng.randint(0, total) for _ in range(count - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _figures(rng, code: str, scale: float) -> dict[str, int]:
    """Totals that keep the framework's rules: convicted <= prosecuted <= suspected, assisted <= detected."""
    suspected = int(rng.randint(30, 160) * scale)
    prosecuted = rng.randint(suspected // 3, suspected)
    smuggled = int(rng.randint(200, 2500) * scale)
    victims = int(rng.randint(20, 300) * scale)
    return {
        "TIP-PR-07": suspected, "TIP-PR-08": prosecuted, "TIP-PR-09": rng.randint(0, prosecuted),
        "TIP-PT-01": victims, "TIP-PT-02": rng.randint(victims // 2, victims),
        "SOM-PT-02": smuggled, "SOM-PR-07": (p := int(rng.randint(10, 90) * scale)), "SOM-PR-08": rng.randint(0, p),
    }  # fmt: skip


def _entries(indicators, country: Organization, year: int, *, share: float = 1.0) -> dict[str, Entry]:
    rng = random.Random(f"{country.code}-{year}")  # noqa: S311 - demo figures, not secrets
    scale = 5 if country.code in ("MX", "US") else 1
    figures = _figures(rng, country.code, scale)
    entries = {}
    for indicator in indicators:
        if rng.random() > share:
            continue
        kind = indicator.answer_type
        entry = Entry()
        if kind == AnswerType.YES_NO_PARTLY:
            entry.value = rng.choice(["yes", "yes", "yes", "partly", "no"])
        elif kind in (AnswerType.CHOICE, AnswerType.MULTIPLE):
            codes = [choice["code"] for choice in indicator.choices]
            entry.value = (
                rng.choice(codes) if kind == AnswerType.CHOICE else rng.sample(codes, rng.randint(1, 3))
            )
        elif kind == AnswerType.DATE:
            entry.value = f"{year - rng.randint(1, 4)}-{rng.randint(1, 12):02d}-15"
        elif kind == AnswerType.TEXT:
            entry.value = "Fortalecer el registro de casos y la coordinación con las fiscalías."
        elif kind == AnswerType.PERCENTAGE:
            entry.value = str(rng.randint(40, 95))
        elif kind == AnswerType.DECIMAL:
            entry.value = str(rng.randint(10, 900) * 1000)
        else:
            total = figures.get(indicator.code, int(rng.randint(0, 40) * scale))
            if indicator.code == "SOM-PT-03":
                total = 0  # set after the children detected are known
            entry.value = total
            for dimension in indicator.disaggregations:
                categories = DIMENSIONS[dimension].categories
                used = categories if len(categories) <= 3 else categories[:3]
                for (category, _label), part in zip(used, _split(rng, total, len(used)), strict=True):
                    entry.parts[f"{dimension}:{category}"] = part
            if indicator.unodc_figure:
                entry.article = (
                    "Código Penal, art. 172" if indicator.protocol == "tip" else "Ley de Migración, art. 249"
                )
                entry.data_source = "Ministerio Público, sistema de gestión de casos"
        entries[indicator.code] = entry
    if "SOM-PT-03" in entries and "SOM-PT-02" in entries:
        entries["SOM-PT-03"].value = rng.randint(0, entries["SOM-PT-02"].parts.get("age:child", 0))
    return entries


def _fill(submission, indicators, actor, *, share=1.0):
    entries = _entries(indicators, submission.owner, submission.cycle.period_end.year, share=share)
    services.answers_save(
        actor=actor, submission=submission, entries=entries, indicators={i.code: i for i in indicators}
    )


def _officer(code: str):
    return User.objects.filter(organization__code=code, role="liaison_officer", is_active=True).first()


def _load_2016(framework, indicators, staff, iom) -> None:
    seed = Meeting.objects.filter(place="Tegucigalpa", start_date="2016-06-08").first()
    commitment = None
    if seed is not None:
        commitment = (
            Commitment.objects.filter(meeting=seed, agreement__parent__label="2", agreement__label="a")
            .filter(text__startswith="Los países")
            .first()
        )
    states = {org.code: org for org in Organization.objects.filter(code__in=EXPECTED_2016 + ["CA", "US"])}
    with dated(_on(dt.date(2016, 6, 9))):
        cycle = cycle_open(
            actor=staff,
            framework=framework,
            title="Indicadores de Palermo 2016 (acuerdo 2.a, Tegucigalpa)",
            period_start=dt.date(2015, 1, 1),
            period_end=dt.date(2015, 12, 31),
            opens_on=dt.date(2016, 6, 9),
            due_on=dt.date(2016, 8, 8),
            expected=[states[code] for code in EXPECTED_2016],
            commitment=commitment,
        )
    submitted = [(code, dt.date(2016, 7 if code == "CR" else 8, day)) for code, day in ON_TIME_2016.items()]
    submitted.append(("DO", dt.date(2016, 8, 22)))  # late
    for code, day in submitted:
        country = states[code]
        officer = _officer(code)
        with dated(_on(day)):
            submission = services.submission_start(actor=officer, cycle=cycle, country_id=country.pk)
            _fill(submission, indicators, officer)
            submission = services.submission_submit(
                actor=officer,
                submission=submission,
                justifications={"R-TIP-PROS": "Procesos iniciados con denuncias de años anteriores."},
            )
        review_day = day + dt.timedelta(days=10)
        with dated(_on(review_day, 15)):
            if code == "PA":
                services.submission_return(
                    actor=staff,
                    submission=submission,
                    comments={indicators[8]: "Indique la fuente de las cifras de condenas."},
                    reason="Falta la fuente de una cifra.",
                )
            elif code in VALIDATED_2016:
                services.indicator_comment_add(
                    actor=iom, submission=submission, indicator=indicators[12],
                    text="Conviene desglosar las víctimas por forma de explotación.",
                )  # fmt: skip
                services.submission_validate(actor=staff, submission=submission)
    cycle_publish(actor=staff, cycle=cycle)


def _load_2017(framework, indicators, staff) -> None:
    today = timezone.localdate()
    cycle = cycle_open(
        actor=staff,
        framework=framework,
        title="Indicadores de Palermo 2017",
        period_start=dt.date(2016, 1, 1),
        period_end=dt.date(2016, 12, 31),
        opens_on=today - dt.timedelta(days=30),
        due_on=today + dt.timedelta(days=45),
    )
    mexico = Organization.objects.get(code="MX")
    officer = _officer("MX")
    submission = services.submission_start(actor=officer, cycle=cycle, country_id=mexico.pk)
    _fill(submission, indicators, officer)
    services.submission_submit(
        actor=officer, submission=submission, justifications={"R-TIP-PROS": "Casos de años anteriores."}
    )
    costa_rica = Organization.objects.get(code="CR")
    draft = services.submission_start(actor=_officer("CR"), cycle=cycle, country_id=costa_rica.pk)
    _fill(draft, indicators, _officer("CR"), share=0.4)


def load_reporting(stdout=None) -> None:
    if Cycle.objects.exists():
        return
    staff = User.objects.filter(username="st.staff").first()
    iom = User.objects.filter(username="iom.analyst").first()
    if staff is None or iom is None:
        return
    framework = framework_load_reference()
    indicators = list(framework.indicators.all())
    for code, total in POPULATION_2016.items():
        country = Organization.objects.filter(code=code).first()
        if country is not None:
            for year in (2015, 2016):
                Population.objects.get_or_create(
                    country=country, year=year,
                    defaults={"total": total, "female": total // 2 + total // 100, "male": total // 2 - total // 100,
                              "children": total * 35 // 100, "source": POPULATION_SOURCE},
                )  # fmt: skip
    _load_2016(framework, indicators, staff, iom)
    _load_2017(framework, indicators, staff)
    if stdout is not None:
        stdout.write(
            f"  reporting: {len(indicators)} indicators, {Submission.objects.count()} country reports\n"
        )
